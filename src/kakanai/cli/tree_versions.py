"""``kakanai trees``: the question-tree versions published in the database. ``list`` shows
them and which is in force; ``export`` writes versions to files exactly as published;
``import`` and ``publish`` check files as ``kakanai check`` does (scenarios included) and
publish them with an effective date (施行日); ``withdraw`` rolls a version back. What
changes the database names a supervisor (``--as``) and is audited."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kakanai.cli.arguments import EXIT_OK, EXIT_PROBLEMS, Commands, Parser, Subparsers, iso_date
from kakanai.cli.credentials import add_supervisor_options, sign_in_from
from kakanai.core.slip.envelope import as_jst

if TYPE_CHECKING:
    from kakanai.services.trees.library import PublishedVersion
    from kakanai.services.workspace import Workspace


def register(commands: Subparsers) -> Commands:
    trees = commands.add_parser(
        "trees",
        help="データベースに公開した設問ツリーの版を一覧・書き出し・取り込み・公開・取り下げします",
    )
    actions = trees.add_subparsers(dest="trees_action", required=True, parser_class=Parser)
    listing = actions.add_parser("list", help="公開した版と、今日使う版を表示します")
    listing.add_argument("tree_id", nargs="?", metavar="ID", help="設問ツリーのID(既定: すべて)")
    listing.add_argument("--json", action="store_true", help="JSONで出力します")
    export = actions.add_parser(
        "export",
        help="公開した版を、公開したとおりのYAMLファイル(とテストシナリオ)に書き出します",
        description="ID と --version がなければ、各設問ツリーの取り下げていない最新の版を"
        "書き出します。同じ名前のファイルは上書きします。",
    )
    export.add_argument("tree_id", nargs="?", metavar="ID", help="設問ツリーのID")
    export.add_argument("--version", help="書き出す版(取り下げた版も書き出せます)")
    export.add_argument("--out", type=Path, required=True, help="書き出すフォルダ")
    for name, text in (
        ("import", "設問ツリーのファイルを検査して取り込み、施行日から使います"),
        ("publish", "設問ツリーのファイルを検査して公開し、施行日から使います"),
    ):
        action = actions.add_parser(
            name,
            help=text,
            description="kakanai check と同じ検査とテストシナリオ(隣の *.tests.yaml)に通った"
            "ときだけ保存します。1つでも問題があれば、どのファイルも保存しません。",
        )
        action.add_argument(
            "files", nargs="+" if name == "import" else 1, type=Path, metavar="FILE"
        )
        action.add_argument(
            "--effective", type=iso_date, required=True, metavar="YYYY-MM-DD", help="施行日"
        )
        action.add_argument("--version", help="版(既定: ファイルの version:)")
        add_supervisor_options(action)
    withdraw = actions.add_parser(
        "withdraw", help="公開した版を取り下げ、前の版に戻します(案内票は読めるまま)"
    )
    withdraw.add_argument("tree_id", metavar="ID")
    withdraw.add_argument("version", metavar="VERSION")
    add_supervisor_options(withdraw)
    return Commands(handlers={"trees": _trees})


def _trees(args: argparse.Namespace) -> int:
    # The store loads only for this command.
    from kakanai.services.workspace import open_workspace  # noqa: PLC0415 - start-up time

    workspace = open_workspace(create_key=False)
    try:
        if args.trees_action == "list":
            return _list(workspace, args)
        if args.trees_action == "export":
            return _export(workspace, args)
        if args.trees_action == "withdraw":
            return _withdraw(workspace, args)
        return _import(workspace, args)
    finally:
        workspace.close()


def _list(workspace: Workspace, args: argparse.Namespace) -> int:
    from kakanai.services.trees import library  # noqa: PLC0415 - see _trees

    today = workspace.now().date()
    found = library.versions(workspace, args.tree_id)
    in_force = {
        tree_id: library.in_force_version(workspace, tree_id, today)
        for tree_id in dict.fromkeys(v.tree_id for v in found)
    }
    if args.json:
        rows = [_as_json(v, in_force.get(v.tree_id), today) for v in found]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print("データベースに公開した版はありません。設問ツリーはファイルから読みます。")
        return EXIT_OK
    for tree_id, current in in_force.items():
        used = f"版 {current.version}" if current is not None else "ファイルの版"
        print(f"{tree_id}(本日 {today.isoformat()} に使う版: {used})")
        for version in (v for v in found if v.tree_id == tree_id):
            print("  " + _row(version, current, today))
    return EXIT_OK


def _state(version: PublishedVersion, current: PublishedVersion | None, today: dt.date) -> str:
    if version.withdrawn:
        return "取り下げ"
    if current is not None and version.version == current.version:
        return "施行中"
    return "施行前" if version.effective_from > today else "旧版"


def _row(version: PublishedVersion, current: PublishedVersion | None, today: dt.date) -> str:
    published = f"公開 {as_jst(version.published_at):%Y-%m-%d %H:%M} {version.published_by}"
    withdrawn = ""
    if version.withdrawn_at is not None:
        withdrawn = (
            f"  取り下げ {as_jst(version.withdrawn_at):%Y-%m-%d %H:%M} {version.withdrawn_by}"
        )
    return (
        f"版 {version.version:<10} 施行日 {version.effective_from.isoformat()}  "
        f"{_state(version, current, today):<4}  {published}{withdrawn}"
    )


def _as_json(
    version: PublishedVersion, current: PublishedVersion | None, today: dt.date
) -> dict[str, object]:
    return {
        "id": version.tree_id,
        "version": version.version,
        "effective_from": version.effective_from.isoformat(),
        "state": version.state,
        "in_force_today": current is not None and current.version == version.version,
        "label": _state(version, current, today),
        "sha256": version.sha256,
        "published_by": version.published_by,
        "published_at": version.published_at.isoformat(),
        "withdrawn_by": version.withdrawn_by,
        "withdrawn_at": version.withdrawn_at.isoformat() if version.withdrawn_at else None,
    }


def _export(workspace: Workspace, args: argparse.Namespace) -> int:
    from kakanai.services.supervision.exchange import export_versions  # noqa: PLC0415

    for exported in export_versions(
        workspace, args.out, tree_id=args.tree_id, version=args.version
    ):
        files = "、".join(str(path) for path in exported.files)
        print(f"{exported.version.tree_id} 版{exported.version.version}: {files}")
    return EXIT_OK


def _import(workspace: Workspace, args: argparse.Namespace) -> int:
    from kakanai.services.supervision import exchange, publishing  # noqa: PLC0415

    # Every file is checked before anyone is asked for a password.
    try:
        candidates = exchange.read_candidates(
            args.files, effective_from=args.effective, version=args.version
        )
    except publishing.PublishRefusedError as exc:
        for problem in exc.problems:
            print(problem.render(), file=sys.stderr)
        print(exc.render(), file=sys.stderr)
        return EXIT_PROBLEMS
    supervisor = sign_in_from(workspace, args)
    how, done = (
        ("取り込み", "取り込みました")
        if args.trees_action == "import"
        else ("公開", "公開しました")
    )
    stored = publishing.store_candidates(workspace, supervisor, candidates, how=how)
    for version in stored:
        print(
            f"{version.tree_id} 版{version.version} を{done}(施行日"
            f" {version.effective_from.isoformat()} から使います)。"
        )
    for candidate in candidates:
        warnings = candidate.report.warnings
        if warnings:
            print(f"{candidate.tree_id}: 警告 {len(warnings)}件(kakanai check で確かめてください)")
    return EXIT_OK


def _withdraw(workspace: Workspace, args: argparse.Namespace) -> int:
    from kakanai.services.supervision.publishing import withdraw  # noqa: PLC0415
    from kakanai.services.trees.library import in_force_version  # noqa: PLC0415

    supervisor = sign_in_from(workspace, args)
    withdrawn = withdraw(workspace, supervisor, args.tree_id, args.version)
    current = in_force_version(workspace, args.tree_id, workspace.now().date())
    used = f"版 {current.version} " if current is not None else "ファイルの版"
    print(
        f"{withdrawn.tree_id} 版{withdrawn.version} を取り下げました。本日からの面談は"
        f"{used}を使います。この版で作った案内票は、これまでどおり読めます。"
    )
    return EXIT_OK
