"""The slip benchmark (`kakanai bench slip`): how long the reference case's guidance slip
takes to render in each layout and language, and to rasterise for the PNG preview."""

from __future__ import annotations

import datetime as dt
import functools
import statistics
import time
from collections.abc import Callable

from kakanai.adapters.pdf.raster import rasterize
from kakanai.adapters.slip.pdf import LAYOUTS, render_slip
from kakanai.core.slip.content import JST
from kakanai.services.case_files import load_case
from kakanai.services.shipped_data import REFERENCE_CASE

DIGITS = "9" * 620  # about the length of a family's encrypted payload
ISSUED_AT = dt.datetime(2026, 11, 23, 10, 15, tzinfo=JST)


def bench_slip(repeat: int) -> int:
    case = load_case(REFERENCE_CASE)
    runs = max(1, repeat // 4)
    for layout in LAYOUTS:
        for lang in ("ja", "en"):
            render = functools.partial(
                render_slip,
                case,
                DIGITS,
                expires_at=ISSUED_AT + dt.timedelta(days=30),
                issued_at=ISSUED_AT,
                layout=layout,
                lang=lang,
            )
            pdf = render()
            seconds = _timed(render, runs)
            print(
                f"render {layout}/{lang}: median {statistics.median(seconds) * 1000:.0f} ms, "
                f"{len(pdf) // 1024} KiB (target < 1000 ms)"
            )
            if lang == "ja":
                seconds = _timed(functools.partial(rasterize, pdf, dpi=200), runs)
                median = statistics.median(seconds) * 1000
                print(f"  page 1 as a 200 dpi image: median {median:.0f} ms")
    return 0


def _timed(work: Callable[[], object], runs: int) -> list[float]:
    """Seconds per run of ``work``, after one untimed run (fonts register on first use)."""
    work()
    seconds: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return seconds
