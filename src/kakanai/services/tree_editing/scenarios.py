"""The draft's scenarios as the editor shows them: each with what it expects and what the
draft gives (unconfirmed ones too, so a supervisor can confirm them), the coverage of the
decision table, and new scenarios — from a preview or for the rules none reaches — written
``confirmed: false`` until a supervisor confirms them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kakanai.adapters import yaml_editing
from kakanai.adapters.yaml_loading import YamlLoadError, load_text
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import LList, LMap, LNode, plain
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.reasoning.analysis import analyse
from kakanai.core.trees.reasoning.coverage import Coverage
from kakanai.core.trees.scenarios import (
    ScenarioReport,
    ScenarioRunner,
    scenario_name,
    written_answers,
)
from kakanai.core.trees.scripted import run_answers
from kakanai.services.trees.scenario_coverage import common_date, suggestions


@dataclass
class Outcome:
    """One scenario: what it expects, what the draft gives, and the difference."""

    index: int  # its place in ``scenarios:`` (what confirming it edits)
    name: str
    line: int
    confirmed: bool
    passed: bool | None  # None: not run as a test (unconfirmed, or the draft has errors)
    expected: list[str] = field(default_factory=list)
    actual: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)


@dataclass
class RuleRow:
    """One rule of the decision table and the scenarios that go through it."""

    label: str
    procedure: str
    text: str
    scenarios: list[str]


@dataclass
class DraftScenarios:
    as_of: dt.date
    outcomes: list[Outcome] = field(default_factory=list)
    rules: list[RuleRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # what kept them from running
    coverage: Coverage | None = None

    @property
    def summary(self) -> str:
        run = [o for o in self.outcomes if o.passed is not None]
        passed = sum(1 for o in run if o.passed)
        pending = sum(1 for o in self.outcomes if not o.confirmed)
        covered = sum(1 for r in self.rules if r.scenarios)
        return (
            f"シナリオ {passed}/{len(run)} 成功(未確認 {pending})・"
            f"規則の網羅 {covered}/{len(self.rules)}"
        )


def run_scenarios(
    text: str, path: str, tests_text: str | None, tests_path: str, today: dt.date
) -> DraftScenarios:
    """Run the draft's scenarios; coverage is judged on the day most scenarios use."""
    runtime, problems = checked_runtime(text, path)
    try:
        root = load_text(tests_text, tests_path) if tests_text else None
    except YamlLoadError as exc:
        return DraftScenarios(today, problems=[*problems, *exc.problems])
    day = common_date(root) or today
    if runtime is None:
        listed = [_outcome(index, node) for index, node in _scenario_nodes(root)]
        return DraftScenarios(day, listed, problems=problems)
    result = DraftScenarios(day)
    report = ScenarioRunner(runtime, day).run(root) if isinstance(root, LMap) else None
    result.outcomes = _outcomes(root, runtime, report, day)
    if report is not None:
        result.problems = [p for p in report.problems if p.code not in _SCENARIO_CODES]
    analysis = analyse(runtime, day)
    coverage = Coverage(analysis.facts(), analysis.tables())
    for run in report.runs if report else []:
        coverage.record(run.name, run.interview)
    result.coverage = coverage
    result.rules = [
        RuleRow(u.label, u.table.procedure.name, u.rule.text(), u.scenarios) for u in coverage.uses
    ]
    return result


def checked_runtime(text: str, path: str) -> tuple[TreeRuntime | None, list[Problem]]:
    """The draft ready for interviews (None with its problems when it is not)."""
    try:
        root = load_text(text, path)
    except YamlLoadError as exc:
        return None, exc.problems
    reader = TreeReader(path)
    checker = StaticChecker(reader.read(root))
    runtime = checker.run()
    problems = [*reader.problems, *checker.problems]
    return (None if problems else runtime), problems


def suggested(result: DraftScenarios) -> list[dict[str, object]]:
    """Scenarios for the rules no scenario reaches (``kakanai scenarios suggest``)."""
    if result.coverage is None:
        raise KakanaiError.of(ErrorCode.EDIT_SCENARIOS_NOT_RUN)
    return suggestions(result.coverage, result.as_of)


