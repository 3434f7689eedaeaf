"""Reading the 券面事項入力補助AP through a real pcscd, the vpcd driver and a virtual card."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kakanai.adapters.smartcard.mynumber import (
    CardReaderError,
    CardSurface,
    PinError,
    pin_tries_left,
    read_card_surface,
    reader_names,
)
from kakanai.benchmarks.smartcard_lab import SmartcardLab, VirtualMyNumberCard
from tests.adapters.smartcard.conftest import ADDRESS, BIRTH, NAME, SEX

VERIFY = 0x20
READ_BINARY = 0xB0
SELECT = 0xA4


def test_reads_the_basic_four_of_a_card(card: VirtualMyNumberCard) -> None:
    assert read_card_surface("1234") == CardSurface(NAME, ADDRESS, BIRTH, SEX)


def test_reads_the_card_in_the_reader_named(lab: SmartcardLab, card: VirtualMyNumberCard) -> None:
    assert read_card_surface("1234", lab.reader).birth == BIRTH


def test_the_readers_of_pcscd_are_listed(lab: SmartcardLab) -> None:
    assert lab.reader in reader_names()


def test_the_individual_number_ef_is_never_selected(card: VirtualMyNumberCard) -> None:
    read_card_surface("1234")
    assert b"\x00\x01" not in card.selected
    assert card.selected[1:] == [b"\x00\x11", b"\x00\x02"]  # after the AP: PIN, basic four


def test_a_wrong_pin_tells_two_tries_are_left(card: VirtualMyNumberCard) -> None:
    with pytest.raises(PinError) as caught:
        read_card_surface("9999")
    assert caught.value.tries_left == 2
    assert "あと2回" in caught.value.message


def test_a_second_wrong_pin_tells_one_try_is_left(card: VirtualMyNumberCard) -> None:
    with pytest.raises(PinError):
        read_card_surface("9999")
    with pytest.raises(PinError) as caught:
        read_card_surface("9998")
    assert caught.value.tries_left == 1
    assert "あと1回" in caught.value.message


def test_the_third_wrong_pin_blocks_the_card(card: VirtualMyNumberCard) -> None:
    for wrong in ("9999", "9998"):
        with pytest.raises(PinError):
            read_card_surface(wrong)
    with pytest.raises(PinError) as caught:
        read_card_surface("9997")
    assert caught.value.tries_left is None
    assert caught.value.kind == "pin_blocked"
    assert "マイナンバーカードの窓口" in caught.value.message
    assert "手で入力" in caught.value.message


def test_a_blocked_card_refuses_even_the_right_pin(card: VirtualMyNumberCard) -> None:
    for wrong in ("9999", "9998", "9997"):
        with pytest.raises(PinError):
            read_card_surface(wrong)
    with pytest.raises(PinError) as caught:
        read_card_surface("1234")
    assert caught.value.tries_left is None


def test_the_right_pin_after_a_wrong_one_resets_the_tries(card: VirtualMyNumberCard) -> None:
    with pytest.raises(PinError):
        read_card_surface("9999")
    read_card_surface("1234")
    assert card.tries_left == 3


@pytest.mark.parametrize("pin", ["12345", "１２３４", "", "123", "12a4", " 1234"])
def test_a_pin_not_of_four_half_width_digits_is_never_sent(
    card: VirtualMyNumberCard, pin: str
) -> None:
    with pytest.raises(CardReaderError) as caught:
        read_card_surface(pin)
    assert caught.value.kind == "pin_format"
    assert card.commands == []
    assert card.tries_left == 3


def test_the_pin_is_not_in_the_error(card: VirtualMyNumberCard) -> None:
    with pytest.raises(PinError) as caught:
        read_card_surface("9876")
    assert "9876" not in str(caught.value)
    assert "9876" not in repr(caught.value.args)


def test_no_card_in_the_reader(lab: SmartcardLab) -> None:
    with pytest.raises(CardReaderError) as caught:
        read_card_surface("1234")
    assert caught.value.kind == "no_card"
    assert "カードがありません" in caught.value.message


def test_no_pcscd_is_told_at_once() -> None:
    """In a child process: pcsc-lite keeps its first socket for the process's life."""
    script = (
        "import json, time\n"
        "from kakanai.adapters.smartcard.mynumber import CardReaderError, read_card_surface\n"
        "start = time.monotonic()\n"
        "try:\n"
        "    read_card_surface('1234')\n"
        "except CardReaderError as exc:\n"
        "    print(json.dumps([exc.kind, exc.message, time.monotonic() - start]))\n"
    )
    env = {**os.environ, "PCSCLITE_CSOCK_NAME": "/nonexistent/kakanai/pcscd.comm"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    kind, message, seconds = json.loads(done.stdout)
    assert kind == "no_service"
    assert "pcscd" in message
    assert seconds < 2


def test_a_card_without_the_application_is_not_a_my_number_card(lab: SmartcardLab) -> None:
    other = VirtualMyNumberCard(NAME, ADDRESS, BIRTH, SEX, aid=bytes.fromhex("A000000003"))
    lab.insert(other)
    with pytest.raises(CardReaderError) as caught:
        read_card_surface("1234")
    assert caught.value.kind == "not_mynumber"
    assert "マイナンバーカードではありません" in caught.value.message
    assert not [c for c in other.commands if c[0] == VERIFY]


def test_a_long_address_with_jis_x_0213_characters_comes_back_intact(lab: SmartcardLab) -> None:
    address = (
        "東京都サンプル市髙田馬場𠮷野町"
        + "一丁目二番地三号" * 8
        + "サンプルマンション髙𠮷棟101号室"
    )
    name = "髙橋　𠮷子"
    long_card = VirtualMyNumberCard(name, address, "20010229"[:6] + "28", "2")
    assert len(address.encode()) > 127
    lab.insert(long_card)
    assert long_card.basic_four[2] == 0x82  # the outer length takes 82 xx xx
    surface = read_card_surface("1234")
    assert (surface.name, surface.address) == (name, address)


def test_the_file_is_read_in_pieces_when_it_is_longer_than_one_read(lab: SmartcardLab) -> None:
    long_card = VirtualMyNumberCard(NAME, "東京都サンプル市" + "一丁目" * 100, BIRTH, SEX)
    lab.insert(long_card)
    assert read_card_surface("1234").address.endswith("一丁目")
    reads = [c for c in long_card.commands if c[0] == READ_BINARY]
    offsets = [(p1 << 8) | p2 for _ins, p1, p2, _lc in reads]
    assert len(reads) >= 3
    assert offsets == sorted(offsets)


def test_more_data_from_the_card_is_fetched_with_get_response(lab: SmartcardLab) -> None:
    t0_card = VirtualMyNumberCard(
        NAME, "東京都サンプル市" + "一丁目" * 40, BIRTH, SEX, answer_chunk=32
    )
    lab.insert(t0_card)
    assert read_card_surface("1234").address.endswith("一丁目")
    assert any(c[0] == 0xC0 for c in t0_card.commands)


def test_a_file_shorter_than_its_tlv_says_is_a_reader_error(lab: SmartcardLab) -> None:
    truncated = VirtualMyNumberCard(
        NAME, ADDRESS, BIRTH, SEX, basic_four=bytes.fromhex("FF2040DF2203E5B1B1")
    )
    lab.insert(truncated)
    with pytest.raises(CardReaderError) as caught:
        read_card_surface("1234")
    assert caught.value.kind == "io"
    assert "基本4情報" in caught.value.message


def test_a_reader_pcscd_does_not_know_is_no_reader(card: VirtualMyNumberCard) -> None:
    with pytest.raises(CardReaderError) as caught:
        read_card_surface("1234", "No Such Reader 00 00")
    assert caught.value.kind == "no_reader"


def test_a_file_announcing_an_absurd_length_is_refused_after_one_read(lab: SmartcardLab) -> None:
    broken = VirtualMyNumberCard(
        NAME, ADDRESS, BIRTH, SEX, basic_four=bytes.fromhex("FF2082FFFF00")
    )
    lab.insert(broken)
    with pytest.raises(CardReaderError) as caught:
        read_card_surface("1234")
    assert (caught.value.kind, "長すぎます" in caught.value.message) == ("io", True)
    assert len([c for c in broken.commands if c[0] == READ_BINARY]) == 1


def test_asking_the_tries_left_costs_no_try(card: VirtualMyNumberCard) -> None:
    assert pin_tries_left() == 3
    assert pin_tries_left() == 3
    assert card.tries_left == 3


def test_the_tries_left_fall_with_a_wrong_pin(card: VirtualMyNumberCard) -> None:
    with pytest.raises(PinError):
        read_card_surface("9999")
    assert pin_tries_left() == 2


def test_a_locked_card_has_no_tries_left(card: VirtualMyNumberCard) -> None:
    for wrong in ("9999", "9998", "9997"):
        with pytest.raises(PinError):
            read_card_surface(wrong)
    assert pin_tries_left() is None
