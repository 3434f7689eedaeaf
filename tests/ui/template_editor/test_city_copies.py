"""On a desk the 様式 editor never writes a shipped template: saving one writes the city's
copy into the data folder, which the desk then prints in its place; deleting the copy brings
the shipped template back. The shipped folder is made read-only (every write into it fails as
on a read-only install), and its files are compared byte for byte."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kakanai.core.forms.model import Box
from kakanai.services import shipped_data
from kakanai.services.forms.rendering import render_form
from kakanai.services.template_editing.checking import CheckContext
from kakanai.services.template_editing.shelf import TemplateShelf
from kakanai.ui.template_editor.editor import TemplateEditor
from kakanai.ui.template_editor.origin_line import CITY_COPY_NOTE, SHIPPED_NOTE
from tests.printed_pages import plumber_chars, text_within
from tests.services.template_editing.conftest import FORM, SAMPLES, TREES
from tests.ui.template_editor.test_template_editor import WAIT_MS, place_dog_name


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A shipped templates folder (a copy of the real one) that refuses every write."""
    folder = tmp_path / "shipped" / "forms_templates"
    shutil.copytree(shipped_data.FORM_TEMPLATES, folder)
    monkeypatch.setattr(shipped_data, "FORM_TEMPLATES", folder)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))

    def refusing(method: Any) -> Any:
        def wrapped(self: Path, *args: Any, **kwargs: Any) -> Any:
            targets = [self, *(a for a in args if isinstance(a, Path))]
            if any(folder in (t, *t.parents) for t in targets):
                raise OSError(errno.EROFS, "Read-only file system", str(self))
            return method(self, *args, **kwargs)

        return wrapped

    for name in ("write_text", "write_bytes", "replace", "unlink", "rename", "mkdir", "touch"):
        monkeypatch.setattr(Path, name, refusing(getattr(Path, name)))
    return folder


class ResetAnswer:
    """The supervisor's answer to 「市の様式を削除して標準に戻しますか」, and what was asked."""

    def __init__(self) -> None:
        self.delete = True
        self.asked: list[str] = []

    def __call__(self, name: str) -> bool:
        self.asked.append(name)
        return self.delete


@pytest.fixture
def reset_answer() -> ResetAnswer:
    return ResetAnswer()


@pytest.fixture
def editor(qtbot: QtBot, shipped: Path, reset_answer: ResetAnswer) -> Iterator[TemplateEditor]:
    widget = TemplateEditor(
        TemplateShelf.desk(),
        context=CheckContext(TREES, SAMPLES),
        template=shipped / f"{FORM}.yaml",
        confirm=lambda _name: False,
        confirm_reset=reset_answer,
    )
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(widget.preview_shown, timeout=WAIT_MS):
        widget.show()
    yield widget
    widget.wait_for_preview()


def city_file() -> Path:
    return shipped_data.city_form_templates() / f"{FORM}.yaml"


def printed_dog(editor: TemplateEditor) -> tuple[str, str]:
    """What the desk prints in the placed field's box for the sample, and the dog's name."""
    assert editor.session is not None
    sample = editor.session.samples[editor.samples.currentIndex()]
    dog = next(a["value"] for a in sample.case["answers"] if a["question"] == "dog_name")
    pdf = render_form(sample.case, FORM).pdf
    return text_within(plumber_chars(pdf, 0), Box(63, 126.5, 55, 8)), dog


def test_the_list_marks_the_city_s_templates_and_keeps_the_shipped_ones(
    editor: TemplateEditor, shipped: Path
) -> None:
    labels = [editor.templates.itemText(i) for i in range(editor.templates.count())]
    assert len(labels) == len(list(shipped.glob("*.yaml")))  # every shipped template
    assert f"{FORM}" in labels
    assert not any("市の様式" in label for label in labels)
    assert editor.origin.note.text() == SHIPPED_NOTE
    assert not editor.reset_button.isEnabled()


