"""Printed forms, read back from the PDF: every bound value lands inside its box in every
shipped template for the reference and stress cases; 和暦 boundaries, continuation sheets,
backgrounds, QR codes, file names and the errors a desk can meet."""

from __future__ import annotations

import concurrent.futures
import copy
import dataclasses
import io
import multiprocessing
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
import zxingcpp

from kakanai.adapters.pdf.fonts import printable
from kakanai.core.errors import KakanaiError
from kakanai.core.forms.binding import case_view
from kakanai.core.forms.ink import PT_PER_MM, FormPlan
from kakanai.core.forms.model import Box, FormTemplate, Per, TableField
from kakanai.core.forms.selection import FormJob
from kakanai.services.forms import templates as form_templates
from kakanai.services.forms.checking import FIT_CODES
from kakanai.services.forms.rendering import (
    merged,
    paint,
    plan_form,
    render_form,
    render_forms,
    write,
)
from kakanai.services.forms.samples import Printing, printings, sample_cases
from kakanai.services.shipped_data import FORM_TEMPLATES
from tests.printed_pages import Char, PdfiumPages, plumber_chars, text_within

ABBREVIATED_DATE = re.compile(r"\b[MTSHR]\d{1,2}\.\d{1,2}\.\d{1,2}\b")

SAMPLES = dict(sample_cases())
TEMPLATES = {
    path.stem: form_templates.load(path) for path in form_templates.template_files([FORM_TEMPLATES])
}
REFERENCE = SAMPLES["reference_case"]


@dataclass
class Printed:
    """One form printed for a sample: its template, plan and PDF, read back by pdfium
    (every check) or pdfplumber (where a test asks for it)."""

    template: FormTemplate
    sample: str
    member: int | None
    asked: bool  # a procedure of the sample asks for the form (else laid out to try its fit)
    plan: FormPlan
    pdf: bytes
    pages: PdfiumPages
    plumbed: dict[int, list[Char]] = dataclasses.field(default_factory=dict)

    def text_in(self, box: Box, page: int = 0, slack: float = 0.6, *, plumber: bool = False) -> str:
        """Characters lying wholly inside ``box`` (mm) in reading order, spaces removed."""
        if not plumber:
            return self.pages.text_within(page, box, slack)
        if page not in self.plumbed:
            self.plumbed[page] = plumber_chars(self.pdf, page)
        return text_within(self.plumbed[page], box, slack)

    def field_box(self, field_id: str) -> Box:
        name = f"項目「{field_id}」"
        return next(e.box for _, e in self.template.elements() if e.is_field and e.name == name)


def print_form(template: FormTemplate, sample: str, printing: Printing) -> Printed:
    plan, pdf = plan_and_paint(template, sample, printing)
    return Printed(template, sample, printing.member, printing.asked, plan, pdf, PdfiumPages(pdf))


def plan_and_paint(
    template: FormTemplate, sample: str, printing: Printing
) -> tuple[FormPlan, bytes]:
    case = SAMPLES[sample]
    departments = {d["id"]: d for d in case["departments"]}
    procedure = printing.procedure or {}
    job = FormJob(template.id, printing.member, procedure, departments.get(template.department))
    plan = plan_form(template, case_view(case), job)
    return plan, paint(template, plan)


Painted = tuple[str, int | None, bool, FormPlan, bytes]  # sample, member, asked, plan, PDF


def paint_templates(names: list[str]) -> dict[str, list[Painted]]:
    """Every printing of each named template for every sample (in a worker process)."""
    painted: dict[str, list[Painted]] = {}
    for name in names:
        template = TEMPLATES[name]
        painted[name] = [
            (sample, printing.member, printing.asked, *plan_and_paint(template, sample, printing))
            for sample, case in SAMPLES.items()
            for printing in printings(template, case)
        ]
    return painted


@pytest.fixture(scope="module")
def printed() -> list[Printed]:
    """Every template printed for every sample: 2,651 PDFs, painted by two processes (the
    machine's two cores; the rest of the suite runs in one), read back here in order."""
    names = list(TEMPLATES)
    halves = [names[0::2], names[1::2]]
    spawn = multiprocessing.get_context("spawn")  # no fork of a process that runs Qt
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=spawn) as pool:
        results = list(pool.map(paint_templates, halves))
    by_name = {name: found for result in results for name, found in result.items()}
    return [
        Printed(TEMPLATES[name], sample, member, asked, plan, pdf, PdfiumPages(pdf))
        for name in names
        for sample, member, asked, plan, pdf in by_name[name]
    ]


