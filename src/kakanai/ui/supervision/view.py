"""Supervisor's mode (監修): a draft question tree edited with forms and its YAML side by side,
checked as it is typed, previewed in the counter's wizard, tested with its scenarios and
reviewed (決裁). Every change is a named undo step; unsaved changes are never lost silently.

The view builds the pages and wires them; the draft's file (``draft_files``), the published
versions (``versions``) and the question about unsaved changes (``unsaved``) are their own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QVBoxLayout, QWidget

from kakanai.core.trees.visit import SEPARATOR
from kakanai.services.template_editing.shelf import TemplateShelf
from kakanai.services.tree_editing import diagnostics
from kakanai.services.tree_editing.draft import Draft, draft_of
from kakanai.services.tree_editing.in_force import InForce
from kakanai.services.tree_editing.scenarios import from_preview
from kakanai.services.workspace import Workspace
from kakanai.ui.modes import ModeView
from kakanai.ui.supervision.access import SupervisionAccess
from kakanai.ui.supervision.actions import EditorActions
from kakanai.ui.supervision.document import DraftDocument
from kakanai.ui.supervision.draft_files import DraftFiles
from kakanai.ui.supervision.draft_label import DraftLabel
from kakanai.ui.supervision.edit_page import EditPage
from kakanai.ui.supervision.preview_page import PreviewPage
from kakanai.ui.supervision.problems_panel import ProblemsPanel
from kakanai.ui.supervision.publish_dialog import PublishDialog
from kakanai.ui.supervision.review_page import ReviewPage
from kakanai.ui.supervision.scenarios_page import ScenariosPage
from kakanai.ui.supervision.templates_slot import TemplatesSlot
from kakanai.ui.supervision.unsaved import Unsaved, ask_unsaved
from kakanai.ui.supervision.versions import TreeVersions, in_force_today
from kakanai.ui.supervision.withdraw_dialog import WithdrawDialog


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
        self.document = DraftDocument(first, lambda: workspace.now().date(), self)
        self.file_label = DraftLabel(self)
        self.files = DraftFiles(
            self.document,
            self.access,
            self.file_label,
            ask=lambda name: self.ask_unsaved(self.window(), name),
            report=self._report,
            parent=self,
        )
        self.versions = TreeVersions(
            workspace,
            self.access,
            self.document,
            ensure_saved=self.ensure_saved,
            window=self.window,
            report=self._report,
            changed=self._on_versions_changed,
        )
        self.edit_page = EditPage(self.document)
        self.preview_page = PreviewPage(self.document)
        self.scenarios_page = ScenariosPage(self.document)
        self.review_page = ReviewPage(
            self.document, self.ensure_saved, lambda: self.access.can_publish, self._against
        )
        self.templates_slot = TemplatesSlot(
            self, shelf=TemplateShelf.desk(workspace, lambda: workspace.now().date())
        )
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
        if not self.files.may_drop_changes() or not self.templates_slot.may_leave():
            return False
        self.access.sign_out()
        return True

    # --- the version in force, publishing and rolling back (versions.TreeVersions) ---

    def in_force(self, tree_id: str) -> InForce:
        return in_force_today(self.workspace, tree_id)

    def _against(self) -> str:
        return self.versions.against()

    def publish(self) -> PublishDialog | None:
        """Ask for a version and a 施行日 and publish the saved draft (the dialog runs it)."""
        return self.versions.publish()

    def withdraw(self) -> WithdrawDialog | None:
        """Choose a published version of this tree and withdraw it (取り下げ)."""
        return self.versions.withdraw()

    # --- files (draft_files.DraftFiles) ---

    def save(self) -> bool:
        return self.files.save()

    def ensure_saved(self) -> bool:
        """Before the review: the document is made from the saved draft."""
        return self.files.ensure_saved()

    def open_file(self, path: Path) -> bool:
        """Open another tree file (after asking about unsaved changes)."""
        return self.files.open_file(path)

    def open_dialog(self) -> None:
        self.files.open_dialog()

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

    def _on_versions_changed(self) -> None:
        self.review_page.refresh_against()
        self.templates_slot.recheck()

    def _on_changed(self) -> None:
        self.problems.show_checking()
        self._show_file()

    def _on_problem_chosen(self, problem: object) -> None:
        self.tabs.setCurrentWidget(self.edit_page)
        self.edit_page.go_to_problem(problem)  # type: ignore[arg-type]

    def _show_file(self) -> None:
        self.files.show()

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
