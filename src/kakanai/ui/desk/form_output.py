"""Printing and saving the department's forms from the desk: all of them as one job, or the
selected one; each print and save is audited (form ids only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kakanai.core.errors import KakanaiError
from kakanai.services.desk.session import DeskScan, record_printing, record_saving
from kakanai.services.forms.rendering import RenderedForm, merged
from kakanai.services.workspace import Workspace
from kakanai.ui.printing import print_pdf, save_pdf


class FormOutput(QObject):
    """``reported``: a line for the status bar; ``problem``: an inline error ("" clears)."""

    reported = Signal(str)
    problem = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._parent = parent

    def print_all(self, scan: DeskScan | None) -> None:
        if scan is None or not scan.forms:
            return
        job = f"{scan.case_id}_{scan.department}_全様式"
        self._print(scan, scan.forms, merged(scan.forms), job)

    def print_one(self, scan: DeskScan | None, form: RenderedForm | None) -> None:
        if scan is None or form is None:
            return
        self._print(scan, [form], form.pdf, Path(form.file_name).stem)

    def save_all(self, scan: DeskScan | None) -> None:
        if scan is None or not scan.forms:
            return
        name = f"{scan.case_id}_{scan.department}_全様式.pdf"
        self._save(scan, scan.forms, merged(scan.forms), name)

    def save_one(self, scan: DeskScan | None, form: RenderedForm | None) -> None:
        if scan is None or form is None:
            return
        self._save(scan, [form], form.pdf, form.file_name)

    def _print(self, scan: DeskScan, forms: list[RenderedForm], pdf: bytes, job: str) -> None:
        try:
            where = print_pdf(pdf, job=job, settings=self.workspace.settings, parent=self._parent)
            if where is None:
                self.reported.emit("印刷を取り消しました。")
                return
            record_printing(self.workspace, scan, forms)
        except KakanaiError as exc:
            self._fail(exc)
            return
        self.problem.emit("")
        self.reported.emit(f"様式{len(forms)}件を印刷しました({where})。")

    def _save(self, scan: DeskScan, forms: list[RenderedForm], pdf: bytes, name: str) -> None:
        try:
            path = save_pdf(pdf, suggested=name, parent=self._parent)
            if path is None:
                return
            record_saving(self.workspace, scan, forms)
        except KakanaiError as exc:
            self._fail(exc)
            return
        self.problem.emit("")
        self.reported.emit(f"様式{len(forms)}件をPDFで保存しました: {path}")

    def _fail(self, exc: KakanaiError) -> None:
        self.problem.emit(f"{exc.message}({exc.code.code})")
        self.reported.emit(f"{exc.code.code} 印刷できませんでした。")
