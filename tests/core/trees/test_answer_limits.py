"""The engine's door: whatever path an answer comes in by (the counter, an answers file, a
decoded slip), a value outside the domain is refused with its own INPUT_ code naming the
question, before it can crash the interview later: names that are not text or hold control,
format or bidi characters, texts past their length, dates 和暦 cannot write, households and
numbers past their bounds, interview dates outside the domain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.core.errors import AnswerError, KakanaiError
from kakanai.core.trees.answers import parse_answer
from kakanai.core.trees.case import build_case
from kakanai.core.trees.interview import Interview
from tests.core.trees.samples import AS_OF, BASE, clean_runtime
from tests.core.trees.test_answers import (
    DATE,
    HOUSEHOLD,
    KATAKANA,
    NUMBER,
    QUESTION_TEXT,
    TEXT,
    YESNO,
    member,
    question,
)

FREE_NUMBER = "type: number"


def refusal(fields: str, raw: object) -> AnswerError:
    with pytest.raises(AnswerError) as caught:
        parse_answer(question(fields), raw, as_of=AS_OF)
    assert f"設問「{QUESTION_TEXT}」" in caught.value.message
    return caught.value


REFUSED: list[tuple[str, str, object, str, str]] = [
    ("NUL in a name", HOUSEHOLD, [member(name="山田\x00太郎")], "INPUT_008", "U+0000"),
    ("escape in a name", HOUSEHOLD, [member(name="山田\x1b[2J")], "INPUT_008", "U+001B"),
    ("bidi override in a name", HOUSEHOLD, [member(name="山田\u202e郎太")], "INPUT_008", "U+202E"),
    ("zero width space in a name", HOUSEHOLD, [member(name="山田\u200b")], "INPUT_008", "U+200B"),
    ("lone surrogate in a name", HOUSEHOLD, [member(name="山田\ud800")], "INPUT_008", "U+D800"),
    ("DEL in free text", TEXT, "メモ\x7f", "INPUT_008", "U+007F"),
    ("name that is a number", HOUSEHOLD, [{**member(), "name": 12345}], "INPUT_009", "1人目の氏名"),
    ("name that is a list", HOUSEHOLD, [{**member(), "name": ["山田"]}], "INPUT_009", "一覧"),
    ("furigana that is a number", HOUSEHOLD, [{**member(), "kana": 1}], "INPUT_009", "フリガナ"),
    ("name of 101 characters", HOUSEHOLD, [member(name="山" * 101)], "INPUT_007", "101文字"),
    ("name of 100,000 characters", HOUSEHOLD, [member(name="山" * 100_000)], "INPUT_007", "100"),
    ("free text of 501 characters", TEXT, "あ" * 501, "INPUT_007", "上限500文字"),
    ("furigana of 101 characters", KATAKANA, "ア" * 101, "INPUT_007", "101文字"),
    ("a long yes/no", YESNO, "はい" * 1000, "INPUT_007", "2000文字"),
    ("birth date before 明治", HOUSEHOLD, [member(birth_date="1800-01-01")], "INPUT_010", "1800年"),
    (
        "birth date a day before 明治",
        HOUSEHOLD,
        [member(birth_date=dt.date(1868, 1, 24))],
        "INPUT_010",
        "明治元年1月25日",
    ),
    ("date in year 1", DATE, "0001-01-01", "INPUT_010", "1年1月1日"),
    ("date in year 9999", DATE, dt.date(9999, 12, 31), "INPUT_010", "2999年12月31日"),
    ("51 members", HOUSEHOLD, [member(relationship="子")] * 51, "INPUT_006", "51人"),
    ("integer past 2**53", FREE_NUMBER, 2**53 + 1, "INPUT_011", "数が大きすぎます"),
    ("float past 2**53", FREE_NUMBER, 1e300, "INPUT_011", "数が大きすぎます"),
    ("a 4000-digit number", FREE_NUMBER, "9" * 4000, "INPUT_007", "4000文字"),
]


@pytest.mark.parametrize(
    ("fields", "raw", "code", "fragment"),
    [pytest.param(f, r, c, x, id=i) for i, f, r, c, x in REFUSED],
)
def test_a_value_outside_the_domain_is_refused_with_its_own_code(
    fields: str, raw: object, code: str, fragment: str
) -> None:
    error = refusal(fields, raw)
    assert error.code.code == code
    assert fragment in error.message, error.message


@pytest.mark.parametrize(
    ("fields", "raw", "expected"),
    [
        pytest.param(HOUSEHOLD, [member(birth_date="1868-01-25")], dt.date(1868, 1, 25), id="明治"),
        pytest.param(DATE, "2999-12-31", dt.date(2999, 12, 31), id="last date"),
        pytest.param(FREE_NUMBER, 2**53, 2**53, id="largest number"),
        pytest.param(TEXT, "一行目\n二行目\t終わり", "一行目 二行目 終わり", id="line breaks"),
        pytest.param(TEXT, "葛\U000e0100飾", "葛\U000e0100飾", id="variation selector"),
        pytest.param(TEXT, 101, "101", id="an integer as text"),
    ],
)
def test_values_at_the_edge_of_the_domain_are_kept(
    fields: str, raw: object, expected: object
) -> None:
    value = parse_answer(question(fields), raw, as_of=AS_OF)
    if isinstance(value, list):
        value = value[0]["birth_date"]
    assert value == expected


def test_a_message_quotes_typed_text_without_its_control_characters() -> None:
    error = refusal(NUMBER, "1\u3000x" + "y" * 100)
    assert error.code.code == "ANSWER_001"
    assert len(error.message) < 200


def test_the_oldest_resident_finishes_the_interview(tmp_path: Path) -> None:
    """A birth date of 明治元年 passes the door and the case is built (it used to crash
    finish() when the door let earlier dates in)."""
    interview = Interview(clean_runtime(tmp_path, BASE), AS_OF)
    interview.answer("転入")
    interview.answer([member(birth_date="1868-01-25")])
    while interview.current is not None:
        interview.answer("いいえ" if interview.current.type.value == "yesno" else "0")
    case = build_case(interview, case_id="x", created_at=dt.datetime(2026, 11, 23, 10, 0))
    assert case["household"]["members"][0]["birth_date_wareki"] == "明治元年1月25日"


@pytest.mark.parametrize("as_of", [dt.date(1, 1, 1), dt.date(1868, 1, 24), dt.date(9999, 12, 31)])
def test_an_interview_date_outside_the_domain_is_refused(tmp_path: Path, as_of: dt.date) -> None:
    runtime = clean_runtime(tmp_path, BASE)
    with pytest.raises(KakanaiError) as caught:
        Interview(runtime, as_of)
    assert caught.value.code.code == "INPUT_010"
    assert "面談日" in caught.value.message
