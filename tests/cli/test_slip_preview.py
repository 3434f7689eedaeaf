"""`kakanai slip-preview`: a slip PDF (and PNG) from a case file, with a placeholder code;
problems are one line with a code, never a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from kakanai.cli import main
from kakanai.cli.slip_preview import PLACEHOLDER_DIGITS
from tests.conftest import ROOT
from tests.slip_cases import REFERENCE_CASE, reference_case


def test_preview_writes_the_pdf_and_a_png_of_page_one(tmp_path: Path) -> None:
    """Run as a clerk would, in a subprocess: receipt layout, English."""
    pdf, png = tmp_path / "slip.pdf", tmp_path / "slip.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kakanai",
            "slip-preview",
            str(REFERENCE_CASE),
            "--out",
            str(pdf),
            "--layout",
            "receipt80",
            "--png",
            str(png),
            "--lang",
            "en",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    with Image.open(png) as image:
        assert image.format == "PNG"
        assert image.width == pytest.approx(80 / 25.4 * 200, abs=1)  # 80 mm at 200 dpi
    with pdfplumber.open(pdf) as document:
        assert "Valid until" in document.pages[0].extract_text()


def test_expiry_is_thirty_days_after_the_case_was_created(tmp_path: Path) -> None:
    out = tmp_path / "slip.pdf"
    assert main(["slip-preview", str(REFERENCE_CASE), "--out", str(out)]) == 0
    with pdfplumber.open(io.BytesIO(out.read_bytes())) as document:
        text = document.pages[0].extract_text()
    assert "令和8年12月23日 10:15まで" in text  # created 2026-11-23T10:15+09:00
    assert "発行 令和8年11月23日 10:15" in text


def test_placeholder_is_as_long_as_a_real_payload() -> None:
    assert PLACEHOLDER_DIGITS.isdigit()
    assert 550 <= len(PLACEHOLDER_DIGITS) <= 700


def test_a_broken_case_file_is_one_line_with_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "case.json"
    broken.write_text('{"schema": "kakanai.case/1",', encoding="utf-8")
    assert main(["slip-preview", str(broken), "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{broken}:1:")
    assert "CASE_001" in err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_output_is_print_002(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing-folder" / "slip.pdf"
    assert main(["slip-preview", str(REFERENCE_CASE), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("PRINT_002 ")
    assert "missing-folder" in err


def test_a_case_without_created_at_expires_thirty_days_after_the_interview_day(
    tmp_path: Path,
) -> None:
    case = reference_case()
    del case["created_at"]
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "slip.pdf"
    assert main(["slip-preview", str(path), "--out", str(out), "--layout", "receipt80"]) == 0
    with pdfplumber.open(out) as document:
        assert "令和8年12月23日 00:00まで" in document.pages[0].extract_text()
