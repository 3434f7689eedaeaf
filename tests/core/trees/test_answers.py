"""What a clerk may type for each question type, and what kakanai keeps or refuses (in Japanese,
naming the question)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.errors import AnswerError, ErrorCode
from kakanai.core.trees.answers import parse_answer
from kakanai.core.trees.model import Question
from kakanai.core.trees.reader import TreeReader

AS_OF = dt.date(2026, 11, 23)
QUESTION_TEXT = "質問文です。"

TREE = """\
questionnaire: {{id: values, title: 回答値, version: "1"}}
departments: [{{id: shimin, name: 市民課}}]
sections:
  - id: only
    title: 設問
    questions:
      - {{id: q, text: {text}, {fields}}}
procedures: []
"""

YESNO = "type: yesno"
CHOICE = "type: choice, choices: [転入, {value: 転居, label: 転居(市内での引っ越し)}, 転出]"
MULTI = "type: multi, choices: [犬, {value: 猫, label: 猫(室内飼い)}, 鳥]"
DATE = "type: date"
NUMBER = "type: number, min: 0, max: 20"
TEXT = "type: text"
KATAKANA = "type: katakana"
POSTAL = "type: postal_code"
PHONE = "type: phone"
ADDRESS = "type: address"
HOUSEHOLD = "type: household"


@functools.cache
def question(fields: str) -> Question:
    """The one question of a tiny tree whose question mapping holds ``fields`` (read once;
    parse_answer never changes a question)."""
    path = "values.yaml"
    reader = TreeReader(path)
    tree = reader.read(load_text(TREE.format(text=QUESTION_TEXT, fields=fields), path))
    assert reader.problems == [], [p.render() for p in reader.problems]
    return tree.questions[0]


def assert_rejected(fields: str, raw: object, *fragments: str) -> None:
    """``raw`` is refused with ANSWER_001, naming the question and containing every fragment."""
    with pytest.raises(AnswerError) as caught:
        parse_answer(question(fields), raw, as_of=AS_OF)
    error = caught.value
    assert error.code is ErrorCode.ANSWER_INVALID
    assert f"設問「{QUESTION_TEXT}」" in error.message
    for fragment in fragments:
        assert fragment in error.message, error.message


def member(**changes: str) -> dict[str, str]:
    row = {
        "name": "山田 太郎",
        "kana": "ヤマダ タロウ",
        "birth_date": "S57.5.10",
        "sex": "男",
        "relationship": "世帯主",
    }
    row.update(changes)
    return row


CHILD = member(name="山田 一郎", kana="ヤマダ イチロウ", birth_date="R2.6.1", relationship="子")

ACCEPTED: list[tuple[str, str, object, object]] = [
    ("yes word", YESNO, "はい", True),
    ("no word", YESNO, "いいえ", False),
    ("true", YESNO, "true", True),
    ("false", YESNO, "false", False),
    ("full-width TRUE", YESNO, "ＴＲＵＥ", True),
    ("YAML boolean", YESNO, False, False),
    ("choice by value", CHOICE, "転入", "転入"),
    ("choice by label", CHOICE, "転居(市内での引っ越し)", "転居"),
    ("choice with spaces around", CHOICE, " 転出 ", "転出"),
    ("multi in choice order", MULTI, ["鳥", "犬"], ["犬", "鳥"]),
    ("multi by label", MULTI, ["猫(室内飼い)"], ["猫"]),
    ("multi single value", MULTI, "犬", ["犬"]),
    ("multi repeated value", MULTI, ["犬", "犬"], ["犬"]),
    ("date in reiwa letters", DATE, "R8.11.23", dt.date(2026, 11, 23)),
    ("date in reiwa kanji", DATE, "令和8年11月23日", dt.date(2026, 11, 23)),
    ("date in showa letters", DATE, "S60.4.12", dt.date(1985, 4, 12)),
    ("western date", DATE, "1985-04-12", dt.date(1985, 4, 12)),
    ("last day of heisei", DATE, "平成31年4月30日", dt.date(2019, 4, 30)),
    ("reiwa gannen", DATE, "令和元年5月1日", dt.date(2019, 5, 1)),
    ("YAML date", DATE, dt.date(2000, 1, 15), dt.date(2000, 1, 15)),
    ("month and day near the interview", DATE, "1115", dt.date(2026, 11, 15)),
    ("month and day next January", DATE, "1.5", dt.date(2027, 1, 5)),
    ("number", NUMBER, "3", 3),
    ("full-width number", NUMBER, "１２", 12),
    ("full-width decimal", NUMBER, "１．５", 1.5),
    ("number at min", NUMBER, "0", 0),
    ("number at max", NUMBER, 20, 20),
    ("text spacing tidied", TEXT, "  山田   太郎 ", "山田 太郎"),
    ("hiragana to katakana", KATAKANA, "やまだ たろう", "ヤマダ\u3000タロウ"),
    ("half-width katakana", KATAKANA, "ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ\u3000タロウ"),
    ("postal code digits", POSTAL, "1234567", "123-4567"),
    ("postal code with mark", POSTAL, "〒123-4567", "123-4567"),
    ("full-width postal code", POSTAL, "１２３－４５６７", "123-4567"),
    ("mobile phone without hyphens", PHONE, "09012345678", "090-1234-5678"),
    ("landline with hyphens", PHONE, "03-1234-5678", "03-1234-5678"),
]


@pytest.mark.parametrize(
    ("fields", "raw", "expected"), [pytest.param(f, r, e, id=i) for i, f, r, e in ACCEPTED]
)
def test_accepted_answer_is_normalised(fields: str, raw: object, expected: object) -> None:
    assert parse_answer(question(fields), raw, as_of=AS_OF) == expected


REJECTED: list[tuple[str, str, object, tuple[str, ...]]] = [
    ("yes/no word unknown", YESNO, "たぶん", ("「たぶん」は はい か いいえ",)),
    ("unknown choice lists the choices", CHOICE, "転勤", ("「転勤」は選択肢にありません", "転入")),
    ("near-miss choice suggests", CHOICE, "転入届", ("もしかして: 転入",)),
    ("unknown option in a multi", MULTI, ["犬", "ねこ"], ("「ねこ」は選択肢にありません",)),
    ("impossible era date", DATE, "平成31年5月1日", ("存在しません", "令和元年5月1日")),
    ("impossible calendar date", DATE, "2026-02-30", ("存在しません", "2月は28日まで")),
    ("unreadable date", DATE, "きのう", ("読み取れません",)),
    ("not a number", NUMBER, "たくさん", ("数値ではありません",)),
    ("number below min", NUMBER, "-1", ("0 以上",)),
    ("full-width number above max", NUMBER, "２１", ("20 以下",)),
    ("yes/no given to a number", NUMBER, True, ("数値で",)),
    ("latin letters as furigana", KATAKANA, "yamada", ("フリガナに「y」は使えません",)),
    ("short postal code", POSTAL, "12345", ("郵便番号",)),
    ("phone with letters", PHONE, "090-abcd-5678", ("電話番号",)),
    ("mobile phone too short", PHONE, "090-1234-567", ("11桁",)),
]


@pytest.mark.parametrize(
    ("fields", "raw", "fragments"), [pytest.param(f, r, x, id=i) for i, f, r, x in REJECTED]
)
def test_bad_answer_is_refused_with_a_japanese_reason(
    fields: str, raw: object, fragments: tuple[str, ...]
) -> None:
    assert_rejected(fields, raw, *fragments)


# --- blank answers ------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000"])
@pytest.mark.parametrize("fields", [TEXT, NUMBER, DATE, CHOICE])
def test_optional_question_left_blank_is_none(fields: str, raw: object) -> None:
    assert parse_answer(question(f"{fields}, required: false"), raw, as_of=AS_OF) is None


@pytest.mark.parametrize("raw", [None, "", "   "])
@pytest.mark.parametrize("fields", [TEXT, YESNO, DATE, HOUSEHOLD])
def test_required_question_left_blank_is_refused(fields: str, raw: object) -> None:
    assert_rejected(fields, raw, "回答を入力してください")


# --- address ------------------------------------------------------------------------------


def test_address_keeps_every_field_and_normalises_the_postal_code() -> None:
    raw = {
        "postal_code": "１０００００１",
        "prefecture": "東京都",
        "municipality": "サンプル市",
        "town": "中央一丁目",
        "block": "2番3号",
    }
    assert parse_answer(question(ADDRESS), raw, as_of=AS_OF) == {
        "postal_code": "100-0001",
        "prefecture": "東京都",
        "municipality": "サンプル市",
        "town": "中央一丁目",
        "block": "2番3号",
        "building": "",
    }


ADDRESS_REJECTED: list[tuple[str, object, tuple[str, ...]]] = [
    ("missing town", {"municipality": "サンプル市"}, ("町名・丁目", "town")),
    ("missing municipality", {"town": "中央一丁目"}, ("市区町村",)),
    (
        "unknown key suggests the close one",
        {"municipality": "サンプル市", "twon": "中央一丁目"},
        ("「twon」はありません", "もしかして: town"),
    ),
    ("one line of text", "東京都サンプル市中央一丁目", ("postal_code", "town")),
    (
        "bad postal code inside",
        {"postal_code": "100", "municipality": "サンプル市", "town": "中央"},
        ("郵便番号",),
    ),
]


@pytest.mark.parametrize(
    ("raw", "fragments"), [pytest.param(r, x, id=i) for i, r, x in ADDRESS_REJECTED]
)
def test_bad_address_is_refused(raw: object, fragments: tuple[str, ...]) -> None:
    assert_rejected(ADDRESS, raw, *fragments)


# --- household ----------------------------------------------------------------------------


def parse_household(rows: list[Any]) -> list[dict[str, Any]]:
    value = parse_answer(question(HOUSEHOLD), rows, as_of=AS_OF)
    assert isinstance(value, list)
    return value


def test_household_member_is_normalised() -> None:
    (head,) = parse_household([member(kana="やまだ たろう", sex="男性", relationship="本人")])
    assert head == {
        "name": "山田 太郎",
        "kana": "ヤマダ\u3000タロウ",
        "birth_date": dt.date(1982, 5, 10),
        "sex": "男",
        "relationship": "世帯主",
        "is_head": True,
    }


@pytest.mark.parametrize(
    ("relationships", "births", "heads"),
    [
        pytest.param(["世帯主", "子"], ["S57.5.10", "R2.6.1"], [True, False], id="first is head"),
        pytest.param(
            ["妻", "世帯主"], ["1985-01-01", "S57.5.10"], [False, True], id="head listed second"
        ),
        pytest.param(
            ["夫", "妻"], ["S57.5.10", "1985-01-01"], [True, False], id="no head: the first member"
        ),
    ],
)
def test_household_head_is_the_setainushi_or_the_first_member(
    relationships: list[str], births: list[str], heads: list[bool]
) -> None:
    rows = [
        member(name=f"山田 {n}", relationship=r, birth_date=b)
        for n, (r, b) in enumerate(zip(relationships, births, strict=True))
    ]
    assert [m["is_head"] for m in parse_household(rows)] == heads


HOUSEHOLD_REJECTED: list[tuple[str, object, tuple[str, ...]]] = [
    ("empty", [], ("1人以上",)),
    ("not a list", "山田 太郎", ("1人以上",)),
    (
        "two heads",
        [member(), member(name="山田 花子", sex="女")],
        ("世帯主は1人だけ",),
    ),
    (
        "birth date in the future",
        [member(), member(name="山田 次郎", birth_date="2027-01-01", relationship="子")],
        ("2人目の", "未来の日付"),
    ),
    (
        "unknown relationship suggests",
        [member(), member(name="山田 次郎", relationship="兄弟")],
        ("2人目の", "続柄「兄弟」は使えません", "もしかして: 兄弟姉妹"),
    ),
    ("unknown sex", [member(sex="不明")], ("性別「不明」",)),
    ("missing kana", [member(kana="")], ("1人目の", "フリガナ(kana)")),
    (
        "unknown member key suggests",
        [{**member(), "birthday": "S57.5.10"}],
        ("「birthday」はありません", "もしかして: birth_date"),
    ),
    ("impossible birth date", [member(birth_date="平成31年5月1日")], ("1人目の", "存在しません")),
    ("latin kana", [CHILD, member(kana="yamada")], ("2人目の", "フリガナ")),
    # Households no 住民票 records (core/trees/household_answers.py cites the rules).
    (
        "a head aged 7 with others",
        [member(birth_date="2019-06-01"), member(name="山田 花子", relationship="母")],
        ("世帯主(1人目)が7歳", "15歳以上"),
    ),
    (
        "a head aged 14 with others",
        [
            member(birth_date="2011-11-24"),
            member(name="山田 花子", birth_date="1980-01-01", relationship="母"),
        ],
        ("世帯主(1人目)が14歳",),
    ),
    (
        "a father younger than the head",
        [member(), member(name="山田 一", birth_date="1990-01-01", relationship="父")],
        ("2人目の続柄は「父」", "世帯主より年下か同じ年齢"),
    ),
    (
        "a child as old as the head",
        [member(), member(name="山田 一", relationship="子")],
        ("2人目の続柄は「子」", "世帯主より年上か同じ年齢"),
    ),
    (
        "a grandchild older than the head",
        [member(), member(name="山田 一", birth_date="1970-01-01", relationship="孫")],
        ("2人目の続柄は「孫」",),
    ),
]


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param([member(birth_date="2019-06-01")], id="a child alone (a facility)"),
        pytest.param(
            [
                member(birth_date="2011-11-23"),
                member(name="山田 花子", birth_date="1980-01-01", relationship="母"),
            ],
            id="a head turning 15 today with a mother",
        ),
        pytest.param(
            [
                member(),
                member(name="山田 花子", birth_date="2009-11-23", sex="女", relationship="妻"),
            ],
            id="a wife aged 17 (married abroad under her own law; the marriage tree judges age)",
        ),
        pytest.param(
            [member(), member(name="山田 一", birth_date="S57.5.11", relationship="子")],
            id="a child a day younger than the head (checked, not judged)",
        ),
    ],
)
def test_possible_households_are_taken(rows: list[Any]) -> None:
    assert len(parse_household(rows)) == len(rows)


@pytest.mark.parametrize(
    ("raw", "fragments"), [pytest.param(r, x, id=i) for i, r, x in HOUSEHOLD_REJECTED]
)
def test_bad_household_is_refused(raw: object, fragments: tuple[str, ...]) -> None:
    assert_rejected(HOUSEHOLD, raw, *fragments)


@pytest.mark.parametrize(
    ("fields", "raw"),
    [
        pytest.param(NUMBER, "nan", id="nan within min/max"),
        pytest.param("type: number", "inf", id="inf without max"),
    ],
)
def test_not_a_finite_number_is_refused(fields: str, raw: str) -> None:
    assert_rejected(fields, raw)
