"""The interview engine over the sample tree: order, skipping, bad answers, back, change,
progress, the live list of procedures and three-valued conditions."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from kakanai.core.errors import AnswerError, ErrorCode, KakanaiError
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview, Progress
from tests.core.trees.samples import (
    AGE_TREE_QUESTIONS,
    AS_OF,
    BASE,
    FATHER,
    MOTHER,
    MOVED_LONG_AGO,
    SENIOR_ON_MOVE,
    SON,
    clean_runtime,
)

DAUGHTER = {**SON, "name": "山田 さくら", "kana": "ヤマダ サクラ", "sex": "女"}
DAUGHTER["birth_date"] = "H23.8.1"

ADULTS = [FATHER, MOTHER]
WITH_CHILD = [FATHER, SON]


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> TreeRuntime:
    return clean_runtime(tmp_path_factory.mktemp("sample"), BASE)


def interview_after(runtime: TreeRuntime, *answers: object) -> Interview:
    """A new interview with ``answers`` given one after the other to the current questions."""
    interview = Interview(runtime, AS_OF)
    for raw in answers:
        interview.answer(raw)
    return interview


def current_id(interview: Interview) -> str | None:
    return interview.current.id if interview.current else None


def asked_in_order(interview: Interview, answers: Mapping[str, object]) -> list[str]:
    """Answer from ``answers`` by question id until the end; the ids in the order asked."""
    asked = []
    while interview.current is not None:
        asked.append(interview.current.id)
        interview.answer(answers.get(interview.current.id))
    return asked


def applied(interview: Interview) -> list[tuple[str, int | None]]:
    return [(a.procedure.id, a.member_index) for a in interview.procedures()]


# --- order and skipping -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param(
            {"move_type": "転入", "household": WITH_CHILD, "has_dog": "はい", "children_count": 1},
            ["move_type", "household", "has_dog", "children_count", "memo"],
            id="every question",
        ),
        pytest.param(
            {"move_type": "転入", "household": ADULTS, "has_dog": "いいえ"},
            ["move_type", "household", "has_dog", "memo"],
            id="no child: children_count skipped",
        ),
        pytest.param(
            {"move_type": "転出", "household": WITH_CHILD, "children_count": 1},
            ["move_type", "household", "children_count", "memo"],
            id="転出: has_dog skipped",
        ),
        pytest.param(
            {"move_type": "転出", "household": ADULTS},
            ["move_type", "household", "memo"],
            id="転出 without child: both skipped",
        ),
    ],
)
def test_questions_are_asked_in_tree_order_skipping_those_whose_when_fails(
    runtime: TreeRuntime, answers: dict[str, object], expected: list[str]
) -> None:
    assert asked_in_order(Interview(runtime, AS_OF), answers) == expected


def test_skipped_question_counts_as_not_answered(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転出", ADULTS)
    assert current_id(interview) == "memo"
    assert "has_dog" not in interview.answers
    assert interview.values().answered("has_dog") is False


def test_answers_are_kept_normalised(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい", "１")
    assert interview.answers["has_dog"] is True
    assert interview.answers["children_count"] == 1
    assert [q.id for q, _ in interview.path()] == [
        "move_type",
        "household",
        "has_dog",
        "children_count",
    ]


# --- bad answers --------------------------------------------------------------------------

BAD_ANSWERS = [
    pytest.param((), "転勤", "手続きの種類は?", id="unknown choice"),
    pytest.param(("転入",), [], "世帯全員を教えてください。", id="empty household"),
    pytest.param(("転入", WITH_CHILD), "たぶん", "犬を飼っていますか。", id="not yes/no"),
    pytest.param(
        ("転入", WITH_CHILD, "はい"), "二人", "就学前のお子さんは何人ですか。", id="not a number"
    ),
]


@pytest.mark.parametrize(("before", "bad", "question_text"), BAD_ANSWERS)
def test_bad_answer_raises_answer_error_naming_the_question(
    runtime: TreeRuntime, before: tuple[object, ...], bad: object, question_text: str
) -> None:
    interview = interview_after(runtime, *before)
    with pytest.raises(AnswerError) as caught:
        interview.answer(bad)
    assert caught.value.code is ErrorCode.ANSWER_INVALID
    assert f"設問「{question_text}」の回答が正しくありません" in caught.value.message


@pytest.mark.parametrize(("before", "bad", "question_text"), BAD_ANSWERS)
def test_bad_answer_changes_nothing(
    runtime: TreeRuntime, before: tuple[object, ...], bad: object, question_text: str
) -> None:
    interview = interview_after(runtime, *before)
    current, answers, progress = interview.current, interview.answers, interview.progress()
    with pytest.raises(AnswerError):
        interview.answer(bad)
    assert interview.current is current
    assert interview.answers == answers
    assert interview.progress() == progress


def test_bad_change_changes_nothing(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい")
    answers = interview.answers
    with pytest.raises(AnswerError):
        interview.change("move_type", "引っ越し")
    assert interview.answers == answers
    assert current_id(interview) == "children_count"


# --- back ---------------------------------------------------------------------------------


def test_back_returns_the_previous_question_and_asks_it_again(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD)
    previous = interview.back()
    assert previous is not None
    assert previous.id == "household"
    assert interview.current is previous
    assert interview.answers == {"move_type": "転入"}


def test_back_at_the_first_question_returns_none(runtime: TreeRuntime) -> None:
    interview = Interview(runtime, AS_OF)
    assert interview.back() is None
    assert current_id(interview) == "move_type"


def test_answering_again_after_back_continues_with_the_next_question(
    runtime: TreeRuntime,
) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい")
    interview.back()
    interview.answer("いいえ")
    assert current_id(interview) == "children_count"
    assert interview.answers["has_dog"] is False


def test_back_remembers_the_answer_of_the_question_it_returns_to(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい")
    interview.back()
    assert current_id(interview) == "has_dog"
    assert interview.remembered("has_dog") is True


def test_back_keeps_the_later_answers_remembered(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい", 2)
    interview.back()
    interview.back()
    assert current_id(interview) == "has_dog"
    assert interview.remembered("children_count") == 2
    assert "children_count" not in interview.answers


# --- change of an earlier answer ----------------------------------------------------------


def test_change_keeps_later_answers_that_still_apply(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい", 2)
    interview.change("move_type", "転居")
    assert interview.answers["has_dog"] is True
    assert interview.answers["children_count"] == 2
    assert current_id(interview) == "memo"


def test_change_drops_answers_that_no_longer_apply(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい", 2)
    interview.change("move_type", "転出")
    assert "has_dog" not in interview.answers
    assert interview.remembered("has_dog") is None
    assert ("dog", None) not in applied(interview)


def test_change_of_household_drops_the_children_question(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい", 2)
    interview.change("household", ADULTS)
    assert "children_count" not in interview.answers
    assert [m["name"] for m in interview.values().members] == ["山田 太郎", "山田 花子"]


def test_change_that_opens_a_question_asks_it_and_remembers_the_later_answers(
    runtime: TreeRuntime,
) -> None:
    interview = interview_after(runtime, "転出", WITH_CHILD, 2)
    interview.change("move_type", "転入")
    assert current_id(interview) == "has_dog"
    assert interview.remembered("children_count") == 2
    assert "children_count" not in interview.answers


def test_answering_the_opened_question_restores_the_remembered_answers(
    runtime: TreeRuntime,
) -> None:
    interview = interview_after(runtime, "転出", WITH_CHILD, 2)
    interview.change("move_type", "転入")
    interview.answer("いいえ")
    assert interview.answers["children_count"] == 2
    assert current_id(interview) == "memo"


@pytest.mark.parametrize(
    "question_id",
    [pytest.param("has_dog", id="skipped question"), pytest.param("bogus", id="unknown id")],
)
def test_change_of_a_question_not_asked_is_refused(runtime: TreeRuntime, question_id: str) -> None:
    interview = interview_after(runtime, "転出", ADULTS)
    with pytest.raises(KakanaiError) as caught:
        interview.change(question_id, "はい")
    assert caught.value.code is ErrorCode.ANSWER_NOT_ASKED
    assert question_id in caught.value.message


# --- progress -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param((), Progress(0, 5), id="start: unknown conditions count"),
        pytest.param(("転入",), Progress(1, 4), id="after move_type"),
        pytest.param(("転出",), Progress(1, 3), id="転出 rules out has_dog"),
        pytest.param(("転入", ADULTS), Progress(2, 2), id="no child rules out children_count"),
        pytest.param(("転入", WITH_CHILD, "はい"), Progress(3, 2), id="child: count still ahead"),
        pytest.param(("転出", ADULTS, None), Progress(3, 0), id="finished"),
    ],
)
def test_progress_counts_answered_and_possibly_remaining_questions(
    runtime: TreeRuntime, answers: tuple[object, ...], expected: Progress
) -> None:
    assert interview_after(runtime, *answers).progress() == expected


def test_progress_fraction_is_one_when_finished(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転出", ADULTS, None)
    assert interview.progress().fraction == 1.0
    assert interview_after(runtime, "転入").progress().fraction == pytest.approx(1 / 5)


# --- procedures while the interview runs --------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param((), [], id="nothing known"),
        pytest.param(("転入",), [("tennyu", None)], id="転入 known, household not yet"),
        pytest.param(("転入", WITH_CHILD), [("tennyu", None), ("iryou", 1)], id="household known"),
        pytest.param(
            ("転入", WITH_CHILD, "はい"),
            [("tennyu", None), ("dog", None), ("iryou", 1)],
            id="dog known",
        ),
        pytest.param(("転出", WITH_CHILD), [("tenshutsu", None)], id="転出 with a child"),
    ],
)
def test_procedures_apply_live_before_the_end(
    runtime: TreeRuntime, answers: tuple[object, ...], expected: list[tuple[str, int | None]]
) -> None:
    assert applied(interview_after(runtime, *answers)) == expected


def test_per_member_procedure_concerns_each_member_it_applies_to(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", [FATHER, SON, MOTHER, DAUGHTER])
    concerned = [
        (a.member_index, a.because) for a in interview.procedures() if a.procedure.id == "iryou"
    ]
    assert concerned == [
        (1, "山田 一郎さんが18歳未満のため。"),
        (3, "山田 さくらさんが18歳未満のため。"),
    ]


def test_procedure_records_the_answers_it_was_decided_on(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい")
    dog = next(a for a in interview.procedures() if a.procedure.id == "dog")
    assert dog.evidence == ["has_dog", "move_type"]


def test_finished_interview_refuses_another_answer(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入", ADULTS, "いいえ", "")
    assert interview.finished
    assert interview.current is None
    with pytest.raises(KakanaiError) as caught:
        interview.answer("はい")
    assert caught.value.code is ErrorCode.INTERVIEW_FINISHED


# --- three-valued conditions --------------------------------------------------------------

UNKNOWN_TREE = """\
questionnaire: {id: unknowns, title: 未回答の扱い, version: "1"}
departments: [{id: shimin, name: 市民課}]
sections:
  - id: only
    title: 設問
    questions:
      - id: move_type
        type: choice
        text: 手続きの種類は?
        choices: [転入, 転居, 転出]
      - id: has_dog
        type: yesno
        text: 犬を飼っていますか。
        when: move_type != "転出"
