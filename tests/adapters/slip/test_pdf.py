"""The guidance slip PDF: everything the resident and the departments need is printed,
inside the margins, with embedded fonts, and the QR code reads back to the digits given."""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pdfplumber
import pypdf
import pytest

from kakanai.adapters.pdf.raster import rasterize
from kakanai.adapters.qr.reading import read_code
from kakanai.adapters.slip.pdf import LAYOUTS, render_slip
from kakanai.core.errors import KakanaiError
from tests.slip_cases import (
    EXPIRES_AT,
    ISSUED_AT,
    LONG_BUILDING,
    LONG_NAME,
    payload_digits,
    reference_case,
    stress_case,
)

MM = 72 / 25.4
CASES = {"reference": reference_case, "stress": stress_case}
ALL = [(c, layout, lang) for c in CASES for layout in LAYOUTS for lang in ("ja", "en")]
DIGITS = payload_digits()
SUBSET_NAME = re.compile(r"^/[A-Z]{6}\+")


@functools.cache
def rendered(case_name: str, layout: str, lang: str) -> bytes:
    return render_slip(
        CASES[case_name](),
        DIGITS,
        expires_at=EXPIRES_AT,
        issued_at=ISSUED_AT,
        layout=layout,
        lang=lang,
        desk="総合窓口",
    )


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    text: str  # with all white space removed: Japanese lines wrap anywhere
    chars: list[dict[str, Any]]


@functools.cache
def pages(case_name: str, layout: str, lang: str) -> tuple[Page, ...]:
    """The rendered slip read back with pdfplumber (once per case, layout and language)."""
    with pdfplumber.open(io.BytesIO(rendered(case_name, layout, lang))) as pdf:
        return tuple(
            Page(page.width, page.height, squeeze(page.extract_text()), page.chars)
            for page in pdf.pages
        )


def page_texts(case_name: str, layout: str, lang: str) -> tuple[str, ...]:
    return tuple(page.text for page in pages(case_name, layout, lang))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def route_texts(case: dict[str, Any]) -> Iterator[str]:
    """What a resident needs to go round: who, every department where it is, every procedure."""
    yield case["questionnaire"]["city"]
    yield case["case_id"]
    yield case["household"]["members"][case["household"].get("head", 0)]["name"]
    for department in case["departments"]:
        yield department["name"]
        yield department["floor"] + department["counter"]
    for procedure in case["procedures"]:
        yield procedure["name"]


def detail_texts(case: dict[str, Any]) -> Iterator[str]:
    """What the A4 slip adds after its route: everyone moving, deadlines, what to bring, why."""
    for member in case["household"]["members"]:
        yield member["name"]
    for procedure in case["procedures"]:
        yield procedure["because"]
        yield procedure["deadline"]
        yield procedure["desk"]
        yield from procedure["bring"]


@pytest.mark.parametrize(("case_name", "layout", "lang"), ALL)
def test_slip_prints_the_case_contents(case_name: str, layout: str, lang: str) -> None:
    """A4 prints everything; the receipt carries the route and the code only."""
    text = "".join(page_texts(case_name, layout, lang))
    case = CASES[case_name]()
    wanted_texts = [*route_texts(case)]
    if layout == "a4":
        wanted_texts += detail_texts(case)
    for wanted in wanted_texts:
        assert squeeze(wanted) in text, wanted
    assert "総合窓口" in text
    assert "令和8年11月23日" in text  # issued
    assert "令和8年12月23日" in text  # valid until


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_japanese_slip_names_the_resident_with_honorific_and_the_issue_time(layout: str) -> None:
    text = "".join(page_texts("reference", layout, "ja"))
    assert "山田太郎様" in text
    assert "発行令和8年11月23日10:15" in text
    assert "有効期限" in text
    assert "令和8年12月23日10:15まで" in text


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_stress_case_prints_the_long_name_and_address_whole(layout: str) -> None:
    text = "".join(page_texts("stress", layout, "ja"))
    assert squeeze(LONG_NAME + " 様") in text
    assert squeeze(LONG_BUILDING) in text


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_english_slip_has_english_labels_and_a_go_to_line_per_department(layout: str) -> None:
    text = "".join(page_texts("reference", layout, "en"))
    details = ("Deadline", "Bring") if layout == "a4" else ()
    for wanted in (
        "Guidance slip",
        "Case No.",
        "Issued 23 Nov 2026, 10:15",
        "Valid until",
        *details,
        "Go to: 1F counter 1, 市民課 (Citizens Division)",
        "Go to: 2F counter 12, こども育成課 (Child and Family Division)",
        "Go to: 4F counter 41, 環境課 (Environment Division)",
    ):
        assert squeeze(wanted) in text, wanted
    assert "理由" not in text
    assert "持ち物" not in text


