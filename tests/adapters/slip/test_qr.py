"""The QR code on the printed slip, read back from a 200 dpi rendering with zxing-cpp as a
linked department's scanner would: the exact digits, modules of at least 0.5 mm and a
quiet zone of at least 4 modules."""

from __future__ import annotations

import functools

import numpy as np
import pytest
import zxingcpp

from kakanai.adapters.pdf.raster import rasterize
from kakanai.adapters.qr.matrix import qr_matrix
from kakanai.adapters.slip.pdf import LAYOUTS, render_slip
from tests.slip_cases import EXPIRES_AT, ISSUED_AT, payload_digits, stress_case

DPI = 200
DIGITS = payload_digits(seed=11)
MM_PER_PIXEL = 25.4 / DPI


@functools.cache
def page_image(layout: str) -> np.ndarray:
    pdf = render_slip(
        stress_case(), DIGITS, expires_at=EXPIRES_AT, issued_at=ISSUED_AT, layout=layout
    )
    return np.asarray(rasterize(pdf, dpi=DPI).convert("L"))


def symbol_box(image: np.ndarray) -> tuple[int, int, int, int]:
    """The decoded symbol's bounding box (left, top, right, bottom) in pixels."""
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1
    corners = found[0].position
    xs = [
        p.x
        for p in (corners.top_left, corners.top_right, corners.bottom_left, corners.bottom_right)
    ]
    ys = [
        p.y
        for p in (corners.top_left, corners.top_right, corners.bottom_left, corners.bottom_right)
    ]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_qr_code_reads_back_to_exactly_the_digits(layout: str) -> None:
    found = zxingcpp.read_barcodes(page_image(layout))
    assert [code.text for code in found] == [DIGITS]
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode
    assert found[0].ec_level == "Q"


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_modules_are_at_least_half_a_millimetre(layout: str) -> None:
    left, _top, right, _bottom = symbol_box(page_image(layout))
    modules = len(qr_matrix(DIGITS))
    module_mm = (right - left + 1) / modules * MM_PER_PIXEL
    assert module_mm >= 0.5 - MM_PER_PIXEL / modules


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_quiet_zone_is_at_least_four_modules_of_white(layout: str) -> None:
    image = page_image(layout)
    left, top, right, bottom = symbol_box(image)
    module = (right - left + 1) / len(qr_matrix(DIGITS))
    quiet = int(np.ceil(4 * module))
    around = image[top - quiet : bottom + quiet + 1, left - quiet : right + quiet + 1].copy()
    # Blank out the symbol itself (one pixel inside its edge, which is anti-aliased) ...
    around[quiet - 1 : -quiet + 1, quiet - 1 : -quiet + 1] = 255
    # ... and what is left, the 4-module ring, must be white.
    assert around.min() >= 200, f"dark pixel in the quiet zone ({around.min()})"
