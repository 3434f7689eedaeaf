"""What the main window needs from each of its screens (modes): the counter's interview, the
department desk, the supervisor's editor and the statistics."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class ModeView(QWidget):
    """One mode of the main window. It reports to the status bar through ``status`` and may
    add its own actions to a menu named ``menu_title``."""

    status = Signal(str)
    mode_id: ClassVar[str] = ""
    mode_label: ClassVar[str] = ""  # shown in the title and the モード menu, e.g. "窓口"
    menu_title: ClassVar[str] = ""  # the mode's own menu, with a mnemonic, e.g. "面談(&I)"

    def menu_actions(self) -> list[QAction]:
        """Actions for the mode's own menu (with shortcuts); none by default."""
        return []

    def title_detail(self) -> str:
        """Extra words for the window title (e.g. the desk's department)."""
        return ""

    def activate(self) -> None:
        """Called when the mode is shown: put the keyboard focus where work starts."""

    def can_enter(self) -> bool:
        """Asked before the mode is shown; a mode only some may use asks who is there."""
        return True

    def can_leave(self) -> bool:
        """Asked before another mode is shown or the window closes; a mode with unsaved work
        asks whether to save it, and says no when the user cancels."""
        return True

    def apply_settings(self) -> None:
        """The settings were changed (ファイル → 設定): show what depends on them."""

    def unfinished_work(self) -> str:
        """Why closing the window now would interrupt the clerk ("" when it would not)."""
        return ""
