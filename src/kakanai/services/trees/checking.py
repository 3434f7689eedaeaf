"""The supervisor's safety net: load question trees, run every check and every scenario, and
summarise each tree (`kakanai check`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kakanai.adapters.yaml_loading import YamlLoadError, load_file, load_text
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import LMap, Loc
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import QuestionTree
from kakanai.core.trees.paths import PATH_LIMIT, Exploration, explore
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.reasoning.analysis import Analysis, analyse
from kakanai.core.trees.reasoning.candidates import ReasoningLimitError
from kakanai.core.trees.reasoning.diagrams import collector_paused
from kakanai.core.trees.scenarios import (
    ScenarioReport,
    ScenarioRun,
    ScenarioRunner,
    scenario_tree_id,
)

TESTS_SUFFIX = ".tests.yaml"


@dataclass
class TreeReport:
    """Everything `kakanai check` knows about one tree file."""

    path: str
    tree: QuestionTree | None = None
    runtime: TreeRuntime | None = None
    problems: list[Problem] = field(default_factory=list)
    analysis: Analysis | None = None
    exploration: Exploration | None = None
    scenarios_total: int = 0
    scenarios_passed: int = 0
    scenarios_unconfirmed: int = 0
    scenario_runs: list[ScenarioRun] = field(default_factory=list)
    scenario_failures: dict[str, list[str]] = field(default_factory=dict)
    tests_path: str = ""
    scenario_report: ScenarioReport | None = None  # the run itself, when the scenarios ran
    # The rule count of an analysis made in another process (cli/tree_checking.py).
    counted_rules: int | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    @property
    def ok(self) -> bool:
        """No errors (warnings do not fail a check unless the caller is strict)."""
        return not self.errors

    def take_scenarios(self, ran: TreeReport) -> None:
        """The scenario results of ``ran``, the same tree's scenarios run elsewhere (another
        process), as if they had run here; nothing when this report has errors, as a check
        of a broken tree runs no scenarios."""
        if self.errors:
            return
        self.tests_path = ran.tests_path
        self.scenarios_total, self.scenarios_passed = ran.scenarios_total, ran.scenarios_passed
        self.scenarios_unconfirmed = ran.scenarios_unconfirmed
        self.scenario_failures = ran.scenario_failures
        self.problems.extend(ran.problems)

    @property
    def rule_count(self) -> int | None:
        if self.analysis is None:
            return self.counted_rules
        return sum(len(t.rules) for t in self.analysis.tables())

    def summary(self) -> dict[str, object]:
        tree = self.tree
        return {
            "path": self.path,
            "id": tree.meta.id if tree else "",
            "version": tree.meta.version if tree else "",
            "questions": len(tree.questions) if tree else 0,
            "procedures": len(tree.procedures) if tree else 0,
            "departments": len(tree.departments) if tree else 0,
            "rules": self.rule_count,
            "paths": self.exploration.count if self.exploration else None,
            "scenarios": self.scenarios_total,
            "scenarios_passed": self.scenarios_passed,
            "scenarios_unconfirmed": self.scenarios_unconfirmed,
            "problems": len(self.errors),
            "warnings": len(self.warnings),
        }


def read_tree(path: Path) -> tuple[QuestionTree | None, list[Problem]]:
    """Read one tree file; structural problems only."""
    try:
        root = load_file(path)
    except YamlLoadError as exc:
        return None, exc.problems
    reader = TreeReader(str(path))
    tree = reader.read(root)
    return tree, reader.problems


def read_and_check(path: Path) -> tuple[QuestionTree | None, TreeRuntime | None, list[Problem]]:
    """Read a tree and run the static checks; a runtime only when there is no problem."""
    tree, problems = read_tree(path)
    if tree is None:
        return None, None, problems
    checker = StaticChecker(tree)
    runtime = checker.run()
    problems = [*problems, *checker.problems]
    return tree, (None if problems else runtime), problems


def check_source(text: str, path: str, as_of: dt.date) -> list[Problem]:
    """Every check of a tree held in memory, without its scenarios: what an editor re-runs
    after each change (the YAML, the static checks, the reasoning)."""
    with collector_paused():
        return _check_source(text, path, as_of)


def _check_source(text: str, path: str, as_of: dt.date) -> list[Problem]:
    try:
        root = load_text(text, path)
    except YamlLoadError as exc:
        return exc.problems
    reader = TreeReader(path)
    problems, runtime = static_check(reader.read(root), reader.problems)
    if runtime is None:
        return problems
    return reasoning_problems(runtime, as_of)


def static_check(
    tree: QuestionTree, read_problems: list[Problem]
) -> tuple[list[Problem], TreeRuntime | None]:
    """The fast half of ``check_source`` on a tree already read: the structure, references
    and conditions (tens of ms on the largest tree); the runtime when they all pass."""
    checker = StaticChecker(tree)
    runtime = checker.run()
    problems = [*read_problems, *checker.problems]
    return problems, (None if problems else runtime)


def reasoning_problems(runtime: TreeRuntime, as_of: dt.date) -> list[Problem]:
    """The slow half: the reasoning checks (about a second on the largest tree)."""
    try:
        return analyse(runtime, as_of).problems
    except ReasoningLimitError as exc:
        return [exc.problem]


def check_tree(
    path: Path, as_of: dt.date, *, collect_paths: bool = False, scenarios: bool = True
) -> TreeReport:
    """All checks of one tree, then its scenarios when the tree itself is clean (unless
    ``scenarios`` is false: someone else runs them)."""
    report = TreeReport(str(path))
    report.tree, runtime, report.problems = read_and_check(path)
    if report.tree is None or runtime is None:
        return report
    report.runtime = runtime
    try:
        report.analysis = analyse(runtime, as_of)
    except ReasoningLimitError as exc:
        report.problems.append(exc.problem)
        return report
    report.problems.extend(report.analysis.problems)
    if collect_paths and runtime.member_question_ids:
        start = Loc(report.tree.path, 1, 1)
        report.problems.append(Problem.at(start, ErrorCode.PATHS_MEMBER_QUESTIONS))
    elif collect_paths:
        report.exploration = explore(runtime, as_of, collect=True)
        report.problems.extend(exploration_problems(report.tree, report.exploration))
    tests = tests_path(path)
    if scenarios and tests.exists() and not report.errors:
        run_scenarios(report, runtime, tests, as_of)
    return report


def exploration_problems(tree: QuestionTree, result: Exploration) -> list[Problem]:
    """The decision table was asked for but the tree has more paths than it may list."""
    if not result.too_many:
        return []
    return [Problem.at(Loc(tree.path, 1, 1), ErrorCode.TOO_MANY_PATHS, count=PATH_LIMIT)]


def run_scenarios(report: TreeReport, runtime: TreeRuntime, tests: Path, as_of: dt.date) -> None:
    report.tests_path = str(tests)
    try:
        root = load_file(tests)
    except YamlLoadError as exc:
        report.problems.extend(exc.problems)
        return
    _run_scenario_root(report, runtime, root, as_of)


def check_texts(
    text: str, tests_text: str | None, *, path: str, tests: str, as_of: dt.date
) -> TreeReport:
    """``check_tree`` of a tree and its scenarios held in memory (what a supervisor
    publishes), located as ``path`` and ``tests``."""
    report = TreeReport(path)
    try:
        root = load_text(text, path)
    except YamlLoadError as exc:
        report.problems = list(exc.problems)
        return report
    reader = TreeReader(path)
    report.tree = reader.read(root)
    checker = StaticChecker(report.tree)
    runtime = checker.run()
    report.problems = [*reader.problems, *checker.problems]
    if report.problems:
        return report
    report.runtime = runtime
    report.analysis = analyse(runtime, as_of)
    report.problems.extend(report.analysis.problems)
    if tests_text is not None and not report.errors:
        report.tests_path = tests
        try:
            tests_root = load_text(tests_text, tests)
        except YamlLoadError as exc:
            report.problems.extend(exc.problems)
            return report
        _run_scenario_root(report, runtime, tests_root, as_of)
    return report


def _run_scenario_root(
    report: TreeReport, runtime: TreeRuntime, root: object, as_of: dt.date
) -> None:
    tests = report.tests_path
    if not isinstance(root, LMap):
        report.problems.append(
            Problem.at(Loc(str(tests), 1, 1), ErrorCode.YAML_NOT_MAPPING, what="テストファイル")
        )
        return
    tree_id, loc = scenario_tree_id(root)
    if loc is not None and tree_id != runtime.tree.meta.id:
        report.problems.append(Problem.at(loc, ErrorCode.REF_TREE, name=tree_id))
        return
    result = ScenarioRunner(runtime, as_of).run(root)
    report.scenario_report = result
    report.scenarios_total, report.scenarios_passed = result.total, result.passed
    report.scenarios_unconfirmed = result.unconfirmed
    report.scenario_runs = result.runs
    report.scenario_failures = result.failed
    report.problems.extend(result.problems)


def tests_path(tree: Path) -> Path:
    """Where a tree's test scenarios live: ``moving.yaml`` → ``moving.tests.yaml``."""
    return tree.with_name(tree.name.removesuffix(".yaml") + TESTS_SUFFIX)


def tree_files(paths: list[Path]) -> list[Path]:
    """Tree files named by the arguments: files as given, directories searched."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.glob("*.yaml")) if not p.name.endswith(TESTS_SUFFIX)
            )
        elif path.name.endswith(TESTS_SUFFIX):
            found.append(path.with_name(path.name.removesuffix(TESTS_SUFFIX) + ".yaml"))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def load_runtime(path: Path) -> TreeRuntime:
    """A tree ready for interviews; raises KakanaiError with the first problem otherwise."""
    _, runtime, problems = read_and_check(path)
    if runtime is None:
        raise KakanaiError.from_problem(problems[0])
    return runtime
