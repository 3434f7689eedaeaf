"""Templates read a member's own answers to per-member questions (``member.<question id>``)
and the fee total of the certificates a request form lists (``form.fee_total``): checked
against the trees with もしかして, and read from the case."""

from __future__ import annotations

import json
from typing import Any

from kakanai.core.errors import ErrorCode
from kakanai.core.expressions.language import UNKNOWN, parse, parse_all
from kakanai.core.forms.binding import FormScope, case_view, context, with_form
from kakanai.core.value_types import Kind
from kakanai.services.trees.checking import read_tree
from tests.conftest import QUESTIONNAIRES, ROOT

FORMS = ROOT / "forms_templates"


def sample(name: str) -> dict[str, Any]:
    return json.loads((FORMS / "samples" / f"{name}.json").read_text(encoding="utf-8"))


def birth_scope() -> FormScope:
    tree, problems = read_tree(QUESTIONNAIRES / "birth.yaml")
    assert tree is not None
    assert problems == []
    return FormScope.of_trees([tree])


def test_a_member_answer_has_its_question_type() -> None:
    scope = birth_scope()
    expression = parse("member.birth_weight", paths=True)
    typed, issues = expression.check(scope, member_allowed=True, vocabulary=scope.vocabulary)
    assert issues == []
    assert typed is not None
    assert typed.kind is Kind.NUMBER


def test_a_misspelt_member_answer_suggests_the_question() -> None:
    scope = birth_scope()
    expression, _ = parse_all("member.birth_weigth", paths=True)
    assert expression is not None
    _, issues = expression.check(scope, member_allowed=True, vocabulary=scope.vocabulary)
    assert [i.code for i in issues] == [ErrorCode.FORM_REF_FIELD]
    assert "member.birth_weight" in issues[0].message
    assert issues[0].offset == len("member.")


def test_each_member_reads_their_own_answer() -> None:
    view = case_view(sample("shusshou"))
    weights = [
        parse("member.birth_weight", paths=True).evaluate(context(view, member))
        for member in view.members
    ]
    assert weights == [UNKNOWN, UNKNOWN, UNKNOWN, 2310, 1880]  # the twins; others not asked


def test_the_fee_total_sums_fee_times_copies_over_the_forms_certificates() -> None:
    view = case_view(sample("shoumei_koseki_zei"))
    koseki = with_form(view, "koseki_shoumei_seikyu")
    zei = with_form(view, "zei_shoumei_koufu_shinsei")
    total = parse("form.fee_total", paths=True)
    assert total.evaluate(context(koseki)) == 900 + 450 + 2250 + 300 + 300 + 300
    assert total.evaluate(context(zei)) == 600 + 300


def test_a_form_without_fees_has_no_fee_total() -> None:
    view = with_form(case_view(sample("shusshou")), "shusshou_todoke")
    assert parse("form.fee_total", paths=True).evaluate(context(view)) is UNKNOWN


def test_the_procedure_a_form_is_printed_for_has_its_fee_and_copies() -> None:
    scope = FormScope()
    for source in ("procedure.fee", "procedure.copies", "procedure.amount", "form.fee_total"):
        expression = parse(source, paths=True)
        typed, issues = expression.check(scope, member_allowed=False, vocabulary=scope.vocabulary)
        assert issues == [], source
        assert typed is not None
        assert typed.kind is Kind.NUMBER


def test_a_misspelt_fee_total_suggests_it() -> None:
    scope = FormScope()
    expression, _ = parse_all("form.fee_totl", paths=True)
    assert expression is not None
    _, issues = expression.check(scope, member_allowed=False, vocabulary=scope.vocabulary)
    assert [i.code for i in issues] == [ErrorCode.FORM_REF_FIELD]
    assert "form.fee_total" in issues[0].message
