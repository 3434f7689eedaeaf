"""Reading QR codes from camera frames and image files.

The interface the slip decoder, the desk and the benchmarks use: ``read_code`` returns the
first code text the ``accept`` predicate takes (a candidate that fails it, e.g. a code
that does not decrypt, is discarded and reading goes on). It runs a chain of stages, each a
decoder on one view of the frame, cheapest and most rewarding first, until a code is
accepted or the time budget is spent; the order was tuned with ``kakanai bench scan``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from kakanai.adapters.qr.decoders import DECODERS, code_corners
from kakanai.adapters.qr.image_files import load_image as load_image  # noqa: PLC0414 - re-exported
from kakanai.adapters.qr.preprocessing import PLAIN, FrameViews

Accept = Callable[[str], bool]


@dataclass(frozen=True)
class CodeRead:
    """One accepted code: its text, which decoder and which preprocessing found it."""

    text: str
    decoder: str
    stage: str
    seconds: float


@dataclass(frozen=True)
class Stage:
    """One step of the chain: a decoder (a key of ``DECODERS``) on a view of the frame."""

    view: str
    decoder: str


CHAIN: tuple[Stage, ...] = (
    Stage(PLAIN, "zxing-cpp"),
    Stage("region_streaks_filled", "zxing-cpp"),
    Stage("sharpened", "zxing-cpp"),
    Stage("despeckled", "zxing-cpp"),
    Stage("region_sharpened", "zxing-cpp"),
    Stage("region_sharpened", "pyzbar"),
    Stage("upscaled_sharpened", "zxing-cpp"),
    Stage("region_sharpened", "opencv"),
)
"""The first stage is zxing-cpp on the unmodified frame, so the chain reads at least
everything zxing-cpp alone reads. The rest were picked greedily by frames gained per
millisecond on degraded slip frames (``kakanai bench scan`` conditions, a different seed):
the cropped, upscaled code with light streaks closed (low resolution, noise, thermal
streaks), sharpening (blur), a median (noise), pyzbar on the sharpened crop (faded
contrast, glare). OpenCV gained no frame there; it runs last, only when all else failed.
A frame with no code runs every stage the budget allows: 120–220 ms at 1280×720."""
MIN_SIDE = 21
"""The smallest QR code (version 1) is 21 modules wide: a thinner frame holds none."""
MAX_SIDE = 65_535
"""zxing-cpp refuses longer sides; image files are refused far earlier (image_files)."""
DEFAULT_BUDGET_MS = 200.0
"""No stage starts after this many milliseconds (the first always runs): all stages fit in
it at webcam sizes; a camera loop that wants a faster frame rate passes a smaller one."""


def read_code(
    frame: np.ndarray,
    accept: Accept = lambda _text: True,
    *,
    budget_ms: float = DEFAULT_BUDGET_MS,
    chain: tuple[Stage, ...] = CHAIN,
) -> CodeRead | None:
    """The first accepted QR text in ``frame``, or None."""
    if frame.ndim < 2 or not MIN_SIDE <= min(frame.shape[:2]) <= max(frame.shape[:2]) <= MAX_SIDE:
        return None
    start = time.perf_counter()
    views = FrameViews(frame, locate=code_corners)
    rejected: set[str] = set()
    for index, stage in enumerate(chain):
        if index and (time.perf_counter() - start) * 1000 > budget_ms:
            break
        image = views.view(stage.view)
        if image is None:
            continue
        for text in DECODERS[stage.decoder](image):
            if text in rejected:
                continue
            if accept(text):
                return CodeRead(text, stage.decoder, stage.view, time.perf_counter() - start)
            rejected.add(text)
    return None
