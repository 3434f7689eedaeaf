"""``kakanai check``, the template part: the templates' own checks and the trees' ``forms:``
lists against them (called by cli/trees.py). The module itself loads nothing heavy: each
function imports the form services when it has templates to check, since the PDF and font
libraries they load take longer than a question tree takes to check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kakanai.core.errors import ErrorCode, Problem
from kakanai.services.forms import templates as form_templates

if TYPE_CHECKING:
    from kakanai.core.trees.model import QuestionTree
    from kakanai.services.forms.checking import TemplateReport


def check_forms(trees: list[QuestionTree], template_paths: list[Path]) -> list[TemplateReport]:
    """Check the templates named by ``template_paths`` (against ``trees`` when trees are
    checked too, else against the trees near the templates)."""
    if not template_paths:
        return []
    from kakanai.services.forms import checking as form_checking  # noqa: PLC0415 - see above

    files = form_templates.template_files(template_paths)
    if not files:
        where = template_paths[0]
        problem = Problem(
            str(where), 1, 1, ErrorCode.FORM_NO_TEMPLATES, ErrorCode.FORM_NO_TEMPLATES.format()
        )
        return [form_checking.TemplateReport(str(where), problems=[problem])]
    return form_checking.check_templates(files, trees or form_checking.trees_near(template_paths))


def tree_form_problems(
    tree_files: list[Path], template_paths: list[Path]
) -> dict[str, list[Problem]]:
    """The problems of the trees' ``forms:`` lists against the templates, by tree path."""
    if not template_paths or not tree_files:
        return {}
    if not form_templates.template_files(template_paths):
        return {}
    from kakanai.services.forms import checking as form_checking  # noqa: PLC0415 - see above

    folders = form_checking.template_folders(template_paths)
    found: dict[str, list[Problem]] = {}
    for problem in form_checking.cross_problems(tree_files, folders):
        found.setdefault(problem.path, []).append(problem)
    return found


def print_report(report: TemplateReport) -> None:
    for problem in sorted(report.problems, key=lambda p: (p.path, p.line, p.col)):
        print(problem.render())
    if report.template is None:
        print(f"{report.path}: 読み込めませんでした (問題 {len(report.problems)}件)")
        return
    summary = report.summary()
    status = "OK" if report.ok else f"問題 {len(report.problems)}件"
    print(
        f"{report.path}: 様式 {summary['id']} 版{summary['version']} — {summary['title']}、"
        f"課 {summary['department']}、ページ {summary['pages']}、項目 {summary['fields']}、"
        f"サンプル {summary['samples']}件 — {status}"
    )


def report_json(report: TemplateReport) -> dict[str, object]:
    result = report.summary()
    result["ok"] = report.ok
    result["problem_list"] = [
        {"path": p.path, "line": p.line, "col": p.col, "code": p.code.code, "message": p.message}
        for p in report.problems
    ]
    return result
