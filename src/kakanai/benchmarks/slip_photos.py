"""Camera frames of real guidance slips for `kakanai bench scan`: the reference case is
rendered as a slip (A4 or receipt) with a random payload of realistic length, rasterized,
and photographed on a desk by ``benchmarks/scan_samples.photograph``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import cv2
import numpy as np

from kakanai.adapters.pdf.raster import rasterize
from kakanai.adapters.qr.decoders import code_corners
from kakanai.adapters.slip.pdf import render_slip
from kakanai.benchmarks.scan_samples import (
    CODE_HEIGHT_SHARE,
    DIGITS,
    FRAME_SIZE,
    PrintedSlip,
    photograph,
)
from kakanai.core.slip.layouts import SLIP_LAYOUTS
from kakanai.services.shipped_data import REFERENCE_CASE

_JST = dt.timezone(dt.timedelta(hours=9))
_ISSUED = dt.datetime(2026, 11, 23, 10, 15, tzinfo=_JST)
_RENDER_DPI = 300
_LAYOUTS = SLIP_LAYOUTS


def slip_frames(count: int, seed: int) -> list[tuple[np.ndarray, str]]:
    """``count`` BGR 1280×720 frames of printed slips, with the digits each code holds."""
    rng = np.random.default_rng(seed)
    case = json.loads(REFERENCE_CASE.read_text(encoding="utf-8"))
    frames = []
    for number in range(count):
        digits = "".join(str(d) for d in rng.integers(0, 10, int(rng.integers(*DIGITS))))
        printed = _printed(case, digits, _LAYOUTS[number % len(_LAYOUTS)], rng)
        frames.append((photograph(printed, rng), digits))
    return frames


def _printed(
    case: dict[str, Any], digits: str, layout: str, rng: np.random.Generator
) -> PrintedSlip:
    pdf = render_slip(
        case, digits, issued_at=_ISSUED, expires_at=_ISSUED + dt.timedelta(days=30), layout=layout
    )
    page = np.asarray(rasterize(pdf, dpi=_RENDER_DPI).convert("L"))
    corners = code_corners(page)
    if corners is None:  # the renderer's own tests guarantee a readable code
        raise RuntimeError("rendered slip has no QR code")
    side = float(np.linalg.norm(corners[1] - corners[0]))
    centre = corners.mean(axis=0)
    # Keep the paper around the code (text and rules above and beside it), then scale it so
    # the symbol takes its share of the frame height.
    reach = int(side * 1.6)
    top, left = max(0, int(centre[1]) - reach), max(0, int(centre[0]) - reach)
    crop = page[top : int(centre[1]) + reach, left : int(centre[0]) + reach]
    symbol_px = FRAME_SIZE[1] * rng.uniform(*CODE_HEIGHT_SHARE)
    scale = symbol_px / side
    sheet = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink, paper = float(rng.integers(10, 50)), float(rng.integers(215, 250))
    sheet = (ink + sheet.astype(np.float32) * (paper - ink) / 255).astype(np.uint8)
    local = ((centre[0] - left) * scale, (centre[1] - top) * scale)
    return PrintedSlip(sheet, (float(local[0]), float(local[1])), symbol_px)
