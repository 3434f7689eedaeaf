"""Fonts: every character is drawn by a font that has it, or named in an error."""

from __future__ import annotations

import io

import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.fonts import GOTHIC, MINCHO, font_book, printable
from kakanai.core.errors import KakanaiError


@pytest.mark.parametrize("family", [GOTHIC, MINCHO])
def test_common_name_kanji_stay_in_the_primary_font(family: str) -> None:
    book = font_book()
    assert book.runs("山田 太郎 髙﨑", family) == [(book.font_name(family), "山田 太郎 髙﨑")]


def test_rare_kanji_fall_back_to_ipamj_mincho() -> None:
    runs = font_book().runs("𠮷田 花子", GOTHIC)
    assert runs[0] == ("IPAmjMincho", "𠮷")
    assert runs[1] == ("IPAexGothic", "田 花子")


def test_a_character_no_font_has_is_an_error_naming_it_and_the_field() -> None:
    with pytest.raises(KakanaiError) as caught:
        font_book().runs("山田\U000f0001", GOTHIC, field="氏名")
    assert caught.value.code.code == "FONT_002"
    assert "氏名" in caught.value.message
    assert "U+F0001" in caught.value.message


def test_missing_lists_each_undrawable_character_once() -> None:
    assert font_book().missing("\U000f0001a\U000f0001") == ["\U000f0001"]


def test_variation_selectors_are_dropped_only_when_drawing() -> None:
    name = "辻\U000e0100"
    assert printable(name) == "辻"
    assert font_book().runs(name) == [("IPAexGothic", "辻")]


def test_drawn_text_is_embedded_and_extractable() -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    width = font_book().draw(canvas, (72, 720), "𠮷田 一郎", size=12, family=MINCHO)
    canvas.save()
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    assert width > 0
    # pypdf puts a line break between font runs; 𠮷 must copy out as itself (surrogate pairs).
    assert "𠮷田 一郎" in reader.pages[0].extract_text().replace("\n", "")
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}
    assert any("IPAmjMincho" in n for n in names)
    assert any("IPAexMincho" in n for n in names)
