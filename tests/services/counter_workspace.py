"""A desk's workspace in a temporary data directory and the reference family's answers, for
the counter session tests (and the crash test's child process)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from kakanai.adapters.yaml_loading import load_file
from kakanai.core.located import LMap, plain
from kakanai.services.counter_session import CounterSession
from kakanai.services.workspace import Workspace, open_workspace

REFERENCE_ANSWERS = Path(__file__).parents[1] / "fixtures" / "reference_case.answers.yaml"


def isolated_workspace(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A first-run workspace in ``data_dir``, untouched by the caller's KAKANAI_ settings."""
    for name in list(os.environ):
        if name.startswith("KAKANAI_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(data_dir))
    monkeypatch.setenv("KAKANAI_PRINTER", f"folder:{data_dir.parent / 'printed'}")
    return open_workspace()


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
