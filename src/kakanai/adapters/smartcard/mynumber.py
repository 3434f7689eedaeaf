"""The My Number card's 券面事項入力補助AP (card-surface input-assist application): the
基本4情報 (name, address, birth date, sex) as printed on the card, read after the resident
enters the 4-digit 券面事項入力補助用暗証番号.

Nothing read is logged; the PIN is never stored, logged or put in an exception. The card's
EF 0001 holds the 個人番号 itself: this module never selects or reads it, kakanai has no use
for the number (a counter that holds no 個人番号 needs none of the law's safeguards for it).
"""

from __future__ import annotations

from kakanai.adapters.smartcard.basic_four import CardSurface, parse_basic_four, tlv_total_length
from kakanai.adapters.smartcard.pcsc import (
    CardConnection,
    CardReaderError,
    PcscContext,
    Response,
    card_present,
)

__all__ = [
    "CardReaderError",
    "CardSurface",
    "PinError",
    "pin_tries_left",
    "read_card_surface",
    "reader_names",
]

AID = bytes.fromhex("D3921000310001010408")  # 券面事項入力補助AP
EF_PIN = bytes.fromhex("0011")  # 券面事項入力補助用暗証番号 (4 digits)
EF_BASIC_FOUR = bytes.fromhex("0002")  # 基本4情報, readable after VERIFY
READ_CHUNK = 0xE0  # bytes per READ BINARY: within every reader's short-APDU buffer
_HEADER = 5  # FF 20 82 xx xx: enough to learn the outer TLV's length
_MAX_FILE = 0x1000  # far above any real 基本4情報; a longer length is a broken card
_MAX_PIECES = 64  # GET RESPONSEs for one command before giving up on the card
_SW_OK = 0x9000

_NOT_MYNUMBER = (
    "このカードはマイナンバーカードではありません(券面事項入力補助APがありません)。"
    "マイナンバーカードを置き直してください。"
)
_PIN_FORMAT = (
    "暗証番号は半角数字4桁で入力してください(カードには送っていないので、回数は減っていません)。"
)
_PIN_WRONG = (
    "暗証番号が違います。あと{tries}回間違えるとロックされます。"
    "ご本人にもう一度、4桁の暗証番号を入力していただいてください。"
)
_PIN_BLOCKED = (
    "暗証番号がロックされています。ロックの解除(暗証番号の初期化・再設定)は"
    "マイナンバーカードの窓口でご本人が行います。今回は氏名等を手で入力してください。"
)
_NOT_VERIFIED = "暗証番号の照合が済んでいないため読めませんでした。もう一度読んでください。"


class PinError(CardReaderError):
    """The card refused the PIN. ``tries_left`` None: the PIN is blocked (ロック)."""

    def __init__(self, tries_left: int | None) -> None:
        if tries_left is None:
            super().__init__(_PIN_BLOCKED, "pin_blocked")
        else:
            super().__init__(_PIN_WRONG.format(tries=tries_left), "pin_wrong")
        self.tries_left = tries_left


def reader_names() -> list[str]:
    """The card readers pcscd knows (empty when none); CardReaderError ``no_service``
    when pcscd cannot be reached."""
    with PcscContext() as pcsc:
        return pcsc.readers()


def read_card_surface(pin: str, reader: str | None = None) -> CardSurface:
    """The 基本4情報 of the My Number card in ``reader`` (None: the first reader holding a
    card). A PIN that is not 4 half-width digits is refused before anything is sent: a
    VERIFY would cost the resident a try."""
    if not (len(pin) == 4 and pin.isascii() and pin.isdigit()):
        raise CardReaderError(_PIN_FORMAT, "pin_format")
    with PcscContext() as pcsc:
        name = reader if reader is not None else _reader_with_card(pcsc)
        with pcsc.connect(name) as card:
            _select_pin(card)
            _verify(card, pin)
            _select_ef(card, EF_BASIC_FOUR)
            return parse_basic_four(_read_tlv_file(card))


def pin_tries_left(reader: str | None = None) -> int | None:
    """How many wrong PINs the card still accepts before it locks (None: locked), asked
    with a VERIFY without data, which costs no try: the counter can show it before the
    resident types."""
    with PcscContext() as pcsc:
        name = reader if reader is not None else _reader_with_card(pcsc)
        with pcsc.connect(name) as card:
            _select_pin(card)
            return _tries_left(_exchange(card, b"\x00\x20\x00\x80").sw)


