"""The engine benchmark (`kakanai bench engine`). Like every benchmark it prints its figures;
targets are checked by reading them, never by timed tests."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path

from kakanai.adapters.yaml_loading import load_file
from kakanai.core.located import LList, LMap, plain
from kakanai.core.trees.interview import Interview
from kakanai.services.shipped_data import QUESTIONNAIRES
from kakanai.services.trees.checking import TESTS_SUFFIX, check_tree, load_runtime, tree_files

AS_OF = dt.date(2026, 11, 23)


def bench_engine(repeat: int) -> int:
    files = tree_files([QUESTIONNAIRES])
    check_times = []
    paths = 0
    for _ in range(max(1, repeat // 4)):
        start = time.perf_counter()
        reports = [check_tree(path, AS_OF) for path in files]
        check_times.append(time.perf_counter() - start)
        paths = sum(r.exploration.count for r in reports if r.exploration)
    steps = step_times(files, repeat)
    print(f"trees: {len(files)} ({', '.join(p.name for p in files)})")
    print(
        f"load+check (all checks, path enumeration, scenarios): median "
        f"{statistics.median(check_times) * 1000:.1f} ms, max {max(check_times) * 1000:.1f} ms "
        f"(target < 1000 ms)"
    )
    print(f"paths enumerated: {paths}")
    if steps:
        ordered = sorted(steps)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        print(
            f"answer step: {len(steps)} steps, median {statistics.median(steps) * 1e6:.0f} µs, "
            f"p99 {p99 * 1e6:.0f} µs (target p99 < 1000 µs)"
        )
    return 0


def step_times(files: list[Path], repeat: int) -> list[float]:
    """Time each answer of every shipped scenario, replayed ``repeat`` times."""
    times: list[float] = []
    for path in files:
        tests = path.with_name(path.name.removesuffix(".yaml") + TESTS_SUFFIX)
        if not tests.exists():
            continue
        runtime = load_runtime(path)
        root = load_file(tests)
        scenarios = root.get("scenarios") if isinstance(root, LMap) else None
        if not isinstance(scenarios, LList):
            continue
        for node in scenarios.items:
            answers = plain(node.get("answers")) if isinstance(node, LMap) else None
            if not isinstance(answers, dict):
                continue
            for _ in range(repeat):
                times.extend(_replay(Interview(runtime, AS_OF), answers))
    return times


def _replay(interview: Interview, answers: dict[str, object]) -> list[float]:
    times = []
    while interview.current is not None:
        raw = answers.get(interview.current.id)
        start = time.perf_counter()
        interview.answer(raw)
        times.append(time.perf_counter() - start)
    return times
