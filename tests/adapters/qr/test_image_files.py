"""Image files for `kakanai decode` and the desk: the pixel count is judged from the header
before anything is decoded, and frames too small or too long for a QR code read nothing
instead of crashing a decoder."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from kakanai.adapters.qr.reading import load_image, read_code
from kakanai.benchmarks.bounded_runs import BoundedRunner, Sample
from kakanai.benchmarks.robustness_samples import png_header_only, png_of
from kakanai.core.errors import KakanaiError

IMAGE_READER = "kakanai.benchmarks.robustness:read_slip_image"


def test_a_small_png_claiming_30000_by_30000_pixels_is_refused_in_little_memory(
    bounded: BoundedRunner,
) -> None:
    outcome = bounded.run(IMAGE_READER, Sample("bomb.png", png_header_only(30_000, 30_000)))
    assert (outcome.status, outcome.code) == ("refused", "INPUT_005"), outcome
    assert outcome.peak_mb is None or outcome.peak_mb < 1000


def test_an_image_just_over_the_pixel_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    path.write_bytes(png_header_only(10_000, 4_001))  # the limit is 40 million
    with pytest.raises(KakanaiError) as caught:
        load_image(path)
    assert caught.value.code.code == "INPUT_005"
    assert "万画素" in caught.value.message


@pytest.mark.parametrize(("width", "height"), [(1, 1), (1, 100_000), (100_000, 1), (21, 65_536)])
def test_odd_shapes_are_refused_or_read_nothing_instead_of_crashing(
    bounded: BoundedRunner, width: int, height: int
) -> None:
    image = png_of(np.full((height, width), 255, np.uint8))
    outcome = bounded.run(IMAGE_READER, Sample("odd.png", image))
    assert outcome.status == "refused", outcome
    assert outcome.code in {"SLIP_001", "SCAN_001", "INPUT_005"}


@pytest.mark.parametrize("shape", [(1, 1), (1, 5000), (5000, 1), (20, 400), (400, 20)])
def test_frames_thinner_than_a_qr_code_read_nothing(shape: tuple[int, int]) -> None:
    assert read_code(np.full(shape, 255, np.uint8)) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_given_as_an_image_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "slip.png"
    os.mkfifo(fifo)
    with pytest.raises(KakanaiError) as caught:
        load_image(fifo)
    assert caught.value.code.code == "INPUT_001"
