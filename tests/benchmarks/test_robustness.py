"""`kakanai bench robustness` prints, per reader, the inputs tried, the refusals, the slowest
and the largest, and the failures; there are none."""

from __future__ import annotations

import re

import pytest

from kakanai.benchmarks.robustness import READERS
from kakanai.cli import main

ROW = re.compile(
    r"^(?P<reader>\w+)\s+(?P<inputs>\d+)\s+(?P<refused>\d+)\s+(?P<seconds>[\d.]+)\s+"
    r"(?P<megabytes>\d+)\s+(?P<failures>.+?)\s+\(slowest: .+\)$"
)


def test_bench_robustness_prints_a_row_per_reader(capsys: pytest.CaptureFixture[str]) -> None:
    main(["bench", "robustness", "--repeat", "2"])
    out = capsys.readouterr().out
    rows = {m["reader"]: m for m in map(ROW.match, out.splitlines()) if m}
    assert set(rows) == set(READERS)
    assert all(int(row["inputs"]) >= int(row["refused"]) for row in rows.values())
    assert all(int(row["inputs"]) > 2 for row in rows.values())
    # Every reader refuses or reads every input: none crashes, hangs or runs out of memory.
    assert all(row["failures"] == "-" for row in rows.values())
