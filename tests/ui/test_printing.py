"""Printing from the app keeps forms vector where the path allows (a PDF file chosen in the
print dialog gets the PDF itself), and the file dialog is Qt's own, in Japanese."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kakanai.services.counter.session import residence_form
from kakanai.ui.printing import deliver, save_pdf
from tests.conftest import ROOT
from tests.ui.dialogs import when_shown

REFERENCE = json.loads((ROOT / "tests" / "fixtures" / "reference_case.json").read_text("utf-8"))


def test_a_form_printed_to_a_pdf_file_keeps_its_text_and_lines(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pdf = residence_form(REFERENCE)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    deliver(pdf, printer, "住民異動届")
    with pdfplumber.open(io.BytesIO((tmp_path / "printed.pdf").read_bytes())) as printed:
        page = printed.pages[0]
        assert "住民異動届" in (page.extract_text() or "").replace(" ", "")
        assert page.images == []  # not a photograph of the page


@pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps its own (Japanese) dialog")
def test_the_save_dialog_is_qts_own_in_japanese(qtbot: QtBot) -> None:
    seen: list[tuple[bool, list[str]]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        texts = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
        seen.append((dialog.testOption(QFileDialog.Option.DontUseNativeDialog), texts))
        dialog.reject()

    when_shown(look)
    assert save_pdf(b"%PDF", suggested="案内票.pdf", parent=None) is None
    assert seen
    qt_own, buttons = seen[0]
    assert qt_own
    assert "保存" in "".join(buttons)
