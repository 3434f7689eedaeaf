"""Graded degradations: reproducible, shaped like a frame, and worse at each level."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kakanai.adapters.qr.decoders import code_corners
from kakanai.benchmarks.image_degradation import CONDITIONS, LEVELS, degrade
from kakanai.benchmarks.scan_samples import sample_frames


@pytest.fixture(scope="module")
def slip() -> tuple[np.ndarray, np.ndarray]:
    """A clean frame and its code's corners."""
    frame, _text = sample_frames(1, seed=8)[0]
    corners = code_corners(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))
    assert corners is not None
    return frame, corners


def _squared_error(frame: np.ndarray, damaged: np.ndarray, corners: np.ndarray) -> float:
    """Mean squared change over the code, compared at the clean frame's size."""
    if damaged.shape != frame.shape:
        damaged = cv2.resize(damaged, (frame.shape[1], frame.shape[0]))
    x0, y0 = corners.min(axis=0).astype(int)
    x1, y1 = corners.max(axis=0).astype(int)
    area = (slice(y0, y1), slice(x0, x1))
    return float(((frame[area].astype(float) - damaged[area]) ** 2).mean())


@pytest.mark.parametrize("condition", list(CONDITIONS))
def test_the_same_seed_gives_the_same_damage(
    slip: tuple[np.ndarray, np.ndarray], condition: str
) -> None:
    frame, corners = slip
    first = degrade(frame, condition, "moderate", np.random.default_rng(1), corners)
    second = degrade(frame, condition, "moderate", np.random.default_rng(1), corners)
    assert first.dtype == np.uint8
    assert first.ndim == 3
    assert np.array_equal(first, second)


@pytest.mark.parametrize("condition", [c for c in CONDITIONS if c != "perspective"])
def test_each_level_changes_the_code_more_than_the_one_before(
    slip: tuple[np.ndarray, np.ndarray], condition: str
) -> None:
    frame, corners = slip
    changes = [
        _squared_error(
            frame, degrade(frame, condition, level, np.random.default_rng(2), corners), corners
        )
        for level in LEVELS
    ]
    assert 0 < changes[0] < changes[1] < changes[2]


def test_each_perspective_level_moves_the_code_corners_further(
    slip: tuple[np.ndarray, np.ndarray],
) -> None:
    frame, corners = slip
    moved = []
    for level in LEVELS:
        tilted = degrade(frame, "perspective", level, np.random.default_rng(2), corners)
        found = code_corners(cv2.cvtColor(tilted, cv2.COLOR_BGR2GRAY))
        assert found is not None
        moved.append(float(np.abs(found - corners).max()))
    assert 0 < moved[0] < moved[1] < moved[2]
