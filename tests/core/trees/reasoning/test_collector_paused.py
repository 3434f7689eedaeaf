"""Reasoning pauses the cyclic garbage collector (diagrams.collector_paused) and leaves it
as it found it, also when the reasoning fails."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from kakanai.core.trees.reasoning.diagrams import collector_paused


@pytest.fixture
def collector() -> Iterator[None]:
    running = gc.isenabled()
    yield
    if running:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("running", [True, False])
def test_the_collector_is_paused_inside_and_as_it_was_after(collector: None, running: bool) -> None:
    gc.enable() if running else gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is running


def test_a_failure_inside_leaves_the_collector_running(collector: None) -> None:
    gc.enable()
    with pytest.raises(ZeroDivisionError), collector_paused():
        _ = 1 / 0
    assert gc.isenabled()
