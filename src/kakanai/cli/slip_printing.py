"""``kakanai slip``: seal a case with the desk's active key and print its guidance slip
(手続き案内票) as PDF, and optionally a PNG of page 1."""

from __future__ import annotations

import argparse
from pathlib import Path

from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers, lazy_bench
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.envelope import MAX_VALID_DAYS
from kakanai.core.slip.layouts import SLIP_LAYOUTS
from kakanai.core.slip.texts import LANGUAGES

VALID_DAYS = 30
DEFAULT_DESK = "書かない窓口"


def register(commands: Subparsers) -> Commands:
    slip = commands.add_parser(
        "slip", help="案件の手続き案内票(暗号化した二次元コード付き)をPDFで出力します"
    )
    slip.add_argument("case", type=Path, help="案件ファイル (kakanai interview の出力)")
    slip.add_argument("--out", type=Path, required=True, help="出力するPDFファイル")
    slip.add_argument("--layout", choices=SLIP_LAYOUTS, default="a4", help="用紙 (既定: a4)")
    slip.add_argument("--png", type=Path, default=None, help="1ページ目をPNGでも出力します")
    slip.add_argument("--lang", choices=LANGUAGES, default="ja", help="言語 (既定: ja)")
    slip.add_argument("--desk", default=DEFAULT_DESK, help=f"窓口の名前 (既定: {DEFAULT_DESK})")
    slip.add_argument(
        "--valid-days",
        type=_days,
        default=VALID_DAYS,
        help=f"二次元コードの有効日数 1–{MAX_VALID_DAYS} (既定: {VALID_DAYS})",
    )
    return Commands(
        handlers={"slip": _slip},
        benches={"slip": lazy_bench("kakanai.benchmarks.slip", "bench_slip")},
    )


def _slip(args: argparse.Namespace) -> int:
    # Sealing needs cryptography, the questionnaire and the PDF library; imported here so
    # other commands start without them.
    from kakanai.adapters.pdf.raster import pdf_to_png  # noqa: PLC0415 - start-up time
    from kakanai.services.case_files import load_case  # noqa: PLC0415 - start-up time
    from kakanai.services.slip.issuing import issue_slip_pdf  # noqa: PLC0415 - start-up time

    case = load_case(args.case)
    sealed, pdf = issue_slip_pdf(
        case, layout=args.layout, lang=args.lang, desk=args.desk, valid_days=args.valid_days
    )
    _write(args.out, pdf)
    if args.png is not None:
        try:
            pdf_to_png(args.out, args.png)
        except OSError as exc:
            raise KakanaiError.of(ErrorCode.PRINT_UNWRITABLE, detail=f"{args.png}: {exc}") from None
    print(
        f"{args.out}: 手続き案内票を出力しました ({args.layout}, {args.lang}、"
        f"二次元コード {len(sealed.digits)}桁、鍵 {sealed.key_id}、"
        f"有効期限 {sealed.expires_at:%Y-%m-%d %H:%M})"
    )
    return EXIT_OK


def _days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_VALID_DAYS:
        message = f"有効日数は1から{MAX_VALID_DAYS}までの整数で指定してください: {text}"
        raise argparse.ArgumentTypeError(message)
    return int(text)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise KakanaiError.of(ErrorCode.PRINT_UNWRITABLE, detail=f"{path}: {exc}") from None