def find(printed: list[Printed], form: str, sample: str, member: int | None = None) -> Printed:
    return next(
        p for p in printed if p.template.id == form and p.sample == sample and p.member == member
    )


def allowed_boxes(template: FormTemplate, field: str) -> list[Box]:
    """The boxes a field's text may use: its own, or its table's (and continuation sheet's)."""
    boxes = []
    for _, element in template.elements():
        if element.name == field:
            boxes.append(element.box)
        if isinstance(element, TableField) and any(c.cell.name == field for c in element.columns):
            boxes += [element.box, element.continuation_box or Box(0, 0, *template.size)]
    return boxes


def inside(inner: Box, outer: Box) -> bool:
    eps = 0.05
    return (
        inner.x >= outer.x - eps
        and inner.y >= outer.y - eps
        and inner.right <= outer.right + eps
        and inner.bottom <= outer.bottom + eps
    )


# --- every bound value in its box -----------------------------------------------------------


def test_the_shipped_templates_and_samples_are_all_printed(printed: list[Printed]) -> None:
    """Every template; the reference case, seven moving stress cases, the certificates' three,
    five birth cases, the marriage and divorce cases, two death cases, the abroad cases
    (国外転入, 国外転出, 特別永住者) and a moving household of mixed nationalities; per-member
    forms once per member concerned."""
    assert len(TEMPLATES) == 61
    assert set(SAMPLES) == {
        "reference_case",
        "long_address",
        "long_name",
        "ten_members",
        "empty_optional",
        "tenkyo",
        "tenshutsu",
        "hitorioya",
        "konin",
        "rikon",
        "shibou",
        "shibou_kosodate",
        "shizan",
        "shoumei_ininjou",
        "shoumei_juuminhyou",
        "shoumei_koseki_zei",
        "kokugai_tennyu",
        "kokugai_tenshutsu",
        "gaikokujin_tennyu",
        "shusshou",
        "shusshou_gaikoku",
        "shusshou_kokugai",
        "shusshou_kokugai_chien",
        "tokubetsu_eijuu",
    }
    assert (
        len(
            [
                p
                for p in printed
                if p.template.id == "kodomo_iryou_shinsei" and p.sample == "ten_members"
            ]
        )
        == 6
    )


def test_every_bound_value_lands_inside_its_box(printed: list[Printed]) -> None:
    checked = 0
    for form in printed:
        for placed in form.plan.placed:
            boxes = allowed_boxes(form.template, placed.field)
            assert any(inside(placed.box, box) for box in boxes), (form.template.id, placed)
            if placed.mark:
                continue
            wanted = printable(placed.text).replace(" ", "").replace("\u3000", "").removesuffix("…")
            found = form.text_in(placed.box, placed.page)
            assert wanted in found, (form.template.id, form.sample, placed, found)
            checked += 1
    assert checked > 500


def test_every_printed_date_is_written_in_full_wareki(printed: list[Printed]) -> None:
    """No form prints a date as the letter abbreviation (亡くなった日 R8.12.3 on the death
    forms): residents check 令和8年12月3日, as on every other form."""
    abbreviated = [
        (p.template.id, placed.field, placed.text)
        for p in printed
        for placed in p.plan.placed
        if ABBREVIATED_DATE.search(placed.text)
    ]
    dates = [x for p in printed for x in p.plan.placed if "令和" in x.text and "日" in x.text]
    assert abbreviated == []
    assert len(dates) > 100


def test_the_shipped_samples_print_without_warnings(printed: list[Printed]) -> None:
    """Forms a sample asks for print without a warning; the others at least fit."""
    notes = [
        (p.template.id, p.sample, n.render())
        for p in printed
        for n in p.plan.notes
        if p.asked or n.code in FIT_CODES
    ]
    assert notes == []


def test_every_template_is_printed_for_a_sample_that_asks_for_it(printed: list[Printed]) -> None:
    """Each per-member form for a member a procedure concerns (a child's form for a child)."""
    assert {p.template.id for p in printed if p.asked} == set(TEMPLATES)
    per_member = {p.template.id for p in printed if p.asked and p.member is not None}
    assert per_member == {t.id for t in TEMPLATES.values() if t.per is Per.MEMBER}


