"""Scanning: the ``scan`` benchmark target (``kakanai bench scan``) for the QR decoder chain."""

from __future__ import annotations

from kakanai.benchmarks import scan as scan_benchmark
from kakanai.cli.arguments import Commands, Subparsers


def register(commands: Subparsers) -> Commands:
    """No subcommands of its own; ``kakanai decode`` belongs to the slip area."""
    del commands
    return Commands(benches={"scan": scan_benchmark.bench_scan})
