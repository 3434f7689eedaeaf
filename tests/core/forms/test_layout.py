"""Laying out a form for a case: what each field prints and where, the ○ on the era, digit
boxes, continuation sheets for big households, and notes about what did not fit."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.forms.binding import FormScope, bound, case_view
from kakanai.core.forms.ink import MM_PER_PT, FormPlan, LineInk, TextInk
from kakanai.core.forms.layout import FormLayout
from kakanai.core.forms.model import FormTemplate, TableField
from kakanai.core.forms.reader import read_template
from tests.conftest import ROOT

REFERENCE: dict[str, Any] = json.loads(
    (ROOT / "tests" / "fixtures" / "reference_case.json").read_text(encoding="utf-8")
)


class HalfWidthAscii:
    """Metrics without fonts: full-width characters 1 em, ASCII half an em."""

    def char_width(self, char: str, family: str, field: str) -> float:  # noqa: ARG002
        return 0.5 if ord(char) < 0x80 else 1.0


def template(elements: str, *, per: str = "household") -> FormTemplate:
    text = (
        "form: {id: t, title: 見本, department: shimin, version: '1', per: " + per + "}\n"
        "pages:\n  - elements:\n" + elements
    )
    read, problems = read_template(load_text(text, "t.yaml"), "t.yaml", FormScope())
    assert problems == [], [p.render() for p in problems]
    return read


def plan(
    elements: str, case: dict[str, Any] | None = None, *, member: int | None = None
) -> FormPlan:
    per = "member" if member is not None else "household"
    view = bound(case_view(case or REFERENCE), procedure={"id": "inu_tennyu"})
    chosen = view.members[member] if member is not None else None
    return FormLayout(template(elements, per=per), HalfWidthAscii()).plan(view, chosen)


def texts(result: FormPlan, field: str) -> list[str]:
    return [p.text for p in result.placed if p.field == f"項目「{field}」" and not p.mark]


def marks(result: FormPlan, field: str) -> list[str]:
    return [p.text for p in result.placed if p.field == f"項目「{field}」" and p.mark]


def with_birth_dates(*dates: str) -> dict[str, Any]:
    case = copy.deepcopy(REFERENCE)
    members = case["household"]["members"]
    for member, date in zip(members, dates, strict=False):
        member["birth_date"] = date
    return case


ERA_FIELD = (
    "      - {kind: date, id: 生年月日, box: [10, 10, 90, 10], value: member.birth_date,"
    " style: era, eras: [昭和, 平成, 令和]}\n"
)


@pytest.mark.parametrize(
    ("birth", "era", "numbers"),
    [
        ("1989-01-07", "昭和", ["64", "1", "7"]),
        ("1989-01-08", "平成", ["元", "1", "8"]),
        ("2019-04-30", "平成", ["31", "4", "30"]),
        ("2019-05-01", "令和", ["元", "5", "1"]),
    ],
)
def test_the_era_of_a_date_is_circled_and_its_numbers_printed(
    birth: str, era: str, numbers: list[str]
) -> None:
    result = plan(ERA_FIELD, with_birth_dates(birth), member=0)
    assert marks(result, "生年月日") == [era]
    assert texts(result, "生年月日") == numbers
    assert result.notes == []


def test_an_era_that_is_not_printed_is_written_out_and_noted() -> None:
    result = plan(ERA_FIELD, with_birth_dates("1925-10-10"), member=0)
    assert marks(result, "生年月日") == []
    assert "大正14" in texts(result, "生年月日")
    assert [n.code.code for n in result.notes] == ["FORM_020"]


def test_an_empty_date_still_prints_the_eras_and_units() -> None:
    result = plan(ERA_FIELD.replace("member.birth_date", "answers.no_such_date"))
    printed = [i.text for p in result.pages for i in p.inks if isinstance(i, TextInk)]
    assert {"昭和", "平成", "令和", "年", "月", "日"} <= set(printed)
    assert marks(result, "生年月日") == []


DIGITS = (
    "      - {kind: digits, id: 郵便番号, box: [10, 10, 40, 8],"
    " value: answers.new_address.postal_code, groups: [3, 4]}\n"
    "      - {kind: digits, id: 電話, box: [10, 30, 90, 8], value: answers.phone,"
    " groups: [4, 4, 4]}\n"
)


def test_digits_go_one_per_box_and_groups_are_right_aligned() -> None:
    result = plan(DIGITS)
    postal = [p for p in result.placed if p.field == "項目「郵便番号」"]
    assert [p.text for p in postal] == list("1000001")
    lefts = [p.box.x for p in postal]
    assert lefts == sorted(lefts)
    phone = [p for p in result.placed if p.field == "項目「電話」"]
    assert "".join(p.text for p in phone) == "09012345678"
    cell = 90 / (12 + 2 * 0.7)  # twelve boxes and two separators of 0.7 box
    assert phone[0].box.x == pytest.approx(10 + cell)  # 090 fills the last three of four


def test_digits_that_do_not_fit_are_left_blank_and_noted() -> None:
    case = copy.deepcopy(REFERENCE)
    case["answers"] = [
        {**a, "value": "090-1234-5678-9999"} if a["question"] == "phone" else a
        for a in case["answers"]
    ]
    result = plan(DIGITS, case)
    assert texts(result, "電話") == []
    assert [n.code.code for n in result.notes] == ["FORM_018"]


def test_a_choice_circles_the_matching_value_and_notes_one_it_does_not_print() -> None:
    field = (
        "      - {kind: choice, id: 続柄, box: [10, 10, 60, 8], value: member.relationship,"
        " choices: [世帯主, 妻, 子]}\n"
    )
    assert marks(plan(field, member=1), "続柄") == ["妻"]
    grandma = copy.deepcopy(REFERENCE)
    grandma["household"]["members"][1]["relationship"] = "祖母"
    result = plan(field, grandma, member=1)
    assert marks(result, "続柄") == []
    assert [n.code.code for n in result.notes] == ["FORM_019"]


def test_a_check_mark_only_when_the_value_holds() -> None:
    field = (
        "      - {kind: check, id: 転入, box: [10, 10, 40, 5],"
        ' value: procedure.id == "inu_tennyu", text: 転入}\n'
        "      - {kind: check, id: 転居, box: [60, 10, 40, 5],"
        ' value: procedure.id == "inu_jusho_henkou", text: 転居}\n'
    )
    result = plan(field)
    assert marks(result, "転入") == [""]
    assert marks(result, "転居") == []


def test_an_element_whose_when_does_not_hold_is_not_printed() -> None:
    field = (
        "      - {kind: text, id: 旧世帯主, box: [10, 10, 60, 8], value: answers.previous_head,"
        ' when: answers.move_type == "転出"}\n'
    )
    assert texts(plan(field), "旧世帯主") == []
    assert texts(plan(field.replace("転出", "転入")), "旧世帯主") == ["山田 太郎"]


def test_text_that_cannot_fit_is_cut_and_noted_with_the_field_and_the_lost_part() -> None:
    field = (
        "      - {kind: text, id: 住所, box: [10, 10, 20, 5], value: answers.new_address,"
        " min_size: 9}\n"
    )
    result = plan(field)
    (note,) = result.notes
    assert note.code.code == "FORM_017"
    assert "項目「住所」" in note.message
    assert "101号室" in note.message
    assert texts(result, "住所")[0].endswith("…")


TABLE = """\
      - kind: table
        id: 世帯
        box: [10, 100, 190, 68]
        header_height: 8
        row_height: 12
        columns:
          - {title: No., width: 10, kind: number}
          - {title: 氏名, width: 80, kind: name, value: member.name, kana: member.kana}
          - {title: 続柄, width: 30, value: member.relationship}
