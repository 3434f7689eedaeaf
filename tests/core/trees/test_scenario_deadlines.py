"""Scenarios assert a procedure's last day (due), whether it has passed (overdue) and its fee
(fees: 手数料 × 通数); a difference is a located TREE_TEST_001 at the procedure's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.services.trees.checking import check_tree
from tests.core.trees.samples import AS_OF, line_of

TREE = """\
questionnaire: {id: fees, title: 期限と手数料, version: "1", effective_from: 2026-10-01}
departments: [{id: shimin, name: 市民課}]
sections:
  - id: only
    title: 設問
    questions:
      - {id: event_date, type: date, text: 届出の理由が生じた日は。}
      - {id: copies, type: number, min: 0, max: 10, text: 証明書は何通ですか。}
procedures:
  - id: todoke
    name: 届出
    department: shimin
    because: 届出が必要です。
    due: koseki_deadline(event_date, 14)
  - id: shoumei
    name: 証明書の交付
    department: shimin
    when: copies >= 1
    because: 証明書を交付します。
    fee: 300
    copies: copies
"""


def scenarios(expect: str, event_date: str = "R8.11.10", as_of: str = "2026-11-24") -> str:
    return f"""\
questionnaire: fees
scenarios:
  - name: 期限と手数料
    as_of: {as_of}
    answers:
      event_date: {event_date}
      copies: 3
    expect:
{expect}"""


def run(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "fees.yaml").write_text(TREE, encoding="utf-8")
    (tmp_path / "fees.tests.yaml").write_text(text, encoding="utf-8")
    report = check_tree(tmp_path / "fees.yaml", AS_OF)
    return [p.render() for p in report.problems]


@pytest.mark.parametrize(
    "expect",
    [
        # 14th day from R8.11.10 is 11/23 (勤労感謝の日): the last day moves to 11/24
        "      due: {todoke: 2026-11-24}\n      overdue: {todoke: いいえ}\n",
        "      due: {todoke: R8.11.24}\n",
        "      fees: {shoumei: 900}\n",
        "      fees: {todoke: null}\n      due: {shoumei: null}\n",
    ],
)
def test_matching_expectations_pass(tmp_path: Path, expect: str) -> None:
    assert run(tmp_path, scenarios(expect)) == []


def test_a_different_due_date_is_reported_at_the_procedure(tmp_path: Path) -> None:
    text = scenarios("      due:\n        todoke: 2026-11-23\n")
    problems = run(tmp_path, text)
    assert len(problems) == 1
    assert f"fees.tests.yaml:{line_of(text, 'todoke: 2026-11-23')}:9: TREE_TEST_001" in problems[0]
    assert "期待: 令和8年11月23日 / 結果: 令和8年11月24日" in problems[0]


def test_the_day_after_the_due_date_is_overdue(tmp_path: Path) -> None:
    assert run(tmp_path, scenarios("      overdue: {todoke: はい}\n", as_of="2026-11-25")) == []
    problems = run(tmp_path, scenarios("      overdue: {todoke: いいえ}\n", as_of="2026-11-25"))
    assert len(problems) == 1
    assert "期待: 期限内 / 結果: 期限切れ" in problems[0]


def test_a_different_fee_is_reported(tmp_path: Path) -> None:
    problems = run(tmp_path, scenarios("      fees: {shoumei: 600}\n"))
    assert len(problems) == 1
    assert "shoumei の手数料が違います。期待: 600円 / 結果: 900円" in problems[0]


def test_an_unknown_procedure_suggests_the_right_one(tmp_path: Path) -> None:
    problems = run(tmp_path, scenarios("      fees: {shoumi: 900}\n"))
    assert len(problems) == 1
    assert "TREE_REF_003" in problems[0]
    assert "shoumei" in problems[0]


def test_an_unreadable_date_says_how_to_write_it(tmp_path: Path) -> None:
    problems = run(tmp_path, scenarios("      due: {todoke: あした}\n"))
    assert len(problems) == 1
    assert "TREE_YAML_005" in problems[0]
    assert "2026-12-20" in problems[0]


def test_a_procedure_that_does_not_apply_cannot_have_its_deadline_checked(
    tmp_path: Path,
) -> None:
    text = scenarios("      fees: {shoumei: 0}\n").replace("copies: 3", "copies: 0")
    problems = run(tmp_path, text)
    assert len(problems) == 1
    assert "shoumei が該当しないため、手数料を確かめられません" in problems[0]
