"""Who is acting, on the command line: ``--as NAME`` and the password typed at the terminal
without echo (or read from ``--as-password-file``), and new passwords typed twice. The
password never reaches a log, the audit log or an error message."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kakanai.core.errors import ErrorCode, KakanaiError

if TYPE_CHECKING:
    from kakanai.services.supervision.accounts import Supervisor
    from kakanai.services.workspace import Workspace

MAX_PASSWORD_FILE = 4096


def add_supervisor_options(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """``--as`` and ``--as-password-file`` on a command a supervisor runs."""
    parser.add_argument(
        "--as",
        dest="actor",
        required=required,
        metavar="NAME",
        help="操作する監修者の名前(パスワードを尋ねます)",
    )
    parser.add_argument(
        "--as-password-file",
        type=Path,
        metavar="FILE",
        help="監修者のパスワードを1行だけ書いたファイル(端末から入力しないとき)",
    )


def sign_in_from(workspace: Workspace, args: argparse.Namespace) -> Supervisor:
    """The supervisor ``--as`` names, signed in with their password (audited)."""
    from kakanai.services.supervision.accounts import sign_in  # noqa: PLC0415 - loads the store

    password = read_password(
        args.as_password_file, what=f"監修者「{args.actor}」", option="as-password-file"
    )
    return sign_in(workspace, args.actor, password)


def read_password(file: Path | None, *, what: str, option: str, confirm: bool = False) -> str:
    """The first line of ``file``, else typed at the terminal without echo (twice when
    ``confirm``); USER_009 when there is no terminal to type at."""
    if file is not None:
        return _from_file(file)
    if not sys.stdin.isatty():
        raise KakanaiError.of(ErrorCode.USER_PASSWORD_NOT_GIVEN, what=what, option=option)
    password = getpass.getpass(f"{what}のパスワード: ")
    if confirm and getpass.getpass("確認のため、もう一度入力してください: ") != password:
        raise KakanaiError.of(ErrorCode.USER_PASSWORD_MISMATCH)
    return password


def _from_file(file: Path) -> str:
    from kakanai.adapters.input_files import read_text  # noqa: PLC0415 - only when used

    try:
        text = read_text(file, limit=MAX_PASSWORD_FILE)
    except (OSError, UnicodeDecodeError, KakanaiError) as exc:
        raise KakanaiError.of(
            ErrorCode.USER_PASSWORD_FILE, path=file, detail=type(exc).__name__
        ) from None
    lines = text.splitlines()
    return lines[0] if lines else ""