"""


def ten_members() -> dict[str, Any]:
    case = copy.deepcopy(REFERENCE)
    members = case["household"]["members"]
    for index in range(4, 10):
        members.append({**members[3], "index": index, "name": f"山田 子{index}"})
    return case


def test_a_household_that_does_not_fit_continues_on_a_numbered_continuation_sheet() -> None:
    result = plan(TABLE, ten_members())
    assert len(result.pages) == 2
    first = [p.text for p in result.placed if p.page == 0 and p.field == "項目「No.」"]
    second = [p.text for p in result.placed if p.page == 1 and p.field == "項目「No.」"]
    assert first == ["1", "2", "3", "4", "5"]
    assert second == ["6", "7", "8", "9", "10"]
    heading = [i.text for i in result.pages[1].inks if isinstance(i, TextInk)]
    assert "見本(続紙)" in heading
    assert any("続紙 1/1" in text and "20261123-3FA2C1" in text for text in heading)


def test_a_household_that_fits_needs_no_continuation_sheet() -> None:
    result = plan(TABLE)
    assert len(result.pages) == 1
    assert [p.text for p in result.placed if p.field == "項目「No.」"] == ["1", "2", "3", "4"]


def test_table_rows_can_be_filtered() -> None:
    filtered = TABLE.replace(
        "        columns:", '        where: member.relationship == "子"\n        columns:'
    )
    result = plan(filtered)
    assert texts(result, "氏名") == [
        "ヤマダ\u3000イチロウ",
        "山田 一郎",
        "ヤマダ\u3000サクラ",
        "山田 桜",
    ]


def test_printed_text_stays_inside_its_field_box() -> None:
    fields = DIGITS + ERA_FIELD.replace("member.birth_date", "household.head.birth_date") + TABLE
    result = plan(fields, ten_members())
    for placed in result.placed:
        if placed.mark:
            continue
        inks = [
            i
            for i in result.pages[placed.page].inks
            if isinstance(i, TextInk) and i.text in placed.text and i.field == placed.field
        ]
        assert inks, placed


def ink_texts(result: FormPlan, page: int = 0) -> list[TextInk]:
    return [i for i in result.pages[page].inks if isinstance(i, TextInk)]


ROWS = """\
      - kind: table
        id: 世帯
        box: [10, 100, 190, 80]
        header_height: 8
        row_height: 12
        columns:
          - {title: No., width: 10, kind: number}
          - {title: 生年月日, width: 70, kind: date, value: member.birth_date, style: era}
          - {title: 性別, width: 20, kind: choice, value: member.sex, choices: [男, 女]}
          - {title: 本人, width: 20, value: answers.previous_head}
          - {title: 世帯主なら, width: 20, value: member.name, when: member.is_head}
          - {title: 個人番号, kind: blank}
