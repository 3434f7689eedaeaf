"""Coverage of a scenario whose day of birth no class holds: it is renamed onto a class the
checker knows when every condition comes out the same, even where a condition part differs
that only another answer reads (a birth abroad weeks ago is past the 14-day deadline that
only a birth in Japan reads)."""

from __future__ import annotations

from pathlib import Path

from kakanai.services.trees.scenario_coverage import coverage_of
from tests.core.trees.samples import run_check

TREE = """\
questionnaire: {id: born, title: 出生, version: "1", effective_from: 2026-10-01}
departments: [{id: shimin, name: 市民課}]
sections:
  - id: s
    title: 出生
    questions:
      - {id: born_on, type: date, text: 生まれた日}
      - id: place
        type: choice
        text: 生まれた場所
        choices: [{value: 国内, label: 国内}, {value: 国外, label: 国外}]
      - {id: household, type: household, text: 世帯}
procedures:
  - {id: uketsuke, name: 受付, department: shimin, because: 受付します。}
  - id: todoke
    name: 出生届
    department: shimin
    per: member
    when: member.birth_date == born_on
    because: 出生届です。
  - id: nyuuji
    name: 乳児の手続き
    department: shimin
    per: member
    when: member.birth_date == born_on and legal_age(member.birth_date) < 1
    because: 1歳未満のお子さんです。
  - id: kyuufu
    name: 支援給付
    department: shimin
    when: born_on >= date("2025-04-01")
    because: 令和7年4月1日以後の出生です。
  - id: chien
    name: 期間経過通知書
    department: shimin
    when: place == "国内" and today() > koseki_deadline(born_on, 14)
    because: 期間を過ぎています。
"""


def scenarios(place: str, born: str, procedures: str) -> str:
    return f"""\
questionnaire: born
scenarios:
  - name: {place}で生まれた子
    as_of: 2026-11-24
    answers:
      born_on: {born}
      place: {place}
      household:
        - {{name: 山田 花子, kana: ヤマダ ハナコ, birth_date: H6.2.3, sex: 女,
           relationship: 世帯主}}
        - {{name: 山田 海斗, kana: ヤマダ カイト, birth_date: {born}, sex: 男,
           relationship: 子}}
    expect:
      procedures: [{procedures}]
"""


def missed(tmp_path: Path, place: str, born: str, procedures: str) -> list[str]:
    report = run_check(tmp_path, TREE, scenarios(place, born, procedures))
    assert report.ok, [p.render() for p in report.problems]
    coverage = coverage_of(report)
    assert coverage is not None
    return [use.label for use in coverage.missed]


def test_a_birth_abroad_past_the_14_days_covers_the_rule_of_a_birth(tmp_path: Path) -> None:
    """R8.10.1 is past koseki_deadline(born_on, 14) on R8.11.24, unlike a birth yesterday,
    but only a birth in Japan reads it: the scenario exercises the rule of a newborn under 1
    (no class of the checker has a newborn of 0 past the deadline; one born on R7.4.1 is 1)."""
    assert not any(
        label.startswith("nyuuji")
        for label in missed(tmp_path, "国外", "R8.10.1", "uketsuke, todoke, nyuuji, kyuufu")
    )


def test_a_birth_in_japan_past_the_14_days_is_not_renamed_onto_a_birth_today(
    tmp_path: Path,
) -> None:
    """In Japan the deadline decides the 期間経過通知書: no class of the checker has a
    newborn of 0 past it, so the scenario is not counted for the rule of a newborn under 1."""
    assert any(
        label.startswith("nyuuji")
        for label in missed(tmp_path, "国内", "R8.10.1", "uketsuke, todoke, nyuuji, kyuufu, chien")
    )
