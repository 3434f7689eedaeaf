"""公開: the saved draft published as a new version from an effective date (施行日). The
dialog shows the version in force and the versions published before, suggests the next
version, and runs the publish (every check and scenario, then the store) off the GUI thread;
a refusal lists every problem and nothing is stored."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.services.supervision import publishing
from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.tree_editing.draft import Draft
from kakanai.services.trees import library
from kakanai.services.trees.diffing import next_version
from kakanai.services.workspace import Workspace
from kakanai.ui.desk.background import Background

ERROR_STYLE = "color: #c62828;"


class PublishDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        supervisor: Supervisor,
        draft: Draft,
        tree_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.supervisor, self.draft = workspace, supervisor, draft
        self.tree_id = tree_id
        self.published: library.PublishedVersion | None = None
        self._background = Background(self)
        today = workspace.now().date()
        self.setWindowTitle(f"公開: {tree_id}")
        known = library.versions(workspace, tree_id)
        current = library.in_force_version(workspace, tree_id, today)
        newest = max((v.version for v in known), key=publishing.version_key, default=None)
        self.version = QLineEdit(next_version(newest, today) if newest else _own_version(draft))
        self.version.setObjectName("publish_version")
        self.effective = QDateEdit(self)
        self.effective.setObjectName("publish_effective")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        tomorrow = today + dt.timedelta(days=1)
        self.effective.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("publish_problems")
        self.problems.setReadOnly(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("公開する")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("キャンセル")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self._layout(_in_force_text(current), _history(known))

    def start(self) -> None:
        """Publish with the version and date given (the result comes back as a signal)."""
        version, effective = self.version.text().strip(), self.chosen_date()
        draft, workspace, supervisor = self.draft, self.workspace, self.supervisor
        self.buttons.setEnabled(False)
        self.problems.setPlainText("確認しています(検査とシナリオ)…")
        self.problems.show()

        def work() -> library.PublishedVersion:
            return publishing.publish(
                workspace,
                supervisor,
                draft.text,
                tests_text=draft.tests_text,
                effective_from=effective,
                version=version or None,
                path=str(draft.path),
                tests_path=str(draft.tests_path),
            )

        self._background.run(work, self._on_published, self._on_refused)

    def chosen_date(self) -> dt.date:
        chosen = self.effective.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def wait_idle(self, msecs: int = 60_000) -> bool:
        return self._background.wait(msecs)

    def _on_published(self, published: library.PublishedVersion) -> None:
        self.published = published
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, KakanaiError):
            self.problems.setPlainText(f"公開できませんでした: {error!r}")
            return
        lines = [p.render() for p in getattr(error, "problems", [])]
        lines.append(f"{error.code.code} {error.message}")
        self.problems.setPlainText("\n".join(lines))

    def _layout(self, in_force: str, history: str) -> None:
        rows = QFormLayout()
        rows.addRow("現在の施行中の版", QLabel(in_force))
        rows.addRow("公開済みの版", QLabel(history))
        rows.addRow("新しい版(&V)", self.version)
        rows.addRow("施行日(&D)", self.effective)
        note = QLabel(
            "施行日から、その日に始めた面談がこの版を使います。それより前に始めた面談と、"
            "前の版で作った案内票は前の版のままです。版は公開済みのどの版より新しくしてください。"
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"下書き {self.draft.name} を公開します。"))
        layout.addLayout(rows)
        layout.addWidget(note)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)


def _own_version(draft: Draft) -> str:
    """The first publish: the version the draft says (the service reads it the same way)."""
    for line in draft.text.splitlines():
        stripped = line.strip()
        if stripped.startswith("version:"):
            return stripped.removeprefix("version:").strip().strip("'\"")
    return ""


def _in_force_text(current: library.PublishedVersion | None) -> str:
    if current is None:
        return "公開された版はありません(設問ツリーのファイルを使っています)"
    return f"版 {current.version}(施行日 {current.effective_from.isoformat()})"


def _history(known: list[library.PublishedVersion]) -> str:
    if not known:
        return "なし"
    shown = [
        f"{v.version}({v.effective_from.isoformat()}{'、取り下げ' if v.withdrawn else ''})"
        for v in known[-4:]
    ]
    return "、".join(shown)
