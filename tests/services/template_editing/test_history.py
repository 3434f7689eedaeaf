"""Undo and redo replay named steps on the template's text; saving writes it."""

from __future__ import annotations

from pathlib import Path

from kakanai.core.forms.model import Box
from kakanai.services.template_editing.session import TemplateSession


def test_undo_and_redo_name_their_steps(session: TemplateSession) -> None:
    original = session.text
    ref = session.add_field(0, "date", Box(20, 230, 60, 8))
    moved_from = session.text
    session.move_field(ref, Box(25, 230, 60, 8))
    assert session.document.undo_name == "項目「日付(和暦)」を移動"
    assert session.undo() == "項目「日付(和暦)」を移動"
    assert session.text == moved_from
    assert session.undo() == "項目「日付(和暦)」を追加"
    assert session.text == original
    assert session.undo() is None
    assert session.redo() == "項目「日付(和暦)」を追加"
    assert session.document.redo_name == "項目「日付(和暦)」を移動"


def test_a_new_edit_after_undo_forgets_the_redo(session: TemplateSession) -> None:
    ref = session.add_field(0, "text", Box(20, 230, 60, 8))
    session.move_field(ref, Box(25, 230, 60, 8))
    session.undo()
    session.move_field(ref, Box(30, 230, 60, 8))
    assert session.redo() is None


def test_save_writes_the_text_and_clears_modified(
    session: TemplateSession, template_path: Path
) -> None:
    session.add_field(0, "text", Box(20, 230, 60, 8))
    assert session.modified
    session.save()
    assert not session.modified
    assert template_path.read_text(encoding="utf-8") == session.text


def test_undo_back_to_the_saved_text_is_not_modified(session: TemplateSession) -> None:
    session.add_field(0, "text", Box(20, 230, 60, 8))
    session.undo()
    assert not session.modified
