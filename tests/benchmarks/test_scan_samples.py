"""Slip-like sample frames: reproducible, webcam-sized, holding a slip-sized numeric code."""

from __future__ import annotations

import numpy as np
import zxingcpp

from kakanai.adapters.qr.decoders import code_corners
from kakanai.benchmarks.scan_samples import FRAME_SIZE, qr_modules, sample_frames


def test_the_same_seed_gives_the_same_frames() -> None:
    first, second = sample_frames(1, seed=3), sample_frames(1, seed=3)
    assert first[0][1] == second[0][1]
    assert np.array_equal(first[0][0], second[0][0])


def test_a_frame_is_a_1280x720_bgr_image_of_a_600_to_700_digit_code() -> None:
    frame, text = sample_frames(1, seed=4)[0]
    assert frame.shape == (FRAME_SIZE[1], FRAME_SIZE[0], 3)
    assert frame.dtype == np.uint8
    assert text.isdigit()
    assert 600 <= len(text) <= 700


def test_the_code_is_numeric_mode_ecc_q_version_14_or_15() -> None:
    frame, text = sample_frames(1, seed=4)[0]
    (found,) = zxingcpp.read_barcodes(frame)
    assert found.text == text
    assert found.ec_level == "Q"
    assert found.symbology_identifier == "]Q1"
    assert len(qr_modules(text, border=0)) in (73, 77)


def test_the_code_takes_a_quarter_to_a_half_of_the_frame_height() -> None:
    for frame, _text in sample_frames(3, seed=6):
        corners = code_corners(frame[:, :, 1])
        assert corners is not None
        side = float(np.linalg.norm(corners[1] - corners[0]))
        assert 0.2 * FRAME_SIZE[1] <= side <= 0.5 * FRAME_SIZE[1]
