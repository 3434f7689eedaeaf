"""Whole-page PDF work with pypdf: a background PDF's page count and sizes, laying
printed values over a municipality's own blank form, and joining several PDFs into one."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from kakanai.core.form_ink import PT_PER_MM


def page_sizes(path: Path) -> list[tuple[float, float]] | None:
    """Width and height in millimetres of each page, None when the file is not a PDF."""
    try:
        reader = PdfReader(path)
        return [
            (float(page.mediabox.width) / PT_PER_MM, float(page.mediabox.height) / PT_PER_MM)
            for page in reader.pages
        ]
    except (OSError, PyPdfError, ValueError):
        return None


def overlay(background: Path, printed: bytes, pages: Sequence[int | None]) -> bytes:
    """Each printed page drawn over the background page ``pages[i]`` (None: no background)."""
    base = PdfReader(background)
    top = PdfReader(io.BytesIO(printed))
    writer = PdfWriter()
    for page, under in zip(top.pages, pages, strict=True):
        if under is None:
            writer.add_page(page)
            continue
        merged = writer.add_page(base.pages[under])
        merged.merge_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def join(documents: Sequence[bytes]) -> bytes:
    """One PDF with the pages of every document, in order."""
    writer = PdfWriter()
    for document in documents:
        writer.append(PdfReader(io.BytesIO(document)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
