"""Interview times from a histogram the database counted: durations are floored to
``BUCKET_S`` seconds, and percentiles are nearest-rank on those floored values, so the
figures are exact for that resolution without reading a row per interview."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

BUCKET_S = 10  # seconds: durations are counted in steps of this size


@dataclass(frozen=True)
class Durations:
    """How many interviews took each floored duration (seconds → count)."""

    counts: Mapping[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def percentile(self, share: float) -> int | None:
        """The nearest-rank percentile (``share`` in 0–1) in seconds; None without data."""
        total = self.total
        if total == 0:
            return None
        rank = max(math.ceil(share * total), 1)
        seen = 0
        for seconds in sorted(self.counts):
            seen += self.counts[seconds]
            if seen >= rank:
                return seconds
        raise AssertionError("unreachable: the ranks add up to the total")

    @property
    def median(self) -> int | None:
        return self.percentile(0.5)

    @property
    def p90(self) -> int | None:
        return self.percentile(0.9)

    def merged(self, other: Durations) -> Durations:
        counts = dict(self.counts)
        for seconds, count in other.counts.items():
            counts[seconds] = counts.get(seconds, 0) + count
        return Durations(counts)


def floored(seconds: float) -> int:
    """A duration as the histogram holds it."""
    return int(seconds) // BUCKET_S * BUCKET_S


def minutes_text(seconds: int | None) -> str:
    """``7分30秒``; ``—`` without data."""
    if seconds is None:
        return "—"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}分{rest:02d}秒"
