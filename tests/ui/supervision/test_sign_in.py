"""Only a signed-in supervisor opens the mode: the sign-in dialog refuses a clerk and a wrong
password with the service's Japanese messages (each attempt audited); with no supervisor yet
it says how to add one; what the supervisor saves and runs is audited with their name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kakanai.services.supervision.accounts import add_user, sign_in
from kakanai.services.workspace import Workspace
from kakanai.store.audit import audit_entries
from kakanai.store.tables import AuditRow
from kakanai.ui.application import MODES
from kakanai.ui.main_window import MainWindow
from kakanai.ui.supervision.access import NO_SUPERVISOR, SupervisionAccess
from kakanai.ui.supervision.document import TREE
from kakanai.ui.supervision.sign_in import SignInDialog
from kakanai.ui.supervision.view import SupervisionView
from kakanai.ui.template_editor import editor as template_editor
from kakanai.ui.template_editor.editor import TemplateEditor
from tests.conftest import KOUKI_75, KOUKI_76
from tests.supervised_workspaces import NAME, PASSWORD

CLERK = "窓口 一郎"


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    supervisor = add_user(workspace, NAME, "supervisor", password=PASSWORD)
    by = sign_in(workspace, supervisor.name, PASSWORD)
    add_user(workspace, CLERK, "clerk", by=by)
    shown = MainWindow(workspace, MODES)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    view = shown._views.get("supervision")
    if isinstance(view, SupervisionView) and view.built:
        view.document.wait_checked()


def sign_in_with(attempts: list[tuple[str, str]]) -> list[str]:
    """When the sign-in dialog opens, try each (name, password) in turn and note what the
    dialog says after each refusal; cancel when none lets in."""
    said: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SignInDialog)
        for name, password in attempts:
            dialog.name.setText(name)
            dialog.password.setText(password)
            dialog.ok_button.click()
            if not dialog.isVisible():
                return
            said.append(dialog.message.text())
            assert dialog.password.text() == ""
        dialog.reject()

    QTimer.singleShot(0, act)
    return said


def audit_rows(workspace: Workspace) -> list[AuditRow]:
    with workspace.session() as session:
        return list(reversed(audit_entries(session)))


def test_a_clerk_cannot_open_the_mode(window: MainWindow, workspace: Workspace) -> None:
    said = sign_in_with([(CLERK, "anything at all")])
    window.show_mode("supervision")
    assert window.current_view.mode_id == "counter"
    assert len(said) == 1
    assert f"「{CLERK}」は監修者ではないため" in said[0]
    assert "[SUPERVISE_002]" in said[0]
    last = audit_rows(workspace)[-1]
    assert (last.action, last.actor) == ("sign_in_failed", CLERK)


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_mode(
    window: MainWindow, workspace: Workspace
) -> None:
    said = sign_in_with([(NAME, "not the password"), (NAME, PASSWORD)])
    view = window.show_mode("supervision")
    assert view.mode_id == "supervision"
    refused = (
        "利用者名かパスワードが違います。確かめて、もう一度入力してください。"
        "忘れたときは、ほかの監修者に kakanai users password で設定し直してもらってください。"
        " [SUPERVISE_001]"
    )
    assert said == [refused]
    assert isinstance(view, SupervisionView)
    assert view.file_label.text().startswith(f"監修者: {NAME}  下書き:")
    actions = [(r.action, r.actor) for r in audit_rows(workspace)[-2:]]
    assert actions == [("sign_in_failed", NAME), ("signed_in", NAME)]


def test_leaving_the_mode_signs_out(window: MainWindow) -> None:
    sign_in_with([(NAME, PASSWORD)])
    window.show_mode("supervision")
    window.show_mode("counter")
    said = sign_in_with([])  # the dialog opens again, and is cancelled
    window.show_mode("supervision")
    assert said == []
    assert window.current_view.mode_id == "counter"


def test_with_no_supervisor_yet_the_mode_says_how_to_add_one(
    qtbot: QtBot, workspace: Workspace
) -> None:
    told: list[str] = []
    access = SupervisionAccess(workspace, say=lambda _parent, text: told.append(text))
    view = SupervisionView(workspace, access=access)
    qtbot.addWidget(view)
    assert not view.can_enter()
    assert told == [NO_SUPERVISOR]
    assert "kakanai users add 名前 --role supervisor" in NO_SUPERVISOR
    assert not view.built


def test_the_sign_in_comes_before_the_tree_is_read_and_a_refusal_reads_nothing(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """The role is checked first; the draft, its check and the pages are made only for a
    supervisor who is let in."""
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    built_when_asked: list[bool] = []

    def ask(answer: object) -> object:
        def asked(_parent: object, _ws: Workspace) -> object:
            built_when_asked.append(view.built)
            return answer

        return asked

    view = SupervisionView(workspace, access=SupervisionAccess(workspace, ask=ask(None)))
    qtbot.addWidget(view)
    assert not view.built
    assert not view.can_enter()
    assert not view.built
    assert not hasattr(view, "document")
    view.access = SupervisionAccess(workspace, ask=ask(sign_in(workspace, NAME, PASSWORD)))
    assert view.can_enter()
    assert built_when_asked == [False, False]
    assert view.built
    view.document.wait_checked()
    assert view.document.reading.tree.procedures


def test_saves_and_scenario_runs_are_audited_with_the_supervisor(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    sign_in_with([(NAME, PASSWORD)])
    view = window.show_mode("supervision")
    assert isinstance(view, SupervisionView)
    document = view.document
    document.apply(
        TREE,
        document.text.replace(
            KOUKI_75,
            KOUKI_76,
            1,
        ),
        "x",
    )
    assert view.save()
    saved = audit_rows(workspace)[-1]
    assert (saved.action, saved.actor) == ("tree_edited", NAME)
    assert saved.detail.startswith("moving moving.yaml 保存")
    with qtbot.waitSignal(view.scenarios_page.ran, timeout=60_000):
        view.scenarios_page.run()
    ran = audit_rows(workspace)[-1]
    assert (ran.action, ran.actor) == ("scenarios_run", NAME)
    assert ran.detail.startswith("moving ")


def test_template_saves_and_resets_are_audited_with_the_supervisor(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(template_editor, "ask_reset", lambda _parent, _name: True)
    sign_in_with([(NAME, PASSWORD)])
    view = window.show_mode("supervision")
    assert isinstance(view, SupervisionView)
    view.tabs.setCurrentWidget(view.templates_slot)
    editor = view.templates_slot.editor
    assert isinstance(editor, TemplateEditor)
    assert editor.session is not None
    shipped = editor.session.path
    editor.select(editor.session.fields()[0].ref)
    editor.delete_selected()
    assert editor.save()
    saved = audit_rows(workspace)[-1]
    assert (saved.action, saved.actor) == ("template_saved", NAME)
    assert saved.detail == f"様式 forms_templates/{shipped.name} 保存"
    assert editor.reset_to_shipped()
    reset = audit_rows(workspace)[-1]
    assert (reset.action, reset.actor) == ("template_reset", NAME)
    assert reset.detail == f"様式 forms_templates/{shipped.name} 削除して標準に戻す"
    editor.wait_for_preview()
