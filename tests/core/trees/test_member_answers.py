"""Answering a per-member question in the interview: a list with one entry per member, blank
for those ``member_when`` leaves out; each entry passes the question's own checks; an error
names the member by their place; when the household changes, each remaining member keeps
their own answer and the question is asked again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.errors import AnswerError, KakanaiError
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.member_answers import MemberAnswerError, realigned
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.scripted import run_answers

AS_OF = dt.date(2026, 11, 23)
TREE = """\
questionnaire: {id: insurance, title: 保険, version: "1"}
departments: [{id: hoken, name: 保険年金課}]
sections:
  - id: s
    title: 世帯
    questions:
      - {id: household, type: household, text: 世帯}
      - id: insurance
        type: choice
        per: member
        member_when: member.age >= 20
        text: 加入している健康保険は。
        choices: [国保, 社会保険, 後期高齢]
      - {id: note, type: text, text: 備考, required: false, record_only: true}
procedures:
  - id: kokuho
    name: 国保の届出
    department: hoken
    when: any_member(member.insurance == "国保")
    because: 国保に加入する方がいます。
  - id: other
    name: その他
    department: hoken
    when: not any_member(member.insurance == "国保")
    because: 国保の方はいません。
"""


def runtime() -> TreeRuntime:
    reader = TreeReader("t.yaml")
    tree = reader.read(load_text(TREE, "t.yaml"))
    checker = StaticChecker(tree)
    built = checker.run()
    assert [*reader.problems, *checker.problems] == []
    return built


def row(name: str, birth: str, relationship: str = "子") -> dict[str, str]:
    return {
        "name": name,
        "kana": "ミホン",
        "birth_date": birth,
        "sex": "女",
        "relationship": relationship,
    }


FAMILY = [
    row("母", "1990-01-01", "世帯主"),
    row("子", "2020-05-05"),
    row("祖母", "1950-01-01", "母"),
]


def current_id(interview: Interview) -> str | None:
    return interview.current.id if interview.current is not None else None


def at_insurance(household: list[dict[str, str]] = FAMILY) -> Interview:
    interview = Interview(runtime(), AS_OF)
    interview.answer(household)
    assert current_id(interview) == "insurance"
    return interview


def test_the_question_is_asked_of_the_members_member_when_names() -> None:
    interview = at_insurance()
    assert interview.current is not None
    assert interview.asked_members(interview.current) == [True, False, True]


def test_a_list_with_a_blank_for_a_member_not_asked_is_taken() -> None:
    interview = at_insurance()
    interview.answer(["国保", None, "後期高齢"])
    assert interview.answers["insurance"] == ["国保", None, "後期高齢"]
    assert [a.procedure.id for a in interview.procedures()] == ["kokuho"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("国保", "3人分の一覧"),
        (["国保", None], "世帯員は3人ですが、回答が2人分"),
        (["国保", None, "年金"], "3人目の世帯員: "),
        (["国保", "社会保険", "国保"], "2人目の世帯員: "),
        ([None, None, "国保"], "1人目の世帯員: "),
    ],
)
def test_a_member_answer_that_does_not_fit_changes_nothing(raw: object, message: str) -> None:
    interview = at_insurance()
    with pytest.raises(AnswerError) as caught:
        interview.answer(raw)
    assert message in caught.value.message
    assert "insurance" not in interview.answers
    assert current_id(interview) == "insurance"


def test_an_error_names_the_member_by_place_never_by_name() -> None:
    interview = at_insurance()
    with pytest.raises(MemberAnswerError) as caught:
        interview.answer(["国保", None, "年金"])
    assert caught.value.index == 2
    assert "祖母" not in caught.value.message


def test_a_changed_household_keeps_each_members_answer_and_asks_again() -> None:
    interview = at_insurance()
    interview.answer(["国保", None, "後期高齢"])
    interview.answer("")  # note
    assert interview.finished
    joined = [FAMILY[0], row("父", "1988-03-03", "夫"), FAMILY[1], FAMILY[2]]
    interview.change("household", joined)
    assert current_id(interview) == "insurance"
    assert interview.remembered("insurance") == ["国保", None, None, "後期高齢"]
    interview.answer(["国保", "国保", None, "後期高齢"])
    assert interview.finished  # the later answer (a blank note) still stands


def test_a_member_leaving_keeps_the_others_answers_without_asking_again() -> None:
    interview = at_insurance()
    interview.answer(["国保", None, "後期高齢"])
    interview.answer("")
    interview.change("household", [FAMILY[0], FAMILY[1]])
    assert interview.finished
    assert interview.answers["insurance"] == ["国保", None]


def test_a_member_growing_into_member_when_asks_again() -> None:
    interview = at_insurance([row("母", "1990-01-01", "世帯主")])
    interview.answer(["社会保険"])
    interview.answer("")
    older = [row("母", "1990-01-01", "世帯主"), row("子", "2000-01-01")]
    interview.change("household", older)
    assert current_id(interview) == "insurance"


def test_realigning_matches_members_by_name_and_birth_date() -> None:
    a, b = {"name": "A", "birth_date": 1}, {"name": "B", "birth_date": 2}
    assert realigned(["x", "y"], [a, b], [b, a]) == ["y", "x"]
    assert realigned(["x", "y"], [a, b], [b]) == ["y"]
    assert realigned(["x"], [a, b], [b]) == ["x"]  # not a list for that household: unchanged


def test_a_saved_interview_with_member_answers_is_restored() -> None:
    interview = at_insurance()
    interview.answer(["国保", None, "後期高齢"])
    answers, stopped_at = interview.saved_state()
    again = Interview(runtime(), AS_OF)
    again.restore(answers, stopped_at)
    assert again.answers == interview.answers
    assert current_id(again) == "note"


def test_an_answers_file_points_at_the_members_entry(tmp_path: Path) -> None:
    text = (
        "household:\n"
        "  - {name: 母, kana: ハハ, birth_date: 1990-01-01, sex: 女, relationship: 世帯主}\n"
        "  - {name: 祖母, kana: ソボ, birth_date: 1950-01-01, sex: 女, relationship: 母}\n"
        "insurance:\n"
        "  - 国保\n"
        "  - 年金\n"
    )
    answers = load_text(text, "a.yaml")
    with pytest.raises(KakanaiError) as caught:
        run_answers(runtime(), answers, AS_OF)  # type: ignore[arg-type]
    assert (caught.value.line, caught.value.col) == (6, 5)
    assert "2人目の世帯員: " in caught.value.message


def test_a_question_asked_of_no_member_is_skipped() -> None:
    interview = Interview(runtime(), AS_OF)
    interview.answer([row("子", "2020-05-05", "世帯主")])
    assert current_id(interview) == "note"
    assert interview.values()["insurance"] == [None]
    assert [q.id for q, _ in interview.path()] == ["household"]


def test_a_blank_answer_to_a_required_question_asked_of_someone_is_refused() -> None:
    interview = at_insurance()
    with pytest.raises(AnswerError) as caught:
        interview.answer(None)
    assert "回答を入力してください" in caught.value.message
