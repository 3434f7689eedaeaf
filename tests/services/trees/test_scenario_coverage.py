"""Scenario coverage and suggestions: which rules the scenarios exercise, scenarios written
for the rules they miss (unconfirmed, so they do not run), and those scenarios passing once a
supervisor confirms them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kakanai.core.errors import KakanaiError
from kakanai.services.trees.checking import check_tree
from kakanai.services.trees.scenario_coverage import coverage_of, scenario_date, suggest
from tests.conftest import QUESTIONNAIRES
from tests.core.trees.samples import BASE, SCENARIOS, run_check

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture
def moving(tmp_path: Path) -> Path:
    """A copy of the shipped tree with only its first three scenarios."""
    tree = tmp_path / "moving.yaml"
    shutil.copy(QUESTIONNAIRES / "moving.yaml", tree)
    text = (QUESTIONNAIRES / "moving.tests.yaml").read_text(encoding="utf-8")
    parts = text.split("\n  - name:")
    (tmp_path / "moving.tests.yaml").write_text("\n  - name:".join(parts[:4]) + "\n", "utf-8")
    return tree


def test_the_shipped_scenarios_exercise_every_rule() -> None:
    coverage = coverage_of(check_tree(QUESTIONNAIRES / "moving.yaml", AS_OF))
    assert coverage is not None
    assert [use.label for use in coverage.missed] == []


def test_a_rule_no_scenario_reaches_is_missed(tmp_path: Path) -> None:
    coverage = coverage_of(run_check(tmp_path, BASE, SCENARIOS))
    assert coverage is not None
    missed = {use.table.procedure.id for use in coverage.missed}
    assert "tenshutsu" in missed  # the one scenario is a 転入
    assert "tennyu" not in missed


def test_suggested_scenarios_are_appended_unconfirmed_and_do_not_run(moving: Path) -> None:
    before = check_tree(moving, AS_OF)
    result = suggest(moving, AS_OF, None, show=False)
    assert result.written == result.missed > 0
    after = check_tree(moving, AS_OF)
    assert after.scenarios_total == before.scenarios_total
    assert after.scenarios_unconfirmed == result.written
    assert after.ok


def test_confirmed_suggestions_pass_and_cover_every_rule(moving: Path) -> None:
    suggest(moving, AS_OF, None, show=False)
    tests = moving.with_name("moving.tests.yaml")
    tests.write_text(
        tests.read_text(encoding="utf-8").replace("confirmed: false", "confirmed: true"), "utf-8"
    )
    report = check_tree(moving, AS_OF)
    assert report.ok, [p.render() for p in report.problems]
    assert report.scenarios_passed == report.scenarios_total
    coverage = coverage_of(report)
    assert coverage is not None
    assert coverage.missed == []


def test_suggest_prints_instead_of_writing_when_asked(moving: Path) -> None:
    tests = moving.with_name("moving.tests.yaml")
    text = tests.read_text(encoding="utf-8")
    result = suggest(moving, AS_OF, None, show=True)
    assert result.target is None
    assert "confirmed: false" in result.text
    assert tests.read_text(encoding="utf-8") == text


def test_suggest_refuses_a_tests_file_that_does_not_end_in_its_scenarios(moving: Path) -> None:
    tests = moving.with_name("moving.tests.yaml")
    text = tests.read_text(encoding="utf-8")
    tests.write_text(text.replace("questionnaire: moving\n", "") + "questionnaire: moving\n")
    with pytest.raises(KakanaiError) as caught:
        suggest(moving, AS_OF, None, show=False)
    assert caught.value.code.code == "TREE_TEST_003"


def test_a_confirmed_flag_that_is_not_yes_or_no_is_reported(tmp_path: Path) -> None:
    scenarios = SCENARIOS.replace("    as_of:", "    confirmed: たぶん\n    as_of:", 1)
    problems = run_check(tmp_path, BASE, scenarios).problems
    assert [p.code.code for p in problems] == ["TREE_YAML_005"]


def test_coverage_is_judged_on_the_scenarios_own_day(moving: Path) -> None:
    assert scenario_date(moving) == dt.date(2026, 11, 23)


MEMBER_TREE = """\
questionnaire: {id: okuyami, title: おくやみ, version: "1"}
departments:
  - {id: shimin, name: 市民課}
  - {id: hoken, name: 保険年金課}
sections:
  - id: s
    title: 世帯
    questions:
      - {id: household, type: household, text: 世帯の方}
      - id: kinship
        type: choice
        per: member
        text: 亡くなった方から見て
        choices: [本人, 妻, 子]
      - id: was_dependent
        type: yesno
        per: member
        member_when: member.kinship != "本人"
        text: 扶養でしたか
procedures:
  - id: houki
    name: 相続放棄のご案内
    department: shimin
    because: どなたにもご案内します
  - id: shibou
    name: 死亡の届出
    department: shimin
    per: member
    when: member.kinship == "本人"
    because: 亡くなったため
  - id: kanyu
    name: 国保の加入
    department: hoken
    per: member
    when: member.kinship != "本人" and member.was_dependent
    because: 扶養でなくなったため
"""

MEMBER_SCENARIOS = """\
questionnaire: okuyami
scenarios:
  - name: 夫が亡くなり扶養の妻が残る
    answers:
      household:
        - {name: 山田 太郎, kana: ヤマダ, birth_date: 1970-01-01, sex: 男, relationship: 世帯主}
        - {name: 山田 花子, kana: ヤマダ, birth_date: 1972-01-01, sex: 女, relationship: 妻}
      kinship: [本人, 妻]
      was_dependent: [null, はい]
    expect:
      procedures: [houki, shibou, kanyu]
"""


def test_members_are_matched_with_their_own_answers_also_where_one_was_not_asked(
    tmp_path: Path,
) -> None:
    """The deceased is told apart by ``kinship``; ``was_dependent`` is not asked of them."""
    report = run_check(tmp_path, MEMBER_TREE, MEMBER_SCENARIOS)
    assert report.scenarios_passed == 1
    coverage = coverage_of(report)
    assert coverage is not None
    assert [use.label for use in coverage.missed] == []
