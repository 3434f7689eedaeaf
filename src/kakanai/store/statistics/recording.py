"""Recording forms printed and slips scanned for statistics. A form printed again for the
same case and member is one form printed twice (one INSERT ... ON CONFLICT, like handoffs)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kakanai.core.forms.prefill import FormFill
from kakanai.store.tables import DeskScanRow, FormPrintRow

HOUSEHOLD = -1  # the member of a form printed once for the household


def record_form_prints(
    session: Session, *, case_id: str, desk: str, forms: list[FormFill], now: dt.datetime
) -> None:
    """Count ``forms`` printed (or saved) for ``case_id`` at ``desk``."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    for form in forms:
        statement = (
            dialect.insert(FormPrintRow)
            .values(
                case_id=case_id,
                form_id=form.form_id,
                member=HOUSEHOLD if form.member is None else form.member,
                procedure_id=form.procedure_id,
                department=form.department,
                desk=desk,
                first_printed_at=now,
                last_printed_at=now,
                prints=1,
                fields=form.prefill.fields,
                names=form.prefill.names,
                addresses=form.prefill.addresses,
                birth_dates=form.prefill.birth_dates,
            )
            .on_conflict_do_update(
                index_elements=[FormPrintRow.case_id, FormPrintRow.form_id, FormPrintRow.member],
                set_={"prints": FormPrintRow.prints + 1, "last_printed_at": now},
            )
        )
        session.execute(statement)


def record_scan(  # noqa: PLR0913 - a scan is exactly these parts
    session: Session,
    *,
    case_id: str,
    department: str,
    desk: str,
    now: dt.datetime,
    handoff: bool,
) -> None:
    """Count one slip opened at ``desk`` (``handoff``: the case had procedures there)."""
    session.add(
        DeskScanRow(
            case_id=case_id, department=department, desk=desk, scanned_at=now, handoff=handoff
        )
    )
    session.flush()
