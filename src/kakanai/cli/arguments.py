"""What every command module of the CLI shares: exit codes, the Japanese argument parser,
argument types and the shape of a command module's registration."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeAlias

from kakanai.core.japanese.domain import OutOfDomainError, check_date

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70

Handler = Callable[[argparse.Namespace], int]
Bench = Callable[[int], int]
"""A benchmark: takes ``--repeat`` and prints its figures; returns the exit code."""


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Japanese without a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"kakanai: 引数が正しくありません: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def iso_date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
        check_date(day)
    except OutOfDomainError as exc:
        raise argparse.ArgumentTypeError(exc.message_for("指定")) from None
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日付は 2026-11-23 の形で指定してください: {text}"
        ) from None
    return day


def lazy_bench(module: str, function: str) -> Bench:
    """A benchmark imported when it runs: a command line that only checks a tree does not
    load what the other benchmarks need (PDF, Qt drivers, the store)."""

    def run(repeat: int) -> int:
        bench: Bench = getattr(importlib.import_module(module), function)
        return bench(repeat)

    return run


BenchOptions = Callable[[argparse.ArgumentParser], None]
"""Adds a benchmark's own options to ``kakanai bench`` (their help names the benchmark)."""


@dataclass
class Commands:
    """What one command module adds: subcommand handlers and benchmark targets. A benchmark
    with options of its own is in ``option_benches`` (it gets every parsed argument) and
    adds those options through ``bench_options``."""

    handlers: dict[str, Handler] = field(default_factory=dict)
    benches: dict[str, Bench] = field(default_factory=dict)
    option_benches: dict[str, Handler] = field(default_factory=dict)
    bench_options: list[BenchOptions] = field(default_factory=list)


# argparse has no public name for the object add_subparsers() returns.
Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"
