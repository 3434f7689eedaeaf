"""`kakanai diff`: edits in the supervisor's terms, who is guided differently (with an
interview that shows it), scenarios that now fail, and slip compatibility."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kakanai.core.errors import KakanaiError
from kakanai.core.trees.evaluation import applied_procedures
from kakanai.services.trees.checking import check_tree
from kakanai.services.trees.diffing import compare, next_version
from tests.conftest import QUESTIONNAIRES

AS_OF = dt.date(2026, 11, 23)
KAIGO = 'move_type == "転入" and legal_age(member.birth_date) >= 65'
KOUKI = 'when: move_type == "転入" and (birthday(member.birth_date, 75) <= today()'


def versions(tmp_path: Path, *edits: tuple[str, str]) -> tuple[Path, Path]:
    """The shipped tree (with its scenarios) and a copy with ``edits`` applied."""
    old = tmp_path / "old" / "moving.yaml"
    new = tmp_path / "new" / "moving.yaml"
    for path in (old, new):
        path.parent.mkdir()
        shutil.copy(QUESTIONNAIRES / "moving.tests.yaml", path.with_name("moving.tests.yaml"))
    text = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    for before, after in edits:
        assert before in text, before
        text = text.replace(before, after, 1)
    new.write_text(text, encoding="utf-8")
    return old, new


def test_an_unchanged_tree_changes_nothing(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    result = compare(str(old), str(new), AS_OF)
    assert (result.edits, result.shifts, result.failing) == ([], [], {})
    assert result.compatibility is not None
    assert result.compatibility.slips_open


def test_a_lower_age_guides_the_new_age_with_an_interview_that_shows_it(tmp_path: Path) -> None:
    old, new = versions(
        tmp_path,
        (KOUKI, KOUKI.replace("75)", "74)")),
        ('version: "2027.2"', 'version: "2027.3"'),
    )
    result = compare(str(old), str(new), AS_OF)
    (shift,) = result.shifts
    assert (shift.procedure.id, shift.direction) == ("kouki_shikaku_shutoku", "gained")
    assert "74歳" in shift.example
    assert shift.answers["move_type"] == "転入"
    # The rule names the new age as a member profile (74歳 with the 国保 insurance).
    assert any("74歳・health_insurance=国保" in rule for rule in shift.rules)
    runtime = result.new.runtime
    given = applied_procedures(runtime.values(shift.answers, AS_OF))
    assert "kouki_shikaku_shutoku" in {a.procedure.id for a in given}


def test_a_procedure_no_longer_given_is_lost(tmp_path: Path) -> None:
    dog = KOUKI.replace("and (", "and has_dog and (")
    old, new = versions(tmp_path, (KOUKI, dog))
    result = compare(str(old), str(new), AS_OF)
    (shift,) = result.shifts
    assert shift.direction == "lost"
    assert shift.answers["has_dog"] is False


def test_the_scenarios_that_now_fail_are_named(tmp_path: Path) -> None:
    old, new = versions(tmp_path, (KOUKI, KOUKI.replace("75)", "74)")))
    result = compare(str(old), str(new), AS_OF)
    assert result.scenarios_checked >= 25
    assert any("誕生日の前日の妻はまだ" in name for name in result.failing)


def test_the_review_s_own_check_of_the_new_version_gives_the_same_failing_scenarios(
    tmp_path: Path,
) -> None:
    """The review checks the new version with its scenarios first and hands that check on;
    the scenarios named as failing are the same as when the diff runs them itself."""
    old, new = versions(tmp_path, (KAIGO, KAIGO.replace(">= 65", ">= 70")))
    checked = check_tree(new, AS_OF)
    assert checked.scenario_report is not None
    shared = compare(str(old), str(new), AS_OF, checked=checked)
    alone = compare(str(old), str(new), AS_OF)
    assert shared.failing == alone.failing
    assert "転入 面談日にちょうど65歳になる単身者" in shared.failing
    assert shared.new.runtime is checked.runtime


def test_a_new_version_with_other_scenarios_runs_the_old_ones_on_it(tmp_path: Path) -> None:
    """The check's own run stands in only when both scenario files say the same."""
    old, new = versions(tmp_path, (KAIGO, KAIGO.replace(">= 65", ">= 70")))
    new.with_name("moving.tests.yaml").write_text("tree: moving\nscenarios: []\n", encoding="utf-8")
    checked = check_tree(new, AS_OF)
    assert checked.scenario_report is not None
    assert checked.scenario_report.failed == {}
    shared = compare(str(old), str(new), AS_OF, checked=checked)
    assert "転入 面談日にちょうど65歳になる単身者" in shared.failing


def test_a_structural_change_under_the_same_version_needs_a_new_one(tmp_path: Path) -> None:
    old, new = versions(tmp_path, (KOUKI, KOUKI.replace("75)", "74)")))
    compatibility = compare(str(old), str(new), AS_OF).compatibility
    assert compatibility is not None
    assert not compatibility.same_structure
    assert not compatibility.slips_open
    assert compatibility.suggested_version


def test_a_wording_change_keeps_slips_readable(tmp_path: Path) -> None:
    old, new = versions(
        tmp_path, ("text: 犬を飼っていますか。", "text: 犬を飼っていますか(室内犬も)。")
    )
    result = compare(str(old), str(new), AS_OF)
    (edit,) = result.edits
    assert (edit.item, edit.id, edit.change) == ("設問", "has_dog", "文言")
    assert result.shifts == []
    assert result.compatibility is not None
    assert result.compatibility.slips_open


def test_a_new_question_and_procedure_are_listed(tmp_path: Path) -> None:
    question = (
        "      - id: has_gentsuki\n",
        (
            "      - id: has_boat\n        type: yesno\n        text: 船をお持ちですか。\n"
            "      - id: has_gentsuki\n"
        ),
    )
    procedure = (
        "  - id: inu_jusho_henkou\n",
        (
            "  - id: boat\n    name: 船の届出\n    department: zeimu\n    when: has_boat\n"
            "    because: 船をお持ちのため。\n  - id: inu_jusho_henkou\n"
        ),
    )
    old, new = versions(tmp_path, question, procedure)
    result = compare(str(old), str(new), AS_OF)
    assert {(e.item, e.id, e.change) for e in result.edits} == {
        ("設問", "has_boat", "追加"),
        ("手続き", "boat", "追加"),
    }
    (shift,) = result.shifts
    assert (shift.procedure.id, shift.direction) == ("boat", "gained")


def test_a_revision_of_this_repository_can_be_compared() -> None:
    result = compare(
        "git:HEAD:questionnaires/moving.yaml", str(QUESTIONNAIRES / "moving.yaml"), AS_OF
    )
    assert result.old.version
    assert result.scenarios_checked > 0


def test_an_unknown_revision_is_a_clear_error() -> None:
    with pytest.raises(KakanaiError) as caught:
        compare("git:no-such-revision:questionnaires/moving.yaml", "x.yaml", AS_OF)
    assert caught.value.code.code == "DIFF_002"


@pytest.mark.parametrize(
    ("version", "today", "expected"),
    [
        ("2026.11", dt.date(2026, 12, 6), "2026.12"),
        ("2026.12", dt.date(2026, 12, 6), "2026.12.1"),
        ("2026.12.1", dt.date(2026, 12, 6), "2026.12.2"),
        ("v3", dt.date(2026, 12, 6), "v4"),
        ("初版", dt.date(2026, 12, 6), "初版.2"),
    ],
)
def test_the_suggested_version_comes_after_the_old_one(
    version: str, today: dt.date, expected: str
) -> None:
    assert next_version(version, today) == expected
