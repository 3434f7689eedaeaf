"""Starting the desktop app: Qt, the Japanese UI font, the workspace (data directory,
database, key, questionnaire) and the main window on the configured mode."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kakanai.adapters.pdf.fonts import font_book
from kakanai.core.errors import KakanaiError
from kakanai.services.workspace import Workspace, open_workspace
from kakanai.ui.main_window import MainWindow, ModeEntry
from kakanai.ui.modes import ModeView
from kakanai.ui.pyside_workarounds import keep_true_alive

UI_FAMILIES = ["IPAexGothic", "BIZ UDPGothic", "Yu Gothic UI", "Meiryo UI"]
UI_POINT_SIZE = 11
# The keyboard focus is always visible, as a clerk works by keyboard: a blue frame or band
# on whatever has it (some styles draw only a faint dotted line, or nothing).
FOCUS_STYLE = """
QRadioButton:focus, QCheckBox:focus { background: #dbe6fa; border: 1px solid #1f5fbf; }
QPushButton:focus, QToolButton:focus { border: 2px solid #1f5fbf; border-radius: 3px; }
QLineEdit:focus, QListWidget:focus, QTextBrowser:focus, QComboBox:focus, QSpinBox:focus {
    border: 2px solid #1f5fbf;
}
QScrollArea:focus { border: 2px solid #1f5fbf; }
"""


def _counter(workspace: Workspace, parent: QWidget) -> ModeView:
    # Each mode's code loads when the mode is first shown: a counter never loads the
    # camera and decoders, a desk never loads the interview widgets.
    from kakanai.ui.counter.view import CounterView  # noqa: PLC0415 - start-up time

    return CounterView(workspace, parent)


def _desk(workspace: Workspace, parent: QWidget) -> ModeView:
    from kakanai.ui.desk.view import DeskView  # noqa: PLC0415 - start-up time

    return DeskView(workspace, parent)


def _supervision(workspace: Workspace, parent: QWidget) -> ModeView:
    from kakanai.ui.supervision.access import SupervisionAccess  # noqa: PLC0415 - start-up time
    from kakanai.ui.supervision.view import SupervisionView  # noqa: PLC0415 - start-up time

    # The one place where signing in (who may open the mode) and publishing are wired.
    return SupervisionView(workspace, parent, access=SupervisionAccess(workspace))


def _stats(workspace: Workspace, parent: QWidget) -> ModeView:
    from kakanai.ui.stats.view import StatsView  # noqa: PLC0415 - start-up time

    return StatsView(workspace, parent)


MODES = (
    ModeEntry("counter", "窓口モード(&C)", "Ctrl+1", _counter),
    ModeEntry("desk", "連携課モード(&D)", "Ctrl+2", _desk),
    ModeEntry("supervision", "監修モード(&K)", "Ctrl+3", _supervision),
    ModeEntry("stats", "統計モード(&T)", "Ctrl+4", _stats),
)


def application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication, created once, with the UI font and the rare-kanji fallback."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(["kakanai", *argv])
    app.setApplicationName("kakanai")
    app.setApplicationDisplayName("kakanai 書かない窓口")
    book = font_book()
    for name in ("ipaexg.ttf", "ipamjm.ttf"):
        path = book.file(name)
        if path is not None:
            QFontDatabase.addApplicationFont(str(path))
    font = QFont()
    font.setFamilies([*UI_FAMILIES, "IPAmjMincho"])
    font.setPointSize(UI_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(FOCUS_STYLE)
    _install_qt_translations(app)
    keep_true_alive(app)
    return app


def _install_qt_translations(app: QApplication) -> bool:
    """Qt's own Japanese words (the print and file dialogs' buttons, "OK", "キャンセル"),
    from the translations shipped with Qt (and bundled by packaging/kakanai.spec)."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    japanese = QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
    QLocale.setDefault(japanese)  # dates and numbers in Qt's dialogs too
    loaded = translator.load(japanese, "qtbase", "_", folder)
    if loaded:
        app.installTranslator(translator)
    app.setProperty("qt_japanese", loaded)
    return loaded


class _QuitWhenShown(QObject):
    """Closes the window once it is first exposed, as a clerk closing it would: `kakanai app
    --quit-when-shown` shows that an installation starts (the packaging smoke test, an
    administrator's check)."""

    shown = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.shown and event.type() in {QEvent.Type.Expose, QEvent.Type.Paint}:
            self.shown = True
            sys.stdout.write("kakanai: 画面を表示しました。終了します。\n")
            sys.stdout.flush()
            if isinstance(watched, QWidget):
                QTimer.singleShot(0, watched.close)
        return False


def list_printers() -> int:
    """`kakanai app --printers`: the printers Qt sees (what the app can print to) and whether
    Qt's Japanese translation loaded, as one JSON line, for `kakanai doctor` (which never
    loads Qt itself) and the packaging smoke test."""
    app = application()
    names = QPrinterInfo.availablePrinterNames()
    found = {
        "printers": names,
        "default": QPrinterInfo.defaultPrinterName(),
        "qt_japanese": bool(app.property("qt_japanese")),  # Qt's own dialogs in Japanese
    }
    sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
    return 0


NO_SCREEN = (
    "kakanai: 画面(ディスプレイ)が見つからないため、画面版を起動できません。"
    "デスクトップで起動するか、コマンド版(kakanai --help)を使ってください。"
)


def has_screen(env: Mapping[str, str], platform: str) -> bool:
    """Whether Qt can open a window here (X11 or Wayland on Linux, or a chosen platform)."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def run(args: Sequence[str]) -> int:
    """``kakanai [app] [--mode counter|desk]``: open the main window and run until it closes."""
    parser = argparse.ArgumentParser(prog="kakanai app", description="書かない窓口 kakanai(画面版)")
    parser.add_argument("--mode", choices=[m.mode_id for m in MODES], help="起動するモード")
    parser.add_argument(
        "--quit-when-shown",
        action="store_true",
        help="画面が表示されたらすぐ終了します(起動の確認)",
    )
    parser.add_argument(
        "--printers", action="store_true", help="使えるプリンターをJSONで出力して終了します"
    )
    options = parser.parse_args(list(args))
    if options.mode:
        os.environ["KAKANAI_MODE"] = options.mode
    if options.printers:
        return list_printers()
    if not has_screen(os.environ, sys.platform):
        sys.stderr.write(NO_SCREEN + "\n")
        return 2
    app = application()
    try:
        workspace = open_workspace()
    except KakanaiError as exc:
        QMessageBox.critical(None, "kakanai を起動できません", f"{exc.code.code} {exc.message}")
        sys.stderr.write(exc.render() + "\n")
        return 2
    window = MainWindow(workspace, MODES)
    if options.quit_when_shown:
        window.installEventFilter(_QuitWhenShown(window))
    window.show()
    return app.exec()
