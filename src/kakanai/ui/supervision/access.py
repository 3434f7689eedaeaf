"""Who is in the supervisor's mode, kept in one place and wired once (``ui/application.py``):
the sign-in asked each time the mode is entered, the audit of what the supervisor does
(saves, scenario runs, printed reviews), and whether publishing is possible (a supervisor
signed in against the city's database).

``SupervisionAccess.open()`` lets anyone in and records nothing: for the editor's own tests
and scripts, which build the view without a window around it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from kakanai.core.errors import KakanaiError
from kakanai.services.supervision import accounts
from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.workspace import Workspace
from kakanai.ui.supervision.sign_in import SignInDialog

NO_SUPERVISOR = (
    "監修者がまだ登録されていないため、監修モードは開けません。\n"
    "管理者のPCで kakanai users add 名前 --role supervisor を実行して、"
    "最初の監修者を登録してください。"
)

Ask = Callable[[QWidget, Workspace], Supervisor | None]
Tell = Callable[[QWidget, str], None]


def ask_sign_in(parent: QWidget, workspace: Workspace) -> Supervisor | None:
    """The sign-in dialog (user and password); None when cancelled."""
    dialog = SignInDialog(workspace, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.supervisor


def tell(parent: QWidget, message: str) -> None:
    QMessageBox.information(parent, "監修モード", message)


class SupervisionAccess:
    def __init__(
        self, workspace: Workspace | None, ask: Ask = ask_sign_in, say: Tell = tell
    ) -> None:
        self.workspace = workspace
        self.supervisor: Supervisor | None = None
        self._ask = ask
        self._say = say

    @classmethod
    def open(cls) -> SupervisionAccess:
        return cls(None)

    @property
    def asks_sign_in(self) -> bool:
        """Whether entering the mode asks who is there (``open()`` lets anyone in)."""
        return self.workspace is not None

    @property
    def can_publish(self) -> bool:
        return self.workspace is not None and self.supervisor is not None

    def guard(self, parent: QWidget) -> bool:
        """True lets the supervisor in (signed in now, or still signed in); False keeps the
        mode closed, after saying why."""
        workspace = self.workspace
        if workspace is None or self.supervisor is not None:
            return True
        if not accounts.has_supervisors(workspace):
            self._say(parent, NO_SUPERVISOR)
            return False
        self.supervisor = self._ask(parent, workspace)
        return self.supervisor is not None

    def sign_out(self) -> None:
        self.supervisor = None

    def record(self, action: str, detail: str) -> str:
        """Audit ``action`` (``tree_edited``, ``scenarios_run``, ``review_printed``,
        ``template_saved``, ``template_reset``) as the signed-in supervisor; returns a
        message when it could not be recorded."""
        if self.workspace is None or self.supervisor is None:
            return ""
        try:
            accounts.record_activity(self.workspace, self.supervisor, action, detail)
        except KakanaiError as exc:
            return f"操作を記録できませんでした: {exc.message} [{exc.code.code}]"
        return ""
