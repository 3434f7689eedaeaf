"""Scanning: the ``scan`` benchmark target (``kakanai bench scan``) for the QR decoder chain."""

from __future__ import annotations

from kakanai.cli.arguments import Commands, Subparsers


def register(commands: Subparsers) -> Commands:
    """No subcommands of its own; ``kakanai decode`` belongs to the slip area."""
    del commands
    return Commands(benches={"scan": _bench_scan})


def _bench_scan(repeat: int) -> int:
    # Loaded only for the benchmark: OpenCV and the slip renderer are slow to import.
    from kakanai.benchmarks import scan as scan_benchmark  # noqa: PLC0415

    return scan_benchmark.bench_scan(repeat)