procedures:
  - id: no_dog
    name: 犬なし
    department: shimin
    when: not has_dog
    because: 犬を飼っていないため。
  - id: not_tennyu
    name: 転入以外
    department: shimin
    when: not (move_type == "転入")
    because: 転入ではないため。
  - id: dog_or_tenshutsu
    name: 犬または転出
    department: shimin
    when: has_dog or move_type == "転出"
    because: 犬を飼っているか転出のため。
  - id: no_dog_count
    name: 犬は0匹
    department: shimin
    when: answered(has_dog) and not has_dog
    because: 犬を飼っていないと答えたため。
"""


@pytest.fixture(scope="module")
def unknown_runtime(tmp_path_factory: pytest.TempPathFactory) -> TreeRuntime:
    return clean_runtime(tmp_path_factory.mktemp("unknowns"), UNKNOWN_TREE)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param((), [], id="nothing answered: every condition unknown"),
        pytest.param(
            ("転出",),
            ["not_tennyu", "dog_or_tenshutsu"],
            id="has_dog never asked: not has_dog is not true",
        ),
        pytest.param(("転入",), [], id="has_dog not yet answered"),
        pytest.param(("転入", "いいえ"), ["no_dog", "no_dog_count"], id="answered いいえ"),
        pytest.param(("転居", "はい"), ["not_tennyu", "dog_or_tenshutsu"], id="answered はい"),
    ],
)
def test_conditions_on_unanswered_values_are_never_true(
    unknown_runtime: TreeRuntime, answers: tuple[object, ...], expected: list[str]
) -> None:
    interview = interview_after(unknown_runtime, *answers)
    assert [a.procedure.id for a in interview.procedures()] == expected


# --- dates after the interview date -------------------------------------------------------

AGE_TREE = AGE_TREE_QUESTIONS + "procedures:\n" + MOVED_LONG_AGO + SENIOR_ON_MOVE
GRANDFATHER = {**FATHER, "birth_date": "S30.1.1"}
NEWBORN = {**SON, "name": "山田 みく", "birth_date": "R8.11.1"}


@pytest.fixture(scope="module")
def age_runtime(tmp_path_factory: pytest.TempPathFactory) -> TreeRuntime:
    return clean_runtime(tmp_path_factory.mktemp("ages"), AGE_TREE)


def test_age_of_a_date_after_the_interview_date_does_not_apply(age_runtime: TreeRuntime) -> None:
    interview = interview_after(age_runtime, "2027-01-10", [GRANDFATHER])
    assert applied(interview) == [("senior_on_move", 0)]


def test_age_on_the_move_date_of_a_baby_born_after_the_move_does_not_crash(
    age_runtime: TreeRuntime,
) -> None:
    interview = interview_after(age_runtime, "2026-10-01", [GRANDFATHER, NEWBORN])
    assert applied(interview) == [("senior_on_move", 0)]


# --- saved state and restore ----------------------------------------------------------------


def snapshot(interview: Interview) -> tuple[object, ...]:
    """Everything a clerk can see of an interview, for comparing a restored one."""
    ids = [q.id for q in interview.runtime.questions]
    return (
        current_id(interview),
        [(q.id, v) for q, v in interview.path()],
        {i: interview.remembered(i) for i in ids},
        interview.progress(),
        applied(interview),
    )


def after_back_twice(runtime: TreeRuntime) -> Interview:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい", 2)
    interview.back()
    interview.back()
    return interview


def after_change(runtime: TreeRuntime) -> Interview:
    interview = interview_after(runtime, "転入", WITH_CHILD, "はい", 2)
    interview.change("household", ADULTS)
    return interview


@pytest.mark.parametrize(
    "make",
    [
        interview_after,
        lambda r: interview_after(r, "転入", WITH_CHILD, "はい"),
        after_back_twice,
        after_change,
        lambda r: interview_after(r, "転入", ADULTS, "いいえ"),
    ],
    ids=["fresh", "answered", "after-back", "after-change", "finished-or-late"],
)
def test_restoring_the_saved_state_rebuilds_the_same_interview(
    runtime: TreeRuntime, make: object
) -> None:
    assert callable(make)
    original = make(runtime)
    answers, stopped_at = original.saved_state()
    restored = Interview(runtime, AS_OF)
    restored.restore(answers, stopped_at)
    assert snapshot(restored) == snapshot(original)


def test_saved_state_is_plain_json_data(runtime: TreeRuntime) -> None:
    answers, _ = interview_after(runtime, "転入", WITH_CHILD).saved_state()
    household = answers["household"]
    assert isinstance(household, list)
    assert household[0]["birth_date"] == "1982-05-10"
    assert "is_head" not in household[0]


def test_restoring_a_bad_answer_raises_and_changes_nothing(runtime: TreeRuntime) -> None:
    interview = interview_after(runtime, "転入")
    before = snapshot(interview)
    with pytest.raises(AnswerError):
        interview.restore({"move_type": "引っ越し"})
    assert snapshot(interview) == before
