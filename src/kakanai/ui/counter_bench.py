"""The measuring side of `kakanai bench counter`, run in a fresh process: the main window on the
counter, and a clerk typing each household given on stdin (JSON: name → raw answers) through
the real widgets. Prints one JSON line per household: screens, key events, typed characters
(in all and per field), and whether the case is the one the same answers give without the
screens."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any

from kakanai.benchmarks.counter_households import CARDS
from kakanai.benchmarks.smartcard_lab import LabCards, SmartcardLab
from kakanai.core.trees.case import build_case
from kakanai.core.trees.interview import Interview
from kakanai.services.counter.events import visit_id
from kakanai.services.workspace import Workspace, open_workspace
from kakanai.ui.application import MODES, application
from kakanai.ui.counter.clerk import EVENTS, Clerk
from kakanai.ui.counter.view import CounterView
from kakanai.ui.main_window import MainWindow

WINDOW = (1366, 768)
_IGNORED = ("case_id", "created_at")


def headless_case(workspace: Workspace, answers: dict[str, Any]) -> dict[str, Any]:
    """The case the same answers give through the interview alone (what must not change),
    of the visit the answers' ``@events`` name (else the desk's questionnaire)."""
    today = workspace.now().date()
    events = answers.get(EVENTS) or workspace.questionnaire.split("+")
    interview = Interview(workspace.runtime_for(visit_id(events), today), today)
    while interview.current is not None:
        interview.answer(answers.get(interview.current.id))
    return build_case(interview, case_id="-", created_at=workspace.now())


def comparable(case: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in case.items() if k not in _IGNORED}, sort_keys=True)


def drive(
    view: CounterView,
    workspace: Workspace,
    name: str,
    answers: dict[str, Any],
    lab: SmartcardLab | None = None,
) -> dict[str, Any]:
    if view.session is not None and not view.session.closed:
        view.session.discard()
    view.start_new()
    cards = answers.get(CARDS)
    clerk = Clerk(view, cards=LabCards.described(lab, cards) if lab is not None and cards else None)
    clerk.answer_all(answers)
    typed = view.outputs.preview(view.session)
    same = typed is not None and comparable(typed) == comparable(headless_case(workspace, answers))
    return {
        "household": name,
        "members": len(answers.get("household", [])),
        "events": "+".join(answers.get(EVENTS) or []),
        "screens": clerk.screens,
        "key_events": clerk.keys.events,
        "typed": clerk.keys.typed,
        "other": clerk.keys.other,
        "by_field": clerk.keys.by_field,
        "same_case": same,
    }


def main() -> int:
    households: dict[str, dict[str, Any]] = json.loads(sys.stdin.read())
    with contextlib.ExitStack() as stack:
        # A real pcscd with a virtual reader, started before PC/SC is first used here.
        lab = (
            stack.enter_context(SmartcardLab())
            if any(CARDS in a for a in households.values())
            else None
        )
        return _measure(households, lab)


def _measure(households: dict[str, dict[str, Any]], lab: SmartcardLab | None) -> int:
    app = application()
    workspace = open_workspace()
    window = MainWindow(workspace, MODES)
    window.resize(*WINDOW)
    window.show()
    app.processEvents()
    view = window.current_view
    assert isinstance(view, CounterView)
    for name, answers in households.items():
        sys.stdout.write(
            json.dumps(drive(view, workspace, name, answers, lab), ensure_ascii=False) + "\n"
        )
    if view.session is not None and not view.session.closed:
        view.session.discard()  # else closing asks whether to quit mid-interview
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
