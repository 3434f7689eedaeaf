"""Background PDFs: printed values laid over a city's blank form keep their positions and
fonts for any reader, the background keeps its own, and pages without one stay as printed."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.forms.pdf_pages import join, overlay, page_sizes
from kakanai.adapters.pdf.fonts import GOTHIC, MINCHO, font_book


def drawn(pages: list[list[tuple[float, float, str, str]]]) -> bytes:
    """A PDF with (x, y from the bottom, text, family) drawn on each page, in points."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(595.27, 841.89), pageCompression=1)
    for texts in pages:
        canvas.rect(20, 20, 100, 50)
        for x, y, text, family in texts:
            font_book().draw(canvas, (x, y), text, size=12, family=family)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture
def background(tmp_path: Path) -> Path:
    path = tmp_path / "blank.pdf"
    path.write_bytes(
        drawn([[(60, 700, "届出人の住所", GOTHIC)], [(60, 500, "裏面の注意", GOTHIC)]])
    )
    return path


def words(pdf: bytes, page: int) -> dict[str, tuple[float, float, str]]:
    """Each line of text on a page with its left, top (points) and font."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = document.pages[page].chars
    lines: dict[float, list[dict[str, object]]] = {}
    for char in chars:
        lines.setdefault(round(float(char["top"])), []).append(char)
    found = {}
    for line in lines.values():
        text = "".join(str(c["text"]) for c in line)
        first = line[0]
        font = str(first["fontname"]).split("+")[-1]
        found[text] = (round(float(first["x0"]), 1), round(float(first["top"]), 1), font)
    return found


def test_printed_text_and_background_text_both_keep_their_positions_and_fonts(
    background: Path,
) -> None:
    printed = drawn([[(200, 600, "山田太郎", MINCHO)]])
    merged = overlay(background, printed, [0])
    found = words(merged, 0)
    alone = words(printed, 0)
    assert found["山田太郎"] == alone["山田太郎"]
    assert found["山田太郎"][2] == "IPAexMincho"
    assert found["届出人の住所"] == words(background.read_bytes(), 0)["届出人の住所"]
    assert found["届出人の住所"][2] == "IPAexGothic"


def test_each_page_goes_over_its_own_background_page_or_none(background: Path) -> None:
    printed = drawn([[(200, 600, "一枚目", MINCHO)], [(200, 600, "続紙", MINCHO)], []])
    merged = overlay(background, printed, [1, None, 0])
    assert set(words(merged, 0)) == {"一枚目", "裏面の注意"}
    assert set(words(merged, 1)) == {"続紙"}
    assert set(words(merged, 2)) == {"届出人の住所"}
    sizes = page_sizes(background)
    assert sizes is not None
    assert [(round(w), round(h)) for w, h in sizes] == [(210, 297), (210, 297)]


def test_the_background_is_read_again_when_its_file_changes(background: Path) -> None:
    printed = drawn([[(200, 600, "山田", MINCHO)]])
    assert "届出人の住所" in words(overlay(background, printed, [0]), 0)
    background.write_bytes(drawn([[(60, 700, "新しい様式", GOTHIC)]]))
    assert set(words(overlay(background, printed, [0]), 0)) == {"山田", "新しい様式"}


def test_join_keeps_every_page_in_order() -> None:
    joined = join([drawn([[(60, 700, "一", MINCHO)]]), drawn([[(60, 700, "二", MINCHO)]])])
    assert [set(words(joined, page)) for page in (0, 1)] == [{"一"}, {"二"}]
