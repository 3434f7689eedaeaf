"""The sample cases form templates are checked against: the reference case and the stress
cases in ``forms_templates/samples/`` (long address, long name, ten members, blanks, 転居,
転出, ひとり親), and each time a sample prints a template."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kakanai.adapters.yaml_loading import load_file
from kakanai.core.forms.model import FormTemplate, Per
from kakanai.core.forms.selection import asking
from kakanai.core.located import LMap, plain
from kakanai.services.case_files import load_case
from kakanai.services.shipped_data import (
    FORM_TEMPLATES,
    QUESTIONNAIRES,
    REFERENCE_CASE,
    questionnaire_file,
)
from kakanai.services.trees.interviewing import interview_from_file

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
    """The case a shipped questionnaire makes of an answers file, with a stable time: the
    one the file names (``questionnaire: certificates``), else the moving tree."""
    root = load_file(answers)
    named = plain(root.get("questionnaire")) if isinstance(root, LMap) else None
    tree = questionnaire_file(str(named)) if named else QUESTIONNAIRE
    case = interview_from_file(tree, answers, case_id=case_id)
    case["created_at"] = CREATED_AT
    return case


def dumped(case: dict[str, Any]) -> str:
    return json.dumps(case, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Printing:
    """One time a sample prints a template: for which member (per-member templates) and
    asked by which procedure. ``procedure`` None: no procedure of the sample asks for the
    template, which is laid out anyway so long names and addresses are tried in it."""

    member: int | None
    procedure: Mapping[str, Any] | None

    @property
    def asked(self) -> bool:
        return self.procedure is not None


def printings(template: FormTemplate, case: Mapping[str, Any]) -> list[Printing]:
    """Each time the desk would print ``template`` for the sample: once for the household,
    or once per member a procedure concerns (the first procedure asking, as the desk
    does). When no procedure asks: once, or for every member of a per-member template."""
    procedures = asking(case, template.id)
    if template.per is Per.HOUSEHOLD:
        return [Printing(None, procedures[0] if procedures else None)]
    concerned: dict[int, Mapping[str, Any]] = {}
    for procedure in procedures:
        if procedure.get("member") is not None:
            concerned.setdefault(procedure["member"], procedure)
    if concerned:
        return [Printing(member, procedure) for member, procedure in concerned.items()]
    return [Printing(m.get("index"), None) for m in case["household"]["members"]]
