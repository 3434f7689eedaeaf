"""`kakanai bench scan` prints a success and time table and the figures the targets name."""

from __future__ import annotations

import re

from tests.cli.test_cli import kakanai


def test_bench_scan_prints_each_reader_and_the_target_figures() -> None:
    result = kakanai("bench", "scan", "--repeat", "1")
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("condition"))
    assert header.split()[2:] == ["zxing-cpp", "pyzbar", "opencv", "chain"]
    for condition in ("blur", "thermal_streaks", "crumpling"):
        assert re.search(rf"^{condition}\s+severe\s+\d+%", result.stdout, re.MULTILINE)
    assert re.search(r"^chain vs best single decoder \(\S+\): [+-]\d", result.stdout, re.MULTILINE)
    assert re.search(r"^chain median per 1280×720 frame: [\d.]+ ms", result.stdout, re.MULTILINE)
