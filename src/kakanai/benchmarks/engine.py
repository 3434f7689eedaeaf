"""The engine benchmark (`kakanai bench engine`): the shipped trees checked warm and cold, a
live re-check after editing one condition, interview steps, and a scale series of synthetic
trees (check time, rules found, peak memory). Like every benchmark it prints its figures;
targets are checked by reading them, never by timed tests."""

from __future__ import annotations

import datetime as dt
import functools
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from kakanai.adapters.yaml_loading import load_file
from kakanai.benchmarks.memory import peak_kib
from kakanai.benchmarks.synthetic_trees import Synthetic, series
from kakanai.core.located import LList, LMap, plain
from kakanai.core.trees.interview import Interview
from kakanai.services.shipped_data import QUESTIONNAIRES
from kakanai.services.trees.checking import (
    check_source,
    check_tree,
    load_runtime,
    tests_path,
    tree_files,
)

AS_OF = dt.date(2026, 11, 23)
SHORT = 4  # a --repeat below this is a smoke run: each figure timed once
# One condition edited back and forth, as a supervisor types in the editor.
MOVING_EDIT = (
    'move_type == "転入" and (birthday(member.birth_date, 75)',
    'move_type == "転入" and (birthday(member.birth_date, 74)',
)


def bench_engine(repeat: int) -> int:
    files = tree_files([QUESTIONNAIRES])
    print(f"trees: {len(files)} ({', '.join(p.name for p in files)})")
    shipped(files, repeat)
    cold(repeat)
    live(files, repeat)
    steps = step_times(files, repeat)
    if steps:
        ordered = sorted(steps)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        print(
            f"answer step: {len(steps)} steps, median {statistics.median(steps) * 1e6:.0f} µs, "
            f"p99 {p99 * 1e6:.0f} µs (target p99 < 1000 µs)"
        )
    scale(repeat)
    return 0


def shipped(files: list[Path], repeat: int) -> None:
    times = []
    rules = 0
    for _ in range(max(1, repeat // 4)):
        start = time.perf_counter()
        reports = [check_tree(path, AS_OF) for path in files]
        rules = sum(r.rule_count or 0 for r in reports)
        times.append(time.perf_counter() - start)
    print(
        f"load+check warm (all checks, rules, scenarios; one process, tree after tree): "
        f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
        f"(no target of its own: the target is the cold check below)"
    )
    print(f"rules found: {rules}")


def cold(repeat: int) -> None:
    """`kakanai check` in a fresh process: every shipped tree (the target), and the default
    run that also checks every form template (for comparison; `kakanai bench forms` measures
    the templates, so a short run, ``--repeat`` below 4, leaves it out)."""
    base = [sys.executable, "-m", "kakanai", "check", "--as-of", AS_OF.isoformat()]
    runs = _runs(repeat, 3)
    cases = [("every shipped tree", [str(QUESTIONNAIRES)], " (target < 2000 ms)")]
    if repeat >= SHORT:
        cases.append(("trees and form templates (the default)", [], ""))
    for label, extra, target in cases:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([*base, *extra], capture_output=True, check=False)  # noqa: S603
            times.append(time.perf_counter() - start)
        print(
            f"kakanai check cold, {label}: median {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms{target}"
        )


def live(files: list[Path], repeat: int) -> None:
    """Re-check after editing one condition: the editor's cost per keystroke."""
    moving = next((p for p in files if p.name == "moving.yaml"), None)
    cases: list[tuple[str, str, tuple[str, str]]] = []
    if moving is not None:
        cases.append(("moving.yaml", moving.read_text(encoding="utf-8"), MOVING_EDIT))
    big = next(s for s in series() if s.name == "independent yes/no ×80")
    cases.append((big.name, big.text, ("when: fact_3\n", "when: not fact_3\n")))
    for name, text, (old, new) in cases:
        if old not in text:
            continue
        versions = [text, text.replace(old, new, 1)]
        times = _timed(functools.partial(_recheck, versions, name), _runs(repeat, 4))
        print(
            f"live re-check after a one-condition edit ({name}): median "
            f"{statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
            f"(target < 100 ms)"
        )


def _runs(repeat: int, runs: int) -> int:
    """How often to time one figure: ``runs``, or once in a short run (``--repeat`` below 4:
    a smoke run that shows every figure, as the CLI test makes on a loaded machine)."""
    return runs if repeat >= SHORT else 1


def _recheck(versions: list[str], name: str, index: int) -> object:
    return check_source(versions[index % 2], name, AS_OF)


def _timed(run: Callable[[int], object], count: int) -> list[float]:
    times = []
    for index in range(count):
        start = time.perf_counter()
        run(index)
        times.append(time.perf_counter() - start)
    return times


def scale(repeat: int) -> None:
    print("scale series (synthetic trees): name, questions, procedures → check, rules, memory")
    with tempfile.TemporaryDirectory() as folder:
        for synthetic in series():
            runs = _runs(repeat, max(3, repeat // 4))
            scale_one(Path(folder), synthetic, runs, traced=repeat >= SHORT)
    print(f"process peak RSS: {peak_kib() / 1024:.1f} MiB")


def scale_one(folder: Path, synthetic: Synthetic, runs: int, *, traced: bool) -> None:
    """One tree of the series; ``traced``: its peak memory too, in one more check with
    tracemalloc (which makes it several times slower, so a short run leaves it out)."""
    path = folder / "synthetic.yaml"
    path.write_text(synthetic.text, encoding="utf-8")
    times = []
    report = None
    for _ in range(runs):
        start = time.perf_counter()
        report = check_tree(path, AS_OF)
        report.rule_count  # noqa: B018 - the rules are part of the check's cost
        times.append(time.perf_counter() - start)
    memory = "peak not traced (short run)"
    if traced:
        tracemalloc.start()
        check_tree(path, AS_OF).rule_count  # noqa: B018 - measured for its allocations
        memory = f"peak {tracemalloc.get_traced_memory()[1] / 1024 / 1024:5.1f} MiB traced"
        tracemalloc.stop()
    assert report is not None
    status = "OK" if report.ok else f"problems {len(report.errors)}"
    print(
        f"  {synthetic.name:<44} q={synthetic.questions:<3} p={synthetic.procedures:<3} "
        f"→ median {statistics.median(times) * 1000:7.1f} ms, rules {report.rule_count:<4} "
        f"{memory}, {status}"
    )


def step_times(files: list[Path], repeat: int) -> list[float]:
    """Time each answer of every shipped scenario, replayed ``repeat`` times."""
    times: list[float] = []
    for path in files:
        tests = tests_path(path)
        if not tests.exists():
            continue
        runtime = load_runtime(path)
        root = load_file(tests)
        scenarios = root.get("scenarios") if isinstance(root, LMap) else None
        if not isinstance(scenarios, LList):
            continue
        for node in scenarios.items:
            if not isinstance(node, LMap):
                continue
            answers = plain(node.get("answers"))
            if not isinstance(answers, dict):
                continue
            as_of = plain(node.get("as_of"))  # answers are true on the scenario's own day
            day = as_of if isinstance(as_of, dt.date) else AS_OF
            for _ in range(repeat):
                times.extend(_replay(Interview(runtime, day), answers))
    return times


def _replay(interview: Interview, answers: dict[str, object]) -> list[float]:
    times = []
    while interview.current is not None:
        raw = answers.get(interview.current.id)
        start = time.perf_counter()
        interview.answer(raw)
        times.append(time.perf_counter() - start)
    return times