def test_every_circle_and_check_mark_is_drawn_inside_its_box(printed: list[Printed]) -> None:
    for form in printed:
        for placed in (p for p in form.plan.placed if p.mark):
            room = Box(
                placed.box.x - 0.35, placed.box.y - 0.35, placed.box.w + 0.7, placed.box.h + 0.7
            )
            drawn = [s for s in form.pages.strokes(placed.page) if inside(s.box, room)]
            assert drawn, (form.template.id, form.sample, placed)


def test_the_background_form_reads_back_the_same_with_pdfplumber(printed: list[Printed]) -> None:
    """Values laid over a city's blank form keep their positions for pdfminer too."""
    checked = 0
    for form in (p for p in printed if p.template.background):
        for placed in (p for p in form.plan.placed if not p.mark):
            wanted = "".join(printable(placed.text).split()).removesuffix("…")
            assert wanted in form.text_in(placed.box, placed.page, plumber=True), placed
            checked += 1
    assert checked > 50


# --- what the reference case prints where -------------------------------------------------

REFERENCE_VALUES = [
    (
        "juumin_idou_todoke",
        None,
        "新住所",
        "東京都サンプル市中央一丁目2番3号サンプルハイツ中央101号室",
    ),
    (
        "juumin_idou_todoke",
        None,
        "旧住所",
        "埼玉県みなと市常盤一丁目12番地3号みなとコーポラス常盤203号室",
    ),
    ("juumin_idou_todoke", None, "新世帯主", "ヤマダタロウ山田太郎"),
    ("juumin_idou_todoke", None, "旧世帯主", "山田太郎"),
    ("juumin_idou_todoke", None, "本籍", "埼玉県みなと市常盤一丁目12番地"),
    ("juumin_idou_todoke", None, "異動日", "令和8年11月15日"),
    ("juumin_idou_todoke", None, "届出日", "令和8年11月23日"),
    ("juumin_idou_todoke", None, "新住所の郵便番号", "100-0001"),
    ("juumin_idou_todoke", None, "届出人の電話番号", "090-1234-5678"),
    ("kodomo_iryou_shinsei", 2, "お子さんの氏名", "ヤマダイチロウ山田一郎"),
    ("kodomo_iryou_shinsei", 2, "お子さんの生年月日", "平成・令和29年6月1日"),
    ("kodomo_iryou_shinsei", 3, "お子さんの氏名", "ヤマダサクラ山田桜"),
    ("kodomo_iryou_shinsei", 3, "申請者の氏名", "ヤマダタロウ山田太郎"),
    ("inu_touroku_henkou", None, "犬の名前", "ポチ"),
    ("inu_touroku_henkou", None, "鑑札の登録番号", "第2019-1234号"),
    (
        "inu_touroku_henkou",
        None,
        "旧所在地",
        "埼玉県みなと市常盤一丁目12番地3号みなとコーポラス常盤203号室",
    ),
]


@pytest.mark.parametrize(
    ("form", "member", "field", "expected"),
    REFERENCE_VALUES,
    ids=[f"{r[0]}:{r[2]}" for r in REFERENCE_VALUES],
)
def test_the_reference_case_prints_its_values_in_the_right_fields(
    printed: list[Printed], form: str, member: int | None, field: str, expected: str
) -> None:
    sheet = find(printed, form, "reference_case", member)
    assert sheet.text_in(sheet.field_box(field), plumber=True) == expected
    assert sheet.text_in(sheet.field_box(field)) == expected


def test_the_reference_household_fills_the_member_table_in_order(printed: list[Printed]) -> None:
    sheet = find(printed, "juumin_idou_todoke", "reference_case")
    table = sheet.field_box("異動する人")
    text = sheet.text_in(table)
    positions = [text.index(name) for name in ("山田太郎", "山田花子", "山田一郎", "山田桜")]
    assert positions == sorted(positions)
    assert len(sheet.pages) == 1


# --- stress cases ----------------------------------------------------------------------------


