"""Counting prefilled forms once they are printed or saved (the counter's 住民異動届, a
department's forms), for statistics: form ids and counts only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kakanai.services.workspace import Workspace
from kakanai.store.statistics.recording import record_form_prints

if TYPE_CHECKING:
    from kakanai.services.forms.rendering import RenderedForm


def record_forms(workspace: Workspace, case_id: str, forms: Sequence[RenderedForm]) -> None:
    """Count ``forms`` printed or saved for ``case_id`` at this desk."""
    fills = [form.fill for form in forms if form.fill is not None]
    if not fills:
        return
    with workspace.session() as session:
        record_form_prints(
            session, case_id=case_id, desk=workspace.who.desk, forms=fills, now=workspace.now()
        )
