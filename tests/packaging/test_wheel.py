"""The wheel carries all kakanai needs: built from the checkout, installed into a fresh venv
outside it, its commands find the shipped trees, templates and migrations from a folder that
is not the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

AS_OF = "2026-11-23"
ANSWERS = ROOT / "docs" / "examples" / "family-move-in.answers.yaml"
NOT_COPIED = shutil.ignore_patterns(
    ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "out"
)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    desk: Path  # the working folder the commands run in, far from the checkout
    env: dict[str, str]

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        command = self.venv / "bin" / "kakanai"
        return subprocess.run(
            [str(command), *map(str, args)],
            cwd=self.desk,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )


def _uv() -> str:
    return str(Path(sys.executable).with_name("uv"))


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel built from a copy of the checkout (no stale build/ folder can leak into it)
    and installed without its dependencies into a new venv, which borrows them from the
    checkout's venv through a .pth line (installing PySide6 again would take minutes)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    # --no-cache: nothing of this test is kept outside its temporary folder.
    build = [_uv(), "build", "--no-cache", "--wheel", "--no-build-isolation", "-q"]
    subprocess.run(
        [*build, "-o", work / "dist", "--python", sys.executable, source], check=True, timeout=300
    )
    wheel = next((work / "dist").glob("kakanai-*.whl"))
    venv = work / "venv"
    subprocess.run(
        [_uv(), "venv", "--no-cache", "-q", "--python", sys.executable, venv], check=True
    )
    site = next(venv.glob("lib/python3*/site-packages"))
    # A path line in a .pth is only added to sys.path, after the venv's own site-packages; the
    # .pth files there (the checkout's editable kakanai) are not run, so the wheel's wins.
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = [
        _uv(),
        "pip",
        "install",
        "--no-cache",
        "-q",
        "--no-deps",
        "--python",
        venv / "bin" / "python",
    ]
    subprocess.run([*install, wheel], check=True, timeout=300)
    desk = work / "desk"
    desk.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KAKANAI_", "VIRTUAL_ENV"))}
    env.update(KAKANAI_DATA_DIR=str(work / "data"), PYTHONDONTWRITEBYTECODE="1")
    return Installed(wheel, venv, desk, env)


def test_the_wheel_holds_the_trees_templates_backgrounds_samples_and_migrations(
    installed: Installed,
) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for wanted in (
        "kakanai/shipped/questionnaires/moving.yaml",
        "kakanai/shipped/questionnaires/moving.tests.yaml",
        "kakanai/shipped/forms_templates/kodomo_iryou_shinsei.yaml",
        "kakanai/shipped/forms_templates/backgrounds/inu_touroku_henkou.pdf",
        "kakanai/shipped/forms_templates/samples/ten_members.json",
        "kakanai/shipped/reference_case.json",
        "kakanai/store/migrations/env.py",
        "kakanai/store/migrations/versions/0001_initial.py",
    ):
        assert wanted in names


def test_the_installed_kakanai_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    python = installed.venv / "bin" / "python"
    where = subprocess.run(
        [python, "-c", "import kakanai.services.shipped_data as s; print(s.SHIPPED)"],
        cwd=installed.desk,
        env=installed.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.venv)


def test_check_finds_the_shipped_trees_and_templates_outside_the_checkout(
    installed: Installed,
) -> None:
    result = installed.run("check", "--as-of", AS_OF)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert "shipped/questionnaires/moving.yaml: moving" in result.stdout
    assert "shipped/forms_templates/kodomo_iryou_shinsei.yaml" in result.stdout


def test_interview_by_id_then_forms_print_the_departments_pdfs(installed: Installed) -> None:
    answers = installed.desk / "answers.yaml"
    shutil.copy(ANSWERS, answers)
    interview = installed.run("interview", "moving", "--answers", answers, "--as-of", AS_OF)
    assert interview.returncode == 0, interview.stderr
    case = installed.desk / "case.json"
    case.write_text(interview.stdout, encoding="utf-8")
    assert json.loads(interview.stdout)["questionnaire"]["id"] == "moving"
    forms = installed.run("forms", case, "--department", "kodomo", "--out", "forms")
    assert forms.returncode == 0, forms.stderr
    assert sorted((installed.desk / "forms").glob("*.pdf"))


def test_a_desk_store_is_created_and_migrated_from_the_installed_migrations(
    installed: Installed,
) -> None:
    result = installed.run("purge", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "案件0件" in result.stdout
