"""取り下げ (rolling back): one published version of the tree is withdrawn, audited by the
service; the dialog says which version is in force afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.services.supervision import publishing
from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.trees import library
from kakanai.services.workspace import Workspace

ERROR_STYLE = "color: #c62828;"


class WithdrawDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        supervisor: Supervisor,
        tree_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.supervisor, self.tree_id = workspace, supervisor, tree_id
        self.withdrawn: library.PublishedVersion | None = None
        self.setWindowTitle(f"公開した版の取り下げ: {tree_id}")
        self.versions = QComboBox(self)
        self.versions.setObjectName("withdraw_version")
        live = [v for v in library.versions(workspace, tree_id) if not v.withdrawn]
        for version in reversed(live):
            shown = f"版 {version.version}(施行日 {version.effective_from.isoformat()})"
            self.versions.addItem(shown, version.version)
        self.message = QLabel(self)
        self.message.setObjectName("withdraw_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("取り下げる")
        self.ok_button.setEnabled(bool(live))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("キャンセル")
        buttons.accepted.connect(self.withdraw)
        buttons.rejected.connect(self.reject)
        rows = QFormLayout()
        rows.addRow("取り下げる版(&V)", self.versions)
        note = QLabel(
            "取り下げた版は二度と施行されず、その前の版(なければ設問ツリーのファイル)に戻ります。"
            "その版で作った案内票と案件は、これまでどおり開けます。"
            if live
            else "取り下げられる公開済みの版はありません。"
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(rows)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def withdraw(self) -> None:
        version = self.versions.currentData()
        if not version:
            return
        try:
            self.withdrawn = publishing.withdraw(
                self.workspace, self.supervisor, self.tree_id, str(version)
            )
        except KakanaiError as exc:
            self.message.setText(f"{exc.message} [{exc.code.code}]")
            self.message.show()
            return
        self.accept()
