"""Issuing a guidance slip: seal the case with the desk's active key and print it, for the
counter's 案内票を印刷 and for `kakanai slip`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kakanai.adapters.slip.pdf import render_slip
from kakanai.services.slip.sealing import SealedSlip, seal_case
from kakanai.services.trees.visits import RuntimeLookup, exact_in_files


def issue_slip_pdf(  # noqa: PLR0913 - the case, the five choices of a printed slip, its trees
    case: dict[str, Any],
    *,
    layout: str,
    lang: str,
    desk: str,
    valid_days: int,
    now: dt.datetime | None = None,
    trees: RuntimeLookup = exact_in_files,
) -> tuple[SealedSlip, bytes]:
    """The sealed slip and its PDF; ``trees`` finds the case's questionnaire version (a
    desk passes ``Workspace.exact_runtime``)."""
    sealed = seal_case(case, now=now, valid_days=valid_days, trees=trees)
    pdf = render_slip(
        case,
        sealed.digits,
        expires_at=sealed.expires_at,
        issued_at=sealed.issued_at,
        layout=layout,
        lang=lang,
        desk=desk,
    )
    return sealed, pdf
