"""Supervisor's mode (監修): a draft question tree edited with forms and its YAML side by side,
checked as it is typed, previewed in the counter's wizard, tested with its scenarios and
reviewed (決裁). Every change is a named undo step; unsaved changes are never lost silently."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.core.trees.visit import SEPARATOR
from kakanai.services.tree_editing import diagnostics
from kakanai.services.tree_editing.draft import Draft, draft_of, open_draft
from kakanai.services.tree_editing.scenarios import from_preview
from kakanai.services.workspace import Workspace
from kakanai.ui.modes import ModeView
from kakanai.ui.supervision.access import SupervisionAccess
from kakanai.ui.supervision.actions import EditorActions
from kakanai.ui.supervision.document import DraftDocument
from kakanai.ui.supervision.edit_page import EditPage
from kakanai.ui.supervision.preview_page import PreviewPage
from kakanai.ui.supervision.problems_panel import ProblemsPanel
from kakanai.ui.supervision.review_page import ReviewPage
from kakanai.ui.supervision.scenarios_page import ScenariosPage


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def unsaved_box(parent: QWidget, name: str) -> QMessageBox:
    """The question about unsaved changes: save them, drop them, or stay."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("保存していない変更があります")
    box.setText(f"{name} に保存していない変更があります。保存しますか。")
    box.setInformativeText("保存しないと、最後に保存したときの内容に戻ります。")
    save = box.addButton("保存する(&S)", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("保存しない(&N)", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("キャンセル", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    return box


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    box = unsaved_box(parent, name)
    box.exec()
    role = box.buttonRole(box.clickedButton())
    if role is QMessageBox.ButtonRole.AcceptRole:
        return Unsaved.SAVE
    if role is QMessageBox.ButtonRole.DestructiveRole:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


class SupervisionView(ModeView):
    mode_id = "supervision"
    mode_label = "監修"
    menu_title = "監修(&K)"

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        access: SupervisionAccess | None = None,
        draft: Draft | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.access = access or SupervisionAccess()
        self.ask_unsaved: Callable[[QWidget, str], Unsaved] = ask_unsaved
        first = draft or draft_of(workspace.settings.questionnaire.split(SEPARATOR)[0])
        self._reopen: Callable[[], Draft] = _reopener(first)
        self.document = DraftDocument(first, lambda: workspace.now().date(), self)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("draft_file")
        # Long paths never widen the window: the label gives up width, the tooltip has it all.
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_page = EditPage(self.document)
        self.preview_page = PreviewPage(self.document)
        self.scenarios_page = ScenariosPage(self.document)
        self.review_page = ReviewPage(self.document, self.ensure_saved, self.access.publish)
        self.tabs = self._build_tabs()
        self.problems = ProblemsPanel(self)
        self.actions_ = EditorActions(self)
        self._problem_index = -1
        self._layout()
        self._connect()
        self._show_file()
        self.document.check()

    # --- ModeView ---

    def menu_actions(self) -> list[QAction]:
        return self.actions_.menu()

    def title_detail(self) -> str:
        return self.document.draft.name

    def activate(self) -> None:
        self.edit_page.outline.setFocus()

    def can_enter(self) -> bool:
        return self.access.guard(self.window())

    def can_leave(self) -> bool:
        """Unsaved changes: save them, drop them (back to what was saved), or stay."""
        if not self.document.modified:
            return True
        answer = self.ask_unsaved(self.window(), self.document.draft.name)
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            self.document.open(self._reopen())
            self._show_file()
            return True
        return False

    # --- files ---

    def save(self) -> bool:
        try:
            self.document.save()
        except KakanaiError as exc:
            self._report(f"{exc.message} [{exc.code.code}]")
            return False
        self._report(f"保存しました: {self.document.draft.path}")
        return True

    def ensure_saved(self) -> bool:
        """Before the review: the document is made from the saved draft."""
        return self.document.draft.on_disk or self.save()

    def open_file(self, path: Path) -> bool:
        """Open another tree file (after asking about unsaved changes)."""
        if self.document.modified:
            answer = self.ask_unsaved(self.window(), self.document.draft.name)
            if answer is Unsaved.CANCEL or (answer is Unsaved.SAVE and not self.save()):
                return False
        try:
            draft = open_draft(path)
        except KakanaiError as exc:
            self._report(f"{exc.message} [{exc.code.code}]")
            return False
        self._reopen = _reopener(draft)
        self.document.open(draft)
        self._show_file()
        self._report(f"開きました: {path}")
        return True

    def open_dialog(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "設問ツリーを開く", str(self.document.draft.path.parent), "設問ツリー (*.yaml)"
        )
        if chosen:
            self.open_file(Path(chosen))

    # --- scenarios from the preview ---

    def save_preview_as_scenario(self, name: str | None = None) -> bool:
        interview = self.preview_page.interview
        if interview is None or not interview.finished:
            self._report("プレビューの設問にすべて答えると、シナリオとして保存できます。")
            return False
        if name is None:
            name = self.actions_.ask_scenario_name()
            if not name:
                return False
        self.scenarios_page.add([from_preview(interview, name)], f"シナリオ「{name}」を追加")
        return True

    def next_problem(self) -> None:
        problems = diagnostics.ordered(self.document.problems)
        if not problems:
            self._report("問題はありません。")
            return
        index = (self._problem_index + 1) % len(problems)
        self._problem_index = index
        self.tabs.setCurrentWidget(self.edit_page)
        self.edit_page.go_to_problem(problems[index])
        self._report(f"{index + 1}/{len(problems)}: {problems[index].message}")

    # --- building ---

    def _build_tabs(self) -> QTabWidget:
        tabs = QTabWidget(self)
        tabs.setObjectName("supervision_tabs")
        tabs.addTab(self.edit_page, "編集(&E)")
        tabs.addTab(self.preview_page, "プレビュー(&V)")
        tabs.addTab(self.scenarios_page, "シナリオ(&S)")
        tabs.addTab(self.review_page, "決裁(&R)")
        return tabs

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.file_label, 1)
        for button in self.actions_.buttons():
            bar.addWidget(button)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(self.tabs)
        body.addWidget(self.problems)
        body.setStretchFactor(0, 5)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.addLayout(bar)
        layout.addWidget(body, 1)

    def _connect(self) -> None:
        document = self.document
        document.checked.connect(lambda: self.problems.show_problems(document.problems))
        document.changed.connect(lambda _which: self._on_changed())
        document.check_failed.connect(self._report)
        document.saved.connect(self._show_file)
        self.problems.problem_chosen.connect(self._on_problem_chosen)
        for page in (self.edit_page, self.scenarios_page, self.review_page):
            page.reported.connect(self._report)
        self.preview_page.save_requested.connect(self.save_preview_as_scenario)

    def _on_changed(self) -> None:
        self.problems.show_checking()
        self._show_file()

    def _on_problem_chosen(self, problem: object) -> None:
        self.tabs.setCurrentWidget(self.edit_page)
        self.edit_page.go_to_problem(problem)  # type: ignore[arg-type]

    def _show_file(self) -> None:
        draft = self.document.draft
        where = f"{draft.path.parent.name}/{draft.name}"
        if draft.source != draft.path:
            where += f"(使用中の {draft.source.name} の下書き)"
        mark = "  ● 保存していない変更があります" if draft.modified else ""
        self.file_label.setText(f"下書き: {where}{mark}")
        self.file_label.setToolTip(f"保存先: {draft.path}\n元の設問ツリー: {draft.source}")

    def _report(self, message: str) -> None:
        self.status.emit(message)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() <= 0 or abs(event.size().width() - event.oldSize().width()) > 80:
            self.edit_page.resize_panes(event.size().width())

    def close(self) -> bool:
        for page in (self.scenarios_page, self.review_page):
            page.wait_idle()
        self.document.wait_checked()
        return super().close()


def _reopener(draft: Draft) -> Callable[[], Draft]:
    """How to get back to what was last saved of ``draft`` (or, never saved, to its source)."""
    path, source = draft.path, draft.source

    def reopen() -> Draft:
        if path.is_file():
            saved = open_draft(path)
            saved.source = source
            return saved
        opened = open_draft(source)
        return Draft(path, opened.text, opened.tests_text, source, opened.text, opened.tests_text)

    return reopen
