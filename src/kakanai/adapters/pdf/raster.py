"""PDF pages as images (pypdfium2): the ``--png`` preview of the slip, the scan benchmark
and the app's print preview."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PIL import Image

_POINTS_PER_INCH = 72


def rasterize(pdf_bytes: bytes, *, dpi: int = 200, page: int = 0) -> Image.Image:
    """Page ``page`` (0-based) of the PDF as an RGB image at ``dpi``."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        bitmap = document[page].render(scale=dpi / _POINTS_PER_INCH)
        image: Image.Image = bitmap.to_pil().convert("RGB")
    finally:
        document.close()
    return image


def pdf_to_png(pdf: Path, png: Path, dpi: int = 200, page: int = 0) -> None:
    """Write page ``page`` of the PDF file ``pdf`` as a PNG file ``png``."""
    rasterize(pdf.read_bytes(), dpi=dpi, page=page).save(png, format="PNG", dpi=(dpi, dpi))


def rasterize_all(pdf_bytes: bytes, *, dpi: int = 100) -> list[Image.Image]:
    """Every page of the PDF as RGB images at ``dpi`` (previews and printing)."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        scale = dpi / _POINTS_PER_INCH
        return [page.render(scale=scale).to_pil().convert("RGB") for page in document]
    finally:
        document.close()
