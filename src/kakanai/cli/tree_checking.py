"""`kakanai check` of several trees at once: each tree is checked and its report rendered in
a worker process, since the checks are pure Python and bound by one processor each; with one
tree, one processor or no ``fork`` (Windows, where a worker would import everything again)
they run here, one after another. The output is the same either way, in the order given.

A plain check (no --rules, --paths or --coverage) splits each tree in two jobs, the
reasoning and the scenarios, so that the workers finish together: a tree's two halves cost
about the same, and seven trees in fourteen jobs leave less for the last worker alone.
The scenarios run whatever the reasoning finds; their result is dropped, as a check in one
process would not run them, when the tree has errors."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import io
import multiprocessing
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kakanai.cli import tree_reports
from kakanai.core.errors import Problem
from kakanai.core.trees.model import QuestionTree
from kakanai.core.trees.reasoning.coverage import Coverage
from kakanai.services.trees.checking import (
    TreeReport,
    check_tree,
    read_and_check,
    run_scenarios,
    tests_path,
)
from kakanai.services.trees.scenario_coverage import coverage_of

WORKERS_VARIABLE = "KAKANAI_CHECK_WORKERS"  # 1: check in this process (to compare, to debug)


@dataclass(frozen=True)
class Options:
    show_paths: bool
    show_rules: bool
    coverage: bool
    as_json: bool
    keep_tree: bool  # the forms check needs the parsed tree back


@dataclass(frozen=True)
class Job:
    path: Path
    day: dt.date
    extra: list[Problem] = field(default_factory=list)  # problems found outside the tree


@dataclass(frozen=True)
class Checked:
    """One tree's rendered report and what the command's exit status needs."""

    path: str
    ok: bool
    warned: bool
    text: str
    data: dict[str, object] | None
    tree: QuestionTree | None


@dataclass(frozen=True)
class Half:
    """One half of a plain check of one tree, made in a worker: the reasoning (``rules`` is
    then its rule count) or the scenarios (``scenarios`` is then the report they filled)."""

    tree: QuestionTree | None
    problems: list[Problem]
    rules: int | None = None
    scenarios: TreeReport | None = None


def check_trees(jobs: list[Job], options: Options) -> list[Checked]:
    """Every job's report, in the jobs' order."""
    workers = _workers(len(jobs))
    if workers < 2:
        return [check_one(job, options) for job in jobs]
    sys.stdout.flush()
    context = multiprocessing.get_context("fork")
    if options.show_paths or options.show_rules or options.coverage:
        # These need the whole analysis beside the scenario runs: one job per tree, the
        # largest trees first, so that no worker is left with a large one at the end.
        order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i].path))
        with context.Pool(workers) as pool:
            done = pool.starmap(check_one, [(jobs[i], options) for i in order], chunksize=1)
        found = dict(zip(order, done, strict=True))
        return [found[i] for i in range(len(jobs))]
    halves = [(job, part) for job in sorted(jobs, key=lambda j: -_size(j.path)) for part in Part]
    with context.Pool(workers) as pool:
        finished = pool.starmap(check_half, halves, chunksize=1)
    made = {(str(job.path), part): half for (job, part), half in zip(halves, finished, strict=True)}
    return [
        joined(
            job, made[str(job.path), Part.REASONING], made[str(job.path), Part.SCENARIOS], options
        )
        for job in jobs
    ]


class Part(enum.Enum):
    """The halves of a plain check of one tree."""

    REASONING = "reasoning"  # every check of the tree and its rule count
    SCENARIOS = "scenarios"  # its scenarios


def check_half(job: Job, part: Part) -> Half:
    if part is Part.REASONING:
        report = check_tree(job.path, job.day, scenarios=False)
        return Half(report.tree, report.problems, rules=report.rule_count)
    tree, runtime, problems = read_and_check(job.path)
    tests = tests_path(job.path)
    if runtime is None or not tests.exists():
        return Half(tree, problems)
    report = TreeReport(str(job.path))
    run_scenarios(report, runtime, tests, job.day)
    report.scenario_runs = []  # not needed here, and not worth sending back
    return Half(tree, problems, scenarios=report)


def joined(job: Job, reasoning: Half, scenarios: Half, options: Options) -> Checked:
    """The report ``check_one`` would have made, from the two halves."""
    report = TreeReport(str(job.path), tree=reasoning.tree, problems=list(reasoning.problems))
    report.counted_rules = reasoning.rules
    if scenarios.scenarios is not None and reasoning.tree is not None:
        report.take_scenarios(scenarios.scenarios)
    report.problems.extend(job.extra)
    return rendered(report, None, options)


def check_one(job: Job, options: Options) -> Checked:
    report = check_tree(job.path, job.day, collect_paths=options.show_paths)
    report.problems.extend(job.extra)
    coverage = coverage_of(report) if options.coverage else None
    return rendered(report, coverage, options)


def rendered(report: TreeReport, coverage: Coverage | None, options: Options) -> Checked:
    data: dict[str, object] | None = None
    text = ""
    if options.as_json:
        data = tree_reports.report_json(report, show_rules=options.show_rules, coverage=coverage)
    else:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            tree_reports.print_report(
                report,
                show_paths=options.show_paths,
                show_rules=options.show_rules,
                coverage=coverage,
            )
        text = printed.getvalue()
    tree = report.tree if options.keep_tree else None
    return Checked(report.path, report.ok, bool(report.warnings), text, data, tree)


def _workers(jobs: int) -> int:
    wanted = os.environ.get(WORKERS_VARIABLE, "")
    limit = int(wanted) if wanted.isdigit() and int(wanted) > 0 else (os.cpu_count() or 1)
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(jobs, limit)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
