"""An interview of a shipped tree answered from a mapping, as a case: what the deadline tests
of each tree read their procedures from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kakanai.core.trees.case import build_case
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview

CREATED = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def interviewed_case(
    runtime: TreeRuntime,
    answers: dict[str, Any],
    as_of: dt.date,
    *,
    unanswered: object = None,
    created: dt.datetime = CREATED,
) -> dict[str, Any]:
    """The case of an interview answered in its own order from ``answers``; a question they
    leave out gets ``unanswered``."""
    interview = Interview(runtime, as_of)
    while interview.current is not None:
        interview.answer(answers.get(interview.current.id, unanswered))
    case_id = f"{created:%Y%m%d}-ABC123"
    return build_case(interview, case_id=case_id, created_at=created)
