"""The My Number card's basic four as the counter's fields take them: the address in its parts
(with Japan Post's postal code where it names the town alone), the name, birth date and sex."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.services.counter.card_reading import CardReadError, card_person, split_address
from kakanai.services.counter.sample_city import SAMPLE_CITY
from kakanai.services.counter.towns import city_towns

ADDRESSES = [
    # (the card's line, postal code, prefecture, municipality, town, 番地, building)
    (
        "東京都千代田区霞が関二丁目１番２号",
        ("100-0013", "東京都", "千代田区", "霞が関二丁目", "1番2号", ""),
    ),
    (  # a 政令市's 区, a building after a full-width space, full-width digits made half-width
        "埼玉県さいたま市浦和区常盤六丁目４番２１号　浦和ハイツ２０３号室",
        ("330-0061", "埼玉県", "さいたま市浦和区", "常盤六丁目", "4番21号", "浦和ハイツ203号室"),
    ),
    (  # 市 inside a municipality's name: 四日市市, not 四日市 + 市諏訪町
        "三重県四日市市諏訪町１番５号",
        ("510-0085", "三重県", "四日市市", "諏訪町", "1番5号", ""),
    ),
    (  # a 郡's 町, 大字 (Japan Post lists the town without it)
        "東京都西多摩郡瑞穂町大字箱根ケ崎２３３５番地",
        ("190-1221", "東京都", "西多摩郡瑞穂町", "大字箱根ケ崎", "2335番地", ""),
    ),
    (  # a town with two codes (by 丁目): no code, the clerk types it
        "北海道札幌市中央区北一条西二丁目",
        ("", "北海道", "札幌市中央区", "北一条西二丁目", "", ""),
    ),
    (  # a municipality Japan Post does not know: the first 市; the building keeps its space
        "埼玉県みなと市常盤一丁目12番地3号　みなとコーポラス常盤 203号室",
        ("", "埼玉県", "みなと市", "常盤一丁目", "12番地3号", "みなとコーポラス常盤 203号室"),
    ),
    (  # 番地 in kanji numbers start at the number before 番, not at 一丁目
        "東京都千代田区霞が関二丁目十二番地",
        ("100-0013", "東京都", "千代田区", "霞が関二丁目", "十二番地", ""),
    ),
]
PARTS = ("postal_code", "prefecture", "municipality", "town", "block", "building")


@pytest.mark.parametrize(("line", "expected"), ADDRESSES, ids=[a[0][:12] for a in ADDRESSES])
def test_an_address_splits_into_the_fields_parts(line: str, expected: tuple[str, ...]) -> None:
    assert split_address(line) == dict(zip(PARTS, expected, strict=True))


def test_the_city_s_own_town_list_gives_the_postal_code_of_a_town_japan_post_cannot_know(
    tmp_path: Path,
) -> None:
    towns = city_towns(tmp_path, SAMPLE_CITY)
    parts = split_address("東京都サンプル市中央一丁目２番３号　サンプルハイツ中央 101号室", towns)
    assert parts["postal_code"] == "100-0001"
    assert parts["town"] == "中央一丁目"
    assert parts["building"] == "サンプルハイツ中央 101号室"


def test_an_address_without_a_prefecture_keeps_what_it_can_tell() -> None:
    assert split_address("どこか不明の住所") == dict.fromkeys(PARTS, "") | {
        "town": "どこか不明の住所"
    }


def test_the_name_gets_one_half_width_space_and_keeps_its_variant_characters() -> None:
    person = card_person("髙橋　𠮷太郎", "東京都千代田区霞が関二丁目１番２号", "19820510", "1")
    assert person.name == "髙橋 𠮷太郎"


@pytest.mark.parametrize(("code", "sex"), [("1", "男"), ("2", "女"), ("9", ""), ("0", "")])
def test_the_sex_code_is_iso_5218_and_the_clerk_asks_when_it_is_neither(
    code: str, sex: str
) -> None:
    assert card_person("山田 太郎", "", "19820510", code).sex == sex


def test_the_birth_date_is_the_card_s_yyyymmdd() -> None:
    assert card_person("山田 太郎", "", "19820510", "1").birth_date == dt.date(1982, 5, 10)


@pytest.mark.parametrize("birth", ["19820230", "1982051", "１９８２０５１０", "", "S570510"])
def test_a_birth_date_that_is_no_date_is_refused_with_what_to_do(birth: str) -> None:
    with pytest.raises(CardReadError, match="カードを見て入力してください"):
        card_person("山田 太郎", "", birth, "1")


def test_the_line_to_check_against_the_card() -> None:
    person = card_person("山田 太郎", "", "19820510", "1")
    assert person.line == "山田 太郎 昭和57年5月10日生 男"
