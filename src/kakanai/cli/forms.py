"""``kakanai forms``: prefilled PDF forms for a case, per department, procedure or all
(``--form`` previews one template); ``kakanai bench forms``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers
from kakanai.core.forms.selection import safe_file_name


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
    # The PDF and font libraries load with the command that renders, not at every start.
    from kakanai.services.case_files import case_warnings, load_case  # noqa: PLC0415
    from kakanai.services.forms.rendering import render_form, render_forms, write  # noqa: PLC0415

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
