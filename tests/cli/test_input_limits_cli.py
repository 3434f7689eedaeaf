"""The interview command refuses values outside the domain with their own code and exit 1,
never exit 70: a birth date before 明治 (it crashed finish()), names with control
characters or that are not text, interview dates outside the domain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_no_traceback, kakanai
from tests.conftest import QUESTIONNAIRES, ROOT

MOVING = QUESTIONNAIRES / "moving.yaml"
ANSWERS = ROOT / "tests" / "fixtures" / "reference_case.answers.yaml"
HEAD = "{name: 山田 太郎, kana: やまだ たろう, birth_date: S57.5.10"


def answers_with(tmp_path: Path, old: str, new: str) -> Path:
    text = ANSWERS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "answers.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        (HEAD, HEAD.replace("S57.5.10", "1800-01-01"), "INPUT_010"),
        ("move_date: R8.11.15", "move_date: 1800-01-01", "INPUT_010"),
        (HEAD, HEAD.replace("山田 太郎", '"山田\\0太郎"'), "INPUT_008"),
        (HEAD, HEAD.replace("山田 太郎", '"山田\\u202e太郎"'), "INPUT_008"),
        (HEAD, HEAD.replace("山田 太郎", "12345"), "INPUT_009"),
        ("as_of: 2026-11-23", "as_of: 0001-01-01", "INPUT_010"),
    ],
    ids=["birth 1800", "move date 1800", "NUL", "U+202E", "number as name", "as_of year 1"],
)
def test_interview_refuses_values_outside_the_domain(
    tmp_path: Path, old: str, new: str, code: str
) -> None:
    result = kakanai("interview", MOVING, "--answers", answers_with(tmp_path, old, new))
    assert_no_traceback(result)
    assert result.returncode == 1, result.stderr
    assert re.search(rf"(^|: ){code} ", result.stderr), result.stderr


@pytest.mark.parametrize("command", ["interview", "check"])
def test_an_as_of_outside_the_domain_is_a_usage_error(command: str) -> None:
    extra = ["--answers", str(ANSWERS)] if command == "interview" else []
    result = kakanai(command, MOVING, *extra, "--as-of", "0001-01-01")
    assert_no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert "明治元年" in result.stderr
