"""Keeping a desk's store tidy: ``kakanai purge`` deletes personal data past the retention
period (``--vacuum`` also clears it from the database's files); ``kakanai bench app``
measures the desktop app from outside (it never loads Qt here)."""

from __future__ import annotations

import argparse

from kakanai.benchmarks.app import bench_app
from kakanai.cli.arguments import EXIT_OK, Commands, Subparsers


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
    return Commands(handlers={"purge": _purge}, benches={"app": bench_app})


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
