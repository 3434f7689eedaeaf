"""The line above the supervisor's mode's tabs: which draft is open, whether it has unsaved
changes and who is signed in; the whole paths in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.tree_editing.draft import Draft


class DraftLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draft_file")
        # Long paths never widen the window: the label gives up width, the tooltip has it all.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_draft(self, draft: Draft, supervisor: Supervisor | None) -> None:
        where = f"{draft.path.parent.name}/{draft.name}"
        if draft.source != draft.path:
            where += f"(使用中の {draft.source.name} の下書き)"
        # The mark comes first: a narrow window cuts the end of the line, never the mark.
        mark = "● 未保存の変更あり  " if draft.modified else ""
        who = f"監修者: {supervisor.name}  " if supervisor is not None else ""
        self.setText(f"{mark}{who}下書き: {where}")
        self.setToolTip(f"保存先: {draft.path}\n元の設問ツリー: {draft.source}")
