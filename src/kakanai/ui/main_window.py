"""The main window: the menus, the status bar and one screen per mode (窓口, 連携課, 監修,
統計), with the city, desk and mode in the title."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from kakanai.services.settings import change_settings
from kakanai.services.workspace import Workspace
from kakanai.ui.keys_help import KeysHelpDialog
from kakanai.ui.modes import ModeView
from kakanai.ui.settings_dialog import SettingsDialog
from kakanai.ui.upkeep import confirm_purge

APP_NAME = "kakanai 書かない窓口"
GEOMETRY_FILE = "window-geometry"  # in the data folder: the window's size and place
DEFAULT_SIZE = (1280, 720)


@dataclass(frozen=True)
class ModeEntry:
    mode_id: str
    label: str  # with a mnemonic, e.g. "窓口モード(&C)"
    shortcut: str
    build: Callable[[Workspace, QWidget], ModeView]


class MainWindow(QMainWindow):
    """``settings_changed`` tells every mode that ファイル → 設定 saved new settings."""

    settings_changed = Signal()

    def __init__(self, workspace: Workspace, modes: Sequence[ModeEntry]) -> None:
        super().__init__()
        self.workspace = workspace
        self._entries = {entry.mode_id: entry for entry in modes}
        self._views: dict[str, ModeView] = {}
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()
        start = workspace.settings.mode
        self.show_mode(start if start in self._entries else next(iter(self._entries)))

    @property
    def current_view(self) -> ModeView:
        view = self.stack.currentWidget()
        assert isinstance(view, ModeView)
        return view

    def show_mode(self, mode_id: str) -> ModeView:
        """Switch to a mode (built on first use) and remember it for the next start. The mode
        shown may refuse to be left (unsaved work) and the next one to be entered (sign-in);
        then the current mode stays."""
        current = self.stack.currentWidget()
        leaving = isinstance(current, ModeView) and current.mode_id != mode_id
        if leaving and isinstance(current, ModeView) and not current.can_leave():
            return self._keep(current)
        view = self._views.get(mode_id)
        if view is None:
            view = self._entries[mode_id].build(self.workspace, self.stack)
            view.status.connect(self.show_status)
            self.settings_changed.connect(view.apply_settings)
            self.stack.addWidget(view)
            self._views[mode_id] = view
        if view is not current and not view.can_enter():
            if isinstance(current, ModeView):
                return self._keep(current)
            return self.show_mode(next(m for m in self._entries if m != mode_id))
        self.stack.setCurrentWidget(view)
        self.statusBar().clearMessage()  # what the other mode said is not about this one
        for action in self._mode_actions:
            action.setChecked(action.data() == mode_id)
        self._fill_mode_menu(view)
        self._remember_mode(mode_id)
        self.update_title()
        view.activate()
        return view

    def _keep(self, view: ModeView) -> ModeView:
        for action in self._mode_actions:
            action.setChecked(action.data() == view.mode_id)
        return view

    def update_title(self) -> None:
        settings = self.workspace.settings
        view = self.current_view
        detail = view.title_detail()
        mode = f"{view.mode_label}モード" + (f"({detail})" if detail else "")
        parts = [settings.city, settings.desk, mode]
        self.setWindowTitle(f"{' '.join(p for p in parts if p)} — {APP_NAME}")

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # A mode with unsaved work may keep the window open (the user cancelled).
        if not all(view.can_leave() for view in self._views.values()) or not self._may_close():
            event.ignore()
            return
        self._save_geometry()
        # Each mode ends its own work first (the desk waits for its warm-up and scans):
        # the process crashed when the window closed while a pool thread still ran.
        for view in self._views.values():
            view.close()
        self.workspace.close()
        event.accept()

    def _may_close(self) -> bool:
        """Ask before quitting in the middle of someone's interview (Ctrl+Q is close)."""
        unfinished = [text for view in self._views.values() if (text := view.unfinished_work())]
        if not unfinished:
            return True
        answer = QMessageBox.question(
            self,
            "終了の確認",
            f"{unfinished[0]}\n終了しますか。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restore_geometry(self) -> None:
        """The size and place the window had when it was last closed on this PC."""
        self.resize(*DEFAULT_SIZE)
        screen = self.screen().availableGeometry()
        if self.width() > screen.width() or self.height() > screen.height():
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height()))
        try:
            saved = (self.workspace.data_dir / GEOMETRY_FILE).read_bytes()
        except OSError:
            return
        self.restoreGeometry(QByteArray.fromBase64(QByteArray(saved)))

    def _save_geometry(self) -> None:
        try:
            encoded = bytes(self.saveGeometry().toBase64().data())
            (self.workspace.data_dir / GEOMETRY_FILE).write_bytes(encoded)
        except OSError:
            return  # a window that opens at its default size next time is no loss

    # --- menus and status bar ---

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("ファイル(&F)")
        self._add(file_menu, "設定(&S)…", self._open_settings, "Ctrl+,")
        self._add(file_menu, "保存期間を過ぎた個人情報の削除(&P)…", self._purge)
        file_menu.addSeparator()
        self._add(file_menu, "終了(&X)", self.close, "Ctrl+Q")
        mode_menu = bar.addMenu("モード(&M)")
        self._mode_actions: list[QAction] = []
        for entry in self._entries.values():
            action = self._add(
                mode_menu, entry.label, self._switcher(entry.mode_id), entry.shortcut
            )
            action.setCheckable(True)
            action.setData(entry.mode_id)
            self._mode_actions.append(action)
        # Made here, not by addMenu(""): PySide6 6.12 dropped the wrapper of a menu Qt made
        # (after some shortcut events) and the next mode switch raised RuntimeError.
        self._mode_menu = QMenu(self)
        bar.addMenu(self._mode_menu)
        help_menu = bar.addMenu("ヘルプ(&H)")
        self._add(help_menu, "キーボード操作(&K)", self._show_keys, "F1")
        self._add(help_menu, "kakanai について(&A)", self._show_about)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _switcher(self, mode_id: str) -> Callable[[], object]:
        return lambda: self.show_mode(mode_id)

    def _fill_mode_menu(self, view: ModeView) -> None:
        menu = self._mode_menu
        menu.clear()
        actions = view.menu_actions()
        menu.setTitle(view.menu_title)
        menu.menuAction().setVisible(bool(actions))
        for action in actions:
            menu.addAction(action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        database = "PostgreSQL" if self.workspace.engine.dialect.name == "postgresql" else "SQLite"
        self._database_label = QLabel(f"データベース: {database}")
        self._database_label.setToolTip(self.workspace.database_label)
        status.addPermanentWidget(self._database_label)
        status.showMessage("準備ができました。")

    def _remember_mode(self, mode_id: str) -> None:
        loaded = self.workspace.loaded
        if loaded.settings.mode == mode_id or "mode" in loaded.overridden:
            return
        chosen = dataclasses.replace(loaded.settings, mode=mode_id)
        self.workspace.loaded = change_settings(loaded, chosen)

    # --- dialogs ---

    def _open_settings(self) -> None:
        dialog = SettingsDialog(self.workspace, self)
        if dialog.exec():
            self.show_status(
                "設定を保存しました。データベースとカメラの変更は再起動後に使われます。"
            )
            self.settings_changed.emit()
            self.update_title()

    def _purge(self) -> None:
        result = confirm_purge(self.workspace, self)
        if result is not None:
            self.show_status(
                f"{result.cases}件の案件と{result.drafts}件の下書きの個人情報を削除しました。"
            )

    def _show_keys(self) -> None:
        KeysHelpDialog(self).exec()

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            "kakanai について",
            f"{APP_NAME}\n書かない窓口のためのオープンソースのアプリです。\n"
            f"設問ツリー: {self.workspace.runtime.tree.meta.title}"
            f"(版 {self.workspace.runtime.tree.meta.version})\n"
            f"データフォルダ: {self.workspace.data_dir}",
        )
