"""The headless command line. Each area registers its subcommands from its own module
(``trees``: check, interview; later slips and forms); ``bench`` collects every area's
benchmark targets.

Expected problems print as ``path:line:col: CODE message`` with a non-zero exit; nothing
ever ends in a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from kakanai.cli import (
    diffs,
    doctor,
    forms,
    reviews,
    robustness,
    scanning,
    slip_printing,
    slips,
    stats,
    tree_versions,
    trees,
    upkeep,
    users,
)
from kakanai.cli.arguments import EXIT_INTERNAL, EXIT_OK, EXIT_PROBLEMS, Commands, Parser
from kakanai.core.errors import KakanaiError

AREAS = (
    trees,
    diffs,
    reviews,
    slips,
    slip_printing,
    scanning,
    forms,
    upkeep,
    doctor,
    robustness,
    stats,
    tree_versions,
    users,
)


def build_parser() -> tuple[argparse.ArgumentParser, Commands]:
    parser = Parser(prog="kakanai", description="書かない窓口 kakanai")
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    registered = Commands()
    for area in AREAS:
        added = area.register(commands)
        registered.handlers.update(added.handlers)
        registered.benches.update(added.benches)
        registered.option_benches.update(added.option_benches)
        registered.bench_options.extend(added.bench_options)
    bench = commands.add_parser("bench", help="性能を測ります")
    bench.add_argument("target", choices=sorted({*registered.benches, *registered.option_benches}))
    bench.add_argument("--repeat", type=int, default=20)
    for add_options in registered.bench_options:
        add_options(bench)
    return parser, registered


def main(argv: Sequence[str] | None = None) -> int:
    parser, registered = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "bench":
            with_options = registered.option_benches.get(args.target)
            if with_options is not None:
                return with_options(args)
            return registered.benches[args.target](args.repeat)
        handler = registered.handlers.get(args.command)
        if handler is None:
            parser.print_help()
            print("\n画面版は、引数なしの kakanai(または kakanai app)で起動します。")
            return EXIT_OK
        return handler(args)
    except KakanaiError as exc:
        print(exc.render(), file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `kakanai check --paths ... | head`: the reader left
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(
            f"kakanai: 内部エラーが発生しました ({type(exc).__name__})。"
            "入力ファイルと手順を添えて開発者に報告してください。",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
