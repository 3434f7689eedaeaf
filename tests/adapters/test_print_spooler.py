"""The spooler gets the PDF itself (vector text stays text), with what the print dialog
chose; a refusal is COUNTER_101. The printer here is a stand-in ``lp`` that keeps the job."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from kakanai.adapters.print_spooler import PrintOptions, spool_pdf
from kakanai.core.errors import ErrorCode, KakanaiError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no lp on Windows")

FAKE_LP = """#!/bin/sh
printf '%s\\n' "$@" > "{folder}/arguments"
cat > "{folder}/job.pdf"
exit {code}
"""


def fake_lp(folder: Path, monkeypatch: pytest.MonkeyPatch, code: int = 0) -> Path:
    lp = folder / "lp"
    lp.write_text(FAKE_LP.format(folder=folder, code=code), encoding="utf-8")
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return folder


def test_the_pdf_reaches_the_spooler_unchanged_with_the_dialogs_choices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_lp(tmp_path, monkeypatch)
    pdf = b"%PDF-1.4 the form\n%%EOF\n"
    options = PrintOptions(copies=2, pages=(1, 1), sides="two-sided-long-edge")
    spool_pdf(pdf, printer="madoguchi-a4", job="住民異動届 20261123-3FA2C1", options=options)
    assert (folder / "job.pdf").read_bytes() == pdf
    arguments = (folder / "arguments").read_text(encoding="utf-8").splitlines()
    assert arguments == [
        "-d",
        "madoguchi-a4",
        "-t",
        "住民異動届 20261123-3FA2C1",
        "-n",
        "2",
        "-o",
        "page-ranges=1-1",
        "-o",
        "sides=two-sided-long-edge",
    ]


def test_a_spooler_that_refuses_the_job_is_reported_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_lp(tmp_path, monkeypatch, code=1)
    with pytest.raises(KakanaiError) as caught:
        spool_pdf(b"%PDF", printer="madoguchi-a4", job="j", options=PrintOptions())
    assert caught.value.code is ErrorCode.COUNTER_PRINT_SPOOL
    assert "madoguchi-a4" in caught.value.message
