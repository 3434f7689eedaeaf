"""``kakanai review TREE --out FILE.pdf|FILE.xlsx [--against OLD]``: the review (決裁) document
of a question tree before it is published, printed (PDF) or as an Excel workbook."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers, iso_date


def register(commands: Subparsers) -> Commands:
    review = commands.add_parser("review", help="設問ツリーの決裁書(PDF または Excel)を作ります")
    review.add_argument("tree", type=Path)
    review.add_argument(
        "--out", type=Path, required=True, help="書き出すファイル(.pdf または .xlsx)"
    )
    review.add_argument(
        "--against", default=None, help="現行版(ファイル、または git:版:パス)。変更の影響を載せます"
    )
    review.add_argument("--as-of", type=iso_date, default=None, help="面談日 (既定: 今日)")
    return Commands(handlers={"review": _review}, benches={"editor": _bench_editor})


def _review(args: argparse.Namespace) -> int:
    # Loaded here: printing needs reportlab, which other commands never load for this.
    from kakanai.services.trees.review_document import write_review  # noqa: PLC0415

    written = write_review(args.tree, args.out, args.as_of or dt.date.today(), args.against)
    print(f"{written}: 決裁書を書き出しました")
    return EXIT_OK


def _bench_editor(repeat: int) -> int:
    from kakanai.benchmarks.editor import bench_editor  # noqa: PLC0415 - only when asked

    return bench_editor(repeat)