def test_a_forty_character_address_fits_whole_in_its_box(printed: list[Printed]) -> None:
    sheet = find(printed, "juumin_idou_todoke", "long_address")
    address = "東京都サンプル市中央一丁目2番3号サンプルグランドレジデンス東棟1203号室"
    assert len(address) == 38  # 40 with the spaces before the building and the room
    assert sheet.text_in(sheet.field_box("新住所")) == address
    inu = find(printed, "inu_touroku_henkou", "long_address")
    assert (
        inu.text_in(inu.field_box("旧所在地"))
        == "北海道みなと郡しらかば町大字みずうみ字北原1234番地5しらかば荘102号室"
    )


def test_a_twenty_character_name_fits_with_a_rare_kanji_from_ipamj(printed: list[Printed]) -> None:
    sheet = find(printed, "juumin_idou_todoke", "long_name")
    name = "勅使河原アレクサンダー・ジョン・𠮷太郎"
    assert name in sheet.text_in(sheet.field_box("新世帯主"))
    with pdfplumber.open(io.BytesIO(sheet.pdf)) as pdf:
        chars = pdf.pages[0].chars
    fonts = {c["fontname"].split("+")[-1] for c in chars if c["text"] == "𠮷"}
    assert fonts == {"IPAmjMincho"}
    child = find(printed, "kodomo_iryou_shinsei", "long_name", 2)
    assert "勅使河原マクシミリアン・ジョージ・一郎" in child.text_in(
        child.field_box("お子さんの氏名")
    )


def test_a_variation_selector_is_kept_in_the_case_and_dropped_only_when_printed(
    printed: list[Printed],
) -> None:
    wife = SAMPLES["long_name"]["household"]["members"][1]["name"]
    assert wife == "辻\U000e0100 花子"
    sheet = find(printed, "juumin_idou_todoke", "long_name")
    assert "辻花子" in sheet.text_in(sheet.field_box("異動する人"))


def test_a_ten_member_household_continues_on_a_continuation_sheet(printed: list[Printed]) -> None:
    sheet = find(printed, "juumin_idou_todoke", "ten_members")
    assert len(sheet.pages) == 2
    first = sheet.text_in(sheet.field_box("異動する人"))
    assert "佐藤大翔" in first
    assert "佐藤陽葵" not in first
    second = "".join(c.text for c in sheet.pages.chars(1))
    assert "住民異動届(続紙)" in second
    for name in ("佐藤結衣", "佐藤蓮", "佐藤陽葵", "佐藤一", "佐藤ウメ"):
        assert name in second.replace(" ", "")
    assert "(見本)サンプル市" in second.replace(" ", "")


def test_empty_optional_answers_leave_their_boxes_blank(printed: list[Printed]) -> None:
    sheet = find(printed, "juumin_idou_todoke", "empty_optional")
    assert sheet.text_in(sheet.field_box("旧世帯主")) == ""
    assert sheet.text_in(sheet.field_box("新住所の郵便番号")) == "-"
    assert sheet.text_in(sheet.field_box("新住所")) == "東京都サンプル市中央一丁目2番3号"
    inu = find(printed, "inu_touroku_henkou", "empty_optional")
    assert inu.text_in(inu.field_box("犬の名前")) == ""
    assert inu.text_in(inu.field_box("鑑札の登録番号")) == ""


# --- 和暦 on the form --------------------------------------------------------------------


def circled(sheet: Printed, box: Box, page: int = 0) -> list[str]:
    """The characters inside ○ marks drawn within ``box``."""
    with pdfplumber.open(io.BytesIO(sheet.pdf)) as pdf:
        curves = pdf.pages[page].curves
    found = []
    for curve in curves:
        ring = Box(
            curve["x0"] / PT_PER_MM,
            curve["top"] / PT_PER_MM,
            curve["width"] / PT_PER_MM,
            curve["height"] / PT_PER_MM,
        )
        if inside(ring, box):
            found.append(sheet.text_in(ring, page, slack=0, plumber=True))
    return found


@pytest.mark.parametrize(
    ("row", "era", "numbers"),
    [
        (0, "昭", "64年1月7日"),
        (1, "平", "元年1月8日"),
        (2, "平", "31年4月30日"),
        (3, "令", "元年5月1日"),
    ],
)
def test_era_boundaries_are_printed_and_circled_in_the_member_table(
    printed: list[Printed], row: int, era: str, numbers: str
) -> None:
    sheet = find(printed, "juumin_idou_todoke", "ten_members")
    table = sheet.field_box("異動する人")
    cell = Box(table.x + 54, table.y + 8 + row * 12, 54, 12)  # the 生年月日 column
    assert sheet.text_in(cell).endswith(numbers)
    assert circled(sheet, cell) == [era]


