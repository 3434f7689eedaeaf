"""What the counter's fields read from what is typed: a sex or relationship from a digit, a
reading or composed text, and a birth date read back with the age."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.services.counter.inputs import (
    RELATIONSHIP_PICKS,
    SEX_PICKS,
    birth_reading,
    pick_legend,
    picked,
)

AS_OF = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", "男"),
        ("２", "女"),  # an IME in kana mode commits full-width digits
        ("m", "男"),
        ("F", "女"),
        ("おんな", "女"),
        ("オトコ", "男"),
        ("o", None),  # otoko or onna: wait for the next key
        ("3", None),
        ("", None),
    ],
)
def test_sex_is_picked_by_a_number_a_letter_or_its_reading(
    typed: str, expected: str | None
) -> None:
    assert picked(typed, SEX_PICKS) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", "世帯主"),
        ("4", "子"),
        ("ts", "妻"),
        ("tsuma", "妻"),
        ("つま", "妻"),
        ("so", None),  # sofu, sobo, sonota
        ("sob", "祖母"),
        ("きょうだい", "兄弟姉妹"),
        ("同居人", "同居人"),
        ("10", None),  # only 1–9 are numbers
    ],
)
def test_a_relationship_is_picked_by_a_number_or_a_unique_start_of_its_reading(
    typed: str, expected: str | None
) -> None:
    assert picked(typed, RELATIONSHIP_PICKS) == expected


def test_the_legend_lists_the_numbers() -> None:
    assert pick_legend(SEX_PICKS) == "1 男  2 女"


@pytest.mark.parametrize(
    ("typed", "text", "error"),
    [
        ("S57.5.10", "昭和57年5月10日\n(1982年) 44歳", ""),
        ("R8.12.6", "令和8年12月6日\n(2026年) 0歳", ""),
        ("R9.1.1", "", "生年月日が未来の日付です。"),
        ("", "", ""),
    ],
)
def test_a_birth_date_is_read_back_on_two_lines_with_the_age(
    typed: str, text: str, error: str
) -> None:
    reading = birth_reading(typed, AS_OF)
    assert (reading.text, reading.error) == (text, error)
