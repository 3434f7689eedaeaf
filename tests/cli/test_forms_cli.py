"""`kakanai forms`, `kakanai check` on templates and `kakanai bench forms`: what a clerk or
supervisor sees, located problems, exit codes, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kakanai.cli import main
from kakanai.services.forms import templates as form_templates
from kakanai.services.shipped_data import FORM_TEMPLATES
from tests.cli.test_cli import assert_no_traceback, kakanai
from tests.conftest import ROOT

CASE = ROOT / "tests" / "fixtures" / "reference_case.json"
PROBLEM_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z_]+_\d{3}) .+"
)


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_forms_for_a_procedure_writes_one_pdf_per_child_and_prints_the_paths(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "forms", CASE, "--procedure", "kodomo_iryou_gimu", "--out", tmp_path
    )
    assert (code, err) == (0, "")
    expected = tmp_path / "20261123-3FA2C1_kodomo_kodomo_iryou_shinsei_世帯員3.pdf"
    assert out.splitlines() == [str(expected)]
    assert expected.read_bytes().startswith(b"%PDF")


def test_forms_merge_writes_one_file_named_for_the_selection(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "forms", CASE, "--department", "環境課", "--out", tmp_path, "--merge"
    )
    assert code == 0
    assert [Path(line).name for line in out.splitlines()] == ["20261123-3FA2C1_環境課.pdf"]


def test_forms_preview_of_one_template(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "forms", CASE, "--form", "kodomo_iryou_shinsei", "--member", "3", "--out", tmp_path
    )
    assert code == 0
    assert out.strip().endswith("_世帯員4.pdf")


def test_forms_for_a_department_the_case_does_not_concern_writes_nothing_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "forms", CASE, "--department", "zeimu", "--out", tmp_path / "out")
    assert code == 1
    assert out == ""
    assert err.startswith("FORM_021 この案件には課「zeimu」の手続きがありません。")
    assert not (tmp_path / "out").exists()


def test_forms_needs_exactly_one_selection(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["forms", str(CASE), "--all", "--procedure", "x", "--out", str(tmp_path)])
    assert caught.value.code == 2
    assert "引数が正しくありません" in capsys.readouterr().err


def test_check_of_the_template_folder_passes_with_one_summary_per_template(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "check", ROOT / "forms_templates")
    summaries = [line for line in out.splitlines() if " — OK" in line and ": 様式 " in line]
    assert code == 0
    assert len(summaries) == len(form_templates.template_files([FORM_TEMPLATES]))


def test_check_of_a_broken_template_prints_located_problems_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "forms_templates"
    folder.mkdir()
    text = (FORM_TEMPLATES / "kodomo_iryou_shinsei.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        "value: member.birth_date, style: era", "value: member.birthday, style: era"
    )
    (folder / "kodomo_iryou_shinsei.yaml").write_text(broken, encoding="utf-8")
    shutil.copytree(ROOT / "questionnaires", tmp_path / "questionnaires")
    code, out, _ = run(capsys, "check", folder)
    problems = [m.groupdict() for m in map(PROBLEM_LINE.match, out.splitlines()) if m]
    assert code == 1
    assert [(p["code"]) for p in problems] == ["FORM_003"]
    line = broken.splitlines()[int(problems[0]["line"]) - 1]
    assert "member.birthday" in line
    assert "もしかして: member.birth_date" in out


def test_check_without_paths_checks_trees_templates_and_their_references() -> None:
    """The real console command, from the repository root. Until every template a procedure
    names exists, the missing ones are reported at their forms: lines (and only those)."""
    result = kakanai("check", "--as-of", "2026-11-23")
    assert_no_traceback(result)
    problems = [m.groupdict() for m in map(PROBLEM_LINE.match, result.stdout.splitlines()) if m]
    existing = set(form_templates.index(FORM_TEMPLATES))
    assert {p["code"] for p in problems} <= {"FORM_011"}
    assert all(p["path"] == "questionnaires/moving.yaml" for p in problems)
    assert not any(f"「{form_id}」" in result.stdout for form_id in existing)
    assert result.returncode == (1 if problems else 0)
    assert sum(": 様式 " in line for line in result.stdout.splitlines()) == len(existing)


def test_bench_forms_reports_cold_warm_and_memory(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "bench", "forms", "--repeat", "1")
    assert code == 0
    assert re.search(r"cold .*: \d+ ms inside", out)
    assert re.search(r"warm: median [\d.]+ ms", out)
    assert re.search(r"warm, font subsets built afresh each run: median [\d.]+ ms", out)
    assert re.search(r"peak RSS [\d.]+ MiB", out)
