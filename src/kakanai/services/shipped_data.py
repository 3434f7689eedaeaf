"""Where the data shipped with kakanai lives in a source checkout: the questionnaires, the
form templates and the reference case that benchmarks and samples use."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]
QUESTIONNAIRES = PROJECT_ROOT / "questionnaires"
FORM_TEMPLATES = PROJECT_ROOT / "forms_templates"
REFERENCE_CASE = PROJECT_ROOT / "tests" / "fixtures" / "reference_case.json"
