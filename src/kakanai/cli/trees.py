"""``kakanai check`` (question trees and their scenarios), ``kakanai interview`` and
``kakanai scenarios suggest``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from kakanai.cli import form_checks, tree_checking
from kakanai.cli.arguments import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Commands,
    Parser,
    Subparsers,
    iso_date,
    lazy_bench,
)
from kakanai.core.errors import ErrorCode
from kakanai.core.trees.paths import PATH_LIMIT
from kakanai.services import shipped_data
from kakanai.services.forms.templates import split_paths
from kakanai.services.trees.checking import tree_files
from kakanai.services.trees.interviewing import interview_from_file
from kakanai.services.trees.scenario_coverage import scenario_date, suggest

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
    check.add_argument("--rules", action="store_true", help="手続きごとの規則(決定表)を出力します")
    check.add_argument(
        "--coverage",
        action="store_true",
        help="シナリオが通る規則と通らない規則を出力します",
    )
    check.add_argument(
        "--paths",
        dest="show_paths",
        action="store_true",
        help=f"すべての経路を出力します(小さなツリー向け、{PATH_LIMIT:,}経路まで)",
    )
    check.add_argument("--strict", action="store_true", help="警告も問題として扱います")
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
    scenarios = commands.add_parser("scenarios", help="テストシナリオを作ります")
    actions = scenarios.add_subparsers(dest="action", required=True, parser_class=Parser)
    suggest = actions.add_parser(
        "suggest",
        help="どのシナリオも通らない規則ごとに、未確認(confirmed: false)のシナリオを追記します",
    )
    suggest.add_argument("tree", type=Path)
    suggest.add_argument("--out", type=Path, default=None, help="書き込む先 (既定: *.tests.yaml)")
    suggest.add_argument("--print", dest="show", action="store_true", help="書き込まずに表示します")
    suggest.add_argument("--as-of", type=iso_date, default=None)
    return Commands(
        handlers={"check": _check, "interview": _interview, "scenarios": _scenarios},
        benches={"engine": lazy_bench("kakanai.benchmarks.engine", "bench_engine")},
    )


def _check(args: argparse.Namespace) -> int:
    # Without paths: the working folder's content (a checkout, a supervisor's copy), else
    # what this desk uses (the city's own, then the shipped content).
    local = [p for p in DEFAULT_PATHS if p.exists()]
    given = args.paths or local or shipped_data.content_folders() or DEFAULT_PATHS[:1]
    tree_paths, template_paths = split_paths(given)
    files = tree_files(tree_paths)
    if not files and not template_paths:
        print(
            f"{given[0]}:1:1: {ErrorCode.CLI_NO_TREES.code} {ErrorCode.CLI_NO_TREES.format()}",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    options = tree_checking.Options(
        show_paths=args.show_paths,
        show_rules=args.rules,
        coverage=args.coverage,
        as_json=args.json,
        keep_tree=bool(template_paths),
    )
    elsewhere = form_checks.tree_form_problems(files, template_paths)
    jobs = [
        tree_checking.Job(path, _day(args, path), elsewhere.get(str(path), [])) for path in files
    ]
    checked = tree_checking.check_trees(jobs, options)
    trees = [c.tree for c in checked if c.tree is not None]
    form_reports = form_checks.check_forms(trees, template_paths)
    if args.json:
        found = [c.data for c in checked] + [form_checks.report_json(r) for r in form_reports]
        print(json.dumps(found, ensure_ascii=False, indent=2, default=str))
    else:
        for tree in checked:
            print(tree.text, end="")
        for form_report in form_reports:
            form_checks.print_report(form_report)
    clean = all(c.ok for c in checked) and all(r.ok for r in form_reports)
    if args.strict:
        clean = clean and not any(c.warned for c in checked)
    return EXIT_OK if clean else EXIT_PROBLEMS


def _day(args: argparse.Namespace, tree: Path) -> dt.date:
    """The interview date checks assume: --as-of; for coverage, the scenarios' own date."""
    if args.as_of is not None:
        return args.as_of  # type: ignore[no-any-return]
    if args.coverage:
        return scenario_date(tree) or dt.date.today()
    return dt.date.today()


def _scenarios(args: argparse.Namespace) -> int:
    result = suggest(args.tree, args.as_of, args.out, show=args.show)
    if result.target is None and result.written:
        print(result.text, end="")
    if result.target is not None:
        print(
            f"{result.target}: 提案したシナリオ {result.written}件を追記しました"
            "(confirmed: false。確かめてから true にしてください)"
        )
    elif not result.written:
        print(f"{args.tree}: どの規則もシナリオが通っています。提案はありません。")
    return EXIT_OK


def _interview(args: argparse.Namespace) -> int:
    case = interview_from_file(args.tree, args.answers, as_of=args.as_of, case_id=args.case_id)
    print(json.dumps(case, ensure_ascii=False, indent=2))
    return EXIT_OK
