"""A virtual My Number card for the tests and the bench: it answers the 券面事項入力補助AP's
APDUs as a card does (selection, PIN tries, security status, READ BINARY offsets and Le,
GET RESPONSE), and it holds no 個人番号 at all (EF 0001 does not exist on it)."""

from __future__ import annotations

import threading

from kakanai.adapters.smartcard.basic_four import CardSurface, encode_basic_four
from kakanai.adapters.smartcard.mynumber import AID, EF_BASIC_FOUR, EF_PIN

OK = b"\x90\x00"
NOT_FOUND = b"\x6a\x82"
NOT_ALLOWED = b"\x69\x86"  # no current EF of the right kind
NOT_SATISFIED = b"\x69\x82"  # security status: PIN not verified
BLOCKED = b"\x69\x83"


def _atr() -> bytes:
    """A T=0/T=1 ATR with 8 historical bytes and its check byte (TCK): pcscd powers the
    card up with it."""
    body = bytes([0x88, 0x80, 0x01]) + b"KAKANAI!"  # T0, TD1 (T=0, TD2 next), TD2 (T=1)
    check = 0
    for byte in body:
        check ^= byte
    return b"\x3b" + body + bytes([check])


ATR = _atr()


class VirtualMyNumberCard:
    """``commands`` records the header of every APDU (INS, P1, P2, data length) — never
    its data — and ``selected`` what each SELECT named, so tests can see what was sent.
    ``answer_chunk``: answer longer data in pieces with ``61 xx`` (as T=0 cards do)."""

    def __init__(  # noqa: PLR0913, PLR0917 - the four fields as on the card, then the card's state
        self,
        name: str,
        address: str,
        birth: str,
        sex: str,
        pin: str = "1234",
        tries: int = 3,
        *,
        aid: bytes = AID,
        basic_four: bytes | None = None,
        answer_chunk: int | None = None,
    ) -> None:
        surface = CardSurface(name, address, birth, sex)
        self.basic_four = (
            basic_four
            if basic_four is not None
            else encode_basic_four(surface, header=bytes(range(8)))
        )
        self.pin = pin  # what the resident types (the bench's clerk reads it here)
        self._pin = pin.encode("ascii")
        self.max_tries = tries
        self.tries_left = tries
        self._aid = aid
        self._answer_chunk = answer_chunk
        self.commands: list[tuple[int, int, int, int]] = []
        self.selected: list[bytes] = []  # what each SELECT named (AIDs and EF ids)
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Power off, on or reset: nothing selected, the PIN no longer verified."""
        self._in_ap = False
        self._ef: bytes | None = None
        self._verified = False
        self._pending = b""

    def answer(self, apdu: bytes) -> bytes:
        with self._lock:
            if len(apdu) < 4:
                return b"\x67\x00"
            data = apdu[5 : 5 + apdu[4]] if len(apdu) > 5 else b""
            self.commands.append((apdu[1], apdu[2], apdu[3], len(data)))
            if apdu[0] != 0x00:
                return b"\x6e\x00"
            le = apdu[4] if len(apdu) == 5 else None
            return self._chunked(self._command(apdu[1], apdu[2], apdu[3], data, le))

    def _chunked(self, response: bytes) -> bytes:
        data = response[:-2]
        if self._answer_chunk is None or len(data) <= self._answer_chunk:
            return response
        self._pending = data[self._answer_chunk :]
        return data[: self._answer_chunk] + bytes([0x61, min(len(self._pending), 0xFF)])

    def _command(self, ins: int, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
        if ins == 0xA4:
            return self._select(p1, data)
        if ins == 0x20:
            return self._verify(data)
        if ins == 0xB0:
            return self._read_binary((p1 << 8) | p2, le)
        if ins == 0xC0:
            piece, self._pending = self._pending[: le or 256], self._pending[le or 256 :]
            return piece + (bytes([0x61, min(len(self._pending), 0xFF)]) if self._pending else OK)
        return b"\x6d\x00"

    def _select(self, p1: int, data: bytes) -> bytes:
        self.selected.append(data)
        if p1 == 0x04:
            self._in_ap = data == self._aid
            self._ef = None
            self._verified = False
            return OK if self._in_ap else NOT_FOUND
        if p1 == 0x02 and self._in_ap and data in (EF_PIN, EF_BASIC_FOUR):
            self._ef = data
            return OK
        return NOT_FOUND  # EF 0001 (個人番号) among them: this card has none

    def _verify(self, pin: bytes) -> bytes:
        if self._ef != EF_PIN:
            return NOT_ALLOWED
        if self.tries_left == 0:
            return BLOCKED
        if not pin:
            return bytes([0x63, 0xC0 | self.tries_left])
        if pin == self._pin:
            self.tries_left = self.max_tries
            self._verified = True
            return OK
        self.tries_left -= 1
        self._verified = False
        return bytes([0x63, 0xC0 | self.tries_left])

    def _read_binary(self, offset: int, le: int | None) -> bytes:
        if self._ef != EF_BASIC_FOUR:
            return NOT_ALLOWED
        if not self._verified:
            return NOT_SATISFIED
        available = len(self.basic_four) - offset
        if available <= 0:
            return b"\x6b\x00"  # offset beyond the file
        wanted = le or 256
        if wanted > available:
            return bytes([0x6C, available])  # wrong Le: the card says how many it has
        return self.basic_four[offset : offset + wanted] + OK
