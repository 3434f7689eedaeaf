"""The questions the 様式 editor asks before it drops or deletes something."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_unsaved(parent: QWidget, name: str) -> bool | None:
    """Unsaved changes of template ``name``: True save, False discard, None stay."""
    box = QMessageBox(parent)
    box.setWindowTitle("様式の編集")
    box.setText(f"{name} に保存していない変更があります。保存しますか。")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Save).setText("保存する")
    box.button(QMessageBox.StandardButton.Discard).setText("保存しない")
    box.button(QMessageBox.StandardButton.Cancel).setText("キャンセル")
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return True
    if answer == QMessageBox.StandardButton.Discard:
        return False
    return None


def ask_reset(parent: QWidget, name: str) -> bool:
    """Whether to delete the city's copy ``name`` and print the shipped template again."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("市の様式を削除")
    box.setText(f"市の様式 {name} を削除して、同梱の標準の様式に戻しますか。")
    box.setInformativeText(
        "市で加えた変更(保存していない変更も)はなくなり、窓口では標準の様式を印刷します。"
    )
    delete = box.addButton("削除して標準に戻す(&D)", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("キャンセル", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is delete
