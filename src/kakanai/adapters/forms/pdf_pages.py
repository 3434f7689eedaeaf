"""Whole-page PDF work with pypdf: a background PDF's page count and sizes, laying
printed values over a municipality's own blank form, and joining several PDFs into one."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    PdfObject,
    StreamObject,
)

from kakanai.core.forms.ink import PT_PER_MM

RESOURCE_KINDS = (
    "/ExtGState",
    "/ColorSpace",
    "/Pattern",
    "/Shading",
    "/XObject",
    "/Font",
    "/Properties",
)
PREFIX = "/KakanaiBg"  # background resources are renamed so they never clash with ours


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


@dataclass(frozen=True)
class Underlay:
    """One background page, ready to go under a printed page: its drawing (in its own
    graphics state, resources renamed) and the resources it uses, in the background's reader."""

    content: StreamObject
    resources: dict[str, dict[str, PdfObject]]
    procsets: tuple[str, ...]

    def lay_under(self, page: PageObject, writer: PdfWriter) -> None:
        """Draw this background first on ``page`` (a page of ``writer``): the printed page's
        own drawing follows unchanged, so its text keeps its positions for any reader."""
        own = page.get("/Resources")
        resources = DictionaryObject(own.get_object() if own is not None else {})
        for kind, entries in self.resources.items():
            present = resources.get(kind)
            merged = DictionaryObject(present.get_object() if present is not None else {})
            for name, value in entries.items():
                merged[NameObject(name)] = value.clone(writer)
            resources[NameObject(kind)] = merged
        if self.procsets:
            present = resources.get("/ProcSet")
            names = {str(n) for n in (present.get_object() if present is not None else [])}
            names.update(self.procsets)
            resources[NameObject("/ProcSet")] = ArrayObject(NameObject(n) for n in sorted(names))
        page[NameObject("/Resources")] = resources
        # pypdf has no public call for adding a new stream to a writer.
        under = writer._add_object(self.content.clone(writer))
        contents = page.get("/Contents")
        drawn = contents.get_object() if contents is not None else None
        rest = list(drawn) if isinstance(drawn, ArrayObject) else [contents] if drawn else []
        page[NameObject("/Contents")] = ArrayObject([under, *rest])


@functools.lru_cache(maxsize=16)
def _underlays(path: str, _version: int) -> tuple[Underlay, ...]:
    """Every page of a background PDF as an underlay, read once per file version."""
    reader = PdfReader(path)
    return tuple(_underlay(page, reader) for page in reader.pages)


def _underlay(page: PageObject, reader: PdfReader) -> Underlay:
    found = page.get("/Resources")
    own = found.get_object() if found is not None else DictionaryObject()
    rename: dict[str, str] = {}
    resources: dict[str, dict[str, PdfObject]] = {}
    for kind in RESOURCE_KINDS:
        entries = own.get(kind)
        if entries is None:
            continue
        resources[kind] = {}
        for name, value in entries.get_object().items():
            rename[name] = f"{PREFIX}{len(rename)}"
            resources[kind][rename[name]] = value
    drawing = page.get_contents()
    data = b""
    if drawing is not None:
        stream = ContentStream(drawing, reader)
        for operands, _ in stream.operations:
            for index, operand in enumerate(operands if isinstance(operands, list) else []):
                if isinstance(operand, NameObject) and operand in rename:
                    operands[index] = NameObject(rename[operand])
        data = stream.get_data()
    content = DecodedStreamObject()
    content.set_data(b"q\n" + data + b"\nQ\n")
    procsets = own.get("/ProcSet")
    names = tuple(str(n) for n in procsets.get_object()) if procsets is not None else ()
    return Underlay(content.flate_encode(), resources, names)


def overlay(background: Path, printed: bytes, pages: Sequence[int | None]) -> bytes:
    """Each printed page drawn over the background page ``pages[i]`` (None: no background)."""
    underlays = _underlays(str(background), background.stat().st_mtime_ns)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(printed)))
    for page, under in zip(writer.pages, pages, strict=True):
        if under is not None:
            underlays[under].lay_under(page, writer)
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
