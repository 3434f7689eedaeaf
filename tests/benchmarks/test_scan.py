"""The scanning benchmark's images and reads: every condition at every level, and the chain
reading whatever zxing-cpp alone reads."""

from __future__ import annotations

from kakanai.adapters.qr.reading import read_code
from kakanai.benchmarks.image_degradation import CONDITIONS, LEVELS
from kakanai.benchmarks.scan import CHAIN_NAME, CLEAN, degraded_frames, run
from kakanai.benchmarks.slip_photos import slip_frames


def test_each_slip_is_shown_clean_then_under_every_condition_at_every_level() -> None:
    seen = [(condition, level) for condition, level, _frame, _text in degraded_frames(1, 7)]
    expected = [(CLEAN, "-")] + [(c, level) for c in CONDITIONS for level in LEVELS]
    assert seen == expected


def test_the_chain_reads_every_frame_zxing_alone_reads() -> None:
    for cell in run(2, 7, ["blur", "thermal_streaks", "low_resolution"]):
        for (alone, _), (chained, _) in zip(
            cell.reads["zxing-cpp"], cell.reads[CHAIN_NAME], strict=True
        ):
            assert chained or not alone, (cell.condition, cell.level)


def test_benchmark_frames_are_photographs_of_rendered_slips_whose_code_reads() -> None:
    """The clean frames come from real slip PDFs; zxing-cpp reads each one's digits."""
    frames = slip_frames(2, 7)
    for frame, digits in frames:
        assert frame.shape == (720, 1280, 3)
        found = read_code(frame)
        assert found is not None
        assert found.text == digits
