"""The settings dialog saves what the clerk chose, shows environment overrides read-only and
explains a bad value under the form instead of saving it."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kakanai.services.workspace import Workspace
from kakanai.ui.settings_dialog import SettingsDialog


def test_saving_writes_the_file_and_updates_the_workspace(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    desk = dialog.fields["desk"]
    assert isinstance(desk, QLineEdit)
    desk.setText("窓口5")
    department = dialog.fields["department"]
    assert isinstance(department, QComboBox)
    department.setCurrentIndex(department.findData("kodomo"))
    dialog.save()
    assert dialog.saved
    assert workspace.settings.desk == "窓口5"
    saved = json.loads(workspace.loaded.path.read_text(encoding="utf-8"))
    assert (saved["desk"], saved["department"]) == ("窓口5", "kodomo")


def test_a_setting_from_the_environment_is_read_only_and_stays_out_of_the_file(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    printer = dialog.fields["printer"]
    assert not printer.isEnabled()
    assert "KAKANAI_PRINTER" in printer.toolTip()
    dialog.save()
    saved = json.loads(workspace.loaded.path.read_text(encoding="utf-8"))
    assert workspace.settings.printer.startswith("folder:")
    assert saved["printer"] == ""  # the override is not written into the file


@pytest.mark.parametrize(("name", "value"), [("desk", ""), ("database_url", "kakanai.db")])
def test_a_bad_value_is_explained_inline_and_nothing_is_saved(
    qtbot: QtBot, workspace: Workspace, name: str, value: str
) -> None:
    before = workspace.loaded.path.read_text(encoding="utf-8")
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    field = dialog.fields[name]
    assert isinstance(field, QLineEdit)
    field.setText(value)
    dialog.save()
    assert not dialog.saved
    assert "使えません" in dialog.error.text()
    assert workspace.loaded.path.read_text(encoding="utf-8") == before


def test_a_setting_the_dialog_does_not_show_is_kept(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.loaded = dataclasses.replace(
        workspace.loaded, settings=dataclasses.replace(workspace.settings, questionnaire="other")
    )
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.save()
    assert workspace.settings.questionnaire == "other"


def test_the_dialog_says_that_a_printer_can_be_a_folder(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    notes = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert any("folder:" in text for text in notes)
