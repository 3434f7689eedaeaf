"""Reading and checking a template finds every mistake a supervisor can make, at its line."""

from __future__ import annotations

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.errors import Problem
from kakanai.core.forms.binding import FormScope
from kakanai.core.forms.checks import FormReference, geometry_problems, reference_problems
from kakanai.core.forms.model import ChoiceField, FormTemplate, Per, TableField, TextField
from kakanai.core.forms.reader import read_template
from kakanai.core.located import Loc
from kakanai.core.value_types import ADDRESS, DATE, TEXT

SCOPE = FormScope(
    {"move_date": DATE, "new_address": ADDRESS, "previous_head": TEXT},
    frozenset({"inu_tennyu"}),
)
BASE = """\
form:
  id: sample_form
  title: 見本の届
  department: kankyou
  version: "1"
  page: {size: A4}
pages:
  - elements:
      - {kind: label, box: [10, 10, 100, 10], text: 見本の届, size: 16}
      - {kind: text, id: 氏名, box: [10, 30, 80, 10], value: household.head.name}
      - {kind: date, id: 異動日, box: [100, 30, 80, 10], value: answers.move_date, style: era}
      - kind: digits
        id: 郵便番号
        box: [10, 45, 40, 8]
        value: answers.new_address.postal_code
        groups: [3, 4]
      - {kind: check, id: 転入, box: [60, 45, 40, 6], text: 転入,
         value: '"inu_tennyu" in case.procedures'}
      - kind: table
        box: [10, 60, 190, 60]
        columns:
          - {title: 氏名, width: 60, kind: name, value: member.name, kana: member.kana}
          - {title: 生年月日, width: 60, kind: date, value: member.birth_date, style: era}
"""


def read(text: str) -> tuple[FormTemplate, list[Problem]]:
    template, problems = read_template(load_text(text, "t.yaml"), "t.yaml", SCOPE)
    return template, problems + geometry_problems(template)


def broken(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new)


def test_the_sample_template_is_clean_and_typed() -> None:
    template, problems = read(BASE)
    assert problems == []
    assert (template.id, template.per, template.size) == ("sample_form", Per.HOUSEHOLD, (210, 297))
    kinds = [e.kind for e in template.pages[0].elements]
    assert kinds == ["label", "text", "date", "digits", "check", "table"]
    table = template.pages[0].elements[-1]
    assert isinstance(table, TableField)
    assert [c.title for c in table.columns] == ["氏名", "生年月日"]
    date = template.pages[0].elements[2]
    assert isinstance(date, TextField)
    assert date.date_style == "era"


