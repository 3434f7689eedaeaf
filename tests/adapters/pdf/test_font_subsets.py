"""Font subsets: the same font files reportlab would build, built once per set of
characters, and embedded PDFs that still print and copy the right text."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from reportlab.pdfbase.ttfonts import TTFontFace
from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf import font_subsets
from kakanai.adapters.pdf.font_subsets import SubsetBuilder, compressed_subset
from kakanai.adapters.pdf.fonts import GOTHIC, MINCHO, font_book

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def faces() -> list[TTFontFace]:
    book = font_book()
    return [book.primary(GOTHIC).font.face, book.primary(MINCHO).font.face] + [
        f.font.face for f in book.fallbacks()
    ]


@pytest.mark.parametrize("index", [0, 1, 2], ids=["gothic", "mincho", "ipamj"])
def test_a_subset_is_byte_for_byte_the_one_reportlab_makes(index: int) -> None:
    face = faces()[index]
    chosen = random.Random(index).sample(sorted(face.charToGlyph), 255)  # noqa: S311 - test data
    codes = [0, *chosen]
    assert SubsetBuilder(face).build(codes) == face.makeSubset(codes)


def test_composite_glyphs_bring_their_components_renumbered_as_reportlab_does() -> None:
    """IPA fonts have no composite glyphs; DejaVu builds À, Ç, … from components."""
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed")
    face = TTFontFace(str(DEJAVU))
    codes = [0, *map(ord, "ÀÁÂÃÄÇÈÉÊËÑÖÜàáâãäçèéêëñöüŁłŠšŽž½¾"), *range(0x41, 0x5B)]
    assert SubsetBuilder(face).build(codes) == face.makeSubset(codes)


def test_the_same_characters_reuse_the_compressed_subset_until_cleared() -> None:
    face = faces()[1]
    codes = [0, *map(ord, "山田太郎花子")]
    first = compressed_subset(face, codes)
    assert compressed_subset(face, codes)[1] is first[1]
    font_subsets.clear()
    again = compressed_subset(face, codes)
    assert again == first
    assert again[1] is not first[1]


def pdf_with(text: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=1)
    font_book().draw(canvas, (72, 720), text, size=12, family=MINCHO)
    canvas.save()
    return out.getvalue()


def font_files(pdf: bytes) -> list[bytes]:
    """The embedded font programs (FontFile2) of a PDF's first page, decoded."""
    fonts = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    found = []
    for name in sorted(fonts):
        font = fonts[name].get_object()
        if "/FontDescriptor" in font:  # not reportlab's standard Helvetica
            file = font["/FontDescriptor"].get_object()["/FontFile2"]
            found.append(file.get_object().get_data())
    return found


def test_a_pdf_printed_twice_embeds_the_cached_subset_and_copies_the_same_text() -> None:
    font_subsets.clear()
    first, second = pdf_with("𠮷田 一郎様"), pdf_with("𠮷田 一郎様")
    assert font_files(first) == font_files(second)
    assert len(font_files(second)) == 2
    with pdfplumber.open(io.BytesIO(second)) as pdf:
        chars = pdf.pages[0].chars
    assert "".join(c["text"] for c in chars) == "𠮷田 一郎様"
    assert {c["fontname"].split("+")[-1] for c in chars} == {"IPAmjMincho", "IPAexMincho"}
