"""The sample cases form templates are checked against: the reference case and the stress
cases in ``forms_templates/samples/`` (long address, long name, ten members, blanks)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kakanai.services.case_files import load_case
from kakanai.services.interviewing import interview_from_file
from kakanai.services.shipped_data import FORM_TEMPLATES, QUESTIONNAIRES, REFERENCE_CASE

SAMPLES = FORM_TEMPLATES / "samples"
QUESTIONNAIRE = QUESTIONNAIRES / "moving.yaml"
CREATED_AT = "2026-11-23T10:15:00+09:00"


def sample_files(folder: Path = SAMPLES) -> list[Path]:
    """The reference case (when this is a source checkout) and every stress case."""
    stress = sorted(folder.glob("*.json")) if folder.is_dir() else []
    return ([REFERENCE_CASE] if REFERENCE_CASE.is_file() else []) + stress


def sample_cases(folder: Path = SAMPLES) -> list[tuple[str, dict[str, Any]]]:
    """(name, case) for each sample; the name is the file name without .json."""
    return [(path.stem, load_case(path)) for path in sample_files(folder)]


def build_sample(answers: Path, case_id: str) -> dict[str, Any]:
    """The case the shipped questionnaire makes of an answers file, with a stable time."""
    case = interview_from_file(QUESTIONNAIRE, answers, case_id=case_id)
    case["created_at"] = CREATED_AT
    return case


def dumped(case: dict[str, Any]) -> str:
    return json.dumps(case, ensure_ascii=False, indent=2) + "\n"
