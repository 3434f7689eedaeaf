"""The primitives of the slip's field layout: variable-length integers, packed bits, text,
katakana in a one-byte alphabet and digit strings in four bits. Writer and reader mirror each
other call by call, so the layout needs no tags where the question tree says the type."""

from __future__ import annotations

import datetime as dt

# Furigana in one byte per character instead of three (UTF-8). Order is part of the format.
KANA_ALPHABET = "\u3000ー・" + "".join(chr(code) for code in range(0x30A1, 0x30FB))
_KANA_INDEX = {char: index for index, char in enumerate(KANA_ALPHABET)}
# Postal codes, phone numbers and versions: digits, hyphens and dots, two to a byte; 15 pads
# an odd count.
NIBBLES = "0123456789-."
_NIBBLE_PAD = 15


class LayoutError(Exception):
    """Bytes that do not follow the layout (too short, too long, out of range)."""


class ByteWriter:
    """Appends fields; booleans share bytes eight to one (the reader mirrors this)."""

    def __init__(self) -> None:
        self._out = bytearray()
        self._bit_at = -1  # index of the byte collecting booleans
        self._bits_used = 8

    def data(self) -> bytes:
        return bytes(self._out)

    def raw(self, data: bytes) -> None:
        self._out += data

    def uint(self, value: int) -> None:
        """An unsigned integer in 7-bit groups, low group first (LEB128)."""
        if value < 0:
            raise ValueError(f"negative value {value} for an unsigned field")
        while True:
            group, value = value & 0x7F, value >> 7
            self._out.append(group | (0x80 if value else 0))
            if not value:
                return

    def sint(self, value: int) -> None:
        """A signed integer, small magnitudes short (zigzag)."""
        self.uint(value * 2 if value >= 0 else -value * 2 - 1)

    def bit(self, value: bool) -> None:
        if self._bits_used == 8:
            self._bit_at, self._bits_used = len(self._out), 0
            self._out.append(0)
        if value:
            self._out[self._bit_at] |= 1 << self._bits_used
        self._bits_used += 1

    def text(self, value: str) -> None:
        encoded = value.encode("utf-8")
        self.uint(len(encoded))
        self._out += encoded

    def kana(self, value: str) -> None:
        """Katakana in the one-byte alphabet; other characters (rare) fall back to UTF-8."""
        if all(char in _KANA_INDEX for char in value):
            self.uint(len(value) * 2)
            self._out += bytes(_KANA_INDEX[char] for char in value)
        else:
            encoded = value.encode("utf-8")
            self.uint(len(encoded) * 2 + 1)
            self._out += encoded

    def digit_string(self, value: str) -> None:
        """Digits, hyphens and dots (``100-0001``, ``2026.11``) at four bits each."""
        codes = [NIBBLES.index(char) for char in value]
        self.uint(len(codes))
        if len(codes) % 2:
            codes.append(_NIBBLE_PAD)
        self._out += bytes(
            high << 4 | low for high, low in zip(codes[::2], codes[1::2], strict=True)
        )

    def day(self, value: dt.date, base: dt.date) -> None:
        """A date as days from ``base`` (the interview date): near dates take one byte."""
        self.sint((value - base).days)


class ByteReader:
    """Reads what a ``ByteWriter`` wrote, in the same order; LayoutError when it cannot."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0
        self._bit_byte = 0
        self._bits_used = 8

    @property
    def position(self) -> int:
        return self._at

    @property
    def at_end(self) -> bool:
        return self._at == len(self._data)

    def raw(self, count: int) -> bytes:
        if self._at + count > len(self._data):
            raise LayoutError("データが途中で終わっています")
        chunk = self._data[self._at : self._at + count]
        self._at += count
        return chunk

    def uint(self) -> int:
        value = shift = 0
        while True:
            byte = self.raw(1)[0]
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value
            if shift > 63:
                raise LayoutError("数値の項目が長すぎます")

    def sint(self) -> int:
        value = self.uint()
        return value // 2 if value % 2 == 0 else -(value + 1) // 2

    def bit(self) -> bool:
        if self._bits_used == 8:
            self._bit_byte, self._bits_used = self.raw(1)[0], 0
        value = bool(self._bit_byte >> self._bits_used & 1)
        self._bits_used += 1
        return value

    def text(self) -> str:
        return self._utf8(self.raw(self.uint()))

    def kana(self) -> str:
        header = self.uint()
        if header % 2:
            return self._utf8(self.raw(header // 2))
        codes = self.raw(header // 2)
        if any(code >= len(KANA_ALPHABET) for code in codes):
            raise LayoutError("フリガナの文字の番号が範囲外です")
        return "".join(KANA_ALPHABET[code] for code in codes)

    def digit_string(self) -> str:
        count = self.uint()
        packed = self.raw((count + 1) // 2)
        codes = [nibble for byte in packed for nibble in (byte >> 4, byte & 0x0F)][:count]
        if any(code >= len(NIBBLES) for code in codes):
            raise LayoutError("数字の項目に範囲外の値があります")
        return "".join(NIBBLES[code] for code in codes)

    def day(self, base: dt.date) -> dt.date:
        try:
            return base + dt.timedelta(days=self.sint())
        except OverflowError:
            raise LayoutError("日付が範囲外です") from None

    @staticmethod
    def _utf8(data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise LayoutError("文字がUTF-8ではありません") from None
