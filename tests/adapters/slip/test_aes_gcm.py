"""AES-256-GCM: what one key seals, only that key opens, and any changed byte is caught."""

from __future__ import annotations

import pytest

from kakanai.adapters.slip.aes_gcm import AesGcmCipher

KEY = bytes(range(32))
NONCE = bytes(12)


def test_the_same_key_opens_what_it_sealed() -> None:
    sealed = AesGcmCipher(KEY).encrypt(NONCE, b"case", b"header")
    assert len(sealed) == len(b"case") + 16
    assert AesGcmCipher(KEY).decrypt(NONCE, sealed, b"header") == b"case"


@pytest.mark.parametrize(
    ("key", "nonce", "associated", "flip"),
    [
        pytest.param(bytes(32), NONCE, b"header", None, id="another key"),
        pytest.param(KEY, b"\x01" + NONCE[1:], b"header", None, id="another nonce"),
        pytest.param(KEY, NONCE, b"heades", None, id="another header"),
        pytest.param(KEY, NONCE, b"header", 0, id="a changed ciphertext byte"),
        pytest.param(KEY, NONCE, b"header", -1, id="a changed tag byte"),
    ],
)
def test_anything_else_opens_nothing(
    key: bytes, nonce: bytes, associated: bytes, flip: int | None
) -> None:
    sealed = bytearray(AesGcmCipher(KEY).encrypt(NONCE, b"case", b"header"))
    if flip is not None:
        sealed[flip] ^= 0x80
    assert AesGcmCipher(key).decrypt(nonce, bytes(sealed), associated) is None


def test_a_key_of_the_wrong_length_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="32"):
        AesGcmCipher(bytes(16))
