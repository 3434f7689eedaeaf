"""`kakanai trees` and `kakanai users` from a shell: a broken tree is refused with every
problem as path:line:col: CODE message and nothing stored; a good one is imported, listed,
exported byte for byte and withdrawn; changes name a supervisor whose password is never
echoed; never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kakanai.services.supervision.accounts import add_user
from kakanai.services.workspace import open_workspace
from tests.cli.test_cli import assert_no_traceback
from tests.conftest import ROOT
from tests.services.supervision.trees import PETS, PETS_TESTS, line_of, replaced

NAME = "監修 花子"
PASSWORD = "correct horse battery staple"  # noqa: S105 - a test password


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A desk's data folder with one supervisor, and the environment to run kakanai in."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KAKANAI_")}
    clean["KAKANAI_DATA_DIR"] = str(tmp_path / "data")
    for name in list(os.environ):
        if name.startswith("KAKANAI_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", clean["KAKANAI_DATA_DIR"])
    workspace = open_workspace(create_key=False)
    try:
        add_user(workspace, NAME, "supervisor", password=PASSWORD)
    finally:
        workspace.close()
    (tmp_path / "right").write_text(PASSWORD + "\n", encoding="utf-8")
    (tmp_path / "wrong").write_text("not the password at all\n", encoding="utf-8")
    return clean


def kakanai(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "kakanai", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert_no_traceback(result)
    assert PASSWORD not in result.stdout + result.stderr
    return result


def as_supervisor(tmp_path: Path, which: str = "right") -> list[str]:
    return ["--as", NAME, "--as-password-file", str(tmp_path / which)]


def write_pets(folder: Path, text: str = PETS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pets.tests.yaml").write_bytes(PETS_TESTS.encode("utf-8"))
    path = folder / "pets.yaml"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_import_of_a_broken_tree_prints_every_problem_located_and_stores_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    broken = replaced(PETS, "when: pet_dog\n    because", "when: pet_dgo\n    because")
    broken = replaced(
        broken, "department: kankyo\n    when: not", "department: kanyko\n    when: not"
    )
    path = write_pets(tmp_path / "broken", broken)
    result = kakanai(
        env, "trees", "import", str(path), "--effective", "2027-01-01", *as_supervisor(tmp_path)
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert sorted(line.split(" ", 2)[:2] for line in lines[:-1]) == [
        [f"{path}:{line_of(broken, 'pet_dgo')}:11:", "TREE_REF_001"],
        [f"{path}:{line_of(broken, 'kanyko')}:5:", "TREE_REF_004"],
    ]
    assert lines[-1].startswith("TREES_001 ")
    assert "何も保存していません" in lines[-1]
    listed = kakanai(env, "trees", "list")
    assert "公開した版はありません" in listed.stdout


def test_a_tree_is_imported_listed_exported_byte_for_byte_and_withdrawn(
    env: dict[str, str], tmp_path: Path
) -> None:
    path = write_pets(tmp_path / "given", PETS.replace("\n", "\r\n"))
    imported = kakanai(
        env, "trees", "import", str(path), "--effective", "2027-01-01", *as_supervisor(tmp_path)
    )
    assert imported.returncode == 0, imported.stderr
    assert "pets 版2027.1 を取り込みました(施行日 2027-01-01 から使います)" in imported.stdout
    exported = kakanai(env, "trees", "export", "--out", str(tmp_path / "out"))
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out" / "pets.yaml").read_bytes() == path.read_bytes()
    assert (tmp_path / "out" / "pets.tests.yaml").read_bytes() == PETS_TESTS.encode("utf-8")
    withdrawn = kakanai(env, "trees", "withdraw", "pets", "2027.1", *as_supervisor(tmp_path))
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert "ファイルの版を使います" in withdrawn.stdout
    listed = json.loads(kakanai(env, "trees", "list", "--json").stdout)
    assert [(v["id"], v["version"], v["state"], v["withdrawn_by"]) for v in listed] == [
        ("pets", "2027.1", "withdrawn", NAME)
    ]


def test_changes_need_a_supervisor_and_the_right_password(
    env: dict[str, str], tmp_path: Path
) -> None:
    added = kakanai(env, "users", "add", "窓口 太郎", "--role", "clerk")
    assert (added.returncode, added.stderr.split(" ", 1)[0]) == (1, "SUPERVISE_004")
    wrong = kakanai(
        env, "users", "add", "窓口 太郎", "--role", "clerk", *as_supervisor(tmp_path, "wrong")
    )
    assert (wrong.returncode, wrong.stderr.split(" ", 1)[0]) == (1, "SUPERVISE_001")
    prompt = kakanai(env, "trees", "withdraw", "pets", "2027.1", "--as", NAME)
    assert (prompt.returncode, prompt.stderr.split(" ", 1)[0]) == (1, "USER_009")
    assert "--as-password-file" in prompt.stderr
    done = kakanai(env, "users", "add", "窓口 太郎", "--role", "clerk", *as_supervisor(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "窓口 太郎(窓口職員)を登録しました" in done.stdout
    listed = json.loads(kakanai(env, "users", "list", "--json").stdout)
    assert [(u["name"], u["role"], u["has_password"]) for u in listed] == [
        ("監修 花子", "supervisor", True),
        ("窓口 太郎", "clerk", False),
    ]


def test_the_user_list_names_each_role_in_japanese(env: dict[str, str], tmp_path: Path) -> None:
    added = kakanai(env, "users", "add", "窓口 太郎", "--role", "clerk", *as_supervisor(tmp_path))
    assert added.returncode == 0, added.stderr
    rows = [line.split("\t")[:2] for line in kakanai(env, "users", "list").stdout.splitlines()]
    assert rows == [["監修 花子", "監修者(supervisor)"], ["窓口 太郎", "窓口職員(clerk)"]]
