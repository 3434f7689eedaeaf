"""``kakanai forms``: prefilled PDF forms for a case, per department, procedure or all
(``--form`` previews one template); ``kakanai bench forms``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers
from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.forms.selection import safe_file_name
from kakanai.core.trees.model import QuestionTree
from kakanai.services.case_files import case_warnings, load_case
from kakanai.services.forms import checking as form_checking
from kakanai.services.forms import templates as form_templates
from kakanai.services.forms.checking import TemplateReport
from kakanai.services.forms.rendering import render_form, render_forms, write


def register(commands: Subparsers) -> Commands:
    forms = commands.add_parser("forms", help="案件ファイルから記入済みの申請書(PDF)を作ります")
    forms.add_argument("case", type=Path, help="kakanai interview が出力した案件ファイル(JSON)")
    which = forms.add_mutually_exclusive_group(required=True)
    which.add_argument("--department", help="課のID(kodomo)か名前(こども育成課)")
    which.add_argument("--procedure", help="手続きのID(kodomo_iryou_gimu など)")
    which.add_argument("--all", action="store_true", help="案件のすべての手続きの様式")
    which.add_argument("--form", help="様式のID(テンプレートの確認用。手続きがなくても作ります)")
    forms.add_argument("--member", type=int, default=None, help="--form で使う世帯員の番号(0から)")
    forms.add_argument("--out", type=Path, required=True, help="PDFを書き出すフォルダ")
    forms.add_argument("--merge", action="store_true", help="1つのPDFにまとめます")
    forms.add_argument(
        "--names", action="store_true", help="ファイル名に世帯員の氏名を入れます(既定: 入れない)"
    )
    forms.add_argument("--templates", type=Path, default=None, help="様式テンプレートのフォルダ")
    return Commands(handlers={"forms": _forms}, benches={"forms": _bench_forms})


def _bench_forms(repeat: int) -> int:
    # Loaded only for the benchmark, not at every command's start.
    from kakanai.benchmarks import forms as form_benchmarks  # noqa: PLC0415

    return form_benchmarks.bench_forms(repeat)


def _forms(args: argparse.Namespace) -> int:
    case = load_case(args.case)
    for problem in case_warnings(case, str(args.case)):
        print(f"{args.case}: 警告 {problem.code.code} {problem.message}", file=sys.stderr)
    if args.form:
        rendered = [
            render_form(
                case, args.form, member=args.member, templates=args.templates, names=args.names
            )
        ]
        scope = args.form
    else:
        rendered = render_forms(
            case,
            department=args.department,
            procedure=args.procedure,
            templates=args.templates,
            names=args.names,
        )
        scope = args.department or args.procedure or "all"
    merge_as = safe_file_name([str(case["case_id"]), scope]) if args.merge else None
    for path in write(rendered, args.out, merge_as=merge_as):
        print(path)
    for form in rendered:
        for warning in form.warnings:
            print(f"{form.file_name}: 警告 {warning}", file=sys.stderr)
    return EXIT_OK


# --- kakanai check: the template part (called by cli/trees.py) ---------------------------


def check_forms(trees: list[QuestionTree], template_paths: list[Path]) -> list[TemplateReport]:
    """Check the templates named by ``template_paths`` (against ``trees`` when trees are
    checked too, else against the trees near the templates)."""
    if not template_paths:
        return []
    files = form_templates.template_files(template_paths)
    if not files:
        where = template_paths[0]
        problem = Problem(
            str(where), 1, 1, ErrorCode.FORM_NO_TEMPLATES, ErrorCode.FORM_NO_TEMPLATES.format()
        )
        return [TemplateReport(str(where), problems=[problem])]
    return form_checking.check_templates(files, trees or form_checking.trees_near(template_paths))


def tree_form_problems(
    tree_files: list[Path], template_paths: list[Path]
) -> dict[str, list[Problem]]:
    """The problems of the trees' ``forms:`` lists against the templates, by tree path."""
    if not template_paths or not tree_files:
        return {}
    if not form_templates.template_files(template_paths):
        return {}
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
