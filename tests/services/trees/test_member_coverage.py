"""Scenario coverage with per-member answers: each member's own answers (and "not asked of
this member") place the household in the profiles the rules are written over, so the rules a
scenario exercises are counted and suggested scenarios carry per-member answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.services.trees.checking import check_tree
from kakanai.services.trees.scenario_coverage import coverage_of, scenario_date, suggest
from tests.conftest import QUESTIONNAIRES

AS_OF = dt.date(2026, 11, 23)

TREE = """\
questionnaire: {id: members, title: 世帯員ごとの設問, version: "1", effective_from: 2026-10-01}
departments: [{id: hoken, name: 保険年金課}]
sections:
  - id: only
    title: 設問
    questions:
      - {id: household, type: household, text: 世帯全員を教えてください。}
      - id: insurance
        type: choice
        per: member
        member_when: member.age >= 20
        text: 加入している健康保険は。
        choices: [国保, 社会保険]
      - id: wants_card
        type: yesno
        per: member
        member_when: member.age < 20
        text: お子さんのカードを希望しますか。
procedures:
  - id: nenkin
    name: 国民年金
    department: hoken
    per: member
    when: member.age >= 20 and member.insurance == "国保" and member.age < 60
    because: "{member.name}さんは国保で60歳未満です。"
  - id: shaho
    name: 社会保険の確認
    department: hoken
    per: member
    when: member.age >= 20 and member.insurance == "社会保険"
    because: "{member.name}さんは社会保険です。"
  - id: card
    name: カードの申請
    department: hoken
    per: member
    when: member.age < 20 and member.wants_card
    because: "{member.name}さんがカードを希望しています。"
  - id: kodomo
    name: 子どもの確認
    department: hoken
    when: any_member(member.age < 20)
    because: 20歳未満の方がいます。
  - id: otona
    name: 大人だけの世帯の確認
    department: hoken
    when: not any_member(member.age < 20)
    because: 20歳未満の方はいません。
"""

FAMILY = """\
      household:
        - {name: 山田 太郎, kana: ヤマダ タロウ, birth_date: S57.5.10, sex: 男,
           relationship: 世帯主}
        - {name: 山田 一郎, kana: ヤマダ イチロウ, birth_date: R2.6.1, sex: 男, relationship: 子}
"""

SCENARIOS = f"""\
questionnaire: members
scenarios:
  - name: 国保の父と子(子には保険を聞かない)
    as_of: 2026-11-23
    answers:
{FAMILY}      insurance: [国保, null]
      wants_card: [null, はい]
    expect:
      procedures: [nenkin, card, kodomo]
      members: {{nenkin: [山田 太郎], card: [山田 一郎]}}
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    path = tmp_path / "members.yaml"
    path.write_text(TREE, encoding="utf-8")
    (tmp_path / "members.tests.yaml").write_text(SCENARIOS, encoding="utf-8")
    return path


def test_rules_reached_through_member_answers_are_exercised(tree: Path) -> None:
    report = check_tree(tree, AS_OF)
    assert report.ok, [p.render() for p in report.problems]
    coverage = coverage_of(report)
    assert coverage is not None
    missed = {use.table.procedure.id for use in coverage.missed}
    assert missed == {"shaho", "otona"}  # nobody has 社会保険; the household has a child


def test_a_member_not_asked_is_any_answer_they_could_not_give(tree: Path) -> None:
    """The child is not asked about insurance: the scenario still places the household."""
    coverage = coverage_of(check_tree(tree, AS_OF))
    assert coverage is not None
    exercised = {u.table.procedure.id for u in coverage.uses if u.scenarios}
    assert "kodomo" in exercised


def test_suggested_scenarios_write_member_answers_as_scenarios_do(tree: Path) -> None:
    result = suggest(tree, AS_OF, None, show=True)
    assert result.written == 2
    assert "insurance: [社会保険]" in result.text
    assert "True" not in result.text
    assert "False" not in result.text


def test_confirmed_member_suggestions_pass_and_cover_every_rule(tree: Path) -> None:
    suggest(tree, AS_OF, None, show=False)
    tests = tree.with_name("members.tests.yaml")
    tests.write_text(
        tests.read_text(encoding="utf-8").replace("confirmed: false", "confirmed: true"), "utf-8"
    )
    report = check_tree(tree, AS_OF)
    assert report.ok, [p.render() for p in report.problems]
    assert report.scenarios_passed == report.scenarios_total == 3
    coverage = coverage_of(report)
    assert coverage is not None
    assert [use.label for use in coverage.missed] == []


@pytest.mark.parametrize(
    "name", ["moving", "certificates", "marriage", "divorce", "abroad", "birth"]
)
def test_the_shipped_scenarios_exercise_every_rule_of_the_tree(name: str) -> None:
    path = QUESTIONNAIRES / f"{name}.yaml"
    coverage = coverage_of(check_tree(path, scenario_date(path)))
    assert coverage is not None
    assert [use.label for use in coverage.missed] == []


def test_a_birth_abroad_weeks_ago_is_placed_beside_a_birth_today() -> None:
    """国外 births past the 14-day 戸籍届 line have no class of their own (``today() >
    koseki_deadline(born_on, 14)`` has no constant to split on): renamed onto the day of the
    interview, where every condition comes out the same, they exercise the 国外 rules."""
    path = QUESTIONNAIRES / "birth.yaml"
    coverage = coverage_of(check_tree(path, scenario_date(path)))
    assert coverage is not None
    by_label = {use.label: use.scenarios for use in coverage.uses}
    assert "出生 アメリカで生まれた日本国籍の子(国籍留保)" in by_label["kokuseki_ryuuho 規則1"]