@pytest.mark.parametrize(
    ("member", "era", "numbers"), [(2, "平成", "31年4月30日"), (3, "令和", "元年5月1日")]
)
def test_era_boundaries_are_printed_and_circled_on_the_per_child_form(
    printed: list[Printed], member: int, era: str, numbers: str
) -> None:
    sheet = find(printed, "kodomo_iryou_shinsei", "ten_members", member)
    box = sheet.field_box("お子さんの生年月日")
    assert sheet.text_in(box).endswith(numbers)
    assert circled(sheet, box) == [era]


def test_the_member_table_prints_each_members_own_nationality_and_status(
    printed: list[Printed],
) -> None:
    """A mixed household is recorded as it is (issue 12): the 国籍等 column of each row."""
    sheet = find(printed, "juumin_idou_todoke", "gaikokujin_tennyu")
    table = sheet.field_box("異動する人")
    cells = [Box(table.x + 154, table.y + 8 + row * 12, 20, 12) for row in range(5)]
    assert [sheet.text_in(cell) for cell in cells] == [
        "日本国籍",
        "中長期在留者",
        "特別永住者",
        "日本国籍",
        "",
    ]


def test_the_nationality_column_says_what_a_card_issued_later_means(
    printed: list[Printed],
) -> None:
    """「後日交付」 alone does not tell the 住基 back office that the member is a 中長期在留者
    whose 在留カード the 入管 issues later (住基法30条の45: the 住民票 records 「中長期在留者
    である旨」; docs/sources.md). The cell prints both, on two lines of the 20 mm column."""
    sheet = find(printed, "juumin_idou_todoke", "kokugai_tennyu")
    table = sheet.field_box("異動する人")
    cell = Box(table.x + 154, table.y + 8 + 1 * 12, 20, 12)
    assert sheet.text_in(cell) == "中長期在留者カード後日交付"
    halves = [Box(cell.x, cell.y + i * 6, 20, 6) for i in range(2)]
    assert [sheet.text_in(half, slack=0.3) for half in halves] == ["中長期在留者", "カード後日交付"]
    assert [note.code for note in sheet.plan.notes] == []


def test_the_late_notice_for_a_birth_abroad_prints_the_three_months(
    printed: list[Printed],
) -> None:
    """戸籍法49条1項: a birth abroad has 3 months, counting the birth day (43条1項): born
    R8.8.21, the last day is R8.11.20 and the 届 of R8.11.24 is 4 days past it."""
    sheet = find(printed, "shusshou_todoke_chien", "shusshou_kokugai_chien", 2)
    assert sheet.text_in(sheet.field_box("届出期間の末日(国外)")) == "令和8年11月20日"
    assert sheet.text_in(sheet.field_box("経過した日数(国外)")) == "4日"
    assert sheet.text_in(Box(133, 64, 63, 10)) == "生まれた日を含めて3か月以内(国外)"  # 届出期間


# --- the service the desk app calls ------------------------------------------------------


def test_render_forms_for_a_department_gives_one_form_per_child_named_by_member_number() -> None:
    """File names carry no resident's name by default (issue 15): they end up in folders,
    printer queues and logs."""
    forms = render_forms(REFERENCE, procedure="kodomo_iryou_gimu") + render_forms(
        REFERENCE, procedure="kodomo_iryou_nyuyouji"
    )
    assert [(f.form_id, f.member, f.file_name) for f in forms] == [
        ("kodomo_iryou_shinsei", 2, "20261123-3FA2C1_kodomo_kodomo_iryou_shinsei_世帯員3.pdf"),
        ("kodomo_iryou_shinsei", 3, "20261123-3FA2C1_kodomo_kodomo_iryou_shinsei_世帯員4.pdf"),
    ]
    assert all(f.title == "子ども医療費助成 医療証交付申請書" and f.warnings == [] for f in forms)
    assert all(f.pdf.startswith(b"%PDF") for f in forms)