BROKEN = [
    # (test id, old, new, expected code, text on the reported line)
    ("unknown key", "style: era}", "stlye: era}", "TREE_KEY_001", "stlye"),
    ("unknown kind", "{kind: check,", "{kind: chekc,", "FORM_001", "chekc"),
    (
        "box with three numbers",
        "box: [10, 30, 80, 10]",
        "box: [10, 30, 80]",
        "TREE_YAML_005",
        "[10, 30, 80]",
    ),
    (
        "box without size",
        "box: [10, 30, 80, 10]",
        "box: [10, 30, 0, 10]",
        "TREE_YAML_005",
        "[10, 30, 0, 10]",
    ),
    (
        "unknown root",
        "value: household.head.name",
        "value: housheold.head.name",
        "FORM_002",
        "housheold",
    ),
    (
        "unknown case field",
        "value: household.head.name",
        "value: household.head.nmae",
        "FORM_003",
        "nmae",
    ),
    (
        "unknown answer",
        "value: answers.move_date",
        "value: answers.move_day",
        "FORM_003",
        "move_day",
    ),
    (
        "member outside a table",
        "value: household.head.name",
        "value: member.name",
        "FORM_004",
        "member.name",
    ),
    (
        "date field given text",
        "value: answers.move_date",
        "value: answers.previous_head",
        "FORM_005",
        "previous_head",
    ),
    (
        "check given a date",
        "value: '\"inu_tennyu\" in case.procedures'",
        "value: answers.move_date",
        "FORM_005",
        "value: answers.move_date",
    ),
    ("unknown procedure id", '"inu_tennyu" in', '"inu_tenyu" in', "TREE_REF_002", "inu_tenyu"),
    (
        "condition syntax",
        "value: '\"inu_tennyu\" in case.procedures'",
        "value: case.procedures = 1",
        "TREE_EXPR_001",
        "case.procedures = 1",
    ),
    ("outside the paper", "box: [100, 30, 80, 10]", "box: [150, 30, 80, 10]", "FORM_006", "異動日"),
    ("overlapping fields", "box: [100, 30, 80, 10]", "box: [60, 30, 80, 10]", "FORM_007", "異動日"),
    (
        "columns wider than the table",
        "width: 60, kind: date",
        "width: 160, kind: date",
        "FORM_028",
        "columns",
    ),
    (
        "no room for a column without a width",
        "{title: 生年月日, width: 60, kind: date",
        "{title: 備考, width: 129, kind: blank}\n          - {title: 生年月日, kind: date",
        "FORM_028",
        "columns",
    ),
    ("person of the wrong type", "page: {size: A4}", "person: case.as_of", "FORM_005", "as_of"),
    ("blank outside a table", "{kind: check,", "{kind: blank,", "FORM_001", "blank"),
    ("bad era", "style: era}", "style: era, eras: [昭和, 平正]}", "TREE_YAML_005", "平正"),
    ("bad paper", "{size: A4}", "{size: A7}", "TREE_YAML_005", "A7"),
    ("missing value", "value: household.head.name}", "}", "TREE_KEY_002", "氏名"),
    ("bad id", "id: sample_form", "id: Sample-Form", "TREE_ID_002", "Sample-Form"),
    (
        "date abbreviated R8.11.23",
        "value: answers.move_date, style: era}",
        "value: answers.move_date, style: short}",
        "FORM_031",
        "異動日",
    ),
    (
        "date column abbreviated",
        "value: member.birth_date, style: era}",
        "value: member.birth_date, style: short}",
        "FORM_031",
        "生年月日",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "code", "on_line"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_a_broken_template_is_reported_at_its_line(
    name: str, old: str, new: str, code: str, on_line: str
) -> None:
    text = broken(old, new)
    _, problems = read(text)
    found = [p for p in problems if p.code.code == code]
    assert found, [p.render() for p in problems]
    lines = text.splitlines()
    assert any(on_line in lines[p.line - 1] for p in found), [p.render() for p in found]


def test_member_is_allowed_at_the_top_of_a_per_member_form() -> None:
    text = broken('  version: "1"\n', '  version: "1"\n  per: member\n')
    text = text.replace("value: household.head.name", "value: member.name")
    template, problems = read(text)
    assert problems == []
    assert template.per is Per.MEMBER


def test_two_conditional_fields_may_share_a_place() -> None:
    text = broken(
        "box: [100, 30, 80, 10], value: answers.move_date",
        "box: [60, 30, 80, 10], when: answers.move_date == case.as_of, value: answers.move_date",
    )
    text = text.replace(
        "box: [10, 30, 80, 10], value: household.head.name",
        "box: [10, 30, 80, 10], when: household.count > 1, value: household.head.name",
    )
    assert read(text)[1] == []


def test_choices_can_be_plain_or_conditional() -> None:
    text = BASE + (
        "      - kind: choice\n"
        "        box: [10, 130, 100, 8]\n"
        "        value: household.head.sex\n"
        "        choices:\n"
        "          - 男\n"
        "          - {value: 女, label: 女性}\n"
        "          - {value: x, label: 転入, when: answers.move_date == case.as_of}\n"
    )
    template, problems = read(text)
    assert problems == []
    choice = template.pages[0].elements[-1]
    assert isinstance(choice, ChoiceField)
    assert [(c.value, c.label, c.when is not None) for c in choice.choices] == [
        ("男", "男", False),
        ("女", "女性", False),
        ("x", "転入", True),
    ]


def test_procedures_asking_for_missing_or_mismatching_forms_are_reported() -> None:
    template, _ = read(BASE.replace('  version: "1"\n', '  version: "1"\n  per: member\n'))
    loc = Loc("moving.yaml", 12, 13)
    references = [
        FormReference("sample_from", loc, "inu_tennyu", "kankyou", per_member=False),
        FormReference("sample_form", loc, "inu_tennyu", "kankyou", per_member=False),
        FormReference("sample_form", loc, "kodomo_x", "kodomo", per_member=True),
    ]
    problems = reference_problems(references, {"sample_form": template})
    assert [p.code.code for p in problems] == ["FORM_011", "FORM_014", "FORM_015"]
    assert "もしかして: sample_form" in problems[0].message
    assert (problems[0].path, problems[0].line, problems[0].col) == ("moving.yaml", 12, 13)


def test_a_table_may_end_with_a_blank_column_without_a_width() -> None:
    """A write-in column (個人番号) is ``kind: blank``; the last column may leave out its
    width (it takes the rest, here 70 of 190 mm, where a default of 20 mm would be wrong)."""
    text = BASE + "          - {title: 個人番号, kind: blank}\n"
    template, problems = read(text)
    assert problems == []
    table = template.pages[0].elements[-1]
    assert isinstance(table, TableField)
    assert [c.cell.kind for c in table.columns] == ["name", "date", "blank"]
    assert table.column_widths() == [60, 60, 70]


def test_a_form_may_name_its_person_by_a_member_or_a_name() -> None:
    for named in ("household.head", "answers.previous_head"):
        template, problems = read(broken("page: {size: A4}", f"person: {named}"))
        assert problems == []
        assert template.person is not None
        assert template.person.source == named
