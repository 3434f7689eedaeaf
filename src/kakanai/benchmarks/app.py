"""The app benchmark (`kakanai bench app`): fresh processes open the app offscreen and report
the time from process start to the first window shown, from a scan to the form preview, and
their peak memory. The measuring side runs ``python -m kakanai.ui.benchmark`` (Qt is loaded
only there); this module starts it and prints the figures. Targets are read, never asserted."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

START_TARGET_S = 2.0
SCAN_TARGET_S = 1.0
_RUNS = 5


def bench_app(repeat: int) -> int:
    runs = max(2, min(repeat, _RUNS))
    with tempfile.TemporaryDirectory(prefix="kakanai-bench-app-") as folder:
        ready = [_one_run(Path(folder), "ready") for _ in range(runs)]
        at_once = _one_run(Path(folder), "at_once")
    results = [*ready, at_once]
    if any("error" in r for r in results):
        print(next(r["error"] for r in results if "error" in r), file=sys.stderr)
        return 1
    first = ready[0]
    starts = [r["start_s"] for r in results[1:]]
    ready_scans = [r["scan_s"][0] for r in ready]
    warm_scans = [s for r in results for s in r["scan_s"][1:]]
    peak = max(r["peak_kib"] for r in results) / 1024
    print(
        f"起動→最初のウィンドウ表示(初回: データフォルダ・DB・鍵を作成): {first['start_s']:.2f} s"
    )
    print(_figure("起動→最初のウィンドウ表示(2回目以降)", starts, 2))
    print(
        _figure(
            "連携課モードを開いてから準備完了まで(様式・フォントの読み込み)",
            [r["desk_ready_s"] for r in ready],
            2,
        )
    )
    print(_figure("読み取り→様式プレビュー(準備完了後、各プロセスの1回目)", ready_scans, 3))
    print(f"読み取り→様式プレビュー(連携課モードを開いた直後): {at_once['scan_s'][0]:.3f} s")
    print(_figure("読み取り→様式プレビュー(2回目以降)", warm_scans, 3))
    print(f"様式: {first['forms']}件({first['department']}), ピークメモリ(RSS): {peak:.1f} MiB")
    start_ok = "達成" if max(starts) <= START_TARGET_S else "未達"
    scan_ok = "達成" if max(ready_scans) <= SCAN_TARGET_S else "未達"
    print(
        f"目標: 起動 ≤ {START_TARGET_S:.0f} s → {start_ok}; "
        f"読み取り→プレビュー ≤ {SCAN_TARGET_S:.0f} s → {scan_ok}"
    )
    return 0


def _figure(label: str, values: list[float], digits: int) -> str:
    median = statistics.median(values)
    return (
        f"{label}, {len(values)}回: 中央値 {median:.{digits}f} s, 最大 {max(values):.{digits}f} s"
    )


def _one_run(data_dir: Path, scan: str) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KAKANAI_DATA_DIR": str(data_dir),
        "KAKANAI_MODE": "counter",
        "KAKANAI_DEPARTMENT": "kodomo",
    }
    env.pop("KAKANAI_DATABASE_URL", None)
    started = time.monotonic()
    done = subprocess.run(  # noqa: S603 - our own interpreter and module, no outside input
        [sys.executable, "-m", "kakanai.ui.benchmark", repr(started), scan],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"error": f"計測用プロセスが失敗しました: {done.stderr.strip()[-500:]}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result