"""


def row_of(ink: TextInk) -> int:
    """The table row (0 = first below the header) a text is drawn in."""
    return int((ink.y - 108) // 12)


def test_rows_beyond_the_household_print_their_cells_printed_parts_only() -> None:
    """Six rows, four members: rows 5 and 6 get 昭和・平成・令和, 年 月 日 and 男・女, no
    values (not even ones that do not depend on the member) and no row number."""
    result = plan(ROWS)
    empty = [i.text for i in ink_texts(result) if i.y > 108 and row_of(i) >= 4]
    assert sorted(empty) == sorted(
        ["昭和", "・", "平成", "・", "令和", "年", "月", "日", "男", "・", "女"] * 2
    )
    numbers = [p.text for p in result.placed if p.field == "項目「No.」"]
    assert numbers == ["1", "2", "3", "4"]
    assert max(row_of(i) for i in ink_texts(result) if i.field == "項目「本人」") == 3
    assert [p.text for p in result.placed if p.field == "項目「世帯主なら」"] == ["山田 太郎"]


def test_a_blank_column_prints_nothing_for_the_resident_to_fill_in() -> None:
    result = plan(ROWS)
    assert [i for i in ink_texts(result) if i.field == "項目「個人番号」"] == []
    assert result.notes == []


def test_the_last_column_without_a_width_takes_the_rest_of_the_table() -> None:
    """No., 生年月日, 性別, 本人, 世帯主なら take 140 mm of 190: 個人番号 is 50 mm wide, its
    rule is at 150 mm and the table's frame closes it."""
    result = plan(ROWS)
    verticals = sorted(
        {round(i.x1, 2) for i in result.pages[0].inks if isinstance(i, LineInk) and i.x1 == i.x2}
    )
    assert verticals == [20, 90, 110, 130, 150]
    (table,) = [e for _, e in template(ROWS).elements() if isinstance(e, TableField)]
    assert table.column_widths()[-1] == pytest.approx(50)