def test_names_go_into_file_names_only_when_asked() -> None:
    forms = render_forms(REFERENCE, department="kodomo", names=True)
    assert "20261123-3FA2C1_kodomo_kodomo_iryou_shinsei_山田一郎.pdf" in [
        f.file_name for f in forms
    ]
    assert "20261123-3FA2C1_kodomo_jidou_teate_nintei_seikyu_山田太郎.pdf" in [
        f.file_name for f in forms
    ]


def test_a_department_the_case_does_not_concern_prints_nothing() -> None:
    with pytest.raises(KakanaiError) as caught:
        render_forms(REFERENCE, department="zeimu")
    assert caught.value.code.code == "FORM_021"


def test_missing_templates_are_named_before_anything_is_printed(tmp_path: Path) -> None:
    shutil.copy(FORM_TEMPLATES / "juumin_idou_todoke.yaml", tmp_path)
    with pytest.raises(KakanaiError) as caught:
        render_forms(REFERENCE, department="shimin", templates=tmp_path)
    assert caught.value.code.code == "FORM_024"
    assert "inkan_touroku_shinsei" in caught.value.message
    assert "juumin_idou_todoke" not in caught.value.message


def test_the_case_number_qr_code_reads_back() -> None:
    form = render_form(REFERENCE, "kodomo_iryou_shinsei", member=2)
    page = pypdfium2.PdfDocument(form.pdf)[0]
    image = page.render(scale=150 / 72).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert [c.text for c in codes] == ["20261123-3FA2C1"]


def test_a_background_form_keeps_its_printed_text_under_the_values() -> None:
    (form,) = render_forms(REFERENCE, department="kankyou")
    with pdfplumber.open(io.BytesIO(form.pdf)) as pdf:
        text = "".join(c["text"] for c in pdf.pages[0].chars)
    assert "狂犬病予防法第4条" in text  # from the background PDF
    assert "ポチ" in text  # printed over it
    assert len(form.pdf) < 400_000


def test_merge_puts_every_page_in_one_pdf(tmp_path: Path) -> None:
    forms = render_forms(REFERENCE, department="kankyou") + render_forms(
        REFERENCE, procedure="kodomo_iryou_gimu"
    )
    (path,) = write(forms, tmp_path, merge_as="merged.pdf")
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 2
    assert merged(forms).startswith(b"%PDF")


def test_written_forms_use_their_file_names(tmp_path: Path) -> None:
    forms = render_forms(REFERENCE, department="kankyou")
    assert [p.name for p in write(forms, tmp_path / "out")] == [forms[0].file_name]


def test_a_preview_of_a_template_no_procedure_asks_for_uses_the_given_member() -> None:
    form = render_form(REFERENCE, "kodomo_iryou_shinsei", member=1)
    assert form.member == 1
    assert form.file_name.endswith("_世帯員2.pdf")
    with pytest.raises(KakanaiError) as caught:
        render_form(REFERENCE, "kodomo_iryou_shinsei", member=9)
    assert caught.value.code.code == "FORM_025"
    with pytest.raises(KakanaiError) as unknown:
        render_form(REFERENCE, "kodomo_iryou_shinse")
    assert "もしかして: kodomo_iryou_shinsei" in unknown.value.message


def test_a_character_no_font_has_stops_printing_with_the_character_and_field_named() -> None:
    case = copy.deepcopy(REFERENCE)
    case["household"]["members"][0]["name"] = "山田\U000f0001太郎"
    with pytest.raises(KakanaiError) as caught:
        render_forms(case, department="kankyou")
    assert caught.value.code.code == "FONT_002"
    assert "項目「飼い主の氏名」" in caught.value.message
    assert "U+F0001" in caught.value.message


def test_the_case_number_as_a_barcode_fills_its_box_and_reads_back(tmp_path: Path) -> None:
    (tmp_path / "bar_form.yaml").write_text(
        "form: {id: bar_form, title: バーコード, department: kankyou, version: '1'}\n"
        "pages:\n  - elements:\n      - {kind: code, box: [20, 20, 70, 18], type: code128}\n",
        encoding="utf-8",
    )
    form = render_form(REFERENCE, "bar_form", templates=tmp_path)
    with pdfplumber.open(io.BytesIO(form.pdf)) as pdf:
        bars = pdf.pages[0].rects
        left = min(r["x0"] for r in bars) / PT_PER_MM
        right = max(r["x1"] for r in bars) / PT_PER_MM
    assert left == pytest.approx(20, abs=0.1)
    assert right == pytest.approx(90, abs=0.1)
    image = pypdfium2.PdfDocument(form.pdf)[0].render(scale=150 / 72).to_pil()
    assert [c.text for c in zxingcpp.read_barcodes(image)] == ["20261123-3FA2C1"]


