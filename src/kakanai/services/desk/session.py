"""A linked department's desk after a scan: open the slip, record the handoff and audit it,
and return the case limited to this department with its prefilled forms. Qt-free; the desk
screen (ui/desk) shows what this returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kakanai.adapters.pdf.raster import rasterize
from kakanai.adapters.qr.reading import load_image, read_code
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.digits import SCHEME, normalize_scanned
from kakanai.services.case_files import load_case
from kakanai.services.desk.rejections import RejectionHelp, wrong_counter_help
from kakanai.services.desk.summary import DeskSummary, department_summary, template_reads
from kakanai.services.forms.rendering import (
    RenderedForm,
    layout_for,
    load_templates,
    render_form,
    render_forms,
)
from kakanai.services.forms.samples import SAMPLES
from kakanai.services.slip.sealing import open_slip_details
from kakanai.services.workspace import Workspace
from kakanai.store.audit import audit
from kakanai.store.handoffs import Handoff, record_handoff
from kakanai.store.statistics.recording import record_form_prints, record_scan

IMAGE_BUDGET_MS = 1500.0
"""An opened image file is read once: the decoder chain may take its time."""


@dataclass(frozen=True)
class DeskScan:
    """One scanned slip at this desk."""

    case_id: str
    department: str
    department_name: str
    summary: DeskSummary
    forms: list[RenderedForm]
    handoff: Handoff | None  # None when the case has nothing for this department
    issued_at: dt.datetime
    expires_at: dt.datetime
    wrong_counter: RejectionHelp | None = None

    @property
    def for_this_department(self) -> bool:
        return bool(self.summary.procedures)


def open_scan(workspace: Workspace, text: str, *, now: dt.datetime | None = None) -> DeskScan:
    """Open the scanned or typed ``text`` at this desk's department. Raises the
    KakanaiError of the slip's first problem (tampered, expired, unknown key, other
    questionnaire version, not a slip); then nothing is recorded."""
    moment = now or workspace.now()
    opened = open_slip_details(normalize_scanned(text), now=moment, trees=workspace.exact_runtime)
    case = opened.case
    department = workspace.department
    summary = department_summary(case, department.id)
    for_us = bool(summary.procedures)
    forms = _forms(case, department.id) if for_us else []
    handoff = _record_scan(workspace, str(case["case_id"]), len(forms), moment, for_us=for_us)
    return DeskScan(
        str(case["case_id"]),
        department.id,
        department.name,
        summary,
        forms,
        handoff,
        opened.issued_at,
        opened.expires_at,
        None if for_us else wrong_counter_help(case, department.name),
    )


def _record_scan(
    workspace: Workspace, case_id: str, form_count: int, moment: dt.datetime, *, for_us: bool
) -> Handoff | None:
    """The handoff (when the case has something for this department) and the audit entry."""
    department = workspace.department.id
    with workspace.session() as session:
        handoff = None
        if for_us:
            handoff = record_handoff(
                session, case_id=case_id, department=department, desk=workspace.who.desk, now=moment
            )
        record_scan(
            session,
            case_id=case_id,
            department=department,
            desk=workspace.who.desk,
            now=moment,
            handoff=for_us,
        )
        scans = handoff.scans if handoff else 0
        detail = f"department={department} scans={scans} forms={form_count}"
        audit(
            session, "slip_scanned", who=workspace.who, now=moment, case_id=case_id, detail=detail
        )
    return handoff


def warm_up(workspace: Workspace) -> str:
    """Before the first scan: load the department's form templates and what they read, and
    render and rasterize one of them for a sample case shipped with the templates, so that
    fonts, layouts and the PDF renderer are ready (the first scan then takes half the
    time). Returns the form id rendered ("" when the department has no forms, or there is
    no sample)."""
    department = workspace.department.id
    procedures = workspace.runtime.tree.procedures
    ids = list(
        dict.fromkeys(f for p in procedures if p.department_id == department for f in p.forms)
    )
    loaded = [t for t in load_templates(ids).values() if t is not None]
    for template in loaded:
        layout_for(template)
        template_reads(template)
    samples = sorted(SAMPLES.glob("*.json"))
    if not loaded or not samples:
        return ""
    rasterize(render_form(load_case(samples[0]), loaded[0].id).pdf, dpi=72)
    return loaded[0].id


def _forms(case: Mapping[str, Any], department: str) -> list[RenderedForm]:
    """The department's forms; none when its procedures have no forms to print."""
    try:
        return render_forms(case, department=department)
    except KakanaiError as exc:
        if exc.code is ErrorCode.FORM_NOTHING_TO_PRINT:
            return []
        raise


def record_printing(workspace: Workspace, scan: DeskScan, forms: list[RenderedForm]) -> None:
    """Audit that ``forms`` of ``scan`` were printed (form ids only, no personal data)."""
    _record_forms(workspace, scan, forms, "forms_printed")


def record_saving(workspace: Workspace, scan: DeskScan, forms: list[RenderedForm]) -> None:
    """Audit that ``forms`` of ``scan`` were saved as PDF."""
    _record_forms(workspace, scan, forms, "forms_saved")


def _record_forms(
    workspace: Workspace, scan: DeskScan, forms: list[RenderedForm], action: str
) -> None:
    ids = ",".join(dict.fromkeys(form.form_id for form in forms))
    now = workspace.now()
    with workspace.session() as session:
        audit(
            session,
            action,
            who=workspace.who,
            now=now,
            case_id=scan.case_id,
            detail=f"department={scan.department} count={len(forms)} forms={ids}"[:256],
        )
        fills = [form.fill for form in forms if form.fill is not None]
        if fills:
            record_form_prints(
                session, case_id=scan.case_id, desk=workspace.who.desk, forms=fills, now=now
            )


def slip_text_in(frame: np.ndarray, *, budget_ms: float) -> str | None:
    """The text of the slip's code in ``frame``: a code that looks like a slip (its digits
    start with the scheme) is preferred; another code's text is returned when there is no
    slip, so that opening it says it is not a slip. None when no code is found."""
    others: list[str] = []

    def looks_like_slip(text: str) -> bool:
        digits = normalize_scanned(text)
        if digits.isdigit() and digits.startswith(SCHEME):
            return True
        others.append(text)
        return False

    found = read_code(frame, looks_like_slip, budget_ms=budget_ms)
    if found is not None:
        return found.text
    return others[0] if others else None


def read_slip_image(path: Path) -> str:
    """The slip text in the image file at ``path``; SCAN_001 when it is not an image,
    SLIP_001 when it holds no code."""
    text = slip_text_in(load_image(path), budget_ms=IMAGE_BUDGET_MS)
    if text is None:
        raise KakanaiError.of(ErrorCode.SLIP_NO_CODE, detail=path.name)
    return text
