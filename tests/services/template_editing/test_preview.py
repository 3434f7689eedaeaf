"""The preview is the form the desk prints: the background form with the sample's values at
the fields' boxes."""

from __future__ import annotations

from pathlib import Path

from kakanai.core.forms.model import Box
from kakanai.services.template_editing.checking import CheckContext
from kakanai.services.template_editing.preview import SampleCase, fitting_first
from kakanai.services.template_editing.session import TemplateSession
from tests.printed_pages import plumber_chars, text_within
from tests.services.template_editing.conftest import SAMPLES, TREES, copied_template


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


def test_a_form_is_first_previewed_with_a_sample_that_prints_it(tmp_path: Path) -> None:
    path = copied_template(tmp_path / "forms_templates", "boshi_shinseiji_houmon")
    session = TemplateSession(path, CheckContext(TREES, SAMPLES))
    first = session.samples[0].case
    printed = [f for p in first["procedures"] for f in p.get("forms") or ()]
    assert "boshi_shinseiji_houmon" in printed  # a birth, not the moving reference case
    assert len(session.samples) == len(SAMPLES)  # every sample is still offered


def test_samples_that_print_the_form_keep_their_order_and_come_first() -> None:
    def sample(name: str, *forms: str) -> SampleCase:
        return SampleCase(name, name, {"procedures": [{"id": "p", "forms": list(forms)}]})

    samples = [sample("a"), sample("b", "x"), sample("c", "y"), sample("d", "x", "y")]
    assert [s.name for s in fitting_first(samples, "x")] == ["b", "d", "a", "c"]
