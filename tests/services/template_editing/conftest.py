"""A copy of the shipped background-PDF template (犬の登録事項変更届) in a temporary
``forms_templates/`` beside the shipped trees, opened for editing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kakanai.services.forms.samples import sample_cases
from kakanai.services.shipped_data import FORM_TEMPLATES
from kakanai.services.template_editing.checking import CheckContext
from kakanai.services.template_editing.session import TemplateSession
from kakanai.services.trees.checking import read_tree, tree_files
from tests.conftest import QUESTIONNAIRES

TREES = [tree for tree, _ in map(read_tree, tree_files([QUESTIONNAIRES])) if tree is not None]
SAMPLES = sample_cases()
FORM = "inu_touroku_henkou"


def copied_template(folder: Path, form: str = FORM) -> Path:
    """The shipped template (and its background PDF) copied into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "backgrounds").mkdir(exist_ok=True)
    shutil.copy(FORM_TEMPLATES / f"{form}.yaml", folder / f"{form}.yaml")
    for pdf in (FORM_TEMPLATES / "backgrounds").glob(f"{form}.pdf"):
        shutil.copy(pdf, folder / "backgrounds" / pdf.name)
    return folder / f"{form}.yaml"


@pytest.fixture
def template_path(tmp_path: Path) -> Path:
    return copied_template(tmp_path / "forms_templates")


@pytest.fixture
def session(template_path: Path) -> TemplateSession:
    return TemplateSession(template_path, CheckContext(TREES, SAMPLES))
