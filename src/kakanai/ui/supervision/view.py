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
from kakanai.services.tree_editing.draft import Draft, draft_of, drafts_folder, open_draft
from kakanai.services.tree_editing.in_force import InForce, in_force
from kakanai.services.tree_editing.scenarios import from_preview
from kakanai.services.workspace import Workspace
from kakanai.ui.modes import ModeView
from kakanai.ui.supervision.access import SupervisionAccess
from kakanai.ui.supervision.actions import EditorActions
from kakanai.ui.supervision.document import DraftDocument
from kakanai.ui.supervision.edit_page import EditPage
from kakanai.ui.supervision.preview_page import PreviewPage
from kakanai.ui.supervision.problems_panel import ProblemsPanel
from kakanai.ui.supervision.publish_dialog import PublishDialog
from kakanai.ui.supervision.review_page import ReviewPage
from kakanai.ui.supervision.scenarios_page import ScenariosPage
from kakanai.ui.supervision.templates_slot import TemplatesSlot
from kakanai.ui.supervision.withdraw_dialog import WithdrawDialog


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
        self.access = access or SupervisionAccess.open()
        self.ask_unsaved: Callable[[QWidget, str], Unsaved] = ask_unsaved
        self.publish_dialog: PublishDialog | None = None
        self.withdraw_dialog: WithdrawDialog | None = None
        self.built = False
        self._first_draft = draft
        if not self.access.asks_sign_in:
            self._build()

    def _build(self) -> None:
        """The draft, its check and every page: made only once the supervisor is let in, so
        a refused sign-in reads nothing of the tree and costs nothing."""
        workspace = self.workspace
        tree_id = workspace.settings.questionnaire.split(SEPARATOR)[0]
        first = self._first_draft or draft_of(tree_id, self.in_force(tree_id).path)
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
        self.review_page = ReviewPage(
            self.document, self.ensure_saved, lambda: self.access.can_publish, self._against
        )
        self.templates_slot = TemplatesSlot(self)
        self.tabs = self._build_tabs()
        self.problems = ProblemsPanel(self)
        self.actions_ = EditorActions(self)
        self._problem_index = -1
        self._layout()
        self._connect()
        self._show_file()
        self.built = True
        if self.width() > 0:  # built after the window gave it its size: share it now
            self.edit_page.resize_panes(self.width())
        self.document.check()

    # --- ModeView ---

    def menu_actions(self) -> list[QAction]:
        return self.actions_.menu()

    def title_detail(self) -> str:
        return self.document.draft.name

    def activate(self) -> None:
        self.edit_page.outline.setFocus()

    def can_enter(self) -> bool:
        """The sign-in first; the editor is built when it succeeds the first time."""
        entered = self.access.guard(self.window())
        if entered and not self.built:
            self._build()
        elif self.built:
            self._show_file()
        return entered

    def can_leave(self) -> bool:
        """Unsaved changes: save them, drop them (back to what was saved), or stay. Leaving
        signs the supervisor out: the next one to open the mode signs in again."""
        if not self.built:
            return True
        if not self._may_drop_changes() or not self.templates_slot.may_leave():
            return False
        self.access.sign_out()
        return True

    def _may_drop_changes(self) -> bool:
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

    # --- the version in force, publishing and rolling back ---

    def in_force(self, tree_id: str) -> InForce:
        return in_force(self.workspace, tree_id, self.workspace.now().date(), drafts_folder())

    def _against(self) -> str:
        """The review compares the draft with the version in force today."""
        tree_id = self.document.reading.tree.meta.id or self.document.draft.path.stem
        try:
            return str(self.in_force(tree_id).path)
        except KakanaiError as exc:
            self._report(f"{exc.message} [{exc.code.code}]")
            return ""

    def publish(self) -> PublishDialog | None:
        """Ask for a version and a 施行日 and publish the saved draft (the dialog runs it)."""
        supervisor = self.access.supervisor
        if not self.access.can_publish or supervisor is None:
            self._report("公開するには、監修者としてログインしてください。")
            return None
        if not self.ensure_saved():
            return None
        tree_id = self.document.reading.tree.meta.id
        dialog = PublishDialog(
            self.workspace, supervisor, self.document.draft, tree_id, self.window()
        )
        dialog.accepted.connect(lambda: self._on_published(dialog))
        self.publish_dialog = dialog
        dialog.open()
        return dialog

    def withdraw(self) -> WithdrawDialog | None:
        """Choose a published version of this tree and withdraw it (取り下げ)."""
        supervisor = self.access.supervisor
        if not self.access.can_publish or supervisor is None:
            self._report("取り下げるには、監修者としてログインしてください。")
            return None
        tree_id = self.document.reading.tree.meta.id
        dialog = WithdrawDialog(self.workspace, supervisor, tree_id, self.window())
        dialog.accepted.connect(lambda: self._on_withdrawn(dialog))
        self.withdraw_dialog = dialog
        dialog.open()
        return dialog

    def _on_published(self, dialog: PublishDialog) -> None:
        done = dialog.published
        if done is not None:
            day = done.effective_from.isoformat()
            self._report(f"{done.tree_id} の版 {done.version} を公開しました(施行日 {day})。")
            self.review_page.refresh_against()

    def _on_withdrawn(self, dialog: WithdrawDialog) -> None:
        done = dialog.withdrawn
        if done is not None:
            now = self.in_force(done.tree_id)
            self._report(f"版 {done.version} を取り下げました。本日から施行: {now.label}")
            self.review_page.refresh_against()

    # --- files ---

    def save(self) -> bool:
        step = self.document.undo_stack.undoText()
        try:
            self.document.save()
        except KakanaiError as exc:
            self._report(f"{exc.message} [{exc.code.code}]")
            return False
        draft = self.document.draft
        tree_id = self.document.reading.tree.meta.id
        problem = self.access.record(
            "tree_edited",
            f"{tree_id} {draft.name} 保存" + (f"(最後の変更: {step})" if step else ""),
        )
        self._report(problem or f"保存しました: {draft.path}")
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
        tabs.addTab(self.templates_slot, "様式(&Z)")
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
        document.checked.connect(self._on_checked)
        document.changed.connect(lambda _which: self._on_changed())
        document.check_failed.connect(self._report)
        document.saved.connect(self._show_file)
        self.problems.problem_chosen.connect(self._on_problem_chosen)
        for page in (self.edit_page, self.scenarios_page, self.review_page):
            page.reported.connect(self._report)
        self.scenarios_page.ran.connect(self._on_scenarios_ran)
        self.review_page.exported.connect(self._on_review_exported)
        self.review_page.publish_requested.connect(self.publish)
        self.preview_page.save_requested.connect(self.save_preview_as_scenario)
        self.templates_slot.template_changed.connect(
            lambda action, detail: self._report(self.access.record(action, detail))
        )

    def _on_checked(self) -> None:
        self.problems.show_problems(self.document.problems)
        if not self.document.is_checked:
            self.problems.show_checking()  # the fast checks pass; the reasoning is running

    def _on_scenarios_ran(self) -> None:
        tree_id = self.document.reading.tree.meta.id
        summary = self.scenarios_page.summary.text()
        self._report(self.access.record("scenarios_run", f"{tree_id} {summary}"))

    def _on_review_exported(self, path: str) -> None:
        tree = self.document.reading.tree.meta
        detail = f"{tree.id} 版{tree.version} {Path(path).name}"
        self._report(self.access.record("review_printed", detail))

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
        # The mark comes first: a narrow window cuts the end of the line, never the mark.
        mark = "● 未保存の変更あり  " if draft.modified else ""
        supervisor = self.access.supervisor
        who = f"監修者: {supervisor.name}  " if supervisor is not None else ""
        self.file_label.setText(f"{mark}{who}下書き: {where}")
        self.file_label.setToolTip(f"保存先: {draft.path}\n元の設問ツリー: {draft.source}")

    def _report(self, message: str) -> None:
        if message:
            self.status.emit(message)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self.built:
            return
        if event.oldSize().width() <= 0 or abs(event.size().width() - event.oldSize().width()) > 80:
            self.edit_page.resize_panes(event.size().width())

    def close(self) -> bool:
        if not self.built:
            return super().close()
        for page in (self.scenarios_page, self.review_page):
            page.wait_idle()
        self.templates_slot.close()
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
