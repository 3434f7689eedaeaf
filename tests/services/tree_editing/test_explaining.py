"""The preview's explanations: why the question on screen is asked, and for each procedure
(each member of per-member ones) whether it applies and why; an edit keeps the answers."""

from __future__ import annotations

from kakanai.core.trees.interview import Interview
from kakanai.services.tree_editing import explaining
from kakanai.services.tree_editing.scenarios import checked_runtime
from tests.conftest import AS_OF, QUESTIONNAIRES

MOVING = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")


def interview(text: str = MOVING) -> Interview:
    runtime, problems = checked_runtime(text, "moving.yaml")
    assert runtime is not None, problems
    return Interview(runtime, AS_OF)


def test_a_question_without_a_condition_is_always_asked() -> None:
    started = interview()
    assert interview().current is not None
    assert explaining.asked_because(started, started.runtime.tree.questions[0]) == (
        "この設問には条件がないため、必ず聞きます。"
    )


def test_each_procedure_says_whether_it_applies_and_why() -> None:
    started = interview()
    started.answer("転居")
    found = {why.heading: why for why in explaining.procedures(started)}
    assert found["転居届 — 市民課"].holds is True
    assert (
        found["転居届 — 市民課"].text
        == '案内する理由: 「move_type == "転居"」が成り立つ(move_type=転居)'
    )
    assert found["転入届 — 市民課"].holds is False
    assert found["転入届 — 市民課"].verdict == "該当しない"
    assert next(iter(found.values())).holds is True  # those that apply come first


def test_an_edit_keeps_the_answers_the_edited_tree_still_takes() -> None:
    before = interview()
    before.answer("転入")
    after = explaining.carried_over(before, interview(MOVING.replace("# ", "#  ")))
    assert [q.id for q, _ in after.path()] == ["move_type"]
