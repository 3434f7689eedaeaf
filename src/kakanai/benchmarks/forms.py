"""The forms benchmark (`kakanai bench forms`): render every form of the reference case
cold (a fresh process: imports, fonts, templates) and warm, with peak memory. Warm is
measured twice: printing the case again (font subsets reused) and with every font subset
built afresh, as for a case whose names and addresses were never printed before. Like
every benchmark it prints its figures; the target (warm ≤ 300 ms) is read, never asserted."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from kakanai.adapters.pdf import font_subsets
from kakanai.benchmarks.memory import peak_kib
from kakanai.core.forms.model import Per
from kakanai.core.forms.selection import form_ids, jobs, select_procedures
from kakanai.services.case_files import load_case
from kakanai.services.forms.rendering import RenderedForm, load_templates, render_jobs
from kakanai.services.shipped_data import FORM_TEMPLATES, REFERENCE_CASE

WARM_TARGET_MS = 300
_COLD = """
import json, time
start = time.perf_counter()
from kakanai.benchmarks import forms as form_benchmarks
forms, missing = form_benchmarks.render_reference()
elapsed = time.perf_counter() - start
from kakanai.benchmarks.memory import peak_kib
print(json.dumps({"seconds": elapsed, "forms": len(forms), "peak_kib": peak_kib()}))
"""


def render_reference() -> tuple[list[RenderedForm], list[str]]:
    """Every form of the reference case whose template exists; and the ids that do not."""
    case = load_case(REFERENCE_CASE)
    procedures = select_procedures(case)
    loaded = load_templates(form_ids(procedures), FORM_TEMPLATES)
    available = {k: v for k, v in loaded.items() if v is not None}
    missing = [k for k, v in loaded.items() if v is None]
    usable = [
        {**p, "forms": [f for f in p["forms"] if f in available]}
        for p in procedures
        if any(f in available for f in p["forms"])
    ]
    selected = jobs(case, usable, lambda form_id: available[form_id].per is Per.MEMBER)
    return render_jobs(case, selected, available), missing


def cold_run() -> dict[str, Any]:
    """Render once in a fresh interpreter: the first print after the app starts."""
    src = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    start = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", _COLD], capture_output=True, text=True, env=env, check=True
    )
    measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    measured["wall_seconds"] = time.perf_counter() - start
    return measured


def _timed(repeat: int, *, fresh_subsets: bool) -> list[float]:
    """Seconds per warm render of the reference case's forms."""
    times = []
    for _ in range(max(repeat, 1)):
        if fresh_subsets:
            font_subsets.clear()
        start = time.perf_counter()
        render_reference()
        times.append(time.perf_counter() - start)
    return times


def bench_forms(repeat: int) -> int:
    cold = cold_run()
    forms, missing = render_reference()  # warms fonts, templates and layouts
    times = _timed(repeat, fresh_subsets=False)
    fresh = _timed(repeat, fresh_subsets=True)
    tracemalloc.start()
    render_reference()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"reference case: {len(forms)} forms ({', '.join(f.form_id for f in forms)})")
    if missing:
        print(f"templates not written yet (skipped): {len(missing)} ({', '.join(missing)})")
    print(
        f"cold (fresh process, imports + fonts + templates + render): "
        f"{cold['seconds'] * 1000:.0f} ms inside, {cold['wall_seconds'] * 1000:.0f} ms wall; "
        f"peak RSS {cold['peak_kib'] / 1024:.1f} MiB"
    )
    print(
        f"warm: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
        f"over {len(times)} runs (target ≤ {WARM_TARGET_MS} ms)"
    )
    print(
        f"warm, font subsets built afresh each run: "
        f"median {statistics.median(fresh) * 1000:.1f} ms, max {max(fresh) * 1000:.1f} ms"
    )
    print(
        f"memory: peak traced during one warm render {traced_peak / 1024 / 1024:.1f} MiB, "
        f"process peak RSS {peak_kib() / 1024:.1f} MiB"
    )
    return 0
