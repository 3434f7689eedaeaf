"""The checker's cost grows gently with the tree: the decision diagrams it builds (checks and
decision tables together) grow polynomially with the number of questions, facts and member
profiles. Measured in nodes, which do not depend on the machine's speed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from kakanai.benchmarks.synthetic_trees import (
    Synthetic,
    household_profiles,
    independent,
    member_ages,
)
from kakanai.core.trees.reasoning.analysis import analyse
from tests.core.trees.reasoning.test_agreement import runtime_of

AS_OF = dt.date(2026, 11, 23)


def nodes(tree: Synthetic) -> int:
    """Diagram nodes built to check the tree and write its decision tables."""
    runtime = runtime_of(tree.text, "synthetic.yaml")
    assert runtime is not None
    analysis = analyse(runtime, AS_OF)
    analysis.tables()
    return analysis.space.dd.size


@pytest.mark.parametrize(
    "make",
    [independent, member_ages, household_profiles],
    ids=["independent yes/no", "any_member(member.age == k)", "per-member age bands"],
)
def test_doubling_the_tree_at_most_quadruples_the_diagrams(
    make: Callable[[int], Synthetic],
) -> None:
    small, large = nodes(make(10)), nodes(make(20))
    assert large <= 4 * small, (small, large)
