"""Counter views around a fresh workspace, shown and started."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from kakanai.services.workspace import JST, Workspace
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import choose_events

REFERENCE_DAY = dt.datetime(2026, 11, 23, 10, 15, tzinfo=JST)  # the reference case's created_at


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


@pytest.fixture
def on_reference_day(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The counter's clock on the reference case's interview day (request it before ``view``),
    so guidance that depends on the day (a 届 past its 14 days) is the fixture's."""
    monkeypatch.setattr(workspace, "now", lambda: REFERENCE_DAY)
