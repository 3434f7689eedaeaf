"""The question the supervisor's mode asks before unsaved changes of the draft are lost:
save them, drop them (back to what was saved), or stay."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


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
