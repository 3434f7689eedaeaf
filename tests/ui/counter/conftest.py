"""A counter view around a fresh workspace, shown and started."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kakanai.services.workspace import Workspace
from kakanai.ui.counter.view import CounterView


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> CounterView:
    counter = CounterView(workspace)
    qtbot.addWidget(counter)
    counter.resize(1366, 740)
    counter.show()
    counter.activate()
    return counter
