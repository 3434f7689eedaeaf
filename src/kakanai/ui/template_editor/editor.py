"""The form-template editor (様式): the page with every field's box and its check messages,
boxes drawn with the mouse, bindings picked by Japanese label, kinds chosen, the page filled
with a sample case after every edit, undo and redo by name, and saving the YAML (on a desk, a
shipped template is saved as the city's copy, which can be deleted to go back to it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.core.forms.model import Box
from kakanai.services.template_editing.bindings import Bindable
from kakanai.services.template_editing.checking import CheckContext, Checked
from kakanai.services.template_editing.fields import FieldRef
from kakanai.services.template_editing.preview import Preview, SampleCase
from kakanai.services.template_editing.session import TemplateSession
from kakanai.services.template_editing.shelf import TemplateShelf
from kakanai.ui.template_editor.field_panel import FieldPanel
from kakanai.ui.template_editor.origin_line import OriginLine
from kakanai.ui.template_editor.page_canvas import PageCanvas, ShownField
from kakanai.ui.template_editor.preview_runner import DPI, PreviewRunner
from kakanai.ui.template_editor.questions import ask_reset, ask_unsaved
from kakanai.ui.template_editor.toolbar import TemplateBar, template_label

Confirm = Callable[[str], bool | None]  # True: save, False: discard, None: stay
ConfirmReset = Callable[[str], bool]  # True: delete the city's copy


class TemplateEditor(QWidget):
    """Edits the templates of ``source`` (a folder, saved in place, or a shelf: on a desk the
    templates it prints); ``context`` is what they are checked and previewed against
    (default: the trees beside the folder and the shipped samples)."""

    preview_shown = Signal()  # the page picture now shows the current text
    checked = Signal()  # the check of the current text is shown
    scenarios_loaded = Signal()  # the trees' scenarios that print the form are in the picker
    edited = Signal(str)  # the name of the step just done, undone or redone
    saved = Signal(str)  # the file just written
    reset_done = Signal(str)  # the city's copy just deleted (the shipped one is open again)

    def __init__(  # noqa: PLR0913 - the editor's collaborators, each with a default
        self,
        source: Path | TemplateShelf,
        *,
        context: CheckContext | None = None,
        template: Path | None = None,
        confirm: Confirm | None = None,
        confirm_reset: ConfirmReset | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.shelf = source if isinstance(source, TemplateShelf) else TemplateShelf(source)
        self._context = context or self.shelf.context()
        self._confirm = confirm or (lambda name: ask_unsaved(self, name))
        self._confirm_reset = confirm_reset or (lambda name: ask_reset(self, name))
        self.runner = PreviewRunner(self)
        self.session: TemplateSession | None = None
        self.selected: FieldRef | None = None
        self._pending: Bindable | None = None  # the value for the next drawn field
        self.last_preview: Preview | None = None
        self._last_checked: Checked | None = None
        self._build()
        self._connect()
        self._build_actions()
        listed = self.shelf.listed()
        for entry in listed:
            self.templates.addItem(template_label(entry), str(entry.path))
        if template is not None or listed:
            self.open_template(template or listed[0].path)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.bar = TemplateBar()
        bar = self.bar
        self.templates, self.samples, self.pages = bar.templates, bar.samples, bar.pages
        self.add_button, self.undo_button = bar.add_button, bar.undo_button
        self.redo_button, self.save_button = bar.redo_button, bar.save_button
        self.origin = OriginLine()
        self.reset_button = self.origin.reset_button
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.canvas = PageCanvas()
        self.field_list = QListWidget()
        self.field_list.setAccessibleName("項目の一覧")
        self.field_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.field_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel = FieldPanel()
        self.problems = QListWidget()
        self.problems.setAccessibleName("検査結果")
        self.problems.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self._side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.origin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.save_button, self.canvas)
        self.setTabOrder(self.canvas, self.field_list)
        self.setTabOrder(self.field_list, self.panel.name)

    def _side(self) -> QWidget:
        """The field list, the selected field's form and the checker's messages."""
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        fields_label = QLabel("項目(&I):")
        fields_label.setBuddy(self.field_list)
        problems_label = QLabel("検査結果(&C):")
        problems_label.setBuddy(self.problems)
        side_layout.addWidget(fields_label)
        for listing in (self.field_list, self.problems):
            listing.setMinimumHeight(3 * listing.fontMetrics().height() + 6)  # three lines
        side_layout.addWidget(self.field_list, 1)
        # The field's form scrolls rather than make the window taller than a 768-pixel
        # screen (the supervisor's mode puts the tabs and the problems around it).
        form = QScrollArea()
        form.setWidget(self.panel)
        form.setWidgetResizable(True)
        form.setFrameShape(QFrame.Shape.NoFrame)
        form.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        form.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar_width = form.verticalScrollBar().sizeHint().width()
        form.setMinimumWidth(self.panel.minimumSizeHint().width() + bar_width)
        side_layout.addWidget(form, 7)
        side_layout.addWidget(problems_label)
        side_layout.addWidget(self.problems, 1)
        return side

    def _connect(self) -> None:
        self.templates.activated.connect(self._on_template_activated)
        self.samples.activated.connect(self._on_sample_activated)
        self.pages.activated.connect(self._on_page_activated)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.canvas.box_drawn.connect(self._on_box_drawn)
        self.canvas.field_clicked.connect(self.select)
        self.canvas.box_changed.connect(self._on_box_changed)
        self.canvas.delete_requested.connect(self.delete_selected)
        self.field_list.currentRowChanged.connect(self._on_field_row_changed)
        self.panel.renamed.connect(self._on_renamed)
        self.panel.kind_chosen.connect(self._on_kind_chosen)
        self.panel.box_typed.connect(self._on_box_typed)
        self.panel.delete_requested.connect(self.delete_selected)
        self.panel.picker.binding_chosen.connect(self._on_binding_chosen)
        self.runner.rendered.connect(self._on_preview_rendered)
        self.runner.checked.connect(self._on_checked)
        self.runner.failed.connect(self._on_preview_failed)

    def _build_actions(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.undo),
            (QKeySequence.StandardKey.Redo, self.redo),
            (QKeySequence.StandardKey.Save, self._on_save_clicked),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- the lead's API --------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.session is not None and self.session.modified

    def save(self) -> bool:
        """Write the template's YAML (a shipped one on a desk: the city's copy, with the
        background PDF it names); False (and the message shown) when it cannot."""
        session = self.session
        if session is None:
            return True
        source = session.path
        target = self.shelf.save_target(source)
        try:
            self.shelf.bring_background(source, target, session.background())
            session.save(target)
        except KakanaiError as exc:
            self._say(f"{exc.message} [{exc.code.code}]")
            return False
        if target != source:
            self._relist(source, target)
            self._say(f"市の様式として保存しました: {target}(同梱の標準の様式は変わりません)。")
        else:
            self._say(f"{target.name} を保存しました。")
        self._refresh_buttons()
        self.saved.emit(str(target))
        return True

    def reset_to_shipped(self) -> bool:
        """Delete the city's copy shown (after asking) and open the shipped template again;
        False when it stays (cancelled, or the copy could not be deleted: said)."""
        session = self.session
        if session is None or not self.shelf.entry(session.path).city_copy:
            return False
        city = session.path
        if not self._confirm_reset(city.name):
            return False
        try:
            shipped = self.shelf.reset(city)
        except KakanaiError as exc:
            self._say(f"{exc.message} [{exc.code.code}]")
            return False
        self.session = None  # the copy's unsaved edits went with it
        self._relist(city, shipped)
        self.open_template(shipped)
        self._say(f"市の様式 {city.name} を削除しました。標準の様式を印刷します。")
        self.reset_done.emit(str(city))
        return True

    def _relist(self, old: Path, new: Path) -> None:
        """The list's entry for ``old`` now opens ``new`` (saved as, or reset to)."""
        index = self.templates.findData(str(old))
        if index >= 0:
            self.templates.setItemData(index, str(new))
            self.templates.setItemText(index, template_label(self.shelf.entry(new)))
        self._show_origin()

    def open_template(self, path: Path) -> bool:
        """Open ``path`` (asking first about unsaved changes); False when it stays closed."""
        if self.has_unsaved_changes() and not self._settle_unsaved():
            return False
        try:
            session = TemplateSession(path, self._context or CheckContext.near(path))
        except KakanaiError as exc:
            self._say(f"{exc.message} [{exc.code.code}]")
            return False
        self.session = session
        self._context = session.context
        self.selected = None
        self.panel.picker.search.clear()
        self._say(f"{path.name} を開きました。")
        self._show_origin()
        self._fill_samples()
        index = self.templates.findData(str(path))
        if index < 0:
            self.templates.addItem(path.stem, str(path))
            index = self.templates.count() - 1
        self.templates.setCurrentIndex(index)
        self._refresh()
        self._load_scenarios(session)
        return True

    def recheck(self) -> None:
        """The desk's trees changed (a version published or withdrawn): check against the
        versions in force now, and show the template's problems again."""
        context = self.shelf.context()
        if context is None:
            return
        self._context = context
        if self.session is not None:
            self.session.recheck_against(context)
            self._last_checked = None
            self._refresh()

    def _load_scenarios(self, session: TemplateSession) -> None:
        """Add the trees' scenarios that print the form to the sample picker, interviewed
        off the GUI thread."""

        def done(samples: list[SampleCase]) -> None:
            if session is self.session:
                session.add_samples(samples)
                self._fill_samples()
            self.scenarios_loaded.emit()

        self.runner.run(session.scenario_samples, done, lambda _exc: self.scenarios_loaded.emit())

    def settle_unsaved(self) -> bool:
        """Ask about unsaved changes: True when they were saved or dropped."""
        return self._settle_unsaved()

    def _settle_unsaved(self) -> bool:
        answer = self._confirm(self.session.path.name if self.session else "")
        if answer is None:
            return False
        return self.save() if answer else True

    # -- edits -----------------------------------------------------------------------------

    def select(self, ref: FieldRef | None) -> None:
        self.selected = ref
        self._show_selection()

    def add_field(self, box: Box) -> FieldRef | None:
        """Place a field of the chosen kind (reading the chosen value, if any) in ``box``."""
        if self.session is None:
            return None
        kind = self.panel.chosen_kind()
        binding, self._pending = self._pending, None
        ref = self._do(lambda s: s.add_field(self._page(), kind, box, binding))
        if isinstance(ref, FieldRef):
            self.selected = ref
            self._refresh()
            self.panel.picker.search.setFocus()
        return ref if isinstance(ref, FieldRef) else None

    def delete_selected(self) -> None:
        ref = self.selected
        if ref is None or self.session is None:
            return
        self.selected = None
        self._do(lambda s: s.delete_field(ref))
        self._refresh()

    def undo(self) -> None:
        self._replay(lambda s: s.undo(), "元に戻しました")

    def redo(self) -> None:
        self._replay(lambda s: s.redo(), "やり直しました")

    def _replay(self, step: Callable[[TemplateSession], str | None], done: str) -> None:
        if self.session is None:
            return
        name = step(self.session)
        if name is None:
            return
        if self.selected is not None and self.session.field(self.selected) is None:
            self.selected = None
        self._say(f"{done}: {name}")
        self.edited.emit(name)
        self._refresh()

    def _do(self, edit: Callable[[TemplateSession], object]) -> object:
        """Run one edit; a refused edit is said in the status line, never raised."""
        assert self.session is not None
        try:
            result = edit(self.session)
        except KakanaiError as exc:
            self._say(f"{exc.message} [{exc.code.code}]")
            return None
        name = self.session.document.undo_name or ""
        self._say(name)
        self.edited.emit(name)
        return result

    def _on_box_drawn(self, box: Box) -> None:
        self.add_field(box)

    def _on_box_changed(self, ref: FieldRef, box: Box, resized: bool) -> None:
        self.selected = ref
        self._do(lambda s: s.move_field(ref, box, resized=resized))
        self._refresh()

    def _on_box_typed(self, box: Box) -> None:
        if self.selected is not None:
            self._on_box_changed(self.selected, box, False)

    def _on_renamed(self, name: str) -> None:
        ref = self.selected
        if ref is not None:
            self._do(lambda s: s.rename_field(ref, name))
            self._refresh()

    def _on_kind_chosen(self, kind: str) -> None:
        ref = self.selected
        if ref is not None:
            self._do(lambda s: s.set_kind(ref, kind))
            self._refresh()
        else:
            self._show_selection()

    def _on_binding_chosen(self, binding: Bindable) -> None:
        ref = self.selected
        if ref is None:
            self._pending = binding
            self._show_selection()
            return
        self._do(lambda s: s.bind_field(ref, binding))
        self._refresh()
        self.canvas.setFocus()

    # -- showing ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        """Show the text as it is now: fields, problems, buttons; the preview follows."""
        if self.session is None:
            return
        paper = self.session.paper()
        self.canvas.set_paper(paper.width, paper.height)
        self._fill_pages()
        self._show_fields()
        self._show_problems()
        self._show_selection()
        self._refresh_buttons()
        self._render_preview()

    def _fill_pages(self) -> None:
        assert self.session is not None
        count = max(self.session.outline().page_count, 1)
        current = min(self.pages.currentIndex(), count - 1)
        if self.pages.count() != count:
            self.pages.clear()
            self.pages.addItems([f"{n}ページ" for n in range(1, count + 1)])
        self.pages.setCurrentIndex(max(current, 0))

    def _page(self) -> int:
        return max(self.pages.currentIndex(), 0)

    def _problems_now(self) -> Checked:
        """The check of the text shown; while it is being made, the last one if the fields
        are the same ones (a move or a rename), else none."""
        assert self.session is not None
        known = self.session.cached_check()
        if known is not None:
            return known
        last = self._last_checked
        if last is not None and len(last.by_field) <= len(self.session.fields()):
            refs = {f.ref for f in self.session.fields()}
            if set(last.by_field) <= refs:
                return last
        return Checked([])

    def _show_fields(self) -> None:
        assert self.session is not None
        checked = self._problems_now()
        shown = []
        self.field_list.blockSignals(True)
        self.field_list.clear()
        for field in self.session.fields():
            problems = tuple(p.message for p in checked.of(field.ref))
            label = self.session.binding_label(field.value) or field.value or "(値なし)"
            mark = "⚠ " if problems else ""
            item = QListWidgetItem(f"{mark}{field.name} — {field.kind_label} — {label}")
            item.setData(Qt.ItemDataRole.UserRole, field.ref)
            if problems:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.field_list.addItem(item)
            if field.ref.page == self._page() and field.box is not None:
                shown.append(ShownField(field.ref, field.name, field.box, problems))
        self.field_list.blockSignals(False)
        self.canvas.set_fields(shown, self.selected)

    def _show_problems(self) -> None:
        assert self.session is not None
        self.problems.clear()
        if self.session.cached_check() is None:
            self.problems.addItem("検査しています…")
        checked = self._problems_now()
        for problem in checked.problems:
            text = f"{problem.line}行 {problem.code.code} {problem.message}"
            self.problems.addItem(QListWidgetItem(text))
        if self.session.cached_check() is not None and not checked.problems:
            self.problems.addItem("問題はありません(kakanai check と同じ検査です)。")

    def _show_selection(self) -> None:
        session = self.session
        field = session.field(self.selected) if session and self.selected else None
        if field is None:
            self.selected = None
        self.canvas.select(self.selected)
        self._select_in_list()
        if session is None:
            return
        if field is None:
            pending = self._pending.label if self._pending else ""
            self.panel.show_field(None, f"次に置く項目の値: {pending}" if pending else "", [])
        else:
            label = session.binding_label(field.value)
            self.panel.show_field(field, label, self._problems_now().of(field.ref))
        self.panel.picker.set_bindables(session.bindables(), self.panel.reads())

    def _select_in_list(self) -> None:
        self.field_list.blockSignals(True)
        for row in range(self.field_list.count()):
            if self.field_list.item(row).data(Qt.ItemDataRole.UserRole) == self.selected:
                self.field_list.setCurrentRow(row)
                # after the list is laid out again, or it scrolls to where the row was
                QTimer.singleShot(0, self.field_list, self._scroll_to_current)
                break
        else:
            self.field_list.setCurrentRow(-1)
        self.field_list.blockSignals(False)

    def _scroll_to_current(self) -> None:
        item = self.field_list.currentItem()
        if item is not None:
            self.field_list.scrollToItem(item)

    def _refresh_buttons(self) -> None:
        document = self.session.document if self.session else None
        undo = document.undo_name if document else None
        redo = document.redo_name if document else None
        self.undo_button.setEnabled(undo is not None)
        self.redo_button.setEnabled(redo is not None)
        self.undo_button.setToolTip(f"元に戻す: {undo}" if undo else "")
        self.redo_button.setToolTip(f"やり直す: {redo}" if redo else "")
        self.save_button.setEnabled(self.has_unsaved_changes())

    def _fill_samples(self) -> None:
        assert self.session is not None
        current = self.samples.currentText()
        self.samples.clear()
        for sample in self.session.samples:
            self.samples.addItem(sample.label, sample.name)
        index = self.samples.findText(current)
        self.samples.setCurrentIndex(max(index, 0))

    def _render_preview(self) -> None:
        """Check the text (unless it has been) and fill the page with the chosen sample,
        off the GUI thread."""
        session = self.session
        if session is None:
            return
        if not session.samples:  # nothing to preview with: check here
            self._on_checked(session.text, session.check())
            return
        sample = session.samples[max(self.samples.currentIndex(), 0)]
        work = session.check_work() if session.cached_check() is None else None
        self.runner.render((session.path, session.text, sample, self._page()), work)

    def _on_checked(self, text: str, checked: Checked) -> None:
        """Show a check that came back, if it is of the text shown."""
        session = self.session
        if session is None:
            return
        session.remember_check(text, checked)
        if text != session.text:
            return
        self._last_checked = checked
        self._show_fields()
        self._show_problems()
        field = session.field(self.selected) if self.selected else None
        if field is not None:
            self.panel.show_messages(checked.of(field.ref))
        self.canvas.select(self.selected)
        self._select_in_list()
        self.checked.emit()

    def _on_preview_rendered(self, preview: Preview, image: QImage | None) -> None:
        self.last_preview = preview
        if image is not None:
            self.canvas.set_picture(image, DPI)
        if preview.error:
            self._say(f"見本を表示できません: {preview.error}")
        elif preview.warnings:
            self._say("見本データで: " + " / ".join(preview.warnings))
        self.preview_shown.emit()

    def _on_preview_failed(self, message: str) -> None:
        self._say(f"見本を表示できません: {message}")
        self.preview_shown.emit()

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _show_origin(self) -> None:
        """Whose template is open (on a desk): the shipped one, or the city's."""
        session = self.session
        shown = self.shelf.overlays and session is not None
        self.origin.show_origin(self.shelf.entry(session.path) if shown and session else None)

    # -- slots -----------------------------------------------------------------------------

    def _on_template_activated(self, index: int) -> None:
        path = Path(str(self.templates.itemData(index)))
        if self.session is not None and path == self.session.path:
            return
        if not self.open_template(path) and self.session is not None:
            self.templates.setCurrentIndex(self.templates.findData(str(self.session.path)))

    def _on_sample_activated(self, _index: int) -> None:
        self._render_preview()

    def _on_page_activated(self, _index: int) -> None:
        self.selected = None
        self._refresh()

    def _on_field_row_changed(self, row: int) -> None:
        item = self.field_list.item(row) if row >= 0 else None
        ref = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(ref, FieldRef) and ref.page != self._page():
            self.pages.setCurrentIndex(ref.page)
            self.selected = ref
            self._refresh()
            return
        self.select(ref if isinstance(ref, FieldRef) else None)

    def _on_add_clicked(self) -> None:
        self.add_field(self.canvas.free_box())

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_reset_clicked(self) -> None:
        self.reset_to_shipped()

    def wait_for_preview(self, msecs: int = 30_000) -> bool:
        """Wait for a preview still rendering (closing, tests)."""
        return self.runner.wait(msecs)
