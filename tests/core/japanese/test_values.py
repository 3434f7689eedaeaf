"""Tables of what clerks type and what kakanai reads from it (dates, kana, codes, ages)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.core.japanese.domain import OutOfDomainError, check_date, check_text, shown
from kakanai.core.japanese.values import (
    ValueFormatError,
    age_on,
    era_of,
    format_wareki,
    format_wareki_compact,
    format_wareki_short,
    normalize_katakana,
    normalize_phone,
    normalize_postal_code,
    normalize_text,
    parse_date,
    school_grade,
    to_halfwidth_digits,
)


def assert_rejected(parse: Callable[[str], object], text: str, *fragments: str) -> None:
    """``parse(text)`` raises ValueFormatError whose Japanese message contains every fragment."""
    with pytest.raises(ValueFormatError) as caught:
        parse(text)
    error = caught.value
    assert str(error) == error.message
    for fragment in fragments:
        assert fragment in error.message


# --- parse_date: accepted forms ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985-04-12", date(1985, 4, 12)),
        ("1985/4/12", date(1985, 4, 12)),
        ("1985.4.12", date(1985, 4, 12)),
        ("19850412", date(1985, 4, 12)),
        ("1985年4月12日", date(1985, 4, 12)),
        ("1985年04月12日", date(1985, 4, 12)),
        ("１９８５－０４－１２", date(1985, 4, 12)),
        ("１９８５年４月１２日", date(1985, 4, 12)),
        ("  1985/4/12\u3000", date(1985, 4, 12)),
    ],
)
def test_parse_date_reads_western_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S60.4.12", date(1985, 4, 12)),
        ("s60/4/12", date(1985, 4, 12)),
        ("S60-4-12", date(1985, 4, 12)),
        ("H1.1.8", date(1989, 1, 8)),
        ("h1-1-8", date(1989, 1, 8)),
        ("R1.5.1", date(2019, 5, 1)),
        ("R01.05.01", date(2019, 5, 1)),
        ("R8.11.23", date(2026, 11, 23)),
        ("R8/11/23", date(2026, 11, 23)),
        ("M45.7.29", date(1912, 7, 29)),
        ("T1.7.30", date(1912, 7, 30)),
        ("Ｓ６０．４．１２", date(1985, 4, 12)),
        ("ｒ８／１１／２３", date(2026, 11, 23)),
        ("S600412", date(1985, 4, 12)),
        ("s570510", date(1982, 5, 10)),
        ("R081123", date(2026, 11, 23)),
        ("H010108", date(1989, 1, 8)),
        ("昭和600412", date(1985, 4, 12)),
        ("Ｈ２９０６０１", date(2017, 6, 1)),
    ],
)
def test_parse_date_reads_era_letter_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昭和60年4月12日", date(1985, 4, 12)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和8年11月23日", date(2026, 11, 23)),
        ("令和８年１１月２３日", date(2026, 11, 23)),
        ("昭60.4.12", date(1985, 4, 12)),
        ("平31.4.30", date(2019, 4, 30)),
        ("明治45年7月29日", date(1912, 7, 29)),
        ("大正元年7月30日", date(1912, 7, 30)),
        ("令和 8年 11月 23日", date(2026, 11, 23)),
    ],
)
def test_parse_date_reads_kanji_era_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明治元年1月25日", date(1868, 1, 25)),
        ("明治45年7月29日", date(1912, 7, 29)),
        ("大正元年7月30日", date(1912, 7, 30)),
        ("大正15年12月24日", date(1926, 12, 24)),
        ("昭和元年12月25日", date(1926, 12, 25)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("令和元年5月1日", date(2019, 5, 1)),
    ],
)
def test_parse_date_accepts_first_and_last_day_of_each_era(text: str, expected: date) -> None:
    assert parse_date(text) == expected


# --- parse_date: rejections --------------------------------------------------------------


def test_parse_date_after_era_end_names_the_end_and_the_right_era() -> None:
    with pytest.raises(ValueFormatError) as caught:
        parse_date("平成31年5月1日")
    assert caught.value.message == (
        "平成31年5月1日は存在しません(平成は31年4月30日まで)。令和元年5月1日のように入力してください。"
    )


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("平成31年5月1日", ("平成は31年4月30日まで", "令和元年5月1日のように")),
        ("H31.5.1", ("平成は31年4月30日まで", "令和元年5月1日のように")),
        ("昭和64年1月8日", ("昭和は64年1月7日まで", "平成元年1月8日のように")),
        ("令和元年4月30日", ("令和は元年5月1日から", "平成31年4月30日のように")),
        ("平成元年1月7日", ("平成は元年1月8日から", "昭和64年1月7日のように")),
        ("大正15年12月25日", ("大正は15年12月24日まで", "昭和元年12月25日のように")),
        ("明治元年1月1日", ("明治は元年1月25日から", "1868年1月1日のように西暦で")),
        ("H310501", ("平成は31年4月30日まで", "令和元年5月1日のように")),
    ],
)
def test_parse_date_rejects_days_outside_the_era(text: str, fragments: tuple[str, ...]) -> None:
    assert_rejected(parse_date, text, "存在しません", *fragments)


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("2023年2月30日", ("2月30日は存在しません", "2月は28日まで")),
        ("2023-02-29", ("2月29日は存在しません", "2月は28日まで")),
        ("令和6年2月30日", ("2月30日は存在しません", "2月は29日まで")),
        ("1985-04-31", ("4月31日は存在しません", "4月は30日まで")),
        ("1985-04-00", ("4月0日は存在しません",)),
        ("1985年13月1日", ("13月はありません", "1から12まで")),
        ("S60.0.12", ("0月はありません", "1から12まで")),
        ("S601301", ("13月はありません", "1から12まで")),
        ("R060230", ("2月30日は存在しません", "2月は29日まで")),
    ],
)
def test_parse_date_rejects_impossible_month_or_day(text: str, fragments: tuple[str, ...]) -> None:
    assert_rejected(parse_date, text, *fragments)


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("令和0年5月1日", ("令和0年はありません", "令和元年")),
        ("R0.5.1", ("令和0年はありません", "R1")),
        ("0000-01-01", ("西暦0年はありません", "4桁")),
        ("0年4月1日", ("西暦か和暦か分かりません",)),
        ("-1985-04-12", ("読み取れません", "1985年4月12日")),
        ("令和-1年5月1日", ("読み取れません",)),
    ],
)
def test_parse_date_rejects_year_zero_and_negative_years(
    text: str, fragments: tuple[str, ...]
) -> None:
    assert_rejected(parse_date, text, *fragments)


@pytest.mark.parametrize("text", ["85-04-12", "85/4/12", "85年4月12日", "850412", "985-04-12"])
def test_parse_date_rejects_short_western_years_as_ambiguous(text: str) -> None:
    assert_rejected(parse_date, text, "西暦か和暦か分かりません", "4桁", "S60.4.12")


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("", ("日付が入力されていません", "1985年4月12日")),
        ("  \u3000", ("日付が入力されていません",)),
        ("あした", ("日付「あした」を読み取れません",)),
        ("1985-04", ("読み取れません",)),
        ("1985-04-12-01", ("読み取れません",)),
        ("昭和六十年四月十二日", ("読み取れません",)),
        ("X60.4.12", ("元号の記号「X」は使えません", "S(昭和)")),
    ],
)
def test_parse_date_rejects_empty_and_garbage(text: str, fragments: tuple[str, ...]) -> None:
    assert_rejected(parse_date, text, *fragments)


# --- a month and day near the interview ---------------------------------------------------

INTERVIEW = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "near", "expected"),
    [
        ("1115", INTERVIEW, date(2026, 11, 15)),  # last week's move
        ("11.15", INTERVIEW, date(2026, 11, 15)),
        ("11/15", INTERVIEW, date(2026, 11, 15)),
        ("11月15日", INTERVIEW, date(2026, 11, 15)),
        ("１１１５", INTERVIEW, date(2026, 11, 15)),  # full-width digits
        ("1.5", INTERVIEW, date(2027, 1, 5)),  # across the new year: the nearer January
        ("1231", date(2027, 1, 3), date(2026, 12, 31)),  # ... and back across it
        ("0523", INTERVIEW, date(2027, 5, 23)),  # 181 days ahead
        ("0524", INTERVIEW, date(2027, 5, 24)),  # 182 days ahead: still within half a year
        ("0229", date(2028, 1, 10), date(2028, 2, 29)),  # a leap day in a leap year
        ("0229", date(2027, 11, 23), date(2028, 2, 29)),  # ... or in the next one, 98 days on
        ("R8.11.15", INTERVIEW, date(2026, 11, 15)),  # a whole date is read as before
    ],
)
def test_a_month_and_day_alone_is_the_day_near_the_interview(
    text: str, near: date, expected: date
) -> None:
    assert parse_date(text, near=near) == expected


@pytest.mark.parametrize(
    ("text", "near", "fragments"),
    [
        ("0229", INTERVIEW, ("月日だけ", "2月29日", "年も付けて")),  # no leap day near 2026-11
        ("1301", INTERVIEW, ("読み取れません",)),
        ("1985", INTERVIEW, ("読み取れません",)),  # a year alone is no month and day
        ("1132", INTERVIEW, ("読み取れません",)),
    ],
)
def test_a_month_and_day_with_no_such_day_near_the_interview_is_refused(
    text: str, near: date, fragments: tuple[str, ...]
) -> None:
    assert_rejected(lambda t: parse_date(t, near=near), text, *fragments)


def test_a_month_and_day_alone_is_refused_where_no_interview_day_is_given() -> None:
    assert_rejected(parse_date, "1115", "読み取れません")


# --- wareki formatting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "long_form", "short_form", "era"),
    [
        (date(2026, 11, 23), "令和8年11月23日", "R8.11.23", ("令和", 8)),
        (date(2019, 5, 1), "令和元年5月1日", "R1.5.1", ("令和", 1)),
        (date(2019, 4, 30), "平成31年4月30日", "H31.4.30", ("平成", 31)),
        (date(1989, 1, 8), "平成元年1月8日", "H1.1.8", ("平成", 1)),
        (date(1989, 1, 7), "昭和64年1月7日", "S64.1.7", ("昭和", 64)),
        (date(1985, 4, 12), "昭和60年4月12日", "S60.4.12", ("昭和", 60)),
        (date(1926, 12, 25), "昭和元年12月25日", "S1.12.25", ("昭和", 1)),
        (date(1926, 12, 24), "大正15年12月24日", "T15.12.24", ("大正", 15)),
        (date(1912, 7, 30), "大正元年7月30日", "T1.7.30", ("大正", 1)),
        (date(1912, 7, 29), "明治45年7月29日", "M45.7.29", ("明治", 45)),
        (date(1868, 1, 25), "明治元年1月25日", "M1.1.25", ("明治", 1)),
    ],
)
def test_format_wareki_writes_era_dates(
    day: date, long_form: str, short_form: str, era: tuple[str, int]
) -> None:
    assert (format_wareki(day), format_wareki_short(day), era_of(day)) == (
        long_form,
        short_form,
        era,
    )


def test_format_wareki_without_gannen_writes_year_one_as_digit() -> None:
    assert format_wareki(date(2019, 5, 1), gannen=False) == "令和1年5月1日"


@pytest.mark.parametrize(
    "render",
    [format_wareki, format_wareki_short, era_of],
)
def test_wareki_rejects_dates_before_meiji(render: Callable[[date], object]) -> None:
    with pytest.raises(ValueFormatError, match="明治") as caught:
        render(date(1868, 1, 24))
    assert "西暦で入力してください" in caught.value.message


_WAREKI_DAYS = st.dates(min_value=date(1868, 1, 25), max_value=date(2100, 12, 31))


@given(_WAREKI_DAYS)
def test_format_wareki_parses_back_to_the_same_day(day: date) -> None:
    assert parse_date(format_wareki(day)) == day


@given(_WAREKI_DAYS)
def test_format_wareki_without_gannen_parses_back_to_the_same_day(day: date) -> None:
    assert parse_date(format_wareki(day, gannen=False)) == day


@given(_WAREKI_DAYS)
def test_format_wareki_short_parses_back_to_the_same_day(day: date) -> None:
    assert parse_date(format_wareki_short(day)) == day


@given(_WAREKI_DAYS)
def test_format_wareki_compact_parses_back_to_the_same_day_in_seven_keys(day: date) -> None:
    written = format_wareki_compact(day)
    assert (parse_date(written), len(written)) == (day, 7)


# --- furigana ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("やまだ たろう", "ヤマダ　タロウ"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ　タロウ"),
        ("ヤマダ　タロウ", "ヤマダ　タロウ"),
        ("がっこう", "ガッコウ"),
        ("ゔぃ", "ヴィ"),
        ("ｳﾞｨ", "ヴィ"),
        ("ﾊﾟﾝ", "パン"),
        ("ｶﾞｯｺｳ", "ガッコウ"),
        ("ぁぃぅぇぉゃゅょゎゕゖ", "ァィゥェォャュョヮヵヶ"),
        ("ｧｨｩｪｫｬｭｮｯ", "ァィゥェォャュョッ"),
        ("か゛", "ガ"),
        ("は゜", "パ"),
    ],
)
def test_normalize_katakana_converts_to_fullwidth_katakana(text: str, expected: str) -> None:
    assert normalize_katakana(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ら-めん", "ラーメン"),
        ("ﾗｰﾒﾝ", "ラーメン"),
        ("ら－めん", "ラーメン"),
        ("らーめん", "ラーメン"),
        ("ら‐めん", "ラーメン"),
        ("ﾙｲｰｽﾞ", "ルイーズ"),
    ],
)
def test_normalize_katakana_turns_dash_lookalikes_into_long_vowel(text: str, expected: str) -> None:
    assert normalize_katakana(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  やまだ  たろう  ", "ヤマダ　タロウ"),
        ("やまだ\u3000\u3000たろう", "ヤマダ　タロウ"),
        ("やまだ \u3000たろう", "ヤマダ　タロウ"),
        ("\u3000ｽｽﾞｷ\tﾊﾅｺ\u3000", "スズキ　ハナコ"),
        ("すみす・じょん", "スミス・ジョン"),
    ],
)
def test_normalize_katakana_separates_words_with_one_fullwidth_space(
    text: str, expected: str
) -> None:
    assert normalize_katakana(text) == expected


@pytest.mark.parametrize(
    ("text", "bad_char"),
    [
        ("山田 たろう", "山"),
        ("ヤマダ1", "1"),
        ("yamada", "y"),
        ("ヤマダ。", "。"),
        ("-やまだ", "-"),
    ],
)
def test_normalize_katakana_names_the_character_it_rejects(text: str, bad_char: str) -> None:
    assert_rejected(normalize_katakana, text, f"「{bad_char}」は使えません", "カタカナで入力")


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_normalize_katakana_rejects_empty_furigana(text: str) -> None:
    assert_rejected(normalize_katakana, text, "フリガナが入力されていません", "カタカナ")


# --- postal codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1234567",
        "123-4567",
        "〒123-4567",
        "〒 1234567",
        "１２３－４５６７",
        "１２３４５６７",
        "123ー4567",
        " 123-4567 ",
    ],
)
def test_normalize_postal_code_writes_three_hyphen_four(text: str) -> None:
    assert normalize_postal_code(text) == "123-4567"


@pytest.mark.parametrize(
    "text", ["", "123456", "12345678", "12-34567", "1234-567", "abc-defg", "123--4567"]
)
def test_normalize_postal_code_rejects_anything_but_seven_digits(text: str) -> None:
    assert_rejected(normalize_postal_code, text, "7桁", "123-4567 のように")


# --- phone numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09012345678", "090-1234-5678"),
        ("090-1234-5678", "090-1234-5678"),
        ("0901-234-5678", "090-1234-5678"),
        ("080 1234 5678", "080-1234-5678"),
        ("07012345678", "070-1234-5678"),
        ("０９０ー１２３４ー５６７８", "090-1234-5678"),
        ("05012345678", "050-1234-5678"),
        ("02012345678", "020-1234-5678"),
        ("0120123456", "0120-123-456"),
        ("0120-12-3456", "0120-123-456"),
        ("0312345678", "03-1234-5678"),
        ("03(1234)5678", "03-1234-5678"),
        ("(03)1234-5678", "03-1234-5678"),
        ("０３（１２３４）５６７８", "03-1234-5678"),
        ("0612345678", "06-1234-5678"),
    ],
)
def test_normalize_phone_groups_fixed_plans(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0421234567", "042-123-4567"),
        ("042-123-4567", "042-123-4567"),
        ("0428-12-3456", "0428-12-3456"),
        ("04992-1-2345", "04992-1-2345"),
        ("011(123)4567", "011-123-4567"),
        ("0428-123456", "042-812-3456"),
        ("0-421-234567", "042-123-4567"),
        ("042-12345-67", "042-123-4567"),
    ],
)
def test_normalize_phone_keeps_plausible_typed_landline_grouping_else_3_3_4(
    text: str, expected: str
) -> None:
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("", ("電話番号が入力されていません",)),
        ("090-1234-567", ("10桁", "携帯電話", "11桁", "090-1234-5678")),
        ("0312345678901", ("13桁", "固定電話", "03-1234-5678")),
        ("031234567", ("9桁", "10桁")),
        ("05012345", ("8桁", "IP電話", "050-1234-5678")),
        ("01201234567", ("11桁", "フリーダイヤル", "0120-123-456")),
        ("04212345678", ("11桁", "固定電話は市外局番から10桁")),
        ("1234567890", ("0から始まる",)),
        ("0012345678", ("0から始まる",)),
        ("+81 90 1234 5678", ("「+」は使えません",)),
        ("03-1234-567a", ("「a」は使えません",)),
    ],
)
def test_normalize_phone_rejects_invalid_numbers(text: str, fragments: tuple[str, ...]) -> None:
    assert_rejected(normalize_phone, text, *fragments)


# --- free text and names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  山田 太郎  ", "山田 太郎"),
        ("山田\t太郎", "山田 太郎"),
        ("山田\n\n太郎", "山田 太郎"),
        ("山田    太郎", "山田 太郎"),
        ("山田　太郎", "山田　太郎"),
        ("\u3000山田\u3000\u3000太郎\u3000", "山田　太郎"),
        ("ＡＢＣ", "ＡＢＣ"),
    ],
)
def test_normalize_text_only_tidies_whitespace(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    "name",
    [
        "葛\U000e0100飾",  # 葛 with an ideographic variation selector
        "\u8fbb\U000e0101",  # 辻 with a variation selector (two-dot/one-dot shinnyō)
        "\uf929子",  # CJK compatibility ideograph 朗, which NFC would replace
        "髙橋",
    ],
)
def test_normalize_text_preserves_variant_characters(name: str) -> None:
    assert normalize_text(f" {name} ") == name


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "\u3000"])
def test_normalize_text_rejects_empty_text(text: str) -> None:
    assert_rejected(normalize_text, text, "入力してください")


# --- width -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("０１２３４５６７８９", "0123456789"),
        ("ＡＢＣＸＹＺａｂｃｘｙｚ", "ABCXYZabcxyz"),
        ("１９８５－０４．１２／", "1985-04.12/"),
        ("令和８年", "令和8年"),
        ("ヤマダ　ｶﾅ", "ヤマダ　ｶﾅ"),
    ],
)
def test_to_halfwidth_digits_converts_fullwidth_ascii_only(text: str, expected: str) -> None:
    assert to_halfwidth_digits(text) == expected


# --- school grade and age ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "on", "grade"),
    [
        (date(2019, 4, 2), date(2026, 4, 1), 1),
        (date(2020, 4, 1), date(2026, 4, 1), 1),
        (date(2019, 4, 2), date(2027, 3, 31), 1),
        (date(2020, 4, 1), date(2027, 3, 31), 1),
        (date(2019, 4, 2), date(2026, 3, 31), 0),
        (date(2019, 4, 1), date(2026, 4, 1), 2),
        (date(2020, 4, 2), date(2026, 4, 1), 0),
        (date(2020, 4, 2), date(2025, 4, 1), -1),
        (date(2019, 4, 2), date(2032, 4, 1), 7),
        (date(2019, 4, 2), date(2035, 4, 1), 10),
        (date(2019, 4, 2), date(2038, 3, 31), 12),
        (date(2019, 4, 2), date(2038, 4, 1), 13),
        (date(2019, 4, 2), date(2019, 4, 2), -6),
    ],
)
def test_school_grade_groups_april_2_to_april_1_births(birth: date, on: date, grade: int) -> None:
    assert school_grade(birth, on) == grade


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1985, 4, 12), date(2026, 4, 11), 40),
        (date(1985, 4, 12), date(2026, 4, 12), 41),
        (date(2000, 1, 1), date(2000, 1, 1), 0),
        (date(2000, 12, 31), date(2001, 12, 30), 0),
        (date(2000, 2, 29), date(2001, 2, 27), 0),
        (date(2000, 2, 29), date(2001, 2, 28), 1),
        (date(2000, 2, 29), date(2004, 2, 28), 3),
        (date(2000, 2, 29), date(2004, 2, 29), 4),
        (date(2000, 2, 29), date(2100, 2, 28), 100),
    ],
)
def test_age_on_counts_full_years_with_feb_29_birthday_on_feb_28(
    birth: date, on: date, age: int
) -> None:
    assert age_on(birth, on) == age


@pytest.mark.parametrize("compute", [age_on, school_grade])
def test_age_and_grade_reject_a_birth_date_after_the_day(
    compute: Callable[[date, date], int],
) -> None:
    with pytest.raises(ValueFormatError, match="生年月日を確かめて"):
        compute(date(2020, 1, 2), date(2020, 1, 1))


# --- the domain: text and dates any answer may hold ---------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "fragment"),
    [
        ("山田\x00太郎", "INPUT_008", "U+0000"),
        ("山田\u202e", "INPUT_008", "U+202E"),
        ("\ufeff山田", "INPUT_008", "U+FEFF"),
        ("山田\udc80", "INPUT_008", "U+DC80"),
        ("\x85", "INPUT_008", "U+0085"),
        ("あ" * 11, "INPUT_007", "11文字"),
    ],
)
def test_check_text_refuses_length_and_characters(text: str, code: str, fragment: str) -> None:
    with pytest.raises(OutOfDomainError) as caught:
        check_text(text, limit=10)
    assert caught.value.code.code == code
    assert fragment in caught.value.message_for("氏名")
    assert caught.value.message_for("氏名").startswith("氏名")


@pytest.mark.parametrize("text", ["山田\u3000太郎", "葛\U000e0100飾", "a\tb\nc\r", "𠮷野", "ヴィ"])
def test_check_text_keeps_what_names_and_addresses_hold(text: str) -> None:
    check_text(text, limit=10)


@pytest.mark.parametrize(
    "day", [date(1, 1, 1), date(1868, 1, 24), date(3000, 1, 1), date(9999, 12, 31)]
)
def test_check_date_refuses_dates_wareki_cannot_write_or_too_far_ahead(day: date) -> None:
    with pytest.raises(OutOfDomainError) as caught:
        check_date(day)
    assert caught.value.code.code == "INPUT_010"


def test_shown_quotes_typed_text_safely() -> None:
    assert shown("山田\x1b[2J" + "x" * 40) == "山田<U+001B>[2J" + "x" * 24 + "…"
