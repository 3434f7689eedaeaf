"""Keeping a desk's store tidy: ``kakanai purge`` deletes personal data past the retention
period (``--vacuum`` also clears it from the database's files); ``kakanai bench app``
and ``kakanai bench counter`` measure the desktop app from outside (they never load Qt
here); ``kakanai bench store`` puts the store under many desks at once."""

from __future__ import annotations

import argparse
import os

from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers, lazy_bench


def register(commands: Subparsers) -> Commands:
    purge = commands.add_parser(
        "purge",
        help="保存期間を過ぎた個人情報を削除します(統計用の件数は残ります)",
        description="保存期間を過ぎた案件と下書きの個人情報を削除します。件数など統計に必要な"
        "情報は残ります。保存期間は設定(既定90日)か --days で指定します。"
        "削除した文字はデータベースのファイルにしばらく残ります。--vacuum で消せます"
        "(docs/purge.md)。",
    )
    purge.add_argument(
        "--days",
        type=_days,
        default=None,
        help="保存期間(日数。0は今までのすべて)。既定: 設定の値",
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="削除せず、削除される件数だけを表示します"
    )
    purge.add_argument(
        "--vacuum",
        action="store_true",
        help="削除のあと、データベースのファイルからも削除した個人情報の跡を消します"
        "(VACUUM。PostgreSQLでは表を一時的に止めるので、窓口を開けていない時間に)",
    )
    return Commands(
        handlers={"purge": _purge},
        benches={
            "app": lazy_bench("kakanai.benchmarks.app", "bench_app"),
            "counter": lazy_bench("kakanai.benchmarks.counter", "bench_counter"),
        },
        option_benches={"store": _bench_store},
        bench_options=[_store_options],
    )


def _store_options(bench: argparse.ArgumentParser) -> None:
    group = bench.add_argument_group(
        "bench store",
        "窓口をプロセスで模擬し、PostgreSQL と SQLite で面談・読み取り・削除を同時に行います",
    )
    group.add_argument(
        "--url",
        default=os.environ.get("KAKANAI_TEST_POSTGRES_URL", ""),
        help="PostgreSQL サーバーのURL(既定: 環境変数 KAKANAI_TEST_POSTGRES_URL)。"
        "そのサーバーに一時的なデータベースを作り(CREATEDB 権限が必要)、終わったら削除します",
    )
    group.add_argument(
        "--seconds", type=_positive, default=60.0, help="各データベースでの測定時間(秒、既定60)"
    )
    group.add_argument("--desks", type=_count, default=20, help="PostgreSQL の窓口数(既定20)")
    group.add_argument("--sqlite-desks", type=_count, default=4, help="SQLite の窓口数(既定4)")
    group.add_argument(
        "--pause-ms", type=_pause, default=50.0, help="窓口の操作の間の平均の待ち(ミリ秒、既定50)"
    )


def _bench_store(args: argparse.Namespace) -> int:
    from kakanai.benchmarks.store import bench_store  # noqa: PLC0415 - loads SQLAlchemy

    return bench_store(
        url=args.url,
        seconds=args.seconds,
        desks=args.desks,
        sqlite_desks=args.sqlite_desks,
        pause_s=args.pause_ms / 1000,
    )


def _purge(args: argparse.Namespace) -> int:
    # The store and the questionnaire load only for this command.
    from kakanai.services.purging import (  # noqa: PLC0415 - startup time of other commands
        expired_counts,
        purge_expired,
        retention_days,
    )
    from kakanai.services.workspace import open_workspace  # noqa: PLC0415 - as above

    workspace = open_workspace(create_key=False)
    try:
        days = retention_days(workspace, args.days)
        if args.dry_run:
            cases, drafts = expired_counts(workspace, days=days)
            print(f"保存期間({days}日)を過ぎた個人情報: 案件{cases}件、下書き{drafts}件")
            print("(--dry-run のため、まだ削除していません)")
            return EXIT_OK
        result = purge_expired(workspace, days=days, vacuum=args.vacuum)
    finally:
        workspace.close()
    print(
        f"{result.cutoff:%Y-%m-%d %H:%M} より前の個人情報を削除しました: "
        f"案件{result.cases}件、下書き{result.drafts}件"
    )
    if args.vacuum:
        print("データベースのファイルからも、削除した個人情報の跡を消しました(VACUUM)。")
    return EXIT_OK


def _days(text: str) -> int:
    """A whole number of days; its range is the service's to check (APP_005)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"保存期間は0以上の日数で指定してください: {text}")
    return int(text)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 24 * 3600:  # at most a day
        raise argparse.ArgumentTypeError(f"秒数は0より大きく1日以内で指定してください: {text}")
    return value


def _count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 90:  # below PostgreSQL's 100 connections
        raise argparse.ArgumentTypeError(f"窓口数は1から90までの整数で指定してください: {text}")
    return int(text)


def _pause(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 60_000:  # at most a minute
        raise argparse.ArgumentTypeError(f"待ちは0から60000ミリ秒で指定してください: {text}")
    return value
