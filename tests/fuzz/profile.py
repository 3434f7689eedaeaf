"""The hypothesis profile of the fuzz suite: few examples with a fixed seed in CI, more (and
random) ones locally: KAKANAI_FUZZ_EXAMPLES=2000 KAKANAI_FUZZ_RANDOM=1 pytest tests/fuzz."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("KAKANAI_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=os.environ.get("KAKANAI_FUZZ_RANDOM", "") != "1",  # the same inputs every run
    database=None,
    deadline=None,  # the bounded runner caps time per input, in its own process
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Applied to every test of the suite (tests/fuzz/test_readers.py)."""
