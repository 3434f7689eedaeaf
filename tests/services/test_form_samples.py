"""The committed sample cases are what the shipped questionnaire makes of their answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kakanai.services.form_samples import SAMPLES, build_sample, sample_cases

ANSWERS = sorted(SAMPLES.glob("*.answers.yaml"))


@pytest.mark.parametrize("answers", ANSWERS, ids=[a.name for a in ANSWERS])
def test_a_sample_case_matches_its_answers_file(answers: Path) -> None:
    """Regenerate with scripts/make_form_samples.py when the questionnaire changes."""
    committed_path = answers.with_name(answers.name.removesuffix(".answers.yaml") + ".json")
    committed = json.loads(committed_path.read_text(encoding="utf-8"))
    assert build_sample(answers, committed["case_id"]) == committed


def test_the_samples_are_the_reference_case_and_four_stress_cases() -> None:
    names = [name for name, _ in sample_cases()]
    assert names == ["reference_case", "empty_optional", "long_address", "long_name", "ten_members"]
    ten = dict(sample_cases())["ten_members"]
    assert len(ten["household"]["members"]) == 10
