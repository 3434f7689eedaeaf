"""`kakanai check` of several trees at once: each tree is checked and its report rendered in
a worker process, since the checks are pure Python and bound by one processor each; with one
tree, one processor or no ``fork`` (Windows, where a worker would import everything again)
they run here, one after another. The output is the same either way, in the order given."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import multiprocessing
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kakanai.cli import tree_reports
from kakanai.core.errors import Problem
from kakanai.core.trees.model import QuestionTree
from kakanai.services.trees.checking import check_tree
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


def check_trees(jobs: list[Job], options: Options) -> list[Checked]:
    """Every job's report, in the jobs' order."""
    workers = _workers(len(jobs))
    if workers < 2:
        return [check_one(job, options) for job in jobs]
    # The largest trees first, so that no worker is left with a large one at the end.
    order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i].path))
    sys.stdout.flush()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        done = pool.starmap(check_one, [(jobs[i], options) for i in order], chunksize=1)
    found = dict(zip(order, done, strict=True))
    return [found[i] for i in range(len(jobs))]


def check_one(job: Job, options: Options) -> Checked:
    report = check_tree(job.path, job.day, collect_paths=options.show_paths)
    report.problems.extend(job.extra)
    coverage = coverage_of(report) if options.coverage else None
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
