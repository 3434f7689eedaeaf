"""The committed sample cases are what the shipped questionnaire makes of their answers,
and each prints the forms its procedures ask for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kakanai.services.forms import templates as form_templates
from kakanai.services.forms.samples import SAMPLES, Printing, build_sample, printings, sample_cases
from kakanai.services.shipped_data import FORM_TEMPLATES

ANSWERS = sorted(SAMPLES.glob("*.answers.yaml"))


@pytest.mark.parametrize("answers", ANSWERS, ids=[a.name for a in ANSWERS])
def test_a_sample_case_matches_its_answers_file(answers: Path) -> None:
    """Regenerate with scripts/make_form_samples.py when the questionnaire changes."""
    committed_path = answers.with_name(answers.name.removesuffix(".answers.yaml") + ".json")
    committed = json.loads(committed_path.read_text(encoding="utf-8"))
    assert build_sample(answers, committed["case_id"]) == committed


def test_the_samples_are_the_reference_case_and_the_stress_and_life_event_cases() -> None:
    names = [name for name, _ in sample_cases()]
    assert names == [
        "reference_case",
        "empty_optional",
        "gaikokujin_tennyu",
        "hitorioya",
        "kokugai_tennyu",
        "kokugai_tenshutsu",
        "konin",
        "long_address",
        "long_name",
        "rikon",
        "shibou",
        "shibou_kosodate",
        "shizan",
        "shoumei_ininjou",
        "shoumei_juuminhyou",
        "shoumei_koseki_zei",
        "shusshou",
        "shusshou_gaikoku",
        "shusshou_kokugai",
        "shusshou_kokugai_chien",
        "ten_members",
        "tenkyo",
        "tenshutsu",
        "tokubetsu_eijuu",
    ]
    ten = dict(sample_cases())["ten_members"]
    assert len(ten["household"]["members"]) == 10


def test_a_sample_prints_a_per_member_form_for_the_members_its_procedures_concern() -> None:
    samples = dict(sample_cases())
    child_form = form_templates.load(FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml")
    asked = printings(child_form, samples["reference_case"])
    assert [(p.member, p.asked) for p in asked] == [(3, True), (2, True)]
    assert [p.procedure["id"] for p in asked if p.procedure] == [
        "kodomo_iryou_nyuyouji",
        "kodomo_iryou_gimu",
    ]


def test_a_sample_that_does_not_ask_for_a_form_lays_it_out_for_every_member_unasked() -> None:
    samples = dict(sample_cases())
    child_form = form_templates.load(FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml")
    moving_out = printings(child_form, samples["tenshutsu"])
    assert [(p.member, p.asked) for p in moving_out] == [(i, False) for i in range(5)]
    household_form = form_templates.load(FORM_TEMPLATES / "shintai_techo_kyojuuchi.yaml")
    assert printings(household_form, samples["tenshutsu"]) == [Printing(None, None)]
    (asked,) = printings(household_form, samples["tenkyo"])
    assert asked.procedure is not None
    assert asked.procedure["id"] == "shougai_techo_kyojuuchi"
