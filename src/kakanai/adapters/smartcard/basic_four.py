"""The 基本4情報 as the 券面事項入力補助AP stores them (EF 0002): one constructed BER-TLV,
private tag ``FF 20``, holding ``DF 21`` (offsets, ignored), ``DF 22`` name, ``DF 23``
address (UTF-8), ``DF 24`` birth date (ASCII ``YYYYMMDD``) and ``DF 25`` sex (ASCII,
ISO 5218). Parsed from bytes only; broken data is a CardReaderError, never an IndexError."""

from __future__ import annotations

from dataclasses import dataclass

from kakanai.adapters.smartcard.pcsc import CardReaderError

TAG_BASIC_FOUR = 0xFF20
TAG_HEADER = 0xDF21
TAG_NAME = 0xDF22
TAG_ADDRESS = 0xDF23
TAG_BIRTH = 0xDF24
TAG_SEX = 0xDF25
SEX_CODES = ("0", "1", "2", "9")  # ISO 5218: 不明, 男, 女, 適用不能


@dataclass(frozen=True)
class CardSurface:
    """What the 券面事項入力補助AP gives, as on the card (the caller normalizes)."""

    name: str  # e.g. "山田　太郎"
    address: str  # one line
    birth: str  # "YYYYMMDD"
    sex: str  # ISO 5218 code "1" / "2" / "9" / "0"


def _broken(detail: str) -> CardReaderError:
    return CardReaderError(
        "カードの基本4情報を読み取れませんでした。カードを置き直して、もう一度読んでください。"
        f"直らなければ氏名等を手で入力してください({detail})。",
        "io",
    )


def _tag(data: bytes, at: int) -> tuple[int, int]:
    """The tag starting at ``at`` and where its length begins."""
    if at >= len(data):
        raise _broken("タグが途切れています")
    tag = data[at]
    at += 1
    if tag & 0x1F == 0x1F:  # more tag bytes follow, the last without bit 8
        while True:
            if at >= len(data):
                raise _broken("タグが途切れています")
            tag = (tag << 8) | data[at]
            at += 1
            if not data[at - 1] & 0x80:
                break
    return tag, at


def _length(data: bytes, at: int) -> tuple[int, int]:
    """The BER length starting at ``at`` (1 byte, or 81 xx / 82 xx xx) and where the
    value begins."""
    if at >= len(data):
        raise _broken("長さが途切れています")
    first = data[at]
    if first < 0x80:
        return first, at + 1
    count = first & 0x7F
    if count not in (1, 2):
        raise _broken(f"長さの形式 {first:02X}")
    if at + 1 + count > len(data):
        raise _broken("長さが途切れています")
    return int.from_bytes(data[at + 1 : at + 1 + count], "big"), at + 1 + count


def _item(data: bytes, at: int) -> tuple[int, bytes, int]:
    tag, at = _tag(data, at)
    length, at = _length(data, at)
    if at + length > len(data):
        raise _broken(f"タグ {tag:X} の値が途切れています")
    return tag, data[at : at + length], at + length


def tlv_total_length(head: bytes) -> int:
    """The whole outer TLV's size in bytes, learned from its first bytes."""
    _tag_value, at = _tag(head, 0)
    length, at = _length(head, at)
    return at + length


def parse_basic_four(data: bytes) -> CardSurface:
    tag, value, _end = _item(data, 0)
    if tag != TAG_BASIC_FOUR:
        raise _broken(f"先頭のタグ {tag:X}")
    fields: dict[int, bytes] = {}
    at = 0
    while at < len(value):
        inner, content, at = _item(value, at)
        fields[inner] = content
    missing = [f"{t:X}" for t in (TAG_NAME, TAG_ADDRESS, TAG_BIRTH, TAG_SEX) if t not in fields]
    if missing:
        raise _broken(f"項目 {','.join(missing)} がありません")
    try:
        name = fields[TAG_NAME].decode("utf-8")
        address = fields[TAG_ADDRESS].decode("utf-8")
        birth = fields[TAG_BIRTH].decode("ascii")
        sex = fields[TAG_SEX].decode("ascii")
    except UnicodeDecodeError as exc:
        raise _broken("文字コード") from exc
    if not (len(birth) == 8 and birth.isdigit()):
        raise _broken("生年月日の形式")
    if sex not in SEX_CODES:
        raise _broken("性別の形式")
    return CardSurface(name, address, birth, sex)


def encode_length(length: int) -> bytes:
    """BER length octets: 1 byte below 128, else 81 xx / 82 xx xx."""
    if length < 0x80:
        return bytes([length])
    if length < 0x100:
        return bytes([0x81, length])
    return bytes([0x82]) + length.to_bytes(2, "big")


def encode_basic_four(surface: CardSurface, header: bytes = b"") -> bytes:
    """The EF 0002 content of a card showing ``surface`` (for the virtual card)."""
    body = b""
    for tag, value in (
        (TAG_HEADER, header),
        (TAG_NAME, surface.name.encode("utf-8")),
        (TAG_ADDRESS, surface.address.encode("utf-8")),
        (TAG_BIRTH, surface.birth.encode("ascii")),
        (TAG_SEX, surface.sex.encode("ascii")),
    ):
        body += tag.to_bytes(2, "big") + encode_length(len(value)) + value
    return TAG_BASIC_FOUR.to_bytes(2, "big") + encode_length(len(body)) + body
