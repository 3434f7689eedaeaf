"""The editor's checks are `kakanai check`'s: the same messages at the same places, each
under the field it is about."""

from __future__ import annotations

from pathlib import Path

from kakanai.core.forms.model import Box
from kakanai.services.forms.checking import check_templates
from kakanai.services.template_editing.session import TemplateSession
from tests.services.template_editing.conftest import SAMPLES, TREES


def test_a_misspelt_binding_is_the_checkers_message_under_its_field(
    session: TemplateSession, template_path: Path
) -> None:
    ref = session.add_field(0, "text", Box(20, 230, 60, 8))
    session.bind_source(ref, "household.head.nmae")
    problems = session.check().of(ref)
    assert [p.code.code for p in problems] == ["FORM_003"]
    assert "もしかして: household.head.name" in problems[0].message
    session.save()
    (report,) = check_templates([template_path], TREES, SAMPLES)
    assert [(p.line, p.col, p.message) for p in report.problems] == [
        (p.line, p.col, p.message) for p in problems
    ]


def test_a_field_without_a_value_asks_for_one(session: TemplateSession) -> None:
    ref = session.add_field(0, "text", Box(20, 230, 60, 8))
    (problem,) = session.check().of(ref)
    assert problem.code.code == "TREE_KEY_002"
    assert "value" in problem.message


def test_a_box_off_the_paper_is_reported_under_its_field(session: TemplateSession) -> None:
    binding = next(b for b in session.bindables() if b.source == "answers.dog_name")
    ref = session.add_field(0, "text", Box(200, 290, 30, 10), binding)
    assert [p.code.code for p in session.check().of(ref)] == ["FORM_006"]


def test_fixing_the_binding_clears_the_message(session: TemplateSession) -> None:
    ref = session.add_field(0, "text", Box(20, 230, 60, 8))
    session.bind_source(ref, "answers.dog_nmae")
    assert session.check().of(ref)
    session.bind_source(ref, "answers.dog_name")
    assert session.check().problems == []
