"""``kakanai bench robustness``: every reader of outside input against bad inputs, each within
a time and memory cap (benchmarks/robustness.py)."""

from __future__ import annotations

from kakanai.cli.arguments import Commands, Subparsers


def register(commands: Subparsers) -> Commands:
    """No subcommands of its own."""
    del commands
    return Commands(benches={"robustness": _bench_robustness})


def _bench_robustness(repeat: int) -> int:
    # The readers pull in every service; imported when the benchmark runs.
    from kakanai.benchmarks.robustness import bench_robustness  # noqa: PLC0415 - start-up time

    return bench_robustness(repeat)