def test_a_household_form_about_one_person_is_printed_for_the_head_or_a_chosen_member() -> None:
    """印鑑登録: the case says only that someone wants to register, so the form names the
    head; the desk prints another member's with --member."""
    head = render_form(REFERENCE, "inkan_touroku_shinsei")
    wife = render_form(REFERENCE, "inkan_touroku_shinsei", member=1)
    assert wife.file_name.endswith("_世帯員2.pdf")
    template = TEMPLATES["inkan_touroku_shinsei"]
    box = next(e.box for _, e in template.elements() if e.name == "項目「登録申請者の氏名」")
    for form, name in ((head, "ヤマダタロウ山田太郎"), (wife, "ヤマダハナコ山田花子")):
        assert text_within(PdfiumPages(form.pdf).chars(0), box) == name


# --- answers the interview knows are circled, not left to the resident ------------------------


def circled_in(sheet: Printed, field: str) -> list[str]:
    return [p.text for p in sheet.plan.placed if p.mark and p.field == f"項目「{field}」"]


def test_the_residence_form_circles_the_card_and_the_applicant_the_interview_knows(
    printed: list[Printed],
) -> None:
    sheet = find(printed, "juumin_idou_todoke", "reference_case")
    assert circled_in(sheet, "届出人の区分") == ["世帯主"]
    assert circled_in(sheet, "マイナンバーカード") == ["有"] * 4  # 全員がカードをお持ち


def test_a_card_answer_that_leaves_someone_unknown_is_left_for_the_resident() -> None:
    case = copy.deepcopy(REFERENCE)
    for answer in case["answers"]:
        if answer["question"] == "mynumber_card_everyone":
            answer["value"], answer["display"] = False, "いいえ"
    plan = plan_form(TEMPLATES["juumin_idou_todoke"], case_view(case), FormJob("x", None, {}, None))
    assert [p.text for p in plan.placed if p.mark and p.field == "項目「マイナンバーカード」"] == []


def test_the_nursery_form_circles_a_new_admission_for_a_move_into_the_city(
    printed: list[Printed],
) -> None:
    sheet = find(printed, "hoiku_riyou_moushikomi", "reference_case")
    assert circled_in(sheet, "申込区分") == ["新規入所"]


def ticked(sheet: Printed, field_id: str) -> bool:
    """Whether a check field has a mark drawn in its box (the □ itself is a rectangle, not a
    stroke)."""
    box = sheet.field_box(field_id)
    room = Box(box.x - 0.35, box.y - 0.35, box.w + 0.7, box.h + 0.7)
    return any(inside(stroke.box, room) for stroke in sheet.pages.strokes(0))


@pytest.mark.parametrize(
    ("sample", "kind", "method", "ticks"),
    [
        # 住基法30条の46: the 転入届 of a move from abroad; the 届出人 lives at the new address
        ("kokugai_tennyu", ["転入"], ["国外から"], (True, False)),
        # 住基法24条: the 転出届 of a move abroad; the 届出人 lives at the old address
        ("kokugai_tenshutsu", ["転出"], [], (False, True)),
        ("reference_case", ["転入"], ["転出証明書"], (True, False)),  # a move within Japan
    ],
)
def test_a_move_from_or_to_abroad_is_marked_as_the_transfer_it_is(
    printed: list[Printed],
    sample: str,
    kind: list[str],
    method: list[str],
    ticks: tuple[bool, bool],
) -> None:
    """The abroad tree asks abroad_move, not move_type: the 住民異動届 of a 国外転入 was left
    with 転入・転居・転出, 国外から and the 届出人's address all unmarked."""
    sheet = find(printed, "juumin_idou_todoke", sample)
    assert circled(sheet, sheet.field_box("異動の種類")) == kind
    assert circled(sheet, sheet.field_box("転出の方法")) == method
    assert (ticked(sheet, "新住所と同じ"), ticked(sheet, "旧住所と同じ")) == ticks