CROWDED = (
    "      - {kind: date, id: 生年月日, box: [10, 10, 36, 10], value: household.head.birth_date,"
    " style: era, eras: [明, 大, 昭, 平, 令], era_width: 24, min_size: 8}\n"
)


def test_an_era_date_with_no_room_for_the_year_after_its_eras_is_noted() -> None:
    """FORM_030 names the field; the numbers that could not be printed are FORM_017."""
    result = plan(CROWDED)
    codes = [n.code.code for n in result.notes]
    assert codes[0] == "FORM_030"
    assert set(codes[1:]) <= {"FORM_017"}
    assert all("項目「生年月日」" in n.message for n in result.notes)
    roomy = plan(CROWDED.replace("box: [10, 10, 36, 10]", "box: [10, 10, 70, 10]"))
    assert roomy.notes == []


def test_the_year_never_overlaps_the_printed_eras() -> None:
    """Eras that do not fit era_width even at their smallest size push the numbers right."""
    squeezed = CROWDED.replace("box: [10, 10, 36, 10]", "box: [10, 10, 70, 10]").replace(
        "era_width: 24", "era_width: 8"
    )
    result = plan(squeezed)
    inks = ink_texts(result)
    eras_end = max(
        i.x + HalfWidthAscii().char_width(i.text[0], "", "") * len(i.text) * i.size * MM_PER_PT
        for i in inks
        if i.text in "明大昭平令・"
    )
    year = next(i for i in inks if i.text == "57")
    assert year.x > eras_end


PERSON = (
    "      - {kind: name, id: 登録する方, box: [10, 10, 90, 12], value: person.name,"
    " kana: person.kana}\n"
    "      - {kind: date, id: 生年月日, box: [10, 30, 90, 10], value: person.birth_date}\n"
)


def with_person_line(line: str) -> str:
    return PERSON.replace("      - {kind: name", line + "      - {kind: name", 1)


def test_a_household_form_is_about_the_head_unless_printed_for_a_member() -> None:
    layout = FormLayout(template(PERSON), HalfWidthAscii())
    view = case_view(REFERENCE)
    assert texts(layout.plan(view), "登録する方")[-1] == "山田 太郎"
    printed_for = layout.plan(view, person=view.members[1])
    assert texts(printed_for, "登録する方")[-1] == "山田 花子"
    assert texts(printed_for, "生年月日") == ["昭和59年2月3日"]


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        ("山田花子", "山田 花子"),
        ("山田　一郎", "山田 一郎"),
        ("山田 次郎", "山田 太郎"),
        ("", "山田 太郎"),
    ],
)
def test_a_template_may_name_its_person_by_an_answer(named: str, expected: str) -> None:
    """form.person: an answer naming a member (spaces aside); no such member: the head."""
    text = (
        "form: {id: t, title: 見本, department: shimin, version: '1',"
        " person: answers.previous_head}\npages:\n  - elements:\n" + PERSON
    )
    read, problems = read_template(load_text(text, "t.yaml"), "t.yaml", FormScope())
    assert problems == []
    case = copy.deepcopy(REFERENCE)
    for answer in case["answers"]:
        if answer["question"] == "previous_head":
            answer["value"] = named
    result = FormLayout(read, HalfWidthAscii()).plan(case_view(case))
    assert texts(result, "登録する方")[-1] == expected
