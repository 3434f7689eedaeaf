"""Statistics on the command line: ``kakanai stats`` (a period by month, life event,
procedure, department or desk, or the 公表用 table; as a table, CSV, XLSX or JSON),
``kakanai demo-data`` (a year of sample visits) and ``kakanai bench stats``."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers, iso_date

GROUPINGS = ("month", "event", "procedure", "department", "desk")
FORMATS = ("table", "csv", "xlsx", "json")


def register(commands: Subparsers) -> Commands:
    stats = commands.add_parser(
        "stats",
        help="統計(来庁件数・手続き・連携・面談時間・記入の削減)を集計します",
        description="面談日が期間内の来庁について、件数・手続き・連携・読取・事前印字した様式・"
        "記入を省いた氏名/住所/生年月日・面談時間(中央値と90%)・記入時間の削減を集計します。"
        "個人情報は使いません(保存期間を過ぎて削除した案件も数えます)。",
    )
    stats.add_argument("--from", dest="start", type=iso_date, help="期間の始め(既定: 今年度の初日)")
    stats.add_argument("--to", dest="end", type=iso_date, help="期間の終わり(既定: 今日)")
    stats.add_argument("--by", choices=GROUPINGS, default="month", help="集計の単位(既定: month)")
    stats.add_argument(
        "--public",
        action="store_true",
        help="公表用の表(月別、少ない件数は秘匿)を出力します。xlsx にはいつも含まれます",
    )
    stats.add_argument("--format", choices=FORMATS, default="table", help="出力の形式")
    stats.add_argument("--out", type=Path, help="書き出すファイル(xlsx では必須)")
    stats.add_argument(
        "--suppress",
        type=int,
        help="公表用の表で、この数未満の件数を秘匿します(既定: 設定の値、5)",
    )
    stats.add_argument("--minutes-per-form", type=float, help="様式1枚あたりの削減時間(分)")
    stats.add_argument("--seconds-per-field", type=float, help="記入項目1つあたりの削減時間(秒)")
    stats.add_argument("--url", help="集計するデータベースのURL(既定: この端末の設定)")
    demo = commands.add_parser(
        "demo-data",
        help="統計の見本データ(中規模の市の1年分)を空のデータベースに作ります",
        description="同梱の設問ツリーのテストシナリオを実際に面談・様式に通し、その来庁を"
        "1年の日付・窓口・面談時間に散らして書き込みます。個人情報は含みません。",
    )
    demo.add_argument("--cases", type=_cases, default=60_000, help="来庁件数(既定60000)")
    demo.add_argument("--fiscal-year", type=int, help="年度(既定: 終わった直近の年度)")
    demo.add_argument("--seed", type=int, default=14, help="乱数の種(同じ種なら同じデータ)")
    demo.add_argument("--url", help="書き込むデータベースのURL(既定: この端末の設定)")
    return Commands(
        handlers={"stats": _stats, "demo-data": _demo_data},
        option_benches={"stats": _bench_stats},
        bench_options=[_bench_options],
    )


def _bench_options(bench: argparse.ArgumentParser) -> None:
    group = bench.add_argument_group("bench stats", "統計の集計の速さ(SQLite と PostgreSQL)")
    group.add_argument(
        "--cases", type=_cases, default=60_000, help="見本データの来庁件数(既定60000)"
    )


def _stats(args: argparse.Namespace) -> int:
    # SQLAlchemy and the store load only for this command.
    from kakanai.services.stats import commands  # noqa: PLC0415 - start-up time of others

    today = dt.date.today()
    request = commands.StatsRequest(
        start=args.start,
        end=args.end or today,
        grouping=args.by,
        public=args.public,
        form=args.format,
        out=args.out,
        threshold=args.suppress,
        minutes_per_form=args.minutes_per_form,
        seconds_per_field=args.seconds_per_field,
        url=args.url,
    )
    output = commands.run_stats(request, today=today)
    if isinstance(output, bytes):
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
    elif output:
        print(output, end="")
    return EXIT_OK


def _demo_data(args: argparse.Namespace) -> int:
    from kakanai.benchmarks.stats import make_demo_data  # noqa: PLC0415 - loads the store

    return make_demo_data(
        cases=args.cases, fiscal_year=args.fiscal_year, seed=args.seed, url=args.url
    )


def _bench_stats(args: argparse.Namespace) -> int:
    from kakanai.benchmarks.stats import bench_stats  # noqa: PLC0415 - loads the store

    url = os.environ.get("KAKANAI_TEST_POSTGRES_URL", "")
    return bench_stats(cases=args.cases, postgres_url=getattr(args, "url", "") or url)


def _cases(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 2_000_000:
        raise argparse.ArgumentTypeError(f"件数は1から2000000までの整数で指定してください: {text}")
    return int(text)
