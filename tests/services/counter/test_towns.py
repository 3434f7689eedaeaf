"""The city's towns (町字): its postal codes before Japan Post's, completion from a few
characters of a name or reading, and a city's own towns.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.core.errors import KakanaiError
from kakanai.services.counter.postal_lookup import PostalAddress
from kakanai.services.counter.towns import BUILDINGS_FILE, TOWNS_FILE, Town, TownList, city_towns

SAMPLE = city_towns(Path("/nonexistent"), "サンプル市")
HEADER = "郵便番号,都道府県,市区町村,町字,よみ\n"


def names(towns: list[Town]) -> list[str]:
    return [t.town for t in towns]


def test_a_postal_code_of_the_city_gives_the_citys_town_not_japan_posts() -> None:
    """100-0001 is 千代田区千代田 in Japan Post's data; サンプル市 uses it for 中央一丁目."""
    assert SAMPLE.address_of("１００－０００１") == PostalAddress(
        "100-0001", "東京都", "サンプル市", "中央一丁目", ("中央一丁目",)
    )


def test_a_postal_code_of_several_towns_of_the_city_leaves_the_town_to_choose() -> None:
    found = SAMPLE.address_of("1000002")
    assert found == PostalAddress(
        "100-0002", "東京都", "サンプル市", "", ("中央二丁目", "本町一丁目", "本町二丁目")
    )


def test_a_postal_code_outside_the_city_is_japan_posts() -> None:
    found = SAMPLE.address_of("330-0061")
    assert found is not None
    assert (found.municipality, found.town) == ("さいたま市浦和区", "常盤")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ちゅう", ["中央一丁目", "中央二丁目", "中央三丁目"]),
        ("ミドリ", ["緑町一丁目", "緑町二丁目", "緑町三丁目"]),
        ("ﾆｼﾏﾁﾖﾝ", ["西町四丁目"]),
        ("南町二", ["南町二丁目"]),
        ("北町", ["北町一丁目", "北町二丁目", "北町三丁目", "大字北町字東谷戸"]),
        ("", []),
        ("うめだ", []),
    ],
)
def test_a_few_characters_of_a_name_or_reading_complete_a_town(
    typed: str, expected: list[str]
) -> None:
    """Names and readings that start so come before those that hold it further on."""
    assert names(SAMPLE.completing(typed)) == expected


def test_another_city_without_a_town_list_has_no_towns() -> None:
    assert len(city_towns(Path("/nonexistent"), "ほかの市")) == 0


def test_a_citys_own_towns_csv_wins_with_its_codes_and_readings_normalised(
    tmp_path: Path,
) -> None:
    (tmp_path / TOWNS_FILE).write_text(
        "\ufeff" + HEADER + "3300061,埼玉県,みなと市,常盤一丁目,ときわいっちょうめ\n\n",
        encoding="utf-8",
    )
    towns = city_towns(tmp_path, "サンプル市")
    assert towns.towns == (
        Town("330-0061", "埼玉県", "みなと市", "常盤一丁目", "トキワイッチョウメ"),
    )
    assert names(towns.completing("とき")) == ["常盤一丁目"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("町字,よみ\n", "1行目が見出し"),
        (HEADER + "100-0001,東京都,サンプル市,中央一丁目\n", "2行目の項目が4個"),
        (HEADER + "10-01,東京都,サンプル市,中央一丁目,チュウオウ\n", "2行目の郵便番号「10-01」"),
    ],
)
def test_a_broken_towns_csv_is_counter_007_naming_the_row(
    tmp_path: Path, content: str, fragment: str
) -> None:
    (tmp_path / TOWNS_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(KakanaiError) as caught:
        city_towns(tmp_path, "サンプル市")
    assert caught.value.code.code == "COUNTER_007"
    assert fragment in caught.value.message
    assert "郵便番号,都道府県,市区町村,町字,よみ" in caught.value.message


def test_a_towns_csv_that_is_not_utf8_is_counter_007(tmp_path: Path) -> None:
    (tmp_path / TOWNS_FILE).write_bytes(HEADER.encode("cp932"))
    with pytest.raises(KakanaiError) as caught:
        city_towns(tmp_path, "サンプル市")
    assert caught.value.code.code == "COUNTER_007"


def test_an_empty_town_list_completes_nothing_and_looks_codes_up_at_japan_post() -> None:
    empty = TownList()
    assert empty.completing("ちゅう") == []
    found = empty.address_of("100-0001")
    assert found is not None
    assert found.municipality == "千代田区"


def test_the_buildings_at_an_address_of_the_city_are_known_whatever_the_digit_width() -> None:
    assert SAMPLE.buildings_at("中央一丁目", "２番３号") == [
        "サンプルハイツ中央",
        "サンプルグランドレジデンス東棟",
    ]
    assert SAMPLE.buildings_at("中央一丁目", "2番") == []
    assert SAMPLE.buildings_at("中央二丁目", "2番3号") == []
    assert SAMPLE.buildings_at("中央一丁目", "") == []


def test_a_citys_buildings_csv_beside_its_towns_csv_is_read(tmp_path: Path) -> None:
    (tmp_path / TOWNS_FILE).write_text(
        HEADER + "3300061,埼玉県,みなと市,常盤一丁目,トキワイッチョウメ\n", encoding="utf-8"
    )
    (tmp_path / BUILDINGS_FILE).write_text(
        "町字,番地・号,建物名\n常盤一丁目,12番地3号,みなとコーポラス常盤\n", encoding="utf-8"
    )
    towns = city_towns(tmp_path, "みなと市")
    assert towns.buildings_at("常盤一丁目", "12番地3号") == ["みなとコーポラス常盤"]


def test_a_broken_buildings_csv_is_counter_007(tmp_path: Path) -> None:
    (tmp_path / TOWNS_FILE).write_text(HEADER, encoding="utf-8")
    (tmp_path / BUILDINGS_FILE).write_text("町字,建物名\n", encoding="utf-8")
    with pytest.raises(KakanaiError) as caught:
        city_towns(tmp_path, "みなと市")
    assert caught.value.code.code == "COUNTER_007"
    assert "町字,番地・号,建物名" in caught.value.message
