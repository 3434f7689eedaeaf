"""The menu action that deletes personal data past the retention period, after saying how
much it will delete."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kakanai.services.purging import expired_counts, purge_expired
from kakanai.services.workspace import Workspace
from kakanai.store.retention import PurgeResult


def confirm_purge(workspace: Workspace, parent: QWidget) -> PurgeResult | None:
    """Ask, then purge; None when the clerk cancels or there is nothing to delete."""
    days = workspace.settings.retention_days
    cases, drafts = expired_counts(workspace)
    if cases == 0 and drafts == 0:
        QMessageBox.information(
            parent, "個人情報の削除", f"保存期間({days}日)を過ぎた個人情報はありません。"
        )
        return None
    answer = QMessageBox.question(
        parent,
        "個人情報の削除",
        f"保存期間({days}日)を過ぎた案件{cases}件と下書き{drafts}件の個人情報を削除します。\n"
        "件数など統計に必要な情報は残ります。削除した個人情報は元に戻せません。削除しますか。",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return purge_expired(workspace)
