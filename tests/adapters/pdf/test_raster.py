"""Rasterising PDF pages with pypdfium2: the size follows the dpi, any page can be chosen,
and the PNG file is written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.raster import pdf_to_png, rasterize

A6 = (297.6, 419.5)  # points


def two_page_pdf() -> bytes:
    """Page 1 white, page 2 with a black square in the top-left quarter."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A6)
    canvas.showPage()
    canvas.rect(0, A6[1] / 2, A6[0] / 2, A6[1] / 2, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("dpi", [72, 150])
def test_image_size_follows_the_dpi(dpi: int) -> None:
    image = rasterize(two_page_pdf(), dpi=dpi)
    assert image.mode == "RGB"
    assert image.size == pytest.approx((A6[0] * dpi / 72, A6[1] * dpi / 72), abs=1)


def test_page_is_chosen_by_index() -> None:
    first = rasterize(two_page_pdf(), dpi=72, page=0)
    second = rasterize(two_page_pdf(), dpi=72, page=1)
    assert first.getpixel((10, 10)) == (255, 255, 255)
    assert second.getpixel((10, 10)) == (0, 0, 0)
    assert second.getpixel((first.width - 10, first.height - 10)) == (255, 255, 255)


def test_pdf_to_png_writes_the_page_as_png(tmp_path: Path) -> None:
    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(two_page_pdf())
    png = tmp_path / "slip.png"
    pdf_to_png(pdf, png, dpi=100, page=1)
    with Image.open(png) as image:
        assert image.format == "PNG"
        assert image.size == pytest.approx((A6[0] * 100 / 72, A6[1] * 100 / 72), abs=1)
        assert image.getpixel((5, 5)) == (0, 0, 0)