def test_a_move_abroad_names_the_country_as_the_new_address(printed: list[Printed]) -> None:
    sheet = find(printed, "juumin_idou_todoke", "kokugai_tenshutsu")
    assert sheet.text_in(sheet.field_box("転出先の国")) == "国外:ベトナム社会主義共和国"
    domestic = find(printed, "juumin_idou_todoke", "reference_case")
    assert domestic.text_in(domestic.field_box("転出先の国")) == ""


@pytest.mark.parametrize(
    ("form", "sample", "field", "ticks"),
    [
        # A move from abroad is a 転入 for 国保 (資格取得の理由), a move abroad a 転出 for the
        # 国保 資格喪失, the 児童手当 受給事由消滅 and the 子ども医療証 (abroad.yaml).
        ("kokuho_shikaku_shutoku", "kokugai_tennyu", "理由_転入", True),
        ("kokuho_shikaku_soushitsu", "kokugai_tenshutsu", "理由_転出", True),
        ("jidou_teate_shoumetsu_todoke", "kokugai_tenshutsu", "理由_転出", True),
        ("kodomo_iryou_henkou", "kokugai_tenshutsu", "区分_転出", True),
        ("kodomo_iryou_henkou", "kokugai_tenshutsu", "区分_転居", False),
        ("kokuho_shikaku_shutoku", "shusshou", "理由_転入", False),  # a birth is no 転入
        ("kokuho_shikaku_shutoku", "shusshou", "理由_出生", True),  # ... but a 出生 (B7)
        ("kokuho_shikaku_shutoku", "reference_case", "理由_出生", False),
        ("kokuho_shikaku_shutoku", "shibou_kosodate", "理由_社会保険離脱", True),  # D8
        ("kokuho_shikaku_shutoku", "reference_case", "理由_社会保険離脱", False),
        ("kokuho_shikaku_soushitsu", "tenshutsu", "理由_転出", True),  # within Japan, as before
    ],
)
def test_a_move_from_or_to_abroad_ticks_the_transfer_as_the_reason(
    printed: list[Printed], form: str, sample: str, field: str, ticks: bool
) -> None:
    sheet = next(p for p in printed if p.template.id == form and p.sample == sample)
    assert ticked(sheet, field) == ticks


@pytest.mark.parametrize(
    ("sample", "names", "joined"),
    [
        # A birth: the newborn twins join 国保 from the day of birth, the others are insured.
        ("shusshou", ["渡邉紬", "渡邉葵"], "令和8年11月5日"),
        # A death: the deceased's dependents join (D8), the deceased is no row; the day after
        # the death is for the clerk to write.
        ("shibou_kosodate", ["高橋恵", "高橋翔", "高橋陽菜"], ""),
        # A move in: everyone under 75, from the day of the move.
        ("reference_case", ["山田太郎", "山田花子", "山田一郎", "山田桜"], "令和8年11月15日"),
    ],
)
def test_the_national_health_insurance_form_lists_who_joins_and_from_when(
    printed: list[Printed], sample: str, names: list[str], joined: str
) -> None:
    sheet = find(printed, "kokuho_shikaku_shutoku", sample)
    table = sheet.field_box("加入する人")
    rows = [Box(table.x + 7, table.y + 8 + row * 10 + 3, 42, 7) for row in range(5)]
    assert [name for row in rows if (name := sheet.text_in(row))] == names
    assert sheet.text_in(sheet.field_box("資格取得日")) == joined  # the box both dates share


def test_after_a_death_the_insurance_form_is_filed_by_the_head_who_is_left(
    printed: list[Printed],
) -> None:
    """The deceased head was printed as the 世帯主 who files, with no address (death.yaml asks
    new_head and deceased_address, not new_address)."""
    sheet = find(printed, "kokuho_shikaku_shutoku", "shibou_kosodate")
    assert sheet.text_in(sheet.field_box("世帯主の氏名")) == "高橋恵"
    assert sheet.text_in(sheet.field_box("世帯主の住所")) == "東京都サンプル市南町二丁目10番1号"
    moving = find(printed, "kokuho_shikaku_shutoku", "reference_case")
    assert moving.text_in(moving.field_box("世帯主の氏名")) == "ヤマダタロウ山田太郎"
