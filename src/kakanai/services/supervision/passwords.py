"""Supervisors' passwords: scrypt (a memory-hard KDF in the standard library) with a random
salt per password, the parameters kept with the hash so they can be raised later, and a
constant-time comparison. Nothing here ever logs or returns a password."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, KakanaiError

MIN_LENGTH = 10
MAX_LENGTH = 256  # long passphrases are welcome; a megabyte of "password" is not
SALT_BYTES = 16
KEY_BYTES = 32
SCHEME = "scrypt"


@dataclass(frozen=True)
class Cost:
    """scrypt's work factors: N (CPU and memory), r (block size), p (parallelism). The
    default needs 16 MiB and about 50 ms per check, the figures OWASP recommends."""

    n: int = 2**14
    r: int = 8
    p: int = 1

    def acceptable(self) -> bool:
        """Within what a stored hash may ask for (a forged row must not stall a desk)."""
        power_of_two = self.n & (self.n - 1) == 0
        return power_of_two and 2**10 <= self.n <= 2**20 and 1 <= self.r <= 32 and 1 <= self.p <= 16

    @property
    def memory(self) -> int:
        return 128 * self.r * self.n * self.p + 1024 * 1024


DEFAULT_COST = Cost()


def check_password(password: str, *, name: str = "") -> None:
    """USER_005/USER_006 when ``password`` is too short or too long, USER_011 when it is
    the user's own name."""
    length = len(_normalized(password))
    if length < MIN_LENGTH:
        raise KakanaiError.of(ErrorCode.USER_PASSWORD_SHORT, minimum=MIN_LENGTH, length=length)
    if length > MAX_LENGTH:
        raise KakanaiError.of(ErrorCode.USER_PASSWORD_LONG, maximum=MAX_LENGTH)
    if name and _normalized(password).casefold() == _normalized(name).casefold():
        raise KakanaiError.of(ErrorCode.USER_PASSWORD_IS_NAME)


def hash_password(password: str, *, cost: Cost = DEFAULT_COST) -> str:
    """``scrypt$n=16384,r=8,p=1$<salt>$<key>`` (salt and key in base64)."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, cost)
    return f"{SCHEME}$n={cost.n},r={cost.r},p={cost.p}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from; False for a hash that is
    not ours or asks for an unreasonable cost (never an exception)."""
    parsed = _parse(stored)
    if parsed is None or len(password) > MAX_LENGTH * 4:
        return False
    cost, salt, key = parsed
    return hmac.compare_digest(_derive(password, salt, cost, len(key)), key)


def _derive(password: str, salt: bytes, cost: Cost, length: int = KEY_BYTES) -> bytes:
    secret = _normalized(password).encode("utf-8")
    return hashlib.scrypt(
        secret, salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.memory, dklen=length
    )


def _normalized(password: str) -> str:
    """The same password however the keyboard or input method composed it (NFC, as
    RFC 8265 prepares passwords)."""
    return unicodedata.normalize("NFC", password)


def _parse(stored: str) -> tuple[Cost, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        return None
    try:
        fields = dict(item.split("=", 1) for item in parts[1].split(","))
        cost = Cost(int(fields["n"]), int(fields["r"]), int(fields["p"]))
        salt = base64.b64decode(parts[2], validate=True)
        key = base64.b64decode(parts[3], validate=True)
    except (ValueError, KeyError, binascii.Error):
        return None
    if not cost.acceptable() or len(salt) < SALT_BYTES or not 16 <= len(key) <= 64:
        return None
    return cost, salt, key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
