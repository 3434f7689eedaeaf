"""Every two shipped trees can be one visit (転入 + 出生, 死亡 + 証明書 …): they agree about
every question, computed value and procedure they share, and joined they pass the checks."""

from __future__ import annotations

import itertools

from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.model import QuestionTree
from kakanai.core.trees.visit import join, visit_problems
from kakanai.services.trees.checking import read_tree
from tests.conftest import ROOT


def shipped_trees() -> list[QuestionTree]:
    trees = []
    for path in sorted((ROOT / "questionnaires").glob("*.yaml")):
        if path.name.endswith((".tests.yaml", ".answers.yaml")):
            continue
        tree, problems = read_tree(path)
        assert tree is not None, problems
        trees.append(tree)
    return trees


def test_every_pair_of_shipped_trees_makes_a_visit() -> None:
    found = []
    for first, second in itertools.permutations(shipped_trees(), 2):
        pair = f"{first.meta.id}+{second.meta.id}"
        found += [f"{pair}: {p.render()}" for p in visit_problems([first, second])]
        checker = StaticChecker(join([first, second]))
        checker.run()
        found += [f"{pair}: {p.render()}" for p in checker.problems]
    assert found == []
