"""The decoder chain: it reads what zxing-cpp alone reads and more, discards candidates the
caller rejects, and reports unreadable image files as SCAN_001."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from kakanai.adapters.qr.decoders import code_corners
from kakanai.adapters.qr.preprocessing import PLAIN
from kakanai.adapters.qr.reading import Stage, load_image, read_code
from kakanai.benchmarks.image_degradation import blur
from kakanai.benchmarks.scan_samples import qr_modules, render_modules, sample_frames
from kakanai.core.errors import ErrorCode, KakanaiError

ZXING_ALONE = (Stage(PLAIN, "zxing-cpp"),)
BLUR_SEED = 4
"""A defocus (moderate level) that zxing-cpp alone cannot read through on the ``slip`` frame."""
DIGITS = "31415926535897932384626433832795028841971693993751" * 13  # 650 digits, version 15


@pytest.fixture(scope="module")
def slip() -> tuple[np.ndarray, str]:
    """One slip-like webcam frame and the digits its code holds."""
    return sample_frames(1, seed=5)[0]


def framed(code: np.ndarray, size: tuple[int, int] = (1280, 720)) -> np.ndarray:
    """``code`` (grayscale) pasted in the middle of a light gray BGR frame."""
    width, height = size
    frame = np.full((height, width), 235, np.uint8)
    top, left = (height - code.shape[0]) // 2, (width - code.shape[1]) // 2
    frame[top : top + code.shape[0], left : left + code.shape[1]] = code
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


def turned(frame: np.ndarray, degrees: float) -> np.ndarray:
    """``frame`` rotated about its code's centre, so the code stays in the frame."""
    corners = code_corners(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))
    assert corners is not None
    height, width = frame.shape[:2]
    centre = corners.mean(axis=0)
    matrix = cv2.getRotationMatrix2D((float(centre[0]), float(centre[1])), degrees, 1.0)
    return cv2.warpAffine(frame, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)


def test_a_plain_webcam_frame_is_read_by_the_first_stage(slip: tuple[np.ndarray, str]) -> None:
    frame, text = slip
    found = read_code(frame)
    assert found is not None
    assert (found.text, found.decoder, found.stage) == (text, "zxing-cpp", PLAIN)


def test_an_inverted_image_is_read(slip: tuple[np.ndarray, str]) -> None:
    """Light modules on a dark ground, as some screens and negative scans show them."""
    frame, text = slip
    found = read_code(255 - frame, text.__eq__)
    assert found is not None
    assert found.text == text


@pytest.mark.parametrize("degrees", [90, 45, 180, -30])
def test_a_rotated_code_is_read(slip: tuple[np.ndarray, str], degrees: float) -> None:
    frame, text = slip
    found = read_code(turned(frame, degrees), text.__eq__)
    assert found is not None
    assert found.text == text


def test_a_small_code_in_a_big_frame_needs_upscaling() -> None:
    """About 1.2 pixels per module: zxing-cpp alone misses it; a cropped, upscaled view
    reads it."""
    code = render_modules(qr_modules(DIGITS), 100, ink=30, paper=235)
    frame = framed(code)
    assert read_code(frame, DIGITS.__eq__, chain=ZXING_ALONE) is None
    found = read_code(frame, DIGITS.__eq__)
    assert found is not None
    assert found.text == DIGITS
    assert found.stage.startswith(("region", "upscaled"))


def test_a_blurred_code_zxing_alone_misses_is_read_by_the_chain(
    slip: tuple[np.ndarray, str],
) -> None:
    frame, text = slip
    corners = code_corners(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))
    assert corners is not None
    blurred = blur(frame, 1, np.random.default_rng(BLUR_SEED), corners)
    assert read_code(blurred, text.__eq__, chain=ZXING_ALONE) is None
    found = read_code(blurred, text.__eq__)
    assert found is not None
    assert found.text == text


def test_no_stage_after_the_first_starts_once_the_budget_is_spent(
    slip: tuple[np.ndarray, str],
) -> None:
    frame, text = slip
    corners = code_corners(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))
    assert corners is not None
    blurred = blur(frame, 1, np.random.default_rng(BLUR_SEED), corners)
    assert read_code(blurred, text.__eq__, budget_ms=0) is None


def test_a_rejected_decoy_is_discarded_and_the_real_code_is_read() -> None:
    decoy, real = "1" * 650, DIGITS
    left = render_modules(qr_modules(decoy), 255, ink=20, paper=240)
    right = render_modules(qr_modules(real), 255, ink=20, paper=240)
    frame = framed(np.hstack([left, np.full((255, 200), 240, np.uint8), right]))
    offered: list[str] = []

    def accept(text: str) -> bool:
        offered.append(text)
        return text == real

    found = read_code(frame, accept)
    assert found is not None
    assert found.text == real
    assert decoy in offered


def test_a_frame_without_a_code_reads_nothing(slip: tuple[np.ndarray, str]) -> None:
    frame, _text = slip
    blank = np.random.default_rng(1).integers(90, 160, frame.shape, dtype=np.uint8)
    assert read_code(blank) is None


def test_an_image_file_loads_as_a_bgr_frame(tmp_path: Path) -> None:
    path = tmp_path / "スキャン.png"
    image = np.zeros((10, 20, 3), np.uint8)
    image[:, :, 2] = 200
    ok, data = cv2.imencode(".png", image)
    assert ok
    path.write_bytes(data.tobytes())
    assert np.array_equal(load_image(path), image)


@pytest.mark.parametrize(
    ("name", "content"),
    [("missing.png", None), ("notes.png", b"not an image"), ("empty.jpg", b"")],
)
def test_an_unreadable_image_file_is_scan_001(
    tmp_path: Path, name: str, content: bytes | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(KakanaiError) as caught:
        load_image(path)
    assert caught.value.code is ErrorCode.SCAN_BAD_IMAGE
    assert name in caught.value.message
