"""The digits-only face of the slip payload: scheme prefix, version, length, Damm check digits,
bytes as digits, and the clean-up of what a keyboard-wedge scanner types (docs/slip-payload.md).
Only digits survive every keyboard layout and IME, and they put the QR code in numeric mode."""

from __future__ import annotations

from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, KakanaiError

SCHEME = "87"
"""Every guidance slip starts with these digits; anything else is some other code."""
LENGTH_DIGITS = 4
HEADER_DIGITS = len(SCHEME) + 2 + LENGTH_DIGITS + 1  # scheme, version, length, header check
MAX_BYTES = 10**LENGTH_DIGITS - 1

# 22 bytes (176 bits) fit in 53 digits (10**53 > 2**176): 3.32 bits a digit, within 0.04 %
# of what digits can carry. A shorter last chunk takes the fewest digits that can hold it.
CHUNK_BYTES = 22
_TAIL_DIGITS = tuple(len(str(256**size - 1)) if size else 0 for size in range(CHUNK_BYTES + 1))

# Damm's quasigroup of order 10: one check digit catches every single-digit error and every
# swap of two neighbouring digits.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm(digits: str) -> str:
    """The Damm check digit of ``digits``; a string ending in its check digit gives "0"."""
    interim = 0
    for char in digits:
        interim = _DAMM[interim][ord(char) - 48]
    return str(interim)


def digit_count(byte_count: int) -> int:
    """How many digits ``byte_count`` bytes take."""
    whole, tail = divmod(byte_count, CHUNK_BYTES)
    return whole * _TAIL_DIGITS[CHUNK_BYTES] + _TAIL_DIGITS[tail]


def bytes_to_digits(data: bytes) -> str:
    parts = []
    for start in range(0, len(data), CHUNK_BYTES):
        chunk = data[start : start + CHUNK_BYTES]
        parts.append(str(int.from_bytes(chunk, "big")).zfill(_TAIL_DIGITS[len(chunk)]))
    return "".join(parts)


def digits_to_bytes(digits: str, byte_count: int) -> bytes:
    """The bytes written by ``bytes_to_digits``; SLIP_006 when a chunk is out of range, which
    only a changed digit can cause."""
    out = bytearray()
    position = 0
    for start in range(0, byte_count, CHUNK_BYTES):
        size = min(CHUNK_BYTES, byte_count - start)
        width = _TAIL_DIGITS[size]
        value = int(digits[position : position + width])
        if value >= 256**size:
            raise KakanaiError.of(ErrorCode.SLIP_CHECK_DIGIT)
        out += value.to_bytes(size, "big")
        position += width
    return bytes(out)


@dataclass(frozen=True)
class Framed:
    """The envelope bytes carried by a slip's digits, with the format version they declare."""

    version: int
    data: bytes


def frame(version: int, data: bytes) -> str:
    """``87 VV LLLL h <data as digits> c``: h checks the header, c checks everything before it."""
    if len(data) > MAX_BYTES:
        raise ValueError(f"payload of {len(data)} bytes exceeds the length field")
    header = f"{SCHEME}{version:02d}{len(data):0{LENGTH_DIGITS}d}"
    body = header + damm(header) + bytes_to_digits(data)
    return body + damm(body)


def unframe(text: str, known_versions: frozenset[int]) -> Framed:
    """Check a normalised digit string; each way it can be wrong raises its own SLIP_ code."""
    _check_scheme(text)
    version_digits = text[len(SCHEME) : len(SCHEME) + 2]
    if len(version_digits) == 2 and int(version_digits) not in known_versions:
        # A real slip of a newer format still ends in a valid check digit; a typo does not.
        if damm(text) != "0":
            raise KakanaiError.of(ErrorCode.SLIP_CHECK_DIGIT)
        known = "・".join(f"{v:02d}" for v in sorted(known_versions))
        raise KakanaiError.of(ErrorCode.SLIP_VERSION, version=version_digits, known=known)
    if len(text) < HEADER_DIGITS:
        raise KakanaiError.of(ErrorCode.SLIP_TRUNCATED, missing=f"{HEADER_DIGITS - len(text)}以上")
    if damm(text[:HEADER_DIGITS]) != "0":
        raise KakanaiError.of(ErrorCode.SLIP_CHECK_DIGIT)
    byte_count = int(text[HEADER_DIGITS - 1 - LENGTH_DIGITS : HEADER_DIGITS - 1])
    expected = HEADER_DIGITS + digit_count(byte_count) + 1
    if len(text) < expected:
        raise KakanaiError.of(ErrorCode.SLIP_TRUNCATED, missing=expected - len(text))
    if len(text) > expected:
        raise KakanaiError.of(ErrorCode.SLIP_PADDED, extra=len(text) - expected)
    if damm(text) != "0":
        raise KakanaiError.of(ErrorCode.SLIP_CHECK_DIGIT)
    data = digits_to_bytes(text[HEADER_DIGITS:-1], byte_count)
    return Framed(int(version_digits), data)


def _check_scheme(text: str) -> None:
    if not text:
        raise KakanaiError.of(ErrorCode.SLIP_SCHEME, detail="何も読み取れていません")
    if not text.isascii() or not text.isdigit():
        shown = text if len(text) <= 12 else text[:12] + "…"
        raise KakanaiError.of(ErrorCode.SLIP_SCHEME, detail=f"数字以外を含みます: {shown}")
    if len(text) < len(SCHEME) and SCHEME.startswith(text):
        raise KakanaiError.of(ErrorCode.SLIP_TRUNCATED, missing=f"{HEADER_DIGITS - len(text)}以上")
    if not text.startswith(SCHEME):
        raise KakanaiError.of(
            ErrorCode.SLIP_SCHEME, detail=f"先頭が{SCHEME}ではなく{text[: len(SCHEME)]}です"
        )


# --- what a keyboard-wedge scanner types -------------------------------------------------

# Full-width digits (an IME left on) become ASCII; U+FF10..U+FF19 sit 0xFEE0 above them.
_FULLWIDTH_DIGITS = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}


def normalize_scanned(text: str) -> str:
    """What a scanner in keyboard mode (or a clerk) typed, as the slip's digits: full-width
    digits become ASCII, spaces, tabs and newlines go, and a scheme prefix typed twice (a
    scanner prefix setting plus the code's own) counts once."""
    digits = "".join(char for char in text.translate(_FULLWIDTH_DIGITS) if not char.isspace())
    digits = "".join(char for char in digits if char.isprintable())
    repeated = 0  # counted first: cutting the prefix once per loop is quadratic
    while digits.startswith(SCHEME * 2, repeated * len(SCHEME)):
        repeated += 1
    return digits[repeated * len(SCHEME) :]
