"""A counter view around a fresh workspace, shown and started."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from kakanai.services.workspace import JST, Workspace
from kakanai.ui.counter.view import CounterView

REFERENCE_DAY = dt.datetime(2026, 11, 23, 10, 15, tzinfo=JST)  # the reference case's created_at


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> CounterView:
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
