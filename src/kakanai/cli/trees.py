"""``kakanai check`` (question trees and their scenarios) and ``kakanai interview``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from kakanai.benchmarks import engine as benchmarks
from kakanai.cli import forms
from kakanai.cli.arguments import EXIT_OK, EXIT_PROBLEMS, Commands, Subparsers, iso_date
from kakanai.core.errors import ErrorCode, Problem
from kakanai.services import shipped_data
from kakanai.services.forms import checking as form_checking
from kakanai.services.trees.checking import TreeReport, check_tree, tree_files
from kakanai.services.trees.interviewing import interview_from_file

DEFAULT_PATHS = [Path("questionnaires"), Path("forms_templates")]


def register(commands: Subparsers) -> Commands:
    check = commands.add_parser(
        "check", help="設問ツリー・様式テンプレートを検査し、テストシナリオを実行します"
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="既定: 作業フォルダの questionnaires/ と forms_templates/"
        "(なければ、この端末が使う設問ツリーと様式)",
    )
    check.add_argument("--json", action="store_true", help="結果をJSONで出力します")
    check.add_argument(
        "--paths", dest="show_paths", action="store_true", help="すべての経路の決定表を出力します"
    )
    check.add_argument("--as-of", type=iso_date, default=None, help="面談日 (既定: 今日)")
    interview = commands.add_parser(
        "interview", help="回答ファイルから面談を実行し、案件をJSONで出力します"
    )
    interview.add_argument(
        "tree", type=shipped_data.tree_argument, help="ファイル、または設問ツリーのID"
    )
    interview.add_argument("--answers", type=Path, required=True)
    interview.add_argument("--json", action="store_true", help="JSONで出力します(既定)")
    interview.add_argument("--as-of", type=iso_date, default=None)
    interview.add_argument("--case-id", default=None)
    return Commands(
        handlers={"check": _check, "interview": _interview},
        benches={"engine": benchmarks.bench_engine},
    )


def _check(args: argparse.Namespace) -> int:
    as_of = args.as_of or dt.date.today()
    # Without paths: the working folder's content (a checkout, a supervisor's copy), else
    # what this desk uses (the city's own, then the shipped content).
    local = [p for p in DEFAULT_PATHS if p.exists()]
    given = args.paths or local or shipped_data.content_folders() or DEFAULT_PATHS[:1]
    tree_paths, template_paths = form_checking.split_paths(given)
    files = tree_files(tree_paths)
    if not files and not template_paths:
        print(
            f"{given[0]}:1:1: {ErrorCode.CLI_NO_TREES.code} {ErrorCode.CLI_NO_TREES.format()}",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    reports = [check_tree(path, as_of, collect_paths=args.show_paths) for path in files]
    form_reports = forms.check_forms(reports, files, template_paths)
    if args.json:
        found = [_report_json(r) for r in reports] + [forms.report_json(r) for r in form_reports]
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            _print_report(report, show_paths=args.show_paths)
        for form_report in form_reports:
            forms.print_report(form_report)
    clean = all(r.ok for r in reports) and all(r.ok for r in form_reports)
    return EXIT_OK if clean else EXIT_PROBLEMS


def _print_report(report: TreeReport, *, show_paths: bool) -> None:
    for problem in sorted(report.problems, key=lambda p: (p.path, p.line, p.col)):
        print(problem.render())
    if show_paths and report.exploration is not None:
        _print_paths(report)
    summary = report.summary()
    if report.tree is None:
        print(f"{report.path}: 読み込めませんでした (問題 {len(report.problems)}件)")
        return
    paths = summary["paths"] if summary["paths"] is not None else "-"
    status = "OK" if report.ok else f"問題 {len(report.problems)}件"
    print(
        f"{report.path}: {summary['id']} 版{summary['version']} — 設問 {summary['questions']}、"
        f"手続き {summary['procedures']}、課 {summary['departments']}、経路 {paths}、"
        f"シナリオ {summary['scenarios_passed']}/{summary['scenarios']} 成功 — {status}"
    )


def _print_paths(report: TreeReport) -> None:
    assert report.exploration is not None
    print("# 決定表: 経路番号\t回答(分岐する設問のみ)\t→ 手続き\t世帯員ごとの手続き")
    seen: dict[str, set[str]] = {}
    for row in report.exploration.rows:
        for question_id, label in row.steps:
            seen.setdefault(question_id, set()).add(label)
    branching = {q for q, labels in seen.items() if len(labels) > 1}
    for number, row in enumerate(report.exploration.rows, start=1):
        answers = "、".join(f"{q}={label}" for q, label in row.steps if q in branching)
        members = "; ".join(f"{label}: {', '.join(ids)}" for label, ids in row.member_procedures)
        print(f"{number}\t{answers}\t→ {', '.join(row.procedures) or '(なし)'}\t{members}")


def _report_json(report: TreeReport) -> dict[str, object]:
    result = report.summary()
    result["ok"] = report.ok
    result["problem_list"] = [_problem_json(p) for p in report.problems]
    if report.exploration is not None and report.exploration.rows:
        result["decision_table"] = [
            {
                "answers": dict(row.steps),
                "procedures": row.procedures,
                "member_procedures": dict(row.member_procedures),
            }
            for row in report.exploration.rows
        ]
    return result


def _problem_json(problem: Problem) -> dict[str, object]:
    return {
        "path": problem.path,
        "line": problem.line,
        "col": problem.col,
        "code": problem.code.code,
        "message": problem.message,
    }


def _interview(args: argparse.Namespace) -> int:
    case = interview_from_file(args.tree, args.answers, as_of=args.as_of, case_id=args.case_id)
    print(json.dumps(case, ensure_ascii=False, indent=2))
    return EXIT_OK