def _reader_with_card(pcsc: PcscContext) -> str:
    readers = pcsc.readers()
    if not readers:
        raise CardReaderError(
            "カードリーダーが見つかりません。リーダーのUSBケーブルを差し直してから、"
            "もう一度読んでください。氏名等は手で入力できます。",
            "no_reader",
        )
    for name, state in pcsc.states(readers).items():
        if card_present(state):
            return name
    raise CardReaderError(
        "カードリーダーにカードがありません。マイナンバーカードをリーダーに置いてください。",
        "no_card",
    )


def _exchange(card: CardConnection, apdu: bytes) -> Response:
    """``apdu``'s answer after the two ISO 7816-4 retries: ``6C xx`` (wrong Le: send again
    with Le xx) and ``61 xx`` (more data: GET RESPONSE until the card has no more)."""
    response = card.transmit(apdu)
    if response.sw1 == 0x6C and len(apdu) == 5:  # only a command that just asks (case 2)
        response = card.transmit(apdu[:-1] + bytes([response.sw2]))
    data = response.data
    for _piece in range(_MAX_PIECES):
        if response.sw1 != 0x61:
            return Response(data, response.sw)
        response = card.transmit(bytes([0x00, 0xC0, 0x00, 0x00, response.sw2]))
        data += response.data
    raise _io("応答が終わりません")


def _io(detail: str) -> CardReaderError:
    return CardReaderError(
        f"カードを読めませんでした。カードを置き直して、もう一度読んでください({detail})。", "io"
    )


def _select(card: CardConnection, apdu: bytes, *, not_found: str) -> None:
    sw = _exchange(card, apdu).sw
    if sw == 0x6A82:
        raise CardReaderError(not_found, "not_mynumber")
    if sw != _SW_OK:
        raise _io(f"選択 SW {sw:04X}")


def _select_pin(card: CardConnection) -> None:
    """The 券面事項入力補助AP and its PIN's EF."""
    _select(card, b"\x00\xa4\x04\x0c" + bytes([len(AID)]) + AID, not_found=_NOT_MYNUMBER)
    _select_ef(card, EF_PIN)


def _select_ef(card: CardConnection, ef: bytes) -> None:
    _select(card, b"\x00\xa4\x02\x0c\x02" + ef, not_found=_NOT_MYNUMBER)


def _verify(card: CardConnection, pin: str) -> None:
    sw = _exchange(card, b"\x00\x20\x00\x80\x04" + pin.encode("ascii")).sw
    if sw != _SW_OK:
        raise PinError(_tries_left(sw))


def _tries_left(sw: int) -> int | None:
    """The tries a VERIFY's status word says are left (``63 Cx``; None: blocked)."""
    if sw & 0xFFF0 == 0x63C0:
        return (sw & 0x0F) or None
    if sw in (0x6983, 0x6984):  # authentication method blocked / reference data unusable
        return None
    raise _io(f"照合 SW {sw:04X}")


def _read_binary(card: CardConnection, offset: int, length: int) -> bytes:
    apdu = bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, length & 0xFF])
    response = _exchange(card, apdu)
    if response.sw == 0x6982:
        raise CardReaderError(_NOT_VERIFIED, "io")
    if response.sw == 0x6B00:  # offset beyond the file: it has ended
        return b""
    if response.sw not in (_SW_OK, 0x6282):  # 62 82: end of file before Le bytes
        raise _io(f"読み出し SW {response.sw:04X}")
    return response.data


def _read_tlv_file(card: CardConnection) -> bytes:
    """The whole outer TLV of the selected EF: its first bytes tell its length, the rest
    is read in pieces of at most READ_CHUNK bytes."""
    data = _read_binary(card, 0, _HEADER)
    total = tlv_total_length(data)
    if total > _MAX_FILE:
        raise _io(f"基本4情報が長すぎます({total}バイト)")
    while len(data) < total:
        piece = _read_binary(card, len(data), min(READ_CHUNK, total - len(data)))
        if not piece:
            break  # the file ends before its TLV does: parse_basic_four says so
        data += piece
    return data[:total]
