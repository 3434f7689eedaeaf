"""The 様式 tab of the supervisor's mode holds the template editor, built when the tab is first
shown, on what the desk prints (the city's copies in place of the shipped templates); leaving
the mode with a template edit unsaved asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kakanai.services import shipped_data
from kakanai.services.supervision.accounts import add_user, sign_in
from kakanai.services.supervision.publishing import publish
from kakanai.services.template_editing.checking import CheckContext
from kakanai.ui.supervision.templates_slot import TemplatesSlot
from kakanai.ui.supervision.view import SupervisionView
from kakanai.ui.template_editor.editor import TemplateEditor
from tests.conftest import QUESTIONNAIRES
from tests.services.template_editing.conftest import FORM, SAMPLES, TREES, copied_template
from tests.supervised_workspaces import NAME, PASSWORD
from tests.ui.template_editor.test_template_editor import WAIT_MS, place_dog_name

CLEAN = "問題はありません(kakanai check と同じ検査です)。"


def test_the_tab_builds_the_template_editor_when_first_shown(
    qtbot: QtBot, view: SupervisionView
) -> None:
    slot = view.templates_slot
    assert slot.editor is None  # opening the mode does not build it
    view.tabs.setCurrentWidget(slot)
    qtbot.waitUntil(lambda: isinstance(slot.editor, TemplateEditor), timeout=WAIT_MS)
    view.document.wait_checked()
    slot.close()


def test_the_tab_lists_what_the_desk_prints_with_the_city_s_copies_marked(
    qtbot: QtBot, view: SupervisionView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    copied_template(tmp_path / "data" / "forms_templates")
    slot = view.templates_slot
    view.tabs.setCurrentWidget(slot)
    qtbot.waitUntil(lambda: isinstance(slot.editor, TemplateEditor), timeout=WAIT_MS)
    editor = slot.editor
    assert isinstance(editor, TemplateEditor)
    assert editor.shelf.overlays
    labels = [editor.templates.itemText(i) for i in range(editor.templates.count())]
    assert f"{FORM}(市の様式)" in labels
    assert FORM not in labels  # the shipped one is replaced, not listed beside it
    assert "kodomo_iryou_shinsei" in labels  # the shipped ones the city did not touch
    view.document.wait_checked()
    slot.close()


@pytest.mark.parametrize(("answer", "leaves"), [(None, False), (False, True)])
def test_leaving_with_an_unsaved_template_edit_asks(
    qtbot: QtBot, tmp_path: Path, answer: bool | None, leaves: bool
) -> None:
    asked: list[str] = []

    def confirm(name: str) -> bool | None:
        asked.append(name)
        return answer

    template = copied_template(tmp_path / "forms_templates")
    editor = TemplateEditor(
        template.parent, context=CheckContext(TREES, SAMPLES[:1]), confirm=confirm
    )
    slot = TemplatesSlot(make_editor=lambda: editor)
    qtbot.addWidget(slot)
    slot.resize(1366, 768)
    with qtbot.waitSignal(editor.preview_shown, timeout=WAIT_MS):
        slot.show()
    place_dog_name(qtbot, editor)
    assert slot.may_leave() is leaves
    assert asked == [template.name]
    slot.close()


def test_the_template_editor_fits_the_mode_on_a_768_pixel_screen(
    qtbot: QtBot, view: SupervisionView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mode at 1366×740 (a 768-pixel screen less the menu bar): the 様式 tab makes the
    window no taller, and the selected field's form shows every control, down to 項目を削除."""
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    slot = view.templates_slot
    view.tabs.setCurrentWidget(slot)
    qtbot.waitUntil(lambda: isinstance(slot.editor, TemplateEditor), timeout=WAIT_MS)
    editor = slot.editor
    assert isinstance(editor, TemplateEditor)
    assert editor.session is not None
    editor.select(editor.session.fields()[0].ref)
    qtbot.wait(50)
    assert view.height() == 740
    for control in (*editor.panel.spins, editor.panel.delete, editor.reset_button):
        assert not control.visibleRegion().isEmpty(), control
    editor.wait_for_preview()
    view.document.wait_checked()
    slot.close()


def test_after_a_version_is_published_the_tab_checks_against_it(
    qtbot: QtBot, view: SupervisionView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: the desk's templates are checked against the tree versions the desk uses.
    A moving version in force today that renames previous_head (read by the 住民異動届's
    旧世帯主) is reported in the open template once it is published."""
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    workspace = view.workspace
    slot = view.templates_slot
    view.tabs.setCurrentWidget(slot)
    qtbot.waitUntil(lambda: isinstance(slot.editor, TemplateEditor), timeout=WAIT_MS)
    editor = slot.editor
    assert isinstance(editor, TemplateEditor)
    assert editor.shelf.trees is workspace
    assert editor.open_template(shipped_data.FORM_TEMPLATES / "juumin_idou_todoke.yaml")

    def problem_lines() -> list[str]:
        return [editor.problems.item(i).text() for i in range(editor.problems.count())]

    qtbot.waitUntil(lambda: problem_lines()[:1] == [CLEAN], timeout=WAIT_MS)
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    moving = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    publish(
        workspace,
        sign_in(workspace, NAME, PASSWORD),
        moving.replace("previous_head", "former_head"),
        tests_text=(QUESTIONNAIRES / "moving.tests.yaml").read_text(encoding="utf-8"),
        effective_from=workspace.now().date(),
        version="2027.9",
        path="moving.yaml",
    )
    slot.recheck()
    qtbot.waitUntil(lambda: any("FORM_003" in line for line in problem_lines()), timeout=WAIT_MS)
    assert "answers.previous_head" in " ".join(problem_lines())
    editor.wait_for_preview()
    view.document.wait_checked()
    slot.close()
