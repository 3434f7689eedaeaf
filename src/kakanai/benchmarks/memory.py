"""What every benchmark measures memory with: the process's peak resident set."""

from __future__ import annotations

import sys


def peak_kib() -> int:
    """The process's peak resident memory in KiB (0 where the OS does not say)."""
    try:
        import resource  # noqa: PLC0415 - not on Windows

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except ImportError:
        return 0
    return int(peak // 1024 if sys.platform == "darwin" else peak)
