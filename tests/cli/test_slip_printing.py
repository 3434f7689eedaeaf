"""`kakanai slip`: a sealed slip PDF (and PNG) from a case file whose code opens again at
the desk; problems are one line with a code, never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image

from kakanai.adapters.pdf.raster import rasterize
from kakanai.adapters.qr.reading import read_code
from kakanai.adapters.slip import key_files
from kakanai.cli import main
from kakanai.services.slip.sealing import open_slip
from tests.conftest import ROOT
from tests.slip_cases import REFERENCE_CASE, reference_case


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A desk with keys, in this process and in subprocesses."""
    data_dir = tmp_path / "desk"
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(data_dir))
    assert main(["keys", "init"]) == 0
    return data_dir


def test_slip_writes_the_pdf_and_a_png_of_page_one(tmp_path: Path, desk: Path) -> None:
    """Run as a clerk would, in a subprocess: receipt layout, English."""
    pdf, png = tmp_path / "slip.pdf", tmp_path / "slip.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kakanai",
            "slip",
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


def test_the_printed_code_opens_to_the_same_case(tmp_path: Path, desk: Path) -> None:
    """Print, rasterize, read the QR back and open it: the case comes back whole."""
    out = tmp_path / "slip.pdf"
    assert main(["slip", str(REFERENCE_CASE), "--out", str(out)]) == 0
    frame = rasterize(out.read_bytes(), dpi=200)
    found = read_code(np.asarray(frame.convert("L")))
    assert found is not None
    assert open_slip(found.text) == reference_case()


def test_expiry_is_the_valid_days_after_issue(tmp_path: Path, desk: Path) -> None:
    out = tmp_path / "slip.pdf"
    assert main(["slip", str(REFERENCE_CASE), "--out", str(out), "--valid-days", "7"]) == 0
    with pdfplumber.open(io.BytesIO(out.read_bytes())) as document:
        text = document.pages[0].extract_text()
    assert "有効期限" in text
    assert "まで" in text


def test_a_desk_without_keys_is_told_to_run_keys_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(tmp_path / "empty"))
    assert main(["slip", str(REFERENCE_CASE), "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("KEY_001 ")
    assert "kakanai keys init" in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("days", ["0", "367", "abc"])
def test_valid_days_outside_1_to_366_is_a_usage_error(tmp_path: Path, days: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["slip", str(REFERENCE_CASE), "--out", str(tmp_path / "x.pdf"), "--valid-days", days])
    assert exited.value.code == 2


def test_a_broken_case_file_is_one_line_with_its_code(
    tmp_path: Path, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "case.json"
    broken.write_text('{"schema": "kakanai.case/1",', encoding="utf-8")
    assert main(["slip", str(broken), "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{broken}:1:")
    assert "CASE_001" in err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_output_is_print_002(
    tmp_path: Path, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing-folder" / "slip.pdf"
    assert main(["slip", str(REFERENCE_CASE), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("PRINT_002 ")
    assert "missing-folder" in err


def test_valid_days_up_to_366_as_the_payload_format_says(
    tmp_path: Path, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The format (docs/slip-payload.md, envelope.MAX_VALID_DAYS) allows 1–366 days; the
    command refused anything past 90."""
    out = tmp_path / "x.pdf"
    assert main(["slip", str(REFERENCE_CASE), "--out", str(out), "--valid-days", "366"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
