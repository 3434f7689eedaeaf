"""A real crash: a child process answers part of an interview and kills itself with SIGKILL;
the draft it left resumes at the same question with the same answers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kakanai.core.trees.interview import Interview
from kakanai.services.counter.session import CounterSession
from tests.services.counter.workspace import reference_answers
from tests.workspaces import isolated_workspace

ANSWERED = 8  # move_type … previous_head: mid-interview, past an address, a date and the household

CHILD = textwrap.dedent(
    """
    import os, signal
    from kakanai.services.counter.session import CounterSession
    from kakanai.services.workspace import open_workspace
    from tests.services.counter.workspace import reference_answers

    answers = reference_answers()
    session = CounterSession.start(open_workspace())
    for _ in range({answered}):
        session.answer(answers[session.current.id])
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_an_interview_killed_mid_way_resumes_where_it_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    root = Path(__file__).parents[3]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAKANAI_")}
    env |= {"KAKANAI_DATA_DIR": str(data_dir), "PYTHONPATH": f"{root / 'src'}{os.pathsep}{root}"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD.format(answered=ANSWERED)],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr

    workspace = isolated_workspace(data_dir, monkeypatch)
    try:
        resumed = CounterSession.resume(workspace)
        assert resumed is not None
        expected = Interview(workspace.runtime, resumed.interview.as_of)
        answers = reference_answers()
        for _ in range(ANSWERED):
            expected.answer(answers[expected.current.id if expected.current else ""])
        assert resumed.current is not None
        assert expected.current is not None
        assert resumed.current.id == expected.current.id == "phone"
        assert resumed.interview.answers == expected.answers
    finally:
        workspace.close()


TYPING_CHILD = textwrap.dedent(
    """
    import os, signal
    from kakanai.services.counter.session import CounterSession
    from kakanai.services.workspace import open_workspace
    from tests.services.counter.workspace import answer_until, reference_answers

    session = CounterSession.start(open_workspace())
    answer_until(session, reference_answers(), "household")
    session.save_typing({{"household": {rows!r}}})
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_rows_typed_but_not_handed_in_survive_a_kill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the page held when the process died (two household rows) comes back on resume."""
    rows = [{k: str(v) for k, v in row.items()} for row in reference_answers()["household"][:2]]
    data_dir = tmp_path / "data"
    root = Path(__file__).parents[3]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAKANAI_")}
    env |= {"KAKANAI_DATA_DIR": str(data_dir), "PYTHONPATH": f"{root / 'src'}{os.pathsep}{root}"}
    child = subprocess.run(
        [sys.executable, "-c", TYPING_CHILD.format(rows=rows)],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    workspace = isolated_workspace(data_dir, monkeypatch)
    try:
        resumed = CounterSession.resume(workspace)
        assert resumed is not None
        assert resumed.current is not None
        assert resumed.current.id == "household"
        assert resumed.typing == {"household": rows}
    finally:
        workspace.close()
