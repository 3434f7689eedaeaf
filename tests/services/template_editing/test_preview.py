"""The preview is the form the desk prints: the background form with the sample's values at
the fields' boxes."""

from __future__ import annotations

from kakanai.core.forms.model import Box
from kakanai.services.template_editing.session import TemplateSession
from tests.printed_pages import plumber_chars, text_within


def test_a_new_field_prints_the_samples_value_in_its_box(session: TemplateSession) -> None:
    binding = next(b for b in session.bindables() if b.source == "answers.dog_name")
    box = Box(63, 126.5, 55, 8)  # the background's empty 種類 cell
    session.add_field(0, "text", box, binding)
    sample = next(s for s in session.samples if s.name == "reference_case")
    preview = session.preview(sample)
    assert preview.pdf is not None
    answer = next(a for a in sample.case["answers"] if a["question"] == "dog_name")
    assert text_within(plumber_chars(preview.pdf, 0), box) == answer["value"]


def test_unreadable_yaml_has_no_preview_and_says_why(session: TemplateSession) -> None:
    session.document.apply("壊す", session.text + "\n  - {kind: [\n")
    preview = session.preview(session.samples[0])
    assert preview.pdf is None
    assert preview.error
