"""The supervisor's sign-in: a name and a password, checked by the supervision service (which
audits every attempt); a refusal is said in the dialog, which stays open to try again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.services.supervision import accounts
from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.workspace import Workspace

ERROR_STYLE = "color: #c62828;"


class SignInDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.supervisor: Supervisor | None = None
        self.setWindowTitle("監修モードにログイン")
        intro = QLabel(
            "監修モードは監修者だけが使えます。監修者の名前とパスワードを入力してください。"
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("sign_in_name")
        self.password = QLineEdit(self)
        self.password.setObjectName("sign_in_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("sign_in_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("ログイン")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("キャンセル")
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        rows = QFormLayout()
        rows.addRow("利用者名(&N)", self.name)
        rows.addRow("パスワード(&P)", self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(rows)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.name.setFocus()

    def try_sign_in(self) -> None:
        """Sign in with what is typed; on a refusal say why, clear the password, stay."""
        try:
            self.supervisor = accounts.sign_in(
                self.workspace, self.name.text(), self.password.text()
            )
        except KakanaiError as exc:
            self.message.setText(f"{exc.message} [{exc.code.code}]")
            self.message.show()
            self.adjustSize()  # the message wraps onto lines of its own: all of it shows
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
