"""The households `kakanai bench counter` types in stay what the tests know them as."""

from __future__ import annotations

from kakanai.benchmarks.counter_households import REFERENCE
from tests.services.counter.workspace import reference_answers


def test_the_benchmark_types_the_reference_family_of_the_fixtures() -> None:
    assert reference_answers() == REFERENCE
