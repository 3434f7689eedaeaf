"""count_members(...) compared with whole numbers is counted only up to one past the largest
of them (symbolic.py, ``_cap_counts``): no total the comparisons can tell apart is merged,
so what the reasoning finds is what counting every member finds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.core.trees.reasoning.rules import Table
from kakanai.services.trees.checking import check_tree

AS_OF = dt.date(2026, 11, 23)
SENIORS = "count_members(member.age >= 65)"


def checked(tmp_path: Path, when: str) -> tuple[list[str], list[Table]]:
    path = tmp_path / "counts.yaml"
    path.write_text(
        f"""questionnaire: {{id: counts, title: 人数, version: "1"}}
departments:
  - {{id: fukushi, name: 福祉課}}
sections:
  - id: main
    title: 設問
    questions:
      - {{id: household, type: household, text: 世帯全員を教えてください。}}
procedures:
  - {{id: base, name: 基本の届出, department: fukushi, because: 全員。}}
  - id: counted
    name: 人数で決まる手続き
    department: fukushi
    when: {when}
    because: 人数のため。
""",
        encoding="utf-8",
    )
    report = check_tree(path, AS_OF)
    assert report.analysis is not None, [p.render() for p in report.problems]
    return [p.code.code for p in report.problems], report.analysis.tables()


@pytest.mark.parametrize(
    "when",
    [
        f"{SENIORS} == 1 and {SENIORS} >= 2",  # one and two or more at once
        f"{SENIORS} >= 3 and {SENIORS} < 3",
        f"1 <= {SENIORS} <= 2 and {SENIORS} > 2",
    ],
)
def test_counts_that_cannot_both_hold_make_a_procedure_that_never_applies(
    tmp_path: Path, when: str
) -> None:
    codes, _ = checked(tmp_path, when)
    assert "TREE_FLOW_004" in codes


@pytest.mark.parametrize(
    "when",
    [f"{SENIORS} == 1", f"{SENIORS} >= 2", f"{SENIORS} == 2 or {SENIORS} == 3"],
)
def test_a_count_compared_with_a_number_can_apply(tmp_path: Path, when: str) -> None:
    codes, tables = checked(tmp_path, when)
    assert "TREE_FLOW_004" not in codes
    counted = next(t for t in tables if t.procedure.id == "counted")
    assert counted.rules
