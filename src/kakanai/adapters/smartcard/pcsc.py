"""PC/SC through ``ctypes`` on pcsc-lite's ``libpcsclite.so.1`` (Debian's libpcsclite1):
context, readers, connect, transmit, disconnect, release. No Python dependency. On Windows
the same calls go to ``winscard.dll`` (its ``…A`` functions; written to the same API, not
yet run on Windows).

Every call returns at once or fails: pcscd not running → ``no_service`` immediately (the
library connects to pcscd's socket and gives up when nobody listens); looking for a card
never waits (``SCardGetStatusChange`` with a zero timeout).

pcsc-lite reads the socket's path (env ``PCSCLITE_CSOCK_NAME``, default
``/run/pcscd/pcscd.comm``) once per process, on the first call: one process talks to one
pcscd for its whole life.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

CardErrorKind = Literal[
    "no_service",  # pcscd or libpcsclite missing, or pcscd not running
    "no_reader",  # pcscd runs, no reader is connected
    "no_card",  # readers, none holding a card
    "io",  # the card or the reader failed while talking
    "not_mynumber",  # a card without the 券面事項入力補助AP
    "pin_format",  # the PIN typed is not 4 half-width digits (nothing was sent)
    "pin_wrong",  # the card refused the PIN; tries are left
    "pin_blocked",  # the PIN is blocked (ロック)
]


class CardReaderError(Exception):
    """A card reader problem, with a Japanese message that says what to do."""

    def __init__(self, message: str, kind: CardErrorKind = "io") -> None:
        super().__init__(message)
        self.message = message
        self.kind: CardErrorKind = kind


_LIBRARY = "libpcsclite.so.1"
_WINDOWS = sys.platform == "win32"
# SCARDCONTEXT / SCARDHANDLE: LONG in pcsc-lite, ULONG_PTR in WinSCard: pointer-sized on
# both 64-bit platforms. DWORD: unsigned long in pcsc-lite, 32 bits in WinSCard: c_ulong.
_Handle = ctypes.c_size_t

# pcsc-lite's return codes (winscard.h / pcsclite.h); LONG, compared as unsigned 32 bits.
_S_SUCCESS = 0x00000000
_E_UNKNOWN_READER = 0x80100009
_E_TIMEOUT = 0x8010000A
_E_NO_SMARTCARD = 0x8010000C
_E_READER_UNAVAILABLE = 0x80100017
_E_NO_SERVICE = 0x8010001D
_E_SERVICE_STOPPED = 0x8010001E
_E_NO_READERS_AVAILABLE = 0x8010002E
_W_UNRESPONSIVE_CARD = 0x80100066
_W_UNPOWERED_CARD = 0x80100067
_W_REMOVED_CARD = 0x80100069

_SCOPE_SYSTEM = 2
_SHARE_SHARED = 2
_PROTOCOL_T0 = 1
_PROTOCOL_T1 = 2
_LEAVE_CARD = 0
_RESET_CARD = 1
STATE_EMPTY = 0x0010
STATE_PRESENT = 0x0020
STATE_MUTE = 0x0200
_MAX_ATR_SIZE = 36 if _WINDOWS else 33  # WinSCard's / pcsc-lite's MAX_ATR_SIZE
_MAX_RESPONSE = 258  # 256 data bytes + SW1 SW2 (short APDUs)

_NO_SERVICE = (
    "カードリーダーのサービス(pcscd)に接続できません。pcscd が入っていて動いているかを"
    "確かめてください(Debian/Ubuntu: sudo apt install pcscd)。氏名等は手で入力できます。"
)
_NO_SERVICE_WINDOWS = (
    "スマートカードのサービス(Smart Card)が動いていません。カードリーダーをUSBに差してから、"
    "もう一度読んでください(Windows はリーダーを差すとサービスを起動します)。"
    "氏名等は手で入力できます。"
)
_NO_LIBRARY = (
    "カードリーダーを使う部品(libpcsclite)がありません。端末の管理者に pcscd の導入を"
    "頼んでください(Debian/Ubuntu: sudo apt install pcscd)。氏名等は手で入力できます。"
)
_NO_READER = (
    "カードリーダーが見つかりません。リーダーのUSBケーブルを差し直してから、もう一度読んで"
    "ください。氏名等は手で入力できます。"
)
_NO_CARD = "カードリーダーにカードがありません。マイナンバーカードをリーダーに置いてください。"
_IO = "カードを読めませんでした。カードを置き直して、もう一度読んでください({detail})。"


class _ReaderState(ctypes.Structure):
    # SCARD_READERSTATE (pcsc-lite) / SCARD_READERSTATEA (WinSCard): only the ATR's size
    # differs.
    _fields_ = (
        ("reader", ctypes.c_char_p),
        ("user_data", ctypes.c_void_p),
        ("current_state", ctypes.c_ulong),
        ("event_state", ctypes.c_ulong),
        ("atr_length", ctypes.c_ulong),
        ("atr", ctypes.c_ubyte * _MAX_ATR_SIZE),
    )


class _IoRequest(ctypes.Structure):
    _fields_ = (("protocol", ctypes.c_ulong), ("pci_length", ctypes.c_ulong))


_FUNCTIONS = (
    "SCardEstablishContext",
    "SCardReleaseContext",
    "SCardListReaders",
    "SCardGetStatusChange",
    "SCardConnect",
    "SCardDisconnect",
    "SCardBeginTransaction",
    "SCardEndTransaction",
    "SCardTransmit",
)
_WITH_STRINGS = ("SCardListReaders", "SCardGetStatusChange", "SCardConnect")


class _Api:
    """The PC/SC functions by their pcsc-lite names (WinSCard's ANSI ones on Windows)."""

    def __init__(self) -> None:
        try:
            if sys.platform == "win32":
                library: ctypes.CDLL = ctypes.WinDLL("winscard.dll")
            else:
                library = ctypes.CDLL(_LIBRARY)
        except OSError as exc:
            raise CardReaderError(_NO_LIBRARY, "no_service") from exc
        self._functions: dict[str, Callable[..., int]] = {}
        for name in _FUNCTIONS:
            function = getattr(library, name + "A" if _WINDOWS and name in _WITH_STRINGS else name)
            function.restype = ctypes.c_long
            self._functions[name] = function

    def __getattr__(self, name: str) -> Callable[..., int]:
        try:
            return self._functions[name]
        except KeyError:
            raise AttributeError(name) from None


_library: _Api | None = None


def _lib() -> _Api:
    global _library  # noqa: PLW0603 - one loaded library per process, as pcsc-lite itself
    if _library is None:
        _library = _Api()
    return _library


def _check(code: int, doing: str) -> None:
    code &= 0xFFFFFFFF
    if code == _S_SUCCESS:
        return
    if code in (_E_NO_SERVICE, _E_SERVICE_STOPPED):
        raise CardReaderError(_NO_SERVICE_WINDOWS if _WINDOWS else _NO_SERVICE, "no_service")
    if code in (_E_NO_READERS_AVAILABLE, _E_UNKNOWN_READER, _E_READER_UNAVAILABLE):
        raise CardReaderError(_NO_READER, "no_reader")
    if code in (_E_NO_SMARTCARD, _W_REMOVED_CARD):
        raise CardReaderError(_NO_CARD, "no_card")
    if code in (_W_UNRESPONSIVE_CARD, _W_UNPOWERED_CARD):
        raise CardReaderError(_IO.format(detail="カードが応答しません"), "io")
    raise CardReaderError(_IO.format(detail=f"{doing}: PC/SC 0x{code:08X}"), "io")


@dataclass(frozen=True)
class Response:
    data: bytes
    sw: int  # SW1 SW2 as one number, 0x9000 for success

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF


class CardConnection:
    """A connected card (shared mode, T=0 or T=1), inside a PC/SC transaction."""

    def __init__(self, handle: int, protocol: int) -> None:
        self._handle = _Handle(handle)
        self._request = _IoRequest(protocol, ctypes.sizeof(_IoRequest))

    def transmit(self, apdu: bytes) -> Response:
        """One command APDU, its response as the card gave it (no 61/6C handling)."""
        send = (ctypes.c_ubyte * len(apdu)).from_buffer_copy(apdu)
        received = (ctypes.c_ubyte * _MAX_RESPONSE)()
        length = ctypes.c_ulong(_MAX_RESPONSE)
        try:
            code = _lib().SCardTransmit(
                self._handle,
                ctypes.byref(self._request),
                send,
                ctypes.c_ulong(len(apdu)),
                None,
                received,
                ctypes.byref(length),
            )
        finally:
            ctypes.memset(send, 0, len(apdu))  # a VERIFY's copy of the PIN goes at once
        _check(code, "送受信")
        raw = bytes(received[: length.value])
        if len(raw) < 2:
            raise CardReaderError(_IO.format(detail="カードの応答が短すぎます"), "io")
        return Response(raw[:-2], int.from_bytes(raw[-2:], "big"))


class PcscContext:
    """An established PC/SC context; ``with PcscContext() as pcsc: ...`` releases it."""

    def __init__(self) -> None:
        context = _Handle(0)
        _check(
            _lib().SCardEstablishContext(
                ctypes.c_ulong(_SCOPE_SYSTEM), None, None, ctypes.byref(context)
            ),
            "接続",
        )
        self._context = context

    def __enter__(self) -> PcscContext:
        return self

    def __exit__(self, *_exc: object) -> None:
        _lib().SCardReleaseContext(self._context)

    def readers(self) -> list[str]:
        """The readers pcscd knows, in its order; empty when there are none."""
        size = ctypes.c_ulong(0)
        code = _lib().SCardListReaders(self._context, None, None, ctypes.byref(size)) & 0xFFFFFFFF
        if code == _E_NO_READERS_AVAILABLE:
            return []
        _check(code, "リーダー一覧")
        buffer = ctypes.create_string_buffer(size.value)
        code = _lib().SCardListReaders(self._context, None, buffer, ctypes.byref(size))
        if code & 0xFFFFFFFF == _E_NO_READERS_AVAILABLE:
            return []
        _check(code, "リーダー一覧")
        names = buffer.raw[: size.value].split(b"\0")
        return [name.decode("utf-8", "replace") for name in names if name]

    def states(self, readers: list[str]) -> dict[str, int]:
        """Each reader's state flags now (``STATE_PRESENT``, ``STATE_EMPTY``, ...)."""
        if not readers:
            return {}
        encoded = [name.encode() for name in readers]
        array = (_ReaderState * len(readers))()
        for state, name in zip(array, encoded, strict=True):
            state.reader = name
            state.current_state = 0  # SCARD_STATE_UNAWARE: answer at once
        code = _lib().SCardGetStatusChange(
            self._context, ctypes.c_ulong(0), array, ctypes.c_ulong(len(readers))
        )
        if code & 0xFFFFFFFF != _E_TIMEOUT:
            _check(code, "リーダーの状態")
        return {name: int(state.event_state) for name, state in zip(readers, array, strict=True)}

    @contextmanager
    def connect(self, reader: str) -> Iterator[CardConnection]:
        """The card in ``reader``, held in a transaction; on leaving, the card is reset so
        that what the PIN opened closes again for every other program."""
        handle = _Handle(0)
        protocol = ctypes.c_ulong(0)
        _check(
            _lib().SCardConnect(
                self._context,
                reader.encode(),
                ctypes.c_ulong(_SHARE_SHARED),
                ctypes.c_ulong(_PROTOCOL_T0 | _PROTOCOL_T1),
                ctypes.byref(handle),
                ctypes.byref(protocol),
            ),
            "カードへの接続",
        )
        try:
            _check(_lib().SCardBeginTransaction(handle), "トランザクション")
            try:
                yield CardConnection(handle.value, protocol.value)
            finally:
                _lib().SCardEndTransaction(handle, ctypes.c_ulong(_LEAVE_CARD))
        finally:
            _lib().SCardDisconnect(handle, ctypes.c_ulong(_RESET_CARD))


def card_present(state: int) -> bool:
    return bool(state & STATE_PRESENT) and not state & STATE_MUTE