def from_preview(interview: Interview, name: str) -> dict[str, object]:
    """A finished preview as an unconfirmed scenario: its answers and what it gave."""
    applied = interview.procedures()
    names = [str(m.get("name")) for m in interview.values().members]
    members: dict[str, list[str]] = {}
    for item in applied:
        if item.member_index is not None:
            members.setdefault(item.procedure.id, []).append(names[item.member_index])
    expect: dict[str, object] = {"procedures": list(dict.fromkeys(a.procedure.id for a in applied))}
    if members:
        expect["members"] = members
    return {
        "name": name,
        "description": "監修モードのプレビューから保存しました。手続きを確かめ、正しければ "
        "confirmed: true にしてください。",
        "confirmed": False,
        "as_of": interview.as_of,
        "answers": written_answers(interview.runtime.tree, {q.id: v for q, v in interview.path()}),
        "expect": expect,
    }


def confirmed(tests_text: str, index: int) -> str:
    """The tests text with scenario ``index`` marked ``confirmed: true``."""
    return yaml_editing.set_key(tests_text, ["scenarios", index], "confirmed", True)


_SCENARIO_CODES = {ErrorCode.SCENARIO_FAILED, ErrorCode.SCENARIO_ANSWER}


def _outcomes(
    root: LNode | None, runtime: TreeRuntime, report: ScenarioReport | None, day: dt.date
) -> list[Outcome]:
    runs = {run.loc: run.interview for run in report.runs} if report else {}
    failed = report.failed if report else {}
    outcomes = []
    for index, node in _scenario_nodes(root):
        outcome = _outcome(index, node)
        interview = runs.get(node.loc)
        if not outcome.confirmed:
            interview = _tried(runtime, node, day)
        elif outcome.name in failed:
            outcome.passed = False
            outcome.differences = failed[outcome.name]
        else:
            outcome.passed = interview is not None
        if interview is not None:
            outcome.actual = _given(interview)
        outcomes.append(outcome)
    return outcomes


def _outcome(index: int, node: LMap) -> Outcome:
    flag = plain(node.get("confirmed"))
    expect = plain(node.get("expect"))
    expected: list[str] = []
    if isinstance(expect, dict):
        listed = expect.get("procedures") or expect.get("includes") or []
        members = expect.get("members") if isinstance(expect.get("members"), dict) else {}
        expected = (
            [_with_members(str(p), members) for p in listed] if isinstance(listed, list) else []
        )
        excluded = expect.get("excludes") or []
        expected += [f"✕ {p}" for p in excluded] if isinstance(excluded, list) else []
    return Outcome(index, scenario_name(node), node.loc.line, flag is not False, None, expected)


def _with_members(procedure_id: str, members: object) -> str:
    """A procedure as expected, with the members the scenario names for it."""
    named = members.get(procedure_id) if isinstance(members, dict) else None
    if isinstance(named, list) and named:
        return f"{procedure_id}({'、'.join(sorted(str(n) for n in named))})"
    return procedure_id


def _scenario_nodes(root: LNode | None) -> list[tuple[int, LMap]]:
    listed = root.get("scenarios") if isinstance(root, LMap) else None
    if not isinstance(listed, LList):
        return []
    return [(i, node) for i, node in enumerate(listed.items) if isinstance(node, LMap)]


def _tried(runtime: TreeRuntime, node: LMap, day: dt.date) -> Interview | None:
    answers = node.get("answers")
    as_of = plain(node.get("as_of"))
    if not isinstance(answers, LMap):
        return None
    try:
        return run_answers(runtime, answers, as_of if isinstance(as_of, dt.date) else day)
    except KakanaiError:
        return None


def _given(interview: Interview) -> list[str]:
    """The procedures an interview gives, per-member ones with the members' names."""
    names = [str(m.get("name")) for m in interview.values().members]
    shown: dict[str, list[str]] = {}
    for applied in interview.procedures():
        members = shown.setdefault(applied.procedure.id, [])
        if applied.member_index is not None:
            members.append(names[applied.member_index])
    return [f"{pid}({'、'.join(sorted(m))})" if m else pid for pid, m in shown.items()]
