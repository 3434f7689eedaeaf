"""The bounded runner turns whatever an input does to a reader into an outcome: a refusal
with its code, a crash (an exception or a signal), a hang past the time cap, a resident set
past the memory cap; the runner goes on with a fresh worker after each failure."""

from __future__ import annotations

import ctypes
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kakanai.benchmarks.bounded_runs import BoundedRunner, Sample
from kakanai.core.errors import ErrorCode, KakanaiError

HERE = __name__


def reads(path: Path) -> str | None:
    return None if path.read_bytes() == b"good" else "TREE_YAML_001"


def refuses(path: Path) -> str | None:
    raise KakanaiError.of(ErrorCode.INPUT_NOT_REGULAR, path=path)


def raises(path: Path) -> str | None:
    raise ValueError(path.name)


def sleeps(path: Path) -> str | None:
    time.sleep(60)
    return None


def grows(path: Path) -> str | None:
    held = []
    for _ in range(200):  # 4 GB at most, 20 MB at a time
        held.append(bytearray(20 * 1024 * 1024))
        time.sleep(0.005)
    return None


def segfaults(path: Path) -> str | None:
    ctypes.string_at(0)
    return None


@pytest.fixture(scope="module")
def runner() -> Iterator[BoundedRunner]:
    with BoundedRunner(seconds=1.5, megabytes=600) as bounded:
        yield bounded


@pytest.mark.parametrize(
    ("reader", "data", "status", "code"),
    [
        ("reads", b"good", "ok", ""),
        ("reads", b"bad", "refused", "TREE_YAML_001"),
        ("refuses", b"", "refused", "INPUT_001"),
        ("raises", b"", "crashed", "ValueError"),
        ("sleeps", b"", "timeout", "timeout"),
        ("segfaults", b"", "crashed", "crashed"),
    ],
)
def test_each_behaviour_of_a_reader_is_an_outcome(
    runner: BoundedRunner, reader: str, data: bytes, status: str, code: str
) -> None:
    outcome = runner.run(f"{HERE}:{reader}", Sample("input.yaml", data))
    assert (outcome.status, outcome.code) == (status, code), outcome
    assert outcome.failed is (status in {"crashed", "timeout", "memory"})


def test_a_segfault_is_named_by_its_signal(runner: BoundedRunner) -> None:
    outcome = runner.run(f"{HERE}:segfaults", Sample("input.yaml"))
    assert outcome.detail == "SIGSEGV"


def test_the_runner_goes_on_after_a_lost_worker(runner: BoundedRunner) -> None:
    runner.run(f"{HERE}:sleeps", Sample("input.yaml"))
    assert runner.run(f"{HERE}:reads", Sample("input.yaml", b"good")).status == "ok"


def test_a_fifo_sample_is_a_named_pipe_nobody_writes_to(runner: BoundedRunner) -> None:
    outcome = runner.run(f"{HERE}:reads", Sample("pipe.yaml", special="fifo"))
    assert outcome.status == "timeout"  # open() of a FIFO waits for a writer


def test_a_reader_past_the_memory_cap_is_stopped() -> None:
    """With a time cap far away, so that a loaded machine's slow page faults never turn the
    memory outcome into a timeout."""
    with BoundedRunner(seconds=60, megabytes=600) as roomy:
        outcome = roomy.run(f"{HERE}:grows", Sample("input.yaml", b""))
    assert (outcome.status, outcome.code) == ("memory", "memory"), outcome
    assert outcome.failed


def test_the_peak_memory_of_an_input_is_reported(runner: BoundedRunner) -> None:
    outcome = runner.run(f"{HERE}:reads", Sample("input.yaml", b"good"))
    assert outcome.peak_mb is not None
    assert 10 < outcome.peak_mb < 600
