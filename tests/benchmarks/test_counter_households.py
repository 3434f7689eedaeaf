"""The households `kakanai bench counter` types in stay what the tests know them as."""

from __future__ import annotations

import json

from kakanai.benchmarks.counter_households import REFERENCE
from tests.services.counter.workspace import reference_answers


def test_the_benchmark_types_the_reference_family_of_the_fixtures() -> None:
    """(The fixture's YAML reads 1984-02-03 as a date; the clerk types it as text.)"""
    fixture = json.dumps(reference_answers(), default=str, ensure_ascii=False)
    assert fixture == json.dumps(REFERENCE, ensure_ascii=False)
