"""Scenario coverage as a use case: which rules of a tree's decision table its scenarios
exercise (`kakanai check --coverage`), and scenarios for the rules they miss, written into
the tests file unconfirmed (`kakanai scenarios suggest`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kakanai.adapters.yaml_loading import YamlLoadError, load_file
from kakanai.adapters.yaml_writing import scenarios_text
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.located import LList, LMap, LNode, plain
from kakanai.core.trees.reasoning.coverage import Coverage
from kakanai.services.trees.checking import TreeReport, check_tree, tests_path


def coverage_of(report: TreeReport) -> Coverage | None:
    """The rules the report's scenarios exercise (None when the tree could not be analysed)."""
    if report.analysis is None:
        return None
    coverage = Coverage(report.analysis.facts(), report.analysis.tables())
    for run in report.scenario_runs:
        coverage.record(run.name, run.interview)
    return coverage


def scenario_date(tree: Path) -> dt.date | None:
    """The interview date most of a tree's scenarios use (coverage is judged on that day)."""
    tests = tests_path(tree)
    if not tests.exists():
        return None
    try:
        root = load_file(tests)
    except YamlLoadError:
        return None
    return common_date(root)


def common_date(root: LNode | None) -> dt.date | None:
    """The ``as_of`` most scenarios of a tests document use (None when none has one)."""
    scenarios = root.get("scenarios") if isinstance(root, LMap) else None
    if not isinstance(scenarios, LList):
        return None
    dates = Counter(
        value
        for node in scenarios.items
        if isinstance(node, LMap) and isinstance(value := plain(node.get("as_of")), dt.date)
    )
    return dates.most_common(1)[0][0] if dates else None


@dataclass
class Suggested:
    """What `kakanai scenarios suggest` did."""

    written: int
    missed: int
    target: Path | None  # None when printed instead of written
    text: str


def suggest(tree: Path, as_of: dt.date | None, out: Path | None, *, show: bool) -> Suggested:
    """Scenarios for every rule the tree's scenarios miss, marked ``confirmed: false``."""
    day = as_of or scenario_date(tree) or dt.date.today()
    report = check_tree(tree, day)
    if not report.ok or report.tree is None:
        problem = report.errors[0]
        raise KakanaiError.from_problem(problem)
    coverage = coverage_of(report)
    assert coverage is not None
    made = suggestions(coverage, day)
    target = out or tests_path(tree)
    exists = target.exists() and target.stat().st_size > 0
    tree_id = report.tree.meta.id
    if show or not made:
        text = scenarios_text(made, tree_id=tree_id, whole_file=not exists, indent=2)
        return Suggested(len(made), len(coverage.missed), None, text)
    existing = target.read_text(encoding="utf-8") if exists else None
    whole = with_scenarios(existing, made, tree_id=tree_id, where=str(target))
    target.write_text(whole, encoding="utf-8")
    return Suggested(len(made), len(coverage.missed), target, whole[len(existing or "") :])


def suggestions(coverage: Coverage, as_of: dt.date) -> list[dict[str, object]]:
    """A scenario for each rule no scenario reaches, unconfirmed (``confirmed: false``)."""
    return [s for s in (coverage.suggestion(use, as_of) for use in coverage.missed) if s]


def with_scenarios(
    existing: str | None, scenarios: Sequence[Mapping[str, object]], *, tree_id: str, where: str
) -> str:
    """A tests file's text (None or empty: no file yet) with ``scenarios`` appended at the end
    of its ``scenarios:`` list, in the file's own indentation."""
    if not existing:
        return scenarios_text(scenarios, tree_id=tree_id, whole_file=True)
    indent = _appendable_indent(existing, where)
    added = scenarios_text(scenarios, tree_id=tree_id, whole_file=False, indent=indent)
    return existing + ("" if existing.endswith("\n") else "\n") + added


def _appendable_indent(text: str, where: str) -> int:
    """Scenarios are appended at the end, so the file must end inside its ``scenarios:`` list;
    returns how far that list's items are indented."""
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    tops = [i for i, line in enumerate(lines) if not line.startswith((" ", "-"))]
    if not tops or not lines[tops[-1]].startswith("scenarios:"):
        raise KakanaiError.of(ErrorCode.SUGGEST_NOT_APPENDABLE, path=where)
    items = [line for line in lines[tops[-1] + 1 :] if line.lstrip().startswith("- ")]
    return len(items[0]) - len(items[0].lstrip()) if items else 2
