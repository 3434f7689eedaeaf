"""公開 and 取り下げ from the mode, through the real services: a draft published from
tomorrow is used by a counter started tomorrow while one started today keeps the version in
force; a version must be new; a broken tree is refused with every message and nothing is
stored; withdrawing brings the version before back. The review compares with the version in
force (from the database once one is published)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kakanai.services.counter.session import CounterSession
from kakanai.services.supervision.accounts import add_user, sign_in
from kakanai.services.trees import library
from kakanai.services.workspace import Workspace
from kakanai.ui.supervision.access import SupervisionAccess
from kakanai.ui.supervision.document import TREE
from kakanai.ui.supervision.publish_dialog import PublishDialog
from kakanai.ui.supervision.view import SupervisionView
from tests.conftest import QUESTIONNAIRES
from tests.supervised_workspaces import JST, NAME, PASSWORD, set_clock

NEW_NAME = ("    name: 転入届\n", "    name: 転入届(新様式)\n")


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> Iterator[SupervisionView]:
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    access = SupervisionAccess(workspace, ask=lambda _parent, w: sign_in(w, NAME, PASSWORD))
    shown = SupervisionView(workspace, access=access)
    qtbot.addWidget(shown)
    assert shown.can_enter()
    yield shown
    shown.document.wait_checked()


def publish(qtbot: QtBot, view: SupervisionView, version: str, day: dt.date) -> PublishDialog:
    dialog = view.publish()
    assert dialog is not None
    dialog.version.setText(version)
    dialog.effective.setDate(day)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() or not dialog.isVisible(), timeout=60_000)
    return dialog


def counter_version(workspace: Workspace) -> tuple[str, list[str]]:
    """The version and procedure names a counter started now uses."""
    session = CounterSession.start(workspace)
    tree = session.interview.runtime.tree
    session.discard()
    return tree.meta.version, [p.name for p in tree.procedures]


def test_a_version_published_from_tomorrow_is_used_by_counters_started_tomorrow(
    qtbot: QtBot, view: SupervisionView, workspace: Workspace
) -> None:
    document = view.document
    document.apply(TREE, document.text.replace(*NEW_NAME, 1), "手続き tennyu_todoke の名前を変更")
    today = workspace.now().date()
    tomorrow = today + dt.timedelta(days=1)
    dialog = publish(qtbot, view, "2099.1", tomorrow)
    assert dialog.published is not None, dialog.problems.toPlainText()
    assert not document.modified  # publishing saves the draft first
    old_version, old_names = counter_version(workspace)
    assert old_version != "2099.1"
    assert "転入届" in old_names
    set_clock(workspace, dt.datetime.combine(tomorrow, dt.time(8, 30), JST))
    new_version, new_names = counter_version(workspace)
    assert new_version == "2099.1"
    assert "転入届(新様式)" in new_names
    (stored,) = library.versions(workspace, "moving")
    assert (stored.published_by, stored.effective_from) == (NAME, tomorrow)


def test_a_version_already_published_is_refused(
    qtbot: QtBot, view: SupervisionView, workspace: Workspace
) -> None:
    tomorrow = workspace.now().date() + dt.timedelta(days=1)
    assert publish(qtbot, view, "2099.1", tomorrow).published is not None
    again = publish(qtbot, view, "2099.1", tomorrow)
    assert again.published is None
    assert again.isVisible()
    assert "TREES_003 設問ツリー「moving」の版2099.1はすでに公開されています" in (
        again.problems.toPlainText()
    )
    again.reject()
    assert len(library.versions(workspace, "moving")) == 1


def test_a_broken_tree_is_refused_with_every_message_and_nothing_is_stored(
    qtbot: QtBot, view: SupervisionView, workspace: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "city"
    folder.mkdir()
    shutil.copy(QUESTIONNAIRES / "moving.tests.yaml", folder / "moving.tests.yaml")
    text = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    broken = folder / "moving.yaml"
    broken.write_text(text.replace("and kaigo_nintei", "and kaigo_ninte", 1), "utf-8")
    assert view.open_file(broken)
    dialog = publish(qtbot, view, "2099.1", workspace.now().date())
    shown = dialog.problems.toPlainText()
    assert dialog.published is None
    assert f"{broken}:" in shown
    assert "TREE_REF_001" in shown
    assert "もしかして" in shown
    assert "TREES_001 設問ツリー「moving」に問題が" in shown
    assert library.versions(workspace, "moving") == []
    dialog.reject()


def test_withdrawing_brings_the_version_before_back(
    qtbot: QtBot, view: SupervisionView, workspace: Workspace
) -> None:
    today = workspace.now().date()
    assert publish(qtbot, view, "2099.1", today).published is not None
    assert counter_version(workspace)[0] == "2099.1"
    dialog = view.withdraw()
    assert dialog is not None
    assert dialog.versions.currentData() == "2099.1"
    dialog.ok_button.click()
    assert dialog.withdrawn is not None
    assert counter_version(workspace)[0] != "2099.1"
    (stored,) = library.versions(workspace, "moving")
    assert stored.withdrawn_by == NAME


def test_the_review_compares_with_the_published_version_in_force(
    qtbot: QtBot, view: SupervisionView, workspace: Workspace
) -> None:
    today = workspace.now().date()
    assert publish(qtbot, view, "2099.1", today).published is not None
    against = Path(view.review_page.against.text())
    assert against.parts[-3:] == ("in-force", "2099.1", "moving.yaml")
    assert 'version: "2099.1"' in against.read_text(encoding="utf-8")
