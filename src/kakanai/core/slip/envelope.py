"""The sealed slip: the case layout compressed with the version's dictionary, encrypted and
authenticated under a key id, with an issue time and a validity, framed as digits. Opening
checks everything in a fixed order and either returns the whole case layout or raises the
SLIP_ code of the first problem."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.japanese import values as jv
from kakanai.core.slip.byte_codec import ByteReader, ByteWriter, LayoutError
from kakanai.core.slip.dictionary import CompressionError, compress, decompress
from kakanai.core.slip.digits import (
    HEADER_DIGITS,
    SCHEME,
    digit_count,
    frame,
    normalize_scanned,
    unframe,
)

FORMAT_VERSION = 2
"""Version of the whole format: envelope, case layout and compression dictionary together.
02 added visits of several trees (``moving+birth``) and per-member answers, and ids of the
shipped trees to the dictionary. A case 01 could carry is laid out the same in 02, so a desk
reads both; a desk that knows only 01 says to update kakanai (SLIP_003)."""
KNOWN_VERSIONS = frozenset({1, FORMAT_VERSION})
JST = dt.timezone(dt.timedelta(hours=9), "JST")
EPOCH = dt.datetime(2020, 1, 1, tzinfo=JST)
KEY_ID_BYTES = 2
NONCE_BYTES = 12  # the 4-byte issue time (seconds from EPOCH), then 8 random bytes
MAX_VALID_DAYS = 366
MAX_QR_DIGITS = 7089  # a version 40 QR code at error correction L, in numeric mode
MAX_SCANNED_CHARS = 20_000
"""What a scanner may type for one slip: the most digits a QR code holds, with room for the
spaces, line breaks and prefixes wedge scanners add. Longer input is refused unread."""
CLOCK_SKEW = dt.timedelta(minutes=10)
"""How far ahead of this desk's clock a slip's issue time may be: desks' clocks drift."""


class Cipher(Protocol):
    """Authenticated encryption under one key (AES-256-GCM in ``adapters/slip/aes_gcm.py``)."""

    def encrypt(self, nonce: bytes, plaintext: bytes, associated: bytes) -> bytes:
        """Ciphertext followed by the authentication tag."""
        ...

    def decrypt(self, nonce: bytes, sealed: bytes, associated: bytes) -> bytes | None:
        """The plaintext, or None when the key is wrong or anything was altered."""
        ...


CipherFor = Callable[[str], "Cipher | None"]
"""The desk's cipher for a key id, or None when the desk does not hold that key."""


@dataclass(frozen=True)
class SealingKey:
    """The desk's active key: the id every slip carries and the cipher behind it."""

    key_id: str
    cipher: Cipher


@dataclass(frozen=True)
class Opened:
    """A slip that passed every check: its case layout and what the envelope said."""

    body: bytes
    key_id: str
    issued_at: dt.datetime
    expires_at: dt.datetime


def seal(
    body: bytes,
    key: SealingKey,
    *,
    issued_at: dt.datetime,
    valid_days: int,
    nonce_random: bytes | None = None,
) -> str:
    """The slip digits for ``body``. ``issued_at`` is cut to whole seconds; ``nonce_random``
    (8 bytes) is for tests that need the same digits twice."""
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        raise KakanaiError.of(ErrorCode.SLIP_VALID_DAYS, maximum=MAX_VALID_DAYS, days=valid_days)
    seconds = int((issued_at - EPOCH).total_seconds())
    if nonce_random is None:
        nonce_random = secrets.token_bytes(NONCE_BYTES - 4)
    nonce = seconds.to_bytes(4, "big") + nonce_random
    head = ByteWriter()
    head.raw(bytes.fromhex(key.key_id) + nonce)
    head.uint(valid_days)
    header = head.data()
    payload = compress(body, FORMAT_VERSION)
    sealed = key.cipher.encrypt(nonce, payload, _associated(FORMAT_VERSION, header))
    digits = HEADER_DIGITS + digit_count(len(header + sealed)) + 1
    if digits > MAX_QR_DIGITS:
        raise KakanaiError.of(ErrorCode.SLIP_TOO_LARGE, digits=digits, limit=MAX_QR_DIGITS)
    return frame(FORMAT_VERSION, header + sealed)


def open_digits(text: str, *, cipher_for: CipherFor, now: dt.datetime) -> Opened:
    """Normalise what was scanned or typed, then check it; never a partial result."""
    if len(text) > MAX_SCANNED_CHARS:
        raise KakanaiError.of(
            ErrorCode.INPUT_SCAN_TOO_LONG, length=len(text), limit=MAX_SCANNED_CHARS
        )
    framed = unframe(normalize_scanned(text), KNOWN_VERSIONS)
    source = ByteReader(framed.data)
    key_id = framed.data[:KEY_ID_BYTES].hex().upper() or "?"
    try:
        source.raw(KEY_ID_BYTES)
        nonce = source.raw(NONCE_BYTES)
        valid_days = source.uint()
    except LayoutError:  # the check digits hold, so this was made on purpose
        raise KakanaiError.of(ErrorCode.SLIP_WRONG_KEY, key_id=key_id) from None
    cipher = cipher_for(key_id)
    if cipher is None:
        raise KakanaiError.of(ErrorCode.SLIP_UNKNOWN_KEY, key_id=key_id)
    header, sealed = framed.data[: source.position], framed.data[source.position :]
    plain = cipher.decrypt(nonce, sealed, _associated(framed.version, header))
    if plain is None:
        raise KakanaiError.of(ErrorCode.SLIP_WRONG_KEY, key_id=key_id)
    issued_at = EPOCH + dt.timedelta(seconds=int.from_bytes(nonce[:4], "big"))
    expires_at = issued_at + dt.timedelta(days=valid_days)
    if issued_at > now + CLOCK_SKEW:  # only after the tag: the issue time is authentic
        raise KakanaiError.of(
            ErrorCode.SLIP_NOT_YET_VALID, issued=format_moment(issued_at), now=format_moment(now)
        )
    if now > expires_at:
        raise KakanaiError.of(ErrorCode.SLIP_EXPIRED, expires=format_moment(expires_at))
    try:
        body = decompress(plain, framed.version)
    except CompressionError:
        raise KakanaiError.of(
            ErrorCode.SLIP_CONTENT, id="?", version="?", detail="圧縮されたデータを戻せません"
        ) from None
    return Opened(body, key_id, issued_at, expires_at)


def _associated(version: int, header: bytes) -> bytes:
    """Authenticated with the ciphertext: the scheme, the format version and the header."""
    return f"{SCHEME}{version:02d}".encode("ascii") + header


def format_moment(moment: dt.datetime) -> str:
    """A time as the desk reads it, in Japan time: ``令和8年12月23日 10時15分``."""
    local = moment.astimezone(JST)
    return f"{jv.format_wareki(local.date())} {local.hour}時{local.minute:02d}分"


def as_jst(moment: dt.datetime | None) -> dt.datetime:
    """``moment`` (now when None) in Japan time; a naive time is taken as Japan time."""
    if moment is None:
        return dt.datetime.now(JST)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=JST)
    return moment.astimezone(JST)
