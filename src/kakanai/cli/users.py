"""``kakanai users``: the people who use kakanai and their roles (clerk, desk, supervisor).
The first supervisor is added by anyone at the desk; after that, every change names a
supervisor with ``--as`` and their password, and is audited."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from kakanai.cli.arguments import EXIT_OK, Commands, Parser, Subparsers
from kakanai.cli.credentials import add_supervisor_options, read_password, sign_in_from
from kakanai.core.slip.envelope import as_jst

if TYPE_CHECKING:
    from kakanai.services.supervision.accounts import UserInfo

ROLES = ("clerk", "desk", "supervisor")


def register(commands: Subparsers) -> Commands:
    users = commands.add_parser("users", help="利用者と役割(窓口職員・連携課・監修者)を管理します")
    actions = users.add_subparsers(dest="users_action", required=True, parser_class=Parser)
    add = actions.add_parser(
        "add",
        help="利用者を登録します(監修者にはパスワードを設定します)",
        description="最初の監修者は --as なしで登録できます。監修者がいるときは --as で監修者を"
        "指定してください。監修者のパスワードは端末から2回入力するか、--password-file で"
        "指定します。",
    )
    add.add_argument("name", help="利用者の名前(例: 山田 花子)")
    add.add_argument("--role", choices=ROLES, required=True, help="役割")
    add.add_argument(
        "--password-file", type=Path, metavar="FILE", help="新しい監修者のパスワードのファイル"
    )
    add_supervisor_options(add, required=False)
    listing = actions.add_parser("list", help="利用者の一覧を表示します")
    listing.add_argument("--json", action="store_true", help="JSONで出力します")
    for name, text in (("disable", "利用者を無効にします"), ("enable", "利用者を有効に戻します")):
        action = actions.add_parser(name, help=text)
        action.add_argument("name")
        add_supervisor_options(action)
    password = actions.add_parser("password", help="監修者のパスワードを設定し直します")
    password.add_argument("name")
    password.add_argument(
        "--password-file", type=Path, metavar="FILE", help="新しいパスワードのファイル"
    )
    add_supervisor_options(password)
    return Commands(handlers={"users": _users})


def _users(args: argparse.Namespace) -> int:
    # The store loads only for this command.
    from kakanai.services.supervision import accounts  # noqa: PLC0415 - start-up time of others
    from kakanai.services.workspace import open_workspace  # noqa: PLC0415 - as above

    workspace = open_workspace(create_key=False)
    try:
        if args.users_action == "list":
            found = accounts.list_users(workspace)
            _print_users(found, as_json=args.json)
            return EXIT_OK
        if args.users_action == "add":
            by = sign_in_from(workspace, args) if args.actor else None
            new_password = None
            if args.role == "supervisor":
                new_password = read_password(
                    args.password_file,
                    what=f"新しい監修者「{args.name}」",
                    option="password-file",
                    confirm=True,
                )
            user = accounts.add_user(workspace, args.name, args.role, password=new_password, by=by)
            print(f"{user.name}({accounts.role_word(user.role)})を登録しました。")
            return EXIT_OK
        supervisor = sign_in_from(workspace, args)
        if args.users_action == "password":
            new_password = read_password(
                args.password_file,
                what=f"「{args.name}」の新しい",
                option="password-file",
                confirm=True,
            )
            accounts.set_password(workspace, supervisor, args.name, new_password)
            print(f"{args.name} のパスワードを設定しました。")
            return EXIT_OK
        disabled = args.users_action == "disable"
        user = accounts.set_disabled(workspace, supervisor, args.name, disabled=disabled)
        print(f"{user.name} を{'無効' if disabled else '有効'}にしました。")
        return EXIT_OK
    finally:
        workspace.close()


def _print_users(found: list[UserInfo], *, as_json: bool) -> None:
    from kakanai.services.supervision.accounts import role_word  # noqa: PLC0415 - see above

    if as_json:
        rows = [
            {
                "name": u.name,
                "role": u.role,
                "disabled": u.disabled,
                "created_at": u.created_at.isoformat(),
                "has_password": u.has_password,
            }
            for u in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        print(
            "利用者はまだいません。kakanai users add 名前 --role supervisor で最初の監修者を"
            "登録してください。"
        )
        return
    for user in found:
        state = "無効" if user.disabled else "有効"
        print(
            f"{user.name}\t{role_word(user.role)}({user.role})\t{state}\t"
            f"登録 {as_jst(user.created_at):%Y-%m-%d}"
        )
