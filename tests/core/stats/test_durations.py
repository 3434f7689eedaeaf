"""Interview-time percentiles from the database's histogram are nearest-rank percentiles of
the durations floored to 10 seconds."""

from __future__ import annotations

import math
import random

import pytest

from kakanai.core.stats.durations import Durations, floored, minutes_text


def nearest_rank(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)), 1) - 1]


@pytest.mark.parametrize("seed", range(5))
def test_percentiles_match_nearest_rank_on_floored_durations(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - test data
    raw = [rng.randint(30, 1800) for _ in range(rng.randint(1, 400))]
    histogram: dict[int, int] = {}
    for seconds in raw:
        histogram[floored(seconds)] = histogram.get(floored(seconds), 0) + 1
    durations = Durations(histogram)
    steps = [floored(s) for s in raw]
    assert durations.median == nearest_rank(steps, 0.5)
    assert durations.p90 == nearest_rank(steps, 0.9)


def test_no_interviews_have_no_median() -> None:
    assert Durations().median is None
    assert minutes_text(None) == "—"


def test_times_read_as_minutes_and_seconds() -> None:
    assert minutes_text(530) == "8分50秒"
