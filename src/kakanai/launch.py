"""The ``kakanai`` command: with no arguments (or ``app``) it opens the desktop app, with a
subcommand it runs the headless command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "app":
        from kakanai.ui.application import run  # noqa: PLC0415 - Qt loads only for the app

        return run(args[1:])
    from kakanai.cli import main as cli_main  # noqa: PLC0415 - the CLI never loads Qt

    return cli_main(args)
