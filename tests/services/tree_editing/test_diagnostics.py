"""Problems where the supervisor looks: inside a condition at the word they point at, under
the item they are written in, errors before warnings."""

from __future__ import annotations

from kakanai.adapters.yaml_editing import replace_value
from kakanai.services.tree_editing import diagnostics
from kakanai.services.tree_editing.draft import read_draft
from kakanai.services.tree_editing.places import places
from kakanai.services.trees.checking import check_source
from tests.conftest import AS_OF, QUESTIONNAIRES

MOVING = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
WHEN = ("procedures", ("id", "kaigo_jukyu_shikaku_teishutsu"), "when")


def checked(condition: str) -> tuple[str, list]:  # type: ignore[type-arg]
    text = replace_value(MOVING, list(WHEN), condition)
    return text, check_source(text, "moving.yaml", AS_OF)


def test_an_unknown_name_is_marked_on_itself_with_did_you_mean() -> None:
    condition = 'move_type == "転入" and kaigo_nintie'
    text, problems = checked(condition)
    (mark,) = diagnostics.marks(read_draft(text, "m").root, WHEN, condition, problems)
    assert condition[mark.start : mark.end] == "kaigo_nintie"
    assert "もしかして: kaigo_nintei" in mark.message
    assert mark.message.endswith("[TREE_REF_001]")


def test_an_option_the_question_does_not_have_is_marked_on_the_option() -> None:
    condition = 'move_type == "転入x" and kaigo_nintei'
    text, problems = checked(condition)
    (mark,) = diagnostics.marks(read_draft(text, "m").root, WHEN, condition, problems)
    assert condition[mark.start : mark.end] == '"転入x"'
    assert "もしかして: 転入" in mark.message


def test_a_condition_cut_short_is_marked_at_its_end() -> None:
    condition = 'move_type == "転入" and'
    text, problems = checked(condition)
    (mark,) = diagnostics.marks(read_draft(text, "m").root, WHEN, condition, problems)
    assert mark.end == len(condition)
    assert mark.problem.code.code == "TREE_EXPR_001"


def test_problems_go_under_the_item_they_are_written_in() -> None:
    text, problems = checked('move_type == "転入" and kaigo_nintie')
    root = read_draft(text, "m").root
    found = diagnostics.by_item(root, places(root), problems)
    assert list(found) == [("PROCEDURE", "kaigo_jukyu_shikaku_teishutsu")]


def test_the_summary_counts_errors_and_warnings() -> None:
    _, problems = checked('move_type == "転入" and kaigo_nintei and move_type != "転出"')
    assert diagnostics.summary(problems) == "問題 0件・警告 1件"
    assert diagnostics.summary([]) == "問題はありません"
