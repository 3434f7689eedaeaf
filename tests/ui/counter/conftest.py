"""Counter views around a fresh workspace, shown and started."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kakanai.services.workspace import Workspace
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import choose_events


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> CounterView:
    """The counter at its first question: the desk's own event (転入・転居・転出) kept."""
    counter = CounterView(workspace)
    qtbot.addWidget(counter)
    counter.resize(1366, 740)
    counter.show()
    counter.activate()
    choose_events(counter)
    return counter


@pytest.fixture
def events_view(qtbot: QtBot, workspace: Workspace) -> CounterView:
    """The counter on its first page: the life events of the visit to choose."""
    counter = CounterView(workspace)
    qtbot.addWidget(counter)
    counter.resize(1366, 740)
    counter.show()
    counter.activate()
    return counter
