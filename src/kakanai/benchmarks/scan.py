"""The scanning benchmark (`kakanai bench scan`): photographed slips, degraded at graded levels,
read by each decoder alone and by the decoder chain; success rates and times per condition
and level. The images come from a fixed seed, so the success figures are reproducible.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from kakanai.adapters.qr.decoders import DECODERS, code_corners
from kakanai.adapters.qr.preprocessing import PLAIN, grayscale
from kakanai.adapters.qr.reading import CHAIN, Stage, read_code
from kakanai.benchmarks.image_degradation import CONDITIONS, LEVELS, degrade
from kakanai.benchmarks.scan_samples import FRAME_SIZE
from kakanai.benchmarks.slip_photos import slip_frames

SEED = 20261123
CHAIN_NAME = "chain"
READERS: dict[str, tuple[Stage, ...]] = {
    **{name: (Stage(PLAIN, name),) for name in DECODERS},
    CHAIN_NAME: CHAIN,
}
"""Each decoder alone on the plain grayscale frame, and the whole chain."""
CLEAN = "clean"


@dataclass
class Cell:
    """The reads of one condition at one level: per reader, (success, seconds) per image."""

    condition: str
    level: str
    reads: dict[str, list[tuple[bool, float]]] = field(default_factory=dict)
    sizes: list[tuple[int, int]] = field(default_factory=list)


def bench_scan(repeat: int) -> int:
    """``repeat`` scales the images: ``max(1, repeat // 2)`` slips per condition and level."""
    per_cell = max(1, repeat // 2)
    start = time.perf_counter()
    cells = run(per_cell, SEED)
    print_report(cells, per_cell)
    print(f"(run took {time.perf_counter() - start:.0f} s; --repeat {repeat})")
    return 0


def degraded_frames(
    per_cell: int, seed: int, conditions: Sequence[str] = tuple(CONDITIONS)
) -> Iterator[tuple[str, str, np.ndarray, str]]:
    """(condition, level, frame, expected text): each slip clean, then under each condition
    at every level. Each image has its own generator, so figures do not depend on the order
    of reading or on which conditions are run."""
    slips = slip_frames(per_cell, seed)
    corners = [_corners(frame) for frame, _text in slips]
    for frame, text in slips:
        yield CLEAN, "-", frame, text
    for condition in conditions:
        condition_number = list(CONDITIONS).index(condition)
        for level_number, level in enumerate(LEVELS):
            for number, (frame, text) in enumerate(slips):
                rng = np.random.default_rng([seed, condition_number, level_number, number])
                damaged = degrade(frame, condition, level, rng, corners[number])
                yield condition, level, damaged, text


def _corners(frame: np.ndarray) -> np.ndarray:
    """Where damage aims: the code's corners in the clean frame (the centre if unseen)."""
    found = code_corners(grayscale(frame))
    if found is not None:
        return found
    height, width = frame.shape[:2]
    half = height / 6
    x, y = width / 2, height / 2
    return np.array(
        [[x - half, y - half], [x + half, y - half], [x + half, y + half], [x - half, y + half]],
        np.float32,
    )


def run(per_cell: int, seed: int, conditions: Sequence[str] = tuple(CONDITIONS)) -> list[Cell]:
    """Read every degraded frame with every reader; a read counts only if it is exact."""
    cells: dict[tuple[str, str], Cell] = {}
    for condition, level, frame, text in degraded_frames(per_cell, seed, conditions):
        cell = cells.setdefault((condition, level), Cell(condition, level))
        cell.sizes.append((frame.shape[1], frame.shape[0]))
        for name, chain in READERS.items():
            start = time.perf_counter()
            found = read_code(frame, text.__eq__, chain=chain)
            seconds = time.perf_counter() - start
            cell.reads.setdefault(name, []).append((found is not None, seconds))
    return list(cells.values())


def _rate(reads: list[tuple[bool, float]]) -> float:
    return 100 * sum(ok for ok, _ in reads) / len(reads) if reads else 0.0


def _times(reads: list[tuple[bool, float]]) -> str:
    ordered = sorted(seconds for _, seconds in reads)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{statistics.median(ordered) * 1000:5.1f}/{p95 * 1000:5.1f}"


def _pooled(cells: list[Cell], name: str) -> list[tuple[bool, float]]:
    return [read for cell in cells for read in cell.reads[name]]


def print_report(cells: list[Cell], per_cell: int) -> None:
    print(
        f"scan benchmark: {per_cell} slip(s) per condition and level, seed {SEED}; "
        "ok % and median/p95 ms per frame"
    )
    print(f"{'condition':<16}{'level':<9}" + "".join(f"{name:>24}" for name in READERS))
    for cell in cells:
        figures = "".join(
            f"{_rate(cell.reads[name]):6.0f}% {_times(cell.reads[name]):>16}" for name in READERS
        )
        print(f"{cell.condition:<16}{cell.level:<9}{figures}")
    _print_summary(cells)


def _print_summary(cells: list[Cell]) -> None:
    degraded = [cell for cell in cells if cell.condition != CLEAN]
    overall = {name: _rate(_pooled(degraded, name)) for name in READERS}
    line = "".join(
        f"{overall[name]:6.1f}% {_times(_pooled(degraded, name)):>16}" for name in READERS
    )
    print(f"{'overall':<25}{line}")
    best = max((name for name in DECODERS), key=overall.__getitem__)
    lead = overall[CHAIN_NAME] - overall[best]
    print(f"chain vs best single decoder ({best}): {lead:+.1f} points (target ≥ +5)")
    mild = _rate(_pooled([cell for cell in degraded if cell.level == LEVELS[0]], CHAIN_NAME))
    print(f"chain at mild levels: {mild:.1f}% (target ≥ 99%)")
    full = [
        seconds
        for cell in cells
        for (ok, seconds), size in zip(cell.reads[CHAIN_NAME], cell.sizes, strict=True)
        if size == FRAME_SIZE
    ]
    print(
        f"chain median per {FRAME_SIZE[0]}×{FRAME_SIZE[1]} frame: "
        f"{statistics.median(full) * 1000:.1f} ms over {len(full)} frames (target ≤ 30 ms)"
    )
