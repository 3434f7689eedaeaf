"""The basic-four TLV (EF 0002) parsed from bytes: lengths in 1, 2 and 3 bytes, and
broken data as a CardReaderError, never an IndexError."""

from __future__ import annotations

import pytest

from kakanai.adapters.smartcard.basic_four import (
    CardSurface,
    encode_basic_four,
    encode_length,
    parse_basic_four,
    tlv_total_length,
)
from kakanai.adapters.smartcard.pcsc import CardReaderError

SURFACE = CardSurface("山田　花子", "東京都サンプル市中央1-2-3", "19920315", "2")


def test_a_short_record_round_trips() -> None:
    assert parse_basic_four(encode_basic_four(SURFACE)) == SURFACE


@pytest.mark.parametrize(
    ("length", "octets"),
    [(0x7F, "7F"), (0x80, "8180"), (0xFF, "81FF"), (0x100, "820100"), (0x1234, "821234")],
)
def test_ber_lengths_take_the_short_or_long_form_at_their_bounds(length: int, octets: str) -> None:
    assert encode_length(length).hex().upper() == octets


def test_the_total_length_comes_from_the_first_five_bytes() -> None:
    record = encode_basic_four(CardSurface("山田", "あ" * 100, "19920315", "2"))
    assert record[2] == 0x82
    assert tlv_total_length(record[:5]) == len(record)


def test_a_one_byte_length_record_tells_its_total_length() -> None:
    record = encode_basic_four(CardSurface("山", "市", "19920315", "9"))
    assert record[2] < 0x80
    assert tlv_total_length(record[:5]) == len(record)


def test_the_header_item_is_ignored() -> None:
    record = encode_basic_four(SURFACE, header=bytes(range(16)))
    assert parse_basic_four(record) == SURFACE


@pytest.mark.parametrize("cut", range(1, 40))
def test_every_truncation_is_a_reader_error(cut: int) -> None:
    record = encode_basic_four(SURFACE)
    with pytest.raises(CardReaderError) as caught:
        parse_basic_four(record[:cut])
    assert caught.value.kind == "io"


def test_empty_data_is_a_reader_error() -> None:
    with pytest.raises(CardReaderError):
        tlv_total_length(b"")


def test_another_outer_tag_is_a_reader_error() -> None:
    record = bytearray(encode_basic_four(SURFACE))
    record[1] = 0x21
    with pytest.raises(CardReaderError, match="先頭のタグ"):
        parse_basic_four(bytes(record))


def test_a_missing_sex_item_is_a_reader_error() -> None:
    body = bytes.fromhex("DF220161") + bytes.fromhex("DF230162") + b"\xdf\x24\x0819920315"
    with pytest.raises(CardReaderError, match="DF25"):
        parse_basic_four(b"\xff\x20" + bytes([len(body)]) + body)


def test_a_sex_code_outside_iso_5218_is_a_reader_error() -> None:
    with pytest.raises(CardReaderError, match="性別"):
        parse_basic_four(encode_basic_four(CardSurface("山田", "市", "19920315", "3")))


def test_a_birth_date_not_of_eight_digits_is_a_reader_error() -> None:
    with pytest.raises(CardReaderError, match="生年月日"):
        parse_basic_four(encode_basic_four(CardSurface("山田", "市", "1992031", "1")))


def test_a_name_that_is_not_utf8_is_a_reader_error() -> None:
    body = b"\xdf\x22\x02\xff\xfe" + bytes.fromhex("DF230162") + b"\xdf\x24\x0819920315"
    body += b"\xdf\x25\x011"
    with pytest.raises(CardReaderError, match="文字コード"):
        parse_basic_four(b"\xff\x20" + bytes([len(body)]) + body)


def test_a_length_of_three_octets_is_a_reader_error() -> None:
    with pytest.raises(CardReaderError, match="長さの形式"):
        parse_basic_four(bytes.fromhex("FF2083000010"))
