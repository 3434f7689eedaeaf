"""The review (決裁) document as a use case: check the tree with its scenarios and coverage,
compare it with the version in force when one is named, and print it (`kakanai review`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kakanai.adapters.review_pdf import review_pdf
from kakanai.core.errors import KakanaiError
from kakanai.core.trees.model import QuestionTree
from kakanai.core.trees.reasoning.changes import SHOWN as SHOWN_DIRECTION
from kakanai.core.trees.reasoning.coverage import Coverage
from kakanai.core.trees.review import Checked, Entry, Review, review
from kakanai.services.trees.checking import TreeReport, check_tree
from kakanai.services.trees.diffing import TreeDiff, compare
from kakanai.services.trees.scenario_coverage import coverage_of


@dataclass
class ReviewInputs:
    """What the document is made from: the checked tree with its scenarios, their coverage of
    the decision table and the comparison with the version in force (when one is named)."""

    report: TreeReport
    coverage: Coverage | None
    diff: TreeDiff | None

    @property
    def tree(self) -> QuestionTree:
        assert self.report.tree is not None
        return self.report.tree


def gather(tree: Path, as_of: dt.date, against: str | None = None) -> ReviewInputs:
    """Check ``tree`` and compare it with ``against`` (a file or git:REV:path)."""
    report = check_tree(tree, as_of)
    if report.tree is None or report.analysis is None:
        raise KakanaiError.from_problem(report.errors[0])
    diff = compare(against, str(tree), as_of, checked=report) if against else None
    return ReviewInputs(report, coverage_of(report), diff)


def review_document(tree: Path, as_of: dt.date, against: str | None = None) -> Review:
    """The document for ``tree``; ``against`` (a file or git:REV:path) is the version in force."""
    return document_of(gather(tree, as_of, against))


def document_of(inputs: ReviewInputs) -> Review:
    report, coverage = inputs.report, inputs.coverage
    assert report.analysis is not None
    checked = Checked(
        errors=[p.render() for p in report.errors],
        warnings=[p.render() for p in report.warnings],
        scenarios_total=report.scenarios_total,
        scenarios_passed=report.scenarios_passed,
        failing=list(report.scenario_failures),
        rules_covered=len(coverage.uses) - len(coverage.missed) if coverage else 0,
        rules_missed=[f"{u.label}: {u.rule.text()}" for u in coverage.missed] if coverage else [],
    )
    impact = impact_entries(inputs.diff) if inputs.diff else []
    return review(inputs.tree, report.analysis.tables(), checked, impact)


def impact_entries(diff: TreeDiff) -> list[Entry]:
    """The diff in the document's terms: edits, households guided differently, scenarios,
    and whether slips of the version in force still open."""
    entries = [Entry("変更点", [e.text() for e in diff.edits] or ["変更はありません"])]
    shifts = [
        f"{s.procedure.name}({s.procedure.id}): {s.example}: {SHOWN_DIRECTION[s.direction]}"
        for s in diff.shifts
    ]
    entries.append(Entry("案内が変わる世帯", shifts or ["変わりません"]))
    failing = [f"{name}: {' / '.join(details)}" for name, details in diff.failing.items()]
    entries.append(Entry("現行版のシナリオ", failing or ["新版でもすべて成功します"]))
    if diff.compatibility is not None:
        entries.append(Entry("案内票の互換性", [diff.compatibility.advice]))
    return entries


def write_review(tree: Path, out: Path, as_of: dt.date, against: str | None = None) -> Path:
    """The document as PDF, or as an Excel workbook when ``out`` ends in ``.xlsx``."""
    inputs = gather(tree, as_of, against)
    if out.suffix.lower() == ".xlsx":
        from kakanai.services.trees.review_workbook import write_workbook  # noqa: PLC0415 - openpyxl loads only here

        write_workbook(inputs, out)
    else:
        out.write_bytes(review_pdf(document_of(inputs)))
    return out
