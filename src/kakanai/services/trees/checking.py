"""The supervisor's safety net: load question trees, run every check and every scenario, and
summarise each tree (`kakanai check`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kakanai.adapters.yaml_loading import YamlLoadError, load_file
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import LMap, Loc
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import QuestionTree
from kakanai.core.trees.paths import PATH_LIMIT, Exploration, explore
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.scenarios import ScenarioRunner, scenario_tree_id

TESTS_SUFFIX = ".tests.yaml"


@dataclass
class TreeReport:
    """Everything `kakanai check` knows about one tree file."""

    path: str
    tree: QuestionTree | None = None
    runtime: TreeRuntime | None = None
    problems: list[Problem] = field(default_factory=list)
    exploration: Exploration | None = None
    scenarios_total: int = 0
    scenarios_passed: int = 0
    tests_path: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> dict[str, object]:
        tree = self.tree
        return {
            "path": self.path,
            "id": tree.meta.id if tree else "",
            "version": tree.meta.version if tree else "",
            "questions": len(tree.questions) if tree else 0,
            "procedures": len(tree.procedures) if tree else 0,
            "departments": len(tree.departments) if tree else 0,
            "paths": self.exploration.count if self.exploration else None,
            "scenarios": self.scenarios_total,
            "scenarios_passed": self.scenarios_passed,
            "problems": len(self.problems),
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


def check_tree(path: Path, as_of: dt.date, *, collect_paths: bool = False) -> TreeReport:
    """All checks of one tree, then its scenarios when the tree itself is clean."""
    report = TreeReport(str(path))
    report.tree, runtime, report.problems = read_and_check(path)
    if report.tree is None or runtime is None:
        return report
    report.runtime = runtime
    exploration = explore(runtime, as_of, collect=collect_paths)
    report.exploration = exploration
    report.problems.extend(exploration_problems(report.tree, exploration))
    tests = path.with_name(path.name.removesuffix(".yaml") + TESTS_SUFFIX)
    if tests.exists() and not report.problems:
        run_scenarios(report, runtime, tests, as_of)
    return report


def exploration_problems(tree: QuestionTree, result: Exploration) -> list[Problem]:
    """What only path enumeration finds, as problems at the items concerned."""
    start = Loc(tree.path, 1, 1)
    if result.too_many:
        return [Problem.at(start, ErrorCode.TOO_MANY_PATHS, count=PATH_LIMIT)]
    problems = [
        Problem.at(
            read.condition.scalar.at_offset(0),
            ErrorCode.FLOW_NOT_ASKED,
            where=read.where,
            name=read.name,
            example=read.example,
        )
        for read in result.unknown_reads.values()
    ]
    for question in tree.questions:
        if question.id not in result.asked:
            section = tree.section_of(question)
            conditions = [c.source for c in (section.when, question.when) if c is not None]
            reason = "条件「" + " かつ ".join(conditions) + "」が成り立つ経路がありません"
            problems.append(
                Problem.at(
                    question.loc, ErrorCode.UNREACHABLE_QUESTION, name=question.id, reason=reason
                )
            )
    for procedure in tree.procedures:
        if procedure.id not in result.applied:
            source = procedure.when.source if procedure.when else ""
            problems.append(
                Problem.at(
                    procedure.loc,
                    ErrorCode.UNREACHABLE_PROCEDURE,
                    name=procedure.id,
                    reason=f"条件「{source}」が成り立つ経路がありません",
                )
            )
    if result.no_result is not None:
        problems.append(Problem.at(start, ErrorCode.NO_RESULT, example=result.no_result.describe()))
    return problems


def run_scenarios(report: TreeReport, runtime: TreeRuntime, tests: Path, as_of: dt.date) -> None:
    report.tests_path = str(tests)
    try:
        root = load_file(tests)
    except YamlLoadError as exc:
        report.problems.extend(exc.problems)
        return
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
    report.scenarios_total, report.scenarios_passed = result.total, result.passed
    report.problems.extend(result.problems)


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
