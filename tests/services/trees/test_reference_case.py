"""The committed reference case is what the shipped questionnaire makes of its answers file."""

from __future__ import annotations

import json

from kakanai.services.trees.interviewing import interview_from_file
from tests.conftest import QUESTIONNAIRES, ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def test_reference_case_matches_its_answers_file() -> None:
    """Regenerate the fixture (see the answers file) when the questionnaire changes."""
    built = interview_from_file(
        QUESTIONNAIRES / "moving.yaml",
        FIXTURES / "reference_case.answers.yaml",
        case_id="20261123-3FA2C1",
    )
    committed = json.loads((FIXTURES / "reference_case.json").read_text(encoding="utf-8"))
    built["created_at"] = committed["created_at"]
    assert built == committed


def test_reference_case_is_the_household_the_issues_describe() -> None:
    """Parents in their 40s, children of 9 and 4, ≥ 7 procedures and ≥ 20 answers."""
    case = json.loads((FIXTURES / "reference_case.json").read_text(encoding="utf-8"))
    ages = [m["age"] for m in case["household"]["members"]]
    assert [a // 10 for a in ages[:2]] == [4, 4]
    assert ages[2:] == [9, 4]
    assert len(case["procedures"]) >= 7
    assert len(case["answers"]) >= 20
