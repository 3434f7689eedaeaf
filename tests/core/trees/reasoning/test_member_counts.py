"""count_members(...) compared with whole numbers is counted only up to one past the largest
of them (symbolic.py, ``count_caps``): no total the comparisons can tell apart is merged,
so what the reasoning finds is what counting every member finds."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from kakanai.core.trees.reasoning.rules import Table
from kakanai.core.trees.reasoning.symbolic import count_caps
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
        "count_members(member.age >= 0) == 0",  # a household has a member
        "count_members(member.age < 0) >= 1",  # nobody counts
    ],
)
def test_counts_that_cannot_both_hold_make_a_procedure_that_never_applies(
    tmp_path: Path, when: str
) -> None:
    codes, _ = checked(tmp_path, when)
    assert "TREE_FLOW_004" in codes


@pytest.mark.parametrize(
    "when",
    [
        f"{SENIORS} == 1",
        f"{SENIORS} >= 2",
        f"{SENIORS} == 2 or {SENIORS} == 3",
        "count_members(member.age >= 0) >= 2",  # everyone counts: a household of two or more
        "count_members(member.age >= 0) == 1",
    ],
)
def test_a_count_compared_with_a_number_can_apply(tmp_path: Path, when: str) -> None:
    codes, tables = checked(tmp_path, when)
    assert "TREE_FLOW_004" not in codes
    counted = next(t for t in tables if t.procedure.id == "counted")
    assert counted.rules


SENIOR_COUNT = "count_members(member.age >= 65)"


@pytest.mark.parametrize(
    ("conditions", "cap"),
    [
        ([f"{SENIOR_COUNT} >= 2"], 3),
        ([f"{SENIOR_COUNT} >= 2", f"{SENIOR_COUNT} < 5"], 6),  # the largest of all its uses
        ([f"1 <= {SENIOR_COUNT} <= 4"], 5),
        ([f"{SENIOR_COUNT} >= 0"], 1),
        ([f"{SENIOR_COUNT} >= 2", f"{SENIOR_COUNT} + 1 > 2"], None),  # arithmetic elsewhere
        ([f"{SENIOR_COUNT} >= 2", f"{SENIOR_COUNT} == seniors"], None),  # compared with an answer
        ([f"{SENIOR_COUNT} >= 1.5"], None),  # not a whole number
    ],
)
def test_a_count_is_capped_only_where_every_use_of_it_compares_it_with_whole_numbers(
    conditions: list[str], cap: int | None
) -> None:
    found = count_caps(ast.parse(c, mode="eval").body for c in conditions)
    key = ast.dump(ast.parse(SENIOR_COUNT, mode="eval").body)
    assert found.get(key) == cap
