"""Form bindings use the question trees' language with dotted paths into the case: checked
against the bindable fields (with もしかして), evaluated safely, printed as Japanese text."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from kakanai.core.errors import ErrorCode
from kakanai.core.expressions.language import UNKNOWN, parse, parse_all
from kakanai.core.forms.binding import (
    FormScope,
    address_text,
    bound,
    case_view,
    context,
    display_text,
)
from kakanai.core.value_types import ADDRESS, BOOL, DATE, NUMBER, TEXT, Kind, choice_type
from tests.conftest import ROOT

E = ErrorCode
SCOPE = FormScope(
    {
        "move_type": choice_type("move_type", frozenset({"転入", "転居", "転出"})),
        "move_date": DATE,
        "previous_head": TEXT,
        "has_dog": BOOL,
        "previous_address": ADDRESS,
    },
    frozenset({"tennyu_todoke", "kodomo_iryou_gimu"}),
)
CASE: dict[str, Any] = json.loads(
    (ROOT / "tests" / "fixtures" / "reference_case.json").read_text(encoding="utf-8")
)


def checked(source: str, *, member: bool = False) -> tuple[Kind | None, list[tuple[str, int]]]:
    expression, issues = parse_all(source, paths=True)
    if expression is None:
        return None, [(i.code.code, i.offset) for i in issues]
    typed, issues = expression.check(SCOPE, member_allowed=member, vocabulary=SCOPE.vocabulary)
    return (typed.kind if typed else None), [(i.code.code, i.offset) for i in issues]


# --- parsing: dotted paths only where asked for ---------------------------------------------


def test_question_trees_still_refuse_dotted_paths() -> None:
    _, issues = parse_all("household.head.name")
    assert [i.code for i in issues] == [E.EXPR_FORBIDDEN]


@pytest.mark.parametrize(
    ("source", "offset"),
    [
        ("household.__class__", 10),
        ("answers.move_type.__dict__", 18),
        ("case._private", 5),
        ("__builtins__.open", 0),
    ],
)
def test_dotted_paths_still_refuse_underscore_names(source: str, offset: int) -> None:
    _, issues = parse_all(source, paths=True)
    assert (issues[0].code, issues[0].offset) == (E.EXPR_FORBIDDEN, offset)


@pytest.mark.parametrize("source", ['"x".upper', "age(member.birth_date).real", "case.case_id()"])
def test_attributes_of_anything_but_a_path_and_method_calls_are_refused(source: str) -> None:
    _, issues = parse_all(source, paths=True)
    assert issues
    assert issues[0].code in (E.EXPR_FORBIDDEN, E.EXPR_CALL)


# --- checking against the case fields -------------------------------------------------------

WELL_TYPED = [
    ("household.head.name", Kind.TEXT, False),
    ("household.head.birth_date", Kind.DATE, False),
    ("household.count", Kind.NUMBER, False),
    ("answers.previous_address.postal_code", Kind.TEXT, False),
    ('answers.move_type == "転入"', Kind.BOOL, False),
    ('"kodomo_iryou_gimu" in case.procedures', Kind.BOOL, False),
    ("member.kana", Kind.TEXT, True),
    ("age(member.birth_date) >= 15", Kind.BOOL, True),
    ("case.as_of", Kind.DATE, False),
    ('"kodomo_iryou_gimu" in member.procedures', Kind.BOOL, True),
    ("member.index", Kind.NUMBER, True),
]


@pytest.mark.parametrize(("source", "kind", "member"), WELL_TYPED, ids=[w[0] for w in WELL_TYPED])
def test_bindable_fields_have_their_types(source: str, kind: Kind, member: bool) -> None:
    assert checked(source, member=member) == (kind, [])


BAD = [
    ("housheold.head.name", "FORM_002", 0),
    ("household.haed.name", "FORM_003", 10),
    ("household.head.nmae", "FORM_003", 15),
    ("answers.move_typ", "FORM_003", 8),
    ("member.name", "FORM_004", 0),
    ('answers.move_type == "転入届"', "TREE_REF_002", 21),
    ('"kodomo_iryou" in case.procedures', "TREE_REF_002", 0),
    ("household.head.name.first", "FORM_003", 20),
]


@pytest.mark.parametrize(("source", "code", "offset"), BAD, ids=[b[0] for b in BAD])
def test_unknown_fields_are_reported_where_they_are_written(
    source: str, code: str, offset: int
) -> None:
    _, issues = checked(source)
    assert (code, offset) in issues


def test_an_unknown_field_suggests_the_whole_path() -> None:
    expression = parse("household.head.nmae", paths=True)
    _, issues = expression.check(SCOPE, member_allowed=False, vocabulary=SCOPE.vocabulary)
    assert "household.head.nmae" in issues[0].message
    assert "もしかして: household.head.name" in issues[0].message


def test_without_question_trees_any_answer_is_accepted() -> None:
    open_scope = FormScope()
    expression = parse("answers.anything_at_all.postal_code", paths=True)
    typed, issues = expression.check(
        open_scope, member_allowed=False, vocabulary=open_scope.vocabulary
    )
    assert (typed, issues) == (None, [])


# --- evaluating against a case -------------------------------------------------------------


def value(source: str, *, member: int | None = None, procedure: str = "") -> object:
    view = bound(case_view(CASE), procedure={"id": procedure} if procedure else None)
    bound_member = view.members[member] if member is not None else None
    return parse(source, paths=True).evaluate(context(view, bound_member))


@pytest.mark.parametrize(
    ("source", "member", "expected"),
    [
        ("household.head.name", None, "山田 太郎"),
        ("household.head.birth_date", None, dt.date(1982, 5, 10)),
        ("answers.previous_address.postal_code", None, "330-0061"),
        ("answers.move_date", None, dt.date(2026, 11, 15)),
        ('"inu_tennyu" in case.procedures', None, True),
        ('"inu_jusho_henkou" in case.procedures', None, False),
        ("member.kana", 2, "ヤマダ\u3000イチロウ"),
        ("age(member.birth_date)", 3, 4),
        ("household.count", None, 4),
        ('"kodomo_iryou_gimu" in member.procedures', 2, True),
        ('"kodomo_iryou_gimu" in member.procedures', 3, False),
        ("member.index", 3, 3),
    ],
)
def test_bindings_read_the_case(source: str, member: int | None, expected: object) -> None:
    assert value(source, member=member) == expected


def test_a_question_not_in_the_case_is_unknown_not_an_error() -> None:
    assert value("answers.disability_documents") is UNKNOWN
    assert value("answers.new_address.nonexistent") is UNKNOWN


def test_the_procedure_a_form_is_printed_for_is_readable() -> None:
    assert value('procedure.id == "kodomo_iryou_gimu"', procedure="kodomo_iryou_gimu") is True
    assert value("procedure.id") is UNKNOWN


# --- printed text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "style", "expected"),
    [
        (dt.date(2026, 11, 23), "wareki", "令和8年11月23日"),
        (dt.date(2019, 5, 1), "wareki", "令和元年5月1日"),
        (dt.date(1989, 1, 7), "wareki", "昭和64年1月7日"),
        (dt.date(2026, 11, 23), "seireki", "2026年11月23日"),
        (dt.date(2026, 11, 23), "short", "R8.11.23"),
        (True, "wareki", "はい"),
        (9.0, "wareki", "9"),
        (UNKNOWN, "wareki", ""),
        (None, "wareki", ""),
        (frozenset({"犬", "猫"}), "wareki", "犬・猫"),
    ],
)
def test_values_print_as_japanese_text(raw: object, style: str, expected: str) -> None:
    assert display_text(raw, date_style=style) == expected


def test_an_address_prints_without_its_postal_code_and_with_a_space_before_the_building() -> None:
    address = CASE["addresses"]["new_address"]
    assert address_text(address) == "東京都サンプル市中央一丁目2番3号 サンプルハイツ中央 101号室"
    assert address_text({**address, "building": ""}) == "東京都サンプル市中央一丁目2番3号"


def test_number_and_text_types_stay_distinct() -> None:
    assert checked("household.count")[0] is NUMBER.kind
    assert checked("household.head.kana")[0] is TEXT.kind