def test_saving_a_shipped_template_writes_only_the_city_s_copy(
    qtbot: QtBot, editor: TemplateEditor, shipped: Path
) -> None:
    before = snapshot(shipped)
    place_dog_name(qtbot, editor)
    with qtbot.waitSignal(editor.saved) as saved:
        assert editor.save()
    assert snapshot(shipped) == before
    assert editor.session is not None
    assert saved.args == [str(city_file())]
    assert editor.session.path == city_file()
    assert city_file().read_text(encoding="utf-8") == editor.session.text
    background = city_file().parent / "backgrounds" / f"{FORM}.pdf"
    assert background.read_bytes() == (shipped / "backgrounds" / f"{FORM}.pdf").read_bytes()
    assert editor.templates.currentText() == f"{FORM}(市の様式)"
    assert editor.origin.note.text() == CITY_COPY_NOTE
    assert editor.reset_button.isEnabled()
    assert "市の様式として保存しました" in editor.status.text()


def test_the_desk_prints_the_city_s_copy(qtbot: QtBot, editor: TemplateEditor) -> None:
    place_dog_name(qtbot, editor)
    printed, dog = printed_dog(editor)
    assert printed != dog  # not saved yet: the shipped template prints
    assert editor.save()
    assert shipped_data.template_index()[FORM] == city_file()
    printed, dog = printed_dog(editor)
    assert printed == dog


def test_deleting_the_city_s_copy_goes_back_to_the_shipped_template(
    qtbot: QtBot, editor: TemplateEditor, shipped: Path
) -> None:
    before = snapshot(shipped)
    place_dog_name(qtbot, editor)
    assert editor.save()
    with qtbot.waitSignal(editor.reset_done) as done:
        assert editor.reset_to_shipped()
    assert done.args == [str(city_file())]
    assert not city_file().exists()
    assert not (city_file().parent / "backgrounds" / f"{FORM}.pdf").exists()  # it brought it
    assert editor.session is not None
    assert editor.session.path == shipped / f"{FORM}.yaml"
    assert not editor.has_unsaved_changes()
    assert shipped_data.template_index()[FORM] == shipped / f"{FORM}.yaml"
    printed, dog = printed_dog(editor)
    assert printed != dog
    assert snapshot(shipped) == before
    assert editor.templates.currentText() == FORM
    assert editor.origin.note.text() == SHIPPED_NOTE
    assert not editor.reset_button.isEnabled()


def test_deleting_asks_first(
    qtbot: QtBot, editor: TemplateEditor, reset_answer: ResetAnswer
) -> None:
    reset_answer.delete = False
    place_dog_name(qtbot, editor)
    assert editor.save()
    assert not editor.reset_to_shipped()  # the supervisor said no
    assert reset_answer.asked == [f"{FORM}.yaml"]
    assert city_file().is_file()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (errno.ENOSPC, "ディスクの空き容量が足りません"),
        (errno.EACCES, "書き込む権限がありません"),
    ],
)
def test_a_city_copy_that_cannot_be_written_is_said_in_japanese(
    qtbot: QtBot,
    editor: TemplateEditor,
    monkeypatch: pytest.MonkeyPatch,
    error: int,
    said: str,
) -> None:
    place_dog_name(qtbot, editor)
    writing = Path.write_text

    def failing(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.parent == city_file().parent:
            raise OSError(error, "strerror in English", str(self))
        return writing(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)
    assert not editor.save()
    shown = editor.status.text()
    assert "様式テンプレートを保存できません" in shown
    assert said in shown
    assert "strerror in English" not in shown
    assert shown.endswith("[FORM_EDIT_003]")
    assert editor.has_unsaved_changes()
    assert not city_file().exists()  # no half-written copy shadows the shipped template
    assert shipped_data.template_index()[FORM].parent == shipped_data.FORM_TEMPLATES
