"""The published versions of the draft's tree, as the supervisor's mode handles them: the
version in force today (what the review compares with), publishing the saved draft with a
version and a 施行日, and withdrawing a published version (取り下げ)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kakanai.core.errors import KakanaiError
from kakanai.services.tree_editing.draft import drafts_folder
from kakanai.services.tree_editing.in_force import InForce, in_force
from kakanai.services.workspace import Workspace
from kakanai.ui.supervision.access import SupervisionAccess
from kakanai.ui.supervision.document import DraftDocument
from kakanai.ui.supervision.publish_dialog import PublishDialog
from kakanai.ui.supervision.withdraw_dialog import WithdrawDialog


def in_force_today(workspace: Workspace, tree_id: str) -> InForce:
    """The version of ``tree_id`` a counter started today uses (a draft's source file when
    none is published)."""
    return in_force(workspace, tree_id, workspace.now().date(), drafts_folder())


class TreeVersions:
    """``changed`` is called after a version is published or withdrawn (the version in force
    may be another one); ``report`` says what happened in the status bar."""

    def __init__(  # noqa: PLR0913 - the mode's collaborators, each named
        self,
        workspace: Workspace,
        access: SupervisionAccess,
        document: DraftDocument,
        *,
        ensure_saved: Callable[[], bool],
        window: Callable[[], QWidget],
        report: Callable[[str], None],
        changed: Callable[[], None],
    ) -> None:
        self.workspace = workspace
        self.access = access
        self.document = document
        self._ensure_saved = ensure_saved
        self._window = window
        self._report = report
        self._changed = changed
        self.publish_dialog: PublishDialog | None = None
        self.withdraw_dialog: WithdrawDialog | None = None

    def in_force(self, tree_id: str) -> InForce:
        return in_force_today(self.workspace, tree_id)

    def against(self) -> str:
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
        if not self._ensure_saved():
            return None
        tree_id = self.document.reading.tree.meta.id
        dialog = PublishDialog(
            self.workspace, supervisor, self.document.draft, tree_id, self._window()
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
        dialog = WithdrawDialog(self.workspace, supervisor, tree_id, self._window())
        dialog.accepted.connect(lambda: self._on_withdrawn(dialog))
        self.withdraw_dialog = dialog
        dialog.open()
        return dialog

    def _on_published(self, dialog: PublishDialog) -> None:
        done = dialog.published
        if done is not None:
            day = done.effective_from.isoformat()
            self._report(f"{done.tree_id} の版 {done.version} を公開しました(施行日 {day})。")
            self._changed()

    def _on_withdrawn(self, dialog: WithdrawDialog) -> None:
        done = dialog.withdrawn
        if done is not None:
            now = self.in_force(done.tree_id)
            self._report(f"版 {done.version} を取り下げました。本日から施行: {now.label}")
            self._changed()
