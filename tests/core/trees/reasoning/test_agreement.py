"""Reasoning over conditions finds exactly what enumerating every path finds, on random small
trees: the same questions asked, procedures given, reads of unasked questions and paths
with no procedure. (Path enumeration stays for ``--paths``; on small trees it is the truth.)"""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.errors import ErrorCode
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime, applied_procedures
from kakanai.core.trees.paths import explore
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.reasoning.analysis import Analysis, analyse
from kakanai.core.trees.reasoning.diagrams import FALSE
from kakanai.core.trees.reasoning.witness import replay

AS_OF = dt.date(2026, 11, 23)
TREES = 80


@dataclass
class _Question:
    id: str
    kind: str
    atoms: list[str]


class TreeMaker:
    """Random trees a supervisor could write: choices, yes/no, a number, a household."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible trees, not secrets
        self.asked: list[_Question] = []

    def atom(self) -> str:
        facts = [
            "has_child",
            "has_senior",
            "count_members(member.age < 18) >= 2",
            # counts compared with whole numbers are capped past the largest (symbolic.py);
            # one inside arithmetic is not
            "count_members(member.age >= 65) == 1",
            "1 <= count_members(member.age < 18) <= 2",
            "count_members(member.age < 18) - count_members(member.age >= 65) >= 1",
        ]
        pool = [a for q in self.asked for a in q.atoms] + facts
        text = self.rng.choice(pool)
        return f"not {text}" if self.rng.random() < 0.2 and " " not in text else text

    def condition(self, depth: int = 0) -> str:
        roll = self.rng.random()
        if depth < 2 and roll < 0.45:
            joiner = " and " if self.rng.random() < 0.6 else " or "
            parts = [self.condition(depth + 1) for _ in range(self.rng.randint(2, 3))]
            return "(" + joiner.join(parts) + ")"
        return self.atom()

    def questions(self) -> list[str]:
        lines = [
            "      - {id: kind, type: choice, text: 種類, choices: [転入, 転居, 転出]}",
            "      - {id: household, type: household, text: 世帯}",
        ]
        self.asked.append(
            _Question(
                "kind", "choice", ['kind == "転入"', 'kind in ["転居", "転出"]', 'kind != "転出"']
            )
        )
        for index in range(self.rng.randint(2, 5)):
            qid = f"q{index}"
            when = f", when: '{self.condition()}'" if self.rng.random() < 0.6 else ""
            roll = self.rng.random()
            if roll < 0.2:
                lines.append(f"      - {{id: {qid}, type: number, text: 数{when}}}")
                limit = self.rng.randint(1, 4)
                atoms = [f"{qid} >= {limit}", f"{qid} < {limit}"]
                self.asked.append(_Question(qid, "number", atoms))
            elif roll < 0.3:
                lines.append(f"      - {{id: {qid}, type: date, text: 日{when}}}")
                atoms = [f"age({qid}) >= 1", f'{qid} >= date("2026-01-01")']
                self.asked.append(_Question(qid, "date", atoms))
            elif roll < 0.4:
                choices = "[犬, 猫, 鳥]"
                lines.append(
                    f"      - {{id: {qid}, type: multi, text: 複数, choices: {choices}{when}}}"
                )
                self.asked.append(_Question(qid, "multi", [f'"犬" in {qid}', f"len({qid}) >= 2"]))
            elif roll < 0.5:
                lines.append(
                    f"      - {{id: {qid}, type: yesno, text: 任意, required: false{when}}}"
                )
                self.asked.append(_Question(qid, "yesno", [qid, f"answered({qid})"]))
            else:
                lines.append(f"      - {{id: {qid}, type: yesno, text: 問{when}}}")
                self.asked.append(_Question(qid, "yesno", [qid]))
        return lines

    def procedures(self) -> list[str]:
        lines = []
        for index in range(self.rng.randint(3, 7)):
            if self.rng.random() < 0.3:
                age = self.rng.choice([6, 18, 65, 75])
                member = self.rng.choice([f"member.age >= {age}", f"member.age < {age}"])
                when = f"{self.condition(1)} and {member}"
                lines.append(
                    f"  - {{id: p{index}, name: 手続き{index}, department: d, per: member, "
                    f"when: '{when}', because: b}}"
                )
            else:
                lines.append(
                    f"  - {{id: p{index}, name: 手続き{index}, department: d, "
                    f"when: '{self.condition()}', because: b}}"
                )
        return lines

    def tree(self) -> str:
        questions = self.questions()
        return "\n".join(
            [
                "questionnaire: {id: random, title: 乱数, version: '1'}",
                "departments: [{id: d, name: 課}]",
                "sections:",
                "  - id: s",
                "    title: 設問",
                "    questions:",
                *questions,
                "computed:",
                "  - {id: has_child, title: 子, value: 'any_member(member.age < 18)'}",
                "  - {id: has_senior, title: 高齢者, value: 'any_member(member.age >= 65)'}",
                "procedures:",
                *self.procedures(),
                "",
            ]
        )


def runtime_of(text: str, name: str) -> TreeRuntime | None:
    """The checked runtime of a tree, or None when the static checks refuse it."""
    reader = TreeReader(name)
    tree = reader.read(load_text(text, name))
    checker = StaticChecker(tree)
    runtime = checker.run()
    return None if reader.problems or checker.problems else runtime


def valid_seeds(count: int) -> list[int]:
    """The first ``count`` seeds whose random tree passes the static checks (some do not:
    an answer nobody reads, for instance)."""
    seeds: list[int] = []
    seed = 0
    while len(seeds) < count:
        if runtime_of(TreeMaker(seed).tree(), "random.yaml") is not None:
            seeds.append(seed)
        seed += 1
    return seeds


@dataclass
class Compared:
    """What each method found in one tree, and how reasoning can show its extra findings."""

    enumerated: dict[str, set[object]]
    reasoned: dict[str, set[object]]
    analysis: Analysis


@functools.cache
def compared(seed: int) -> Compared:
    runtime = runtime_of(TreeMaker(seed).tree(), f"random{seed}.yaml")
    assert runtime is not None
    paths = explore(runtime, AS_OF)
    analysis = analyse(runtime, AS_OF)
    flow = analysis.flow
    enumerated: dict[str, set[object]] = {
        "asked": set(paths.asked),
        "applied": set(paths.applied),
        "unknown": {
            (r.condition.scalar.at_offset(0).line, r.condition.scalar.at_offset(0).col)
            for r in paths.unknown_reads.values()
        },
        "no_result": {True} if paths.no_result is not None else set(),
    }
    reasoned: dict[str, set[object]] = {
        "asked": {q for q, node in flow.asked.items() if node != FALSE},
        "applied": {p for p, node in flow.applies.items() if node != FALSE},
        "unknown": {(p.line, p.col) for p in flow.problems if p.code is ErrorCode.FLOW_NOT_ASKED},
        "no_result": {True} if flow.no_result is not None else set(),
    }
    return Compared(enumerated, reasoned, analysis)


def shown_by_an_interview(analysis: Analysis, kind: str, item: object) -> bool:
    """Reasoning's finding holds in a real interview of the resident it picked."""
    space, logic, flow = analysis.space, analysis.logic, analysis.flow
    runtime = logic.runtime
    if kind == "no_result":
        return flow.no_result is not None and not applied_procedures(flow.no_result.values(AS_OF))
    if kind == "unknown":
        return True  # every such report is confirmed on its interview before it is made
    node = flow.asked[str(item)] if kind == "asked" else flow.applies[str(item)]
    assignment = space.dd.pick(node)
    assert assignment is not None
    witness = replay(space, runtime, assignment)
    if kind == "asked":
        return item in witness.asked
    return item in {a.procedure.id for a in applied_procedures(witness.values(AS_OF))}


@pytest.mark.parametrize("seed", valid_seeds(TREES))
def test_reasoning_finds_what_enumeration_finds(seed: int) -> None:
    found = compared(seed)
    for kind, items in found.enumerated.items():
        assert items <= found.reasoned[kind], kind


@pytest.mark.parametrize("seed", valid_seeds(TREES))
def test_what_only_reasoning_finds_is_shown_by_a_real_interview(seed: int) -> None:
    """Enumeration merges households that household facts cannot tell apart and tries
    members of one profile once, so reasoning may find more; each extra is real."""
    found = compared(seed)
    for kind, items in found.reasoned.items():
        for item in items - found.enumerated[kind]:
            assert shown_by_an_interview(found.analysis, kind, item), (kind, item)
