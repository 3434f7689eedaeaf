"""An answer to the current question resumes the interview's walk at that question instead
of walking the tree from its start: after every answer of every shipped scenario, the
interview is the one a walk from the start (``restore``) rebuilds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.adapters.yaml_loading import load_file
from kakanai.core.located import LList, LMap, plain
from kakanai.core.trees.interview import Interview
from kakanai.services.trees.checking import read_and_check
from kakanai.services.trees.checking import tests_path as scenarios_of
from tests.conftest import QUESTIONNAIRES

TODAY = dt.date(2026, 12, 6)
TREES = sorted(p for p in QUESTIONNAIRES.glob("*.yaml") if not p.name.endswith(".tests.yaml"))


def state(interview: Interview) -> tuple[object, ...]:
    current = interview.current.id if interview.current else None
    path = [(q.id, value) for q, value in interview.path()]
    return current, path, interview.saved_state(), interview.progress()


@pytest.mark.parametrize("tree", TREES, ids=lambda p: p.stem)
def test_each_answer_leaves_the_interview_a_walk_from_the_start_rebuilds(tree: Path) -> None:
    _tree, runtime, problems = read_and_check(tree)
    assert runtime is not None, problems
    root = load_file(scenarios_of(tree))
    assert isinstance(root, LMap)
    scenarios = root.get("scenarios")
    assert isinstance(scenarios, LList)
    steps = 0
    for scenario in scenarios.items:
        assert isinstance(scenario, LMap)
        answers = plain(scenario.get("answers"))
        assert isinstance(answers, dict)
        as_of = plain(scenario.get("as_of"))
        day = as_of if isinstance(as_of, dt.date) else TODAY
        interview = Interview(runtime, day)
        while interview.current is not None and interview.current.id in answers:
            interview.answer(answers[interview.current.id])
            rebuilt = Interview(runtime, day)
            rebuilt.restore(*interview.saved_state())
            assert state(interview) == state(rebuilt), interview.current
            steps += 1
    assert steps > 100
