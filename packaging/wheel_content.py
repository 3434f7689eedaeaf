"""The wheel's build step that ships kakanai's content: setuptools builds the package as
usual, then the checkout's question trees, form templates (backgrounds and samples
included) and the reference case are copied into ``kakanai/shipped/``."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parents[1]
# (source in the checkout, destination under kakanai/shipped/)
CONTENT = (
    ("questionnaires", "questionnaires"),
    ("forms_templates", "forms_templates"),
    ("tests/fixtures/reference_case.json", "reference_case.json"),
)


class BuildPy(build_py):
    """``build_py`` plus the content; an editable install reads the checkout instead."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        shipped = Path(self.build_lib) / "kakanai" / "shipped"
        for source, destination in CONTENT:
            copy(ROOT / source, shipped / destination)


def copy(source: Path, target: Path) -> None:
    if not source.exists():
        message = f"{source} is missing: build the wheel from a full checkout of kakanai"
        raise FileNotFoundError(message)
    if source.is_dir():
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")
        shutil.copytree(source, target, ignore=ignore, dirs_exist_ok=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
