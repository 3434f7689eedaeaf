"""Reading a case file gives the case or a located Japanese error, never half a case."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kakanai.benchmarks.bounded_runs import BoundedRunner, Sample
from kakanai.core.errors import KakanaiError
from kakanai.services.case_files import load_case
from tests.conftest import ROOT

FORMS_READER = "kakanai.benchmarks.robustness:read_case_forms"

BAD_CASES = [
    ("not json", '{\n  "schema": ', "CASE_001", 2),
    ("nested too deep", "[" * 100_000 + "]" * 100_000, "INPUT_004", 1),
    ("not an object", "[1, 2]", "CASE_002", 1),
    ("wrong schema", '{"schema": "other/1"}', "CASE_002", 1),
    ("missing procedures", '{"schema": "kakanai.case/1", "case_id": "x"}', "CASE_002", 1),
]


def test_reference_case_loads() -> None:
    case = load_case(ROOT / "tests" / "fixtures" / "reference_case.json")
    assert case["case_id"] == "20261123-3FA2C1"


@pytest.mark.parametrize(("name", "text", "code", "line"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_case_file_is_a_located_error(
    tmp_path: Path, name: str, text: str, code: str, line: int
) -> None:
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KakanaiError) as caught:
        load_case(path)
    assert caught.value.code.code == code
    assert caught.value.line == line
    assert caught.value.path == str(path)


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(KakanaiError) as caught:
        load_case(tmp_path / "none.json")
    assert caught.value.code.code == "CASE_001"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_is_refused_instead_of_waiting(bounded: BoundedRunner, tmp_path: Path) -> None:
    outcome = bounded.run(FORMS_READER, Sample("case.json", special="fifo"))
    assert (outcome.status, outcome.code) == ("refused", "INPUT_001"), outcome


def test_dev_zero_is_refused_instead_of_read_to_the_end(bounded: BoundedRunner) -> None:
    outcome = bounded.run(FORMS_READER, Sample("zero", special="/dev/zero"))
    assert (outcome.status, outcome.code) == ("refused", "INPUT_001"), outcome


def test_a_file_past_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(" " * (2 * 1024 * 1024), encoding="utf-8")  # past the 1 MB limit
    with pytest.raises(KakanaiError) as caught:
        load_case(path)
    assert caught.value.code.code == "INPUT_002"
