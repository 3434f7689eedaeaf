"""``kakanai slip-preview``: the guidance slip of a case file with a placeholder QR code, for
looking at layouts until ``kakanai slip`` encodes the real payload."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from kakanai.adapters.pdf_raster import pdf_to_png
from kakanai.adapters.slip_pdf import LAYOUTS, render_slip
from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip_content import JST
from kakanai.core.slip_texts import LANGUAGES
from kakanai.services.case_files import load_case
from kakanai.services.slip_benchmarks import bench_slip

PLACEHOLDER_DIGITS = "9" * 620
"""About as long as the encrypted payload of a family's case in numeric mode."""
VALID_DAYS = 30
DEFAULT_DESK = "書かない窓口"


def register(commands: Subparsers) -> Commands:
    preview = commands.add_parser(
        "slip-preview", help="手続き案内票の見本をPDFで出力します(二次元コードは仮のものです)"
    )
    preview.add_argument("case", type=Path, help="案件ファイル (kakanai interview の出力)")
    preview.add_argument("--out", type=Path, required=True, help="出力するPDFファイル")
    preview.add_argument("--layout", choices=sorted(LAYOUTS), default="a4", help="用紙 (既定: a4)")
    preview.add_argument("--png", type=Path, default=None, help="1ページ目をPNGでも出力します")
    preview.add_argument("--lang", choices=LANGUAGES, default="ja", help="言語 (既定: ja)")
    preview.add_argument("--desk", default=DEFAULT_DESK, help=f"窓口の名前 (既定: {DEFAULT_DESK})")
    return Commands(handlers={"slip-preview": _slip_preview}, benches={"slip": bench_slip})


def _slip_preview(args: argparse.Namespace) -> int:
    case = load_case(args.case)
    issued_at = created_at(case)
    pdf = render_slip(
        case,
        PLACEHOLDER_DIGITS,
        expires_at=issued_at + dt.timedelta(days=VALID_DAYS),
        issued_at=issued_at,
        layout=args.layout,
        lang=args.lang,
        desk=args.desk,
    )
    _write(args.out, pdf)
    if args.png is not None:
        try:
            pdf_to_png(args.out, args.png)
        except OSError as exc:
            raise KakanaiError.of(ErrorCode.PRINT_UNWRITABLE, detail=f"{args.png}: {exc}") from None
    print(f"{args.out}: 手続き案内票を出力しました ({args.layout}, {args.lang})")
    return EXIT_OK


def created_at(case: dict[str, Any]) -> dt.datetime:
    """When the case was built; the interview day at midnight (Japan) when it lacks the time."""
    try:
        moment = dt.datetime.fromisoformat(str(case.get("created_at", "")))
    except ValueError:
        day = dt.date.fromisoformat(str(case["as_of"]))
        return dt.datetime.combine(day, dt.time(), JST)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=JST)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise KakanaiError.of(ErrorCode.PRINT_UNWRITABLE, detail=f"{path}: {exc}") from None
