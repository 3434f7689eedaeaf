"""The reference family's answers, for the counter session tests (and the crash test's
child process)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kakanai.adapters.yaml_loading import load_file
from kakanai.core.located import LMap, plain
from kakanai.services.counter.session import CounterSession

REFERENCE_ANSWERS = Path(__file__).parents[2] / "fixtures" / "reference_case.answers.yaml"


def reference_answers() -> dict[str, Any]:
    """The reference family's answers by question id (raw, as a clerk would type them)."""
    root = load_file(REFERENCE_ANSWERS)
    assert isinstance(root, LMap)
    answers = plain(root.get("answers"))
    assert isinstance(answers, dict)
    return answers


def answer_until(session: CounterSession, answers: dict[str, Any], stop: str | None = None) -> None:
    """Answer current questions from ``answers`` until ``stop`` is current or the end."""
    while session.current is not None and session.current.id != stop:
        session.answer(answers.get(session.current.id))
