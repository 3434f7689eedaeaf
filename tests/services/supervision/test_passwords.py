"""Supervisors' passwords: scrypt with a random salt and its parameters kept beside the hash;
a wrong, tampered or unreasonable hash never verifies and never raises."""

from __future__ import annotations

import base64
import time
import unicodedata

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.supervision.passwords import (
    MAX_LENGTH,
    MIN_LENGTH,
    check_password,
    hash_password,
    verify_password,
)

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test password


def test_the_hash_names_scrypt_and_its_parameters_and_holds_no_password() -> None:
    stored = hash_password(PASSWORD)
    scheme, parameters, salt, key = stored.split("$")
    assert (scheme, parameters) == ("scrypt", "n=16384,r=8,p=1")
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(key)) == 32
    assert PASSWORD not in stored


def test_each_hash_has_its_own_salt() -> None:
    assert hash_password(PASSWORD) != hash_password(PASSWORD)


def test_the_right_password_verifies_and_a_wrong_one_does_not() -> None:
    stored = hash_password(PASSWORD)
    assert verify_password(PASSWORD, stored)
    assert not verify_password(PASSWORD + " ", stored)
    assert not verify_password("correct horse battery stapl", stored)
    assert not verify_password("", stored)


def test_a_password_typed_composed_or_decomposed_is_the_same_password() -> None:
    """An input method may send が as one character or as か + ゛."""
    composed = "がっこうのパスワードです"
    stored = hash_password(composed)
    assert verify_password(unicodedata.normalize("NFD", composed), stored)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain text password",
        "bcrypt$n=16384,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",
        "scrypt$n=16384,r=8,p=1$not base64!$AAAA",
        "scrypt$n=16384,r=8$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,
        "scrypt$n=1000,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,
    ],
    ids=["empty", "not a hash", "other scheme", "bad salt", "missing p", "n not a power of 2"],
)
def test_a_hash_that_is_not_ours_never_verifies(stored: str) -> None:
    assert not verify_password(PASSWORD, stored)


def test_a_forged_hash_asking_for_gigabytes_is_refused_at_once() -> None:
    """A row edited to ask for n=2^30 must not stall (or exhaust) the desk."""
    stored = hash_password(PASSWORD).replace("n=16384", "n=1073741824")
    started = time.perf_counter()
    assert not verify_password(PASSWORD, stored)
    assert time.perf_counter() - started < 0.5


def test_a_tampered_key_does_not_verify() -> None:
    scheme, parameters, salt, key = hash_password(PASSWORD).split("$")
    flipped = bytearray(base64.b64decode(key))
    flipped[0] ^= 1
    forged = "$".join([scheme, parameters, salt, base64.b64encode(bytes(flipped)).decode()])
    assert not verify_password(PASSWORD, forged)


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("a" * (MIN_LENGTH - 1), ErrorCode.USER_PASSWORD_SHORT),
        ("a" * (MAX_LENGTH + 1), ErrorCode.USER_PASSWORD_LONG),
        ("監修 花子", ErrorCode.USER_PASSWORD_SHORT),
        ("kansyu hanako", ErrorCode.USER_PASSWORD_IS_NAME),
    ],
    ids=["short", "long", "short japanese", "the name"],
)
def test_a_password_too_short_too_long_or_the_name_is_refused_in_japanese(
    password: str, code: ErrorCode
) -> None:
    with pytest.raises(KakanaiError) as caught:
        check_password(password, name="Kansyu Hanako")
    assert caught.value.code is code
    assert password not in caught.value.message


def test_a_long_passphrase_is_accepted() -> None:
    check_password("しろいねこと くろいいぬが さんぽする", name="監修 花子")
    check_password("a" * MIN_LENGTH)


def test_the_short_password_message_says_how_long_it_must_be() -> None:
    with pytest.raises(KakanaiError) as caught:
        check_password("abc")
    assert f"{MIN_LENGTH}文字以上" in caught.value.message
    assert "3文字" in caught.value.message
