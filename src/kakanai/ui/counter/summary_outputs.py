"""What the summary's buttons make of a finished interview: the case, stored on the first slip
or form (which closes the draft), the guidance slip issued once then printed or saved, and the
counter's 住民異動届."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from kakanai.core.trees.case import build_case
from kakanai.services.counter.session import (
    CounterSession,
    IssuedSlip,
    issue_slip,
    residence_rendered,
)
from kakanai.services.stats.recording import record_forms
from kakanai.services.workspace import Workspace
from kakanai.ui.printing import print_pdf, save_pdf

UNISSUED_CASE_ID = "(未発行)"


class SummaryOutputs:
    """The outputs of the interview on the summary page; ``reset`` before the next one.
    Each output returns the status message to show (None when the clerk cancelled)."""

    def __init__(self, workspace: Workspace, parent: QWidget, stored: Callable[[], None]) -> None:
        self.workspace = workspace
        self.parent = parent  # of the print and save dialogs
        self.stored = stored  # called once the case is stored (the summary shows its id)
        self.case: dict[str, Any] | None = None
        self.slip: IssuedSlip | None = None

    def reset(self) -> None:
        self.case = None
        self.slip = None

    def preview(self, session: CounterSession | None) -> dict[str, Any] | None:
        """The case the summary shows: the stored one, else one built from the finished
        interview without a case id yet; None while a question is still open."""
        if self.case is not None:
            return self.case
        if session is None or session.current is not None:
            return None
        return build_case(
            session.interview, case_id=UNISSUED_CASE_ID, created_at=self.workspace.now()
        )

    def print_slip(self, session: CounterSession) -> str | None:
        slip = self._issued(session)
        job = f"手続き案内票 {self._finished_case(session)['case_id']}"
        where = print_pdf(slip.pdf, job=job, settings=self.workspace.settings, parent=self.parent)
        return f"案内票を印刷しました({where})。" if where else None

    def save_slip(self, session: CounterSession) -> str | None:
        slip = self._issued(session)
        name = f"手続き案内票_{self._finished_case(session)['case_id']}.pdf"
        path = save_pdf(slip.pdf, suggested=name, parent=self.parent)
        return f"案内票を保存しました: {path}" if path is not None else None

    def print_residence_form(self, session: CounterSession) -> str | None:
        case = self._finished_case(session)
        form = residence_rendered(case)
        job = f"住民異動届 {case['case_id']}"
        where = print_pdf(form.pdf, job=job, settings=self.workspace.settings, parent=self.parent)
        if where:
            record_forms(self.workspace, case["case_id"], [form])  # statistics
        return f"住民異動届を印刷しました({where})。" if where else None

    def _finished_case(self, session: CounterSession) -> dict[str, Any]:
        """The stored case: finished (stored, draft closed) on the first slip or form."""
        if self.case is None:
            self.case = session.finish()
            self.stored()
        return self.case

    def _issued(self, session: CounterSession) -> IssuedSlip:
        case = self._finished_case(session)
        if self.slip is None:
            self.slip = issue_slip(self.workspace, case)
        return self.slip