@pytest.mark.parametrize(("case_name", "layout", "lang"), ALL)
def test_all_text_is_inside_the_margins(case_name: str, layout: str, lang: str) -> None:
    paper = LAYOUTS[layout]
    for page in pages(case_name, layout, lang):
        assert page.chars
        for char in page.chars:
            assert char["x0"] >= paper.margin_x - 0.01, char["text"]
            assert char["x1"] <= page.width - paper.margin_x + 0.01, char["text"]
            assert char["top"] >= paper.margin_top - 0.01, char["text"]
            assert char["bottom"] <= page.height - paper.margin_bottom + 0.01, char["text"]


@pytest.mark.parametrize(("case_name", "layout", "lang"), ALL)
def test_no_two_characters_overlap(case_name: str, layout: str, lang: str) -> None:
    """Blocks never run into each other (the table, the QR notes, the headings)."""
    for number, page in enumerate(pages(case_name, layout, lang), start=1):
        assert not overlapping(page.chars), number


def overlapping(chars: list[dict[str, Any]], cell: float = 12.0) -> list[tuple[str, str]]:
    """Pairs of characters whose boxes overlap by more than a hair (a spatial hash keeps it
    fast: only characters sharing a grid cell are compared)."""
    grid: dict[tuple[int, int], list[int]] = {}
    for number, char in enumerate(chars):
        for gx in range(int(char["x0"] // cell), int(char["x1"] // cell) + 1):
            for gy in range(int(char["top"] // cell), int(char["bottom"] // cell) + 1):
                grid.setdefault((gx, gy), []).append(number)
    found: set[tuple[int, int]] = set()
    hair = 0.3
    for members in grid.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                first, second = chars[a], chars[b]
                wide = min(first["x1"], second["x1"]) - max(first["x0"], second["x0"])
                high = min(first["bottom"], second["bottom"]) - max(first["top"], second["top"])
                if wide > hair and high > hair:
                    found.add((a, b))
    return [(chars[a]["text"], chars[b]["text"]) for a, b in sorted(found)]


def test_receipt_is_80mm_wide_with_text_in_the_72mm_printable_width() -> None:
    for case_name in CASES:
        for page in pages(case_name, "receipt80", "en"):
            assert page.width == pytest.approx(80 * MM)
            assert min(c["x0"] for c in page.chars) >= 4 * MM - 0.01
            assert max(c["x1"] for c in page.chars) <= 76 * MM + 0.01


def test_receipt_length_follows_the_content() -> None:
    def height(case_name: str) -> float:
        reader = pypdf.PdfReader(io.BytesIO(rendered(case_name, "receipt80", "ja")))
        assert len(reader.pages) == 1
        return float(reader.pages[0].mediabox.height)

    assert height("stress") > height("reference")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a4_pages_are_numbered_and_repeat_the_header(lang: str) -> None:
    texts = page_texts("stress", "a4", lang)
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        page_label = (
            f"{number}/{len(texts)}ページ" if lang == "ja" else f"Page{number}of{len(texts)}"
        )
        assert page_label in text
        assert "20261123-3FA2C1" in text
        if number > 1:
            assert ("手続き案内票(続き)" if lang == "ja" else "Guidanceslip(continued)") in text
            assert squeeze(LONG_NAME) in text


def test_a_department_continued_on_a_new_page_is_headed_again() -> None:
    texts = page_texts("reference", "a4", "ja")
    continued = [
        text for text in texts[1:] if "市民課(続き)" in text or "こども育成課(続き)" in text
    ]
    assert continued


@pytest.mark.parametrize(("case_name", "layout", "lang"), ALL)
def test_every_font_is_embedded_as_a_subset(case_name: str, layout: str, lang: str) -> None:
    reader = pypdf.PdfReader(io.BytesIO(rendered(case_name, layout, lang)))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        assert len(fonts) > 0
        for key in fonts:
            font = fonts[key].get_object()
            assert SUBSET_NAME.match(str(font["/BaseFont"])), font["/BaseFont"]
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]


def test_a_rare_name_kanji_is_printed_with_the_fallback_font() -> None:
    case = reference_case()
    case["household"]["members"][0]["name"] = "𠮷田 太郎"
    pdf = render_slip(case, DIGITS, expires_at=EXPIRES_AT, issued_at=ISSUED_AT)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert any("IPAmjMincho" in str(fonts[k].get_object()["/BaseFont"]) for k in fonts)


def test_a_character_no_font_has_is_an_error_naming_the_field() -> None:
    case = reference_case()
    case["household"]["members"][0]["name"] = "山田\U000f0001"
    with pytest.raises(KakanaiError) as caught:
        render_slip(case, DIGITS, expires_at=EXPIRES_AT, issued_at=ISSUED_AT)
    assert caught.value.code.code == "FONT_002"
    assert "氏名" in caught.value.message


@pytest.mark.parametrize(("option", "value"), [("layout", "b5"), ("lang", "fr")])
def test_an_unknown_layout_or_language_is_refused(option: str, value: str) -> None:
    with pytest.raises(ValueError, match=value):
        render_slip(
            reference_case(), DIGITS, expires_at=EXPIRES_AT, issued_at=ISSUED_AT, **{option: value}
        )


def test_a_code_too_wide_for_the_receipt_is_an_error_suggesting_a4() -> None:
    digits = payload_digits(3000)
    with pytest.raises(KakanaiError) as caught:
        render_slip(
            reference_case(),
            digits,
            expires_at=EXPIRES_AT,
            issued_at=ISSUED_AT,
            layout="receipt80",
        )
    assert caught.value.code.code == "PRINT_003"
    assert "A4" in caught.value.message
    assert render_slip(reference_case(), digits, expires_at=EXPIRES_AT, issued_at=ISSUED_AT)


def test_a_receipt_too_long_for_one_pdf_page_continues_on_a_second_page() -> None:
    case = reference_case()
    case["procedures"] = case["procedures"] * 120  # 1,440 lines of route: about 6 m of receipt
    pdf = render_slip(case, DIGITS, expires_at=EXPIRES_AT, issued_at=ISSUED_AT, layout="receipt80")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    assert all(float(page.mediabox.height) <= 14400 for page in reader.pages)
    second = squeeze(reader.pages[1].extract_text())
    assert "手続き案内票(続き)" in second
    assert "2/2ページ" in second


# --- the slip the resident carries ------------------------------------------------------------


def test_page_one_of_the_a4_slip_routes_the_resident_on_its_own() -> None:
    """Every department with its floor and counter and every procedure as a check box, beside
    the code; the details (deadlines, what to bring, reasons) start on page 2."""
    case = reference_case()
    first, second = page_texts("reference", "a4", "ja")[:2]
    for wanted in route_texts(case):
        assert squeeze(wanted) in first, wanted
    for procedure in case["procedures"]:
        for detail in (procedure["because"], procedure["deadline"], *procedure["bring"]):
            assert not detail or squeeze(detail) not in first, detail
    assert "手続きの詳しいご案内" in second
    image = rasterize(rendered("reference", "a4", "ja"), dpi=150, page=0)
    found = read_code(np.asarray(image))
    assert found is not None
    assert found.text == DIGITS


def test_page_one_lists_the_departments_in_visiting_order() -> None:
    first = page_texts("reference", "a4", "ja")[0]
    order = ["1市民課", "2保険年金課", "3こども育成課", "4学務課", "5環境課"]
    assert [first.index(stop) for stop in order] == sorted(first.index(stop) for stop in order)


def test_the_reference_familys_receipt_is_at_most_30_cm_and_has_no_details() -> None:
    pdf = rendered("reference", "receipt80", "ja")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.height) <= 300 * MM
    text = "".join(page_texts("reference", "receipt80", "ja"))
    for procedure in reference_case()["procedures"]:
        for detail in (procedure["because"], procedure["deadline"], *procedure["bring"]):
            assert not detail or squeeze(detail) not in text, detail


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_notice_is_printed_framed_on_the_first_page_and_not_counted(layout: str) -> None:
    """A guidance (kind: guidance: a 届 past its deadline) comes before the route under
    「ご確認ください」 and leaves the count of procedures as it was."""
    case = reference_case()
    notice = {
        **case["procedures"][0],
        "id": "todoke_kigen_keika",
        "name": "【ご確認】届出の期間を過ぎています",
        "kind": "guidance",
        "forms": [],
    }
    count = len(case["procedures"])
    case["procedures"].append(notice)
    pdf = render_slip(
        case, DIGITS, expires_at=EXPIRES_AT, issued_at=ISSUED_AT, layout=layout, lang="ja"
    )
    with pdfplumber.open(io.BytesIO(pdf)) as read:
        first = squeeze(read.pages[0].extract_text())
    assert "ご確認ください" in first
    assert first.index("【ご確認】届出の期間を過ぎています") < first.index(
        "上から順にお回りください"
    )
    assert f"{count}件あります" in first
