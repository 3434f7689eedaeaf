"""Desk mode (連携課): scan a slip three ways (keyboard-wedge scanner, camera, image file),
see the case limited to this department with its forms, and print or save them."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kakanai.adapters.camera import FrameSource, OpenCvCamera
from kakanai.core.errors import KakanaiError
from kakanai.services.desk.rejections import rejection_help
from kakanai.services.desk.session import DeskScan, open_scan, read_slip_image, warm_up
from kakanai.services.workspace import Workspace
from kakanai.store.handoffs import Handoff
from kakanai.ui.desk.background import Background
from kakanai.ui.desk.camera_panel import CameraPanel
from kakanai.ui.desk.form_output import FormOutput
from kakanai.ui.desk.form_preview import FIT_PAGE, FIT_WIDTH, PREVIEW_DPI
from kakanai.ui.desk.rejection_panel import RejectionPanel
from kakanai.ui.desk.scan_result import ScanResultPanel
from kakanai.ui.desk.wedge import WedgeInput
from kakanai.ui.modes import ModeView
from kakanai.ui.printing import file_dialog_options, page_images

IMAGE_FILTER = "画像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;すべてのファイル (*)"
IDLE_TEXT = (
    "<p style='font-size: 20pt; font-weight: bold;'>{department}</p>"
    "<p style='font-size: 15pt;'>手続き案内票の二次元コードを読み取ってください。</p>"
    "<p style='font-size: 13pt; color: #444444;'>"
    "ハンディスキャナー: そのまま読み取ると開きます<br>"
    "カメラ: Ctrl+K でカメラを開始<br>"
    "画像ファイル: Ctrl+O で画像を開く</p>"
)


class DeskView(ModeView):
    """``preview_shown`` is emitted when a scan's result (the first form's pages, or the
    rejection or nothing-for-this-department panel) is on screen."""

    mode_id = "desk"
    mode_label = "連携課"
    menu_title = "読み取り(&R)"
    preview_shown = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._background = Background(self)
        self._ticket = 0
        self._warmed = False
        self.wedge = WedgeInput()
        self._build_actions()
        self.output = FormOutput(workspace, self)
        self.wedge.text_entered.connect(self.open_text)
        self.camera = CameraPanel()
        self.camera.setFixedWidth(360)
        self.camera.hide()
        self.camera.text_read.connect(self.open_text)
        self.camera.running_changed.connect(self._on_camera_running_changed)
        self.result = ScanResultPanel(self._output_actions)
        self.result.preview_shown.connect(self.preview_shown)
        self.output.reported.connect(self.status)
        self.output.problem.connect(self.result.show_problem)
        self._build_zoom_actions()
        self.rejection = RejectionPanel()
        self.idle = QLabel()
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setWordWrap(True)
        self.apply_settings()
        self.pages = QStackedWidget()
        for page in (self.idle, self.result, self.rejection):
            self.pages.addWidget(page)
        body = QHBoxLayout()
        body.addWidget(self.camera)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._scan_bar())
        layout.addLayout(body, 1)
        self.wedge.watch(self)
        self._set_outputs_enabled(enabled=False)

    # --- what the lead's benchmark, the end-to-end test and the tests use ---

    @property
    def case_id(self) -> str | None:
        scan = self.current_scan
        return scan.case_id if scan is not None else None

    @property
    def current_scan(self) -> DeskScan | None:
        return self.result.scan if self.pages.currentWidget() is self.result else None

    @property
    def handoff(self) -> Handoff | None:
        """The current scan's handoff (``already_handled``, ``scans``), if any."""
        scan = self.current_scan
        return scan.handoff if scan is not None else None

    def forms_listed(self) -> list[str]:
        """The file names of the forms listed for the current scan."""
        scan = self.current_scan
        return [form.file_name for form in scan.forms] if scan else []

    def open_text(self, text: str) -> None:
        """Open a slip's text (what the wedge input and the camera deliver)."""
        self.status.emit("案内票を確認しています…")
        self._start(lambda: self._prepare(text))

    def open_image(self, path: Path) -> None:
        """Read the slip's code in the image at ``path`` and open it."""
        self.status.emit(f"画像を読み取っています: {path.name}")
        self._start(lambda: self._prepare(read_slip_image(path)))

    def start_camera(self, source: FrameSource | None = None) -> None:
        """Start the live scanner on ``source`` (recorded frames) or the configured camera."""
        index = self.workspace.settings.camera
        self.camera.start((lambda: source) if source is not None else (lambda: OpenCvCamera(index)))

    def stop_camera(self) -> None:
        self.camera.stop()

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self._background.wait(msecs)

    # --- ModeView ---

    def title_detail(self) -> str:
        return self.workspace.department.name

    def apply_settings(self) -> None:
        """The department (or anything else) changed in 設定: the idle page names it."""
        self.idle.setText(IDLE_TEXT.format(department=escape(self.workspace.department.name)))

    def menu_actions(self) -> list[QAction]:
        return [
            self._focus_action,
            self._image_action,
            self._camera_action,
            *self._output_actions,
            *self._zoom_actions,
        ]

    def activate(self) -> None:
        self.wedge.setFocus()
        if not self._warmed:
            self._warmed = True
            self._background.run(lambda: warm_up(self.workspace), lambda _n: None, _ignore)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.stop_camera()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.stop_camera()
        self._background.wait()
        super().closeEvent(event)

    # --- scanning ---

    def _prepare(self, text: str) -> tuple[DeskScan, list[QImage]]:
        """Off the GUI thread: open the slip, render the forms and the first form's pages."""
        scan = open_scan(self.workspace, text)
        first = page_images(scan.forms[0].pdf, dpi=PREVIEW_DPI) if scan.forms else []
        return scan, first

    def _start(self, work: Callable[[], tuple[DeskScan, list[QImage]]]) -> None:
        self._ticket += 1
        ticket = self._ticket
        self._background.run(
            work,
            lambda result: self._on_scan_done(ticket, result),
            lambda exc: self._on_scan_failed(ticket, exc),
        )

    def _on_scan_done(self, ticket: int, result: tuple[DeskScan, list[QImage]]) -> None:
        if ticket != self._ticket:
            return  # a newer scan is on its way
        scan, first_pages = result
        if scan.wrong_counter is not None:
            self.rejection.show_help(scan.wrong_counter, warning=True)
            self.pages.setCurrentWidget(self.rejection)
            self._set_outputs_enabled(enabled=False)
            self.status.emit(scan.wrong_counter.title)
            self.preview_shown.emit()
            return
        self.pages.setCurrentWidget(self.result)
        self._set_outputs_enabled(enabled=bool(scan.forms))
        self.result.show_scan(scan, first_pages)
        handled = "(処理済み)" if scan.handoff and scan.handoff.already_handled else ""
        self.status.emit(f"受付番号 {scan.case_id} を開きました{handled}。様式 {len(scan.forms)}件")

    def _on_scan_failed(self, ticket: int, exc: BaseException) -> None:
        if ticket != self._ticket:
            return
        if not isinstance(exc, KakanaiError):
            raise exc
        help_ = rejection_help(exc)
        self.rejection.show_help(help_)
        self.pages.setCurrentWidget(self.rejection)
        self._set_outputs_enabled(enabled=False)
        self.status.emit(f"{help_.code} {help_.title}")
        self.preview_shown.emit()

    def _choose_image(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "案内票の画像を開く", "", IMAGE_FILTER, options=file_dialog_options()
        )
        if name:
            self.open_image(Path(name))

    def _toggle_camera(self) -> None:
        if self.camera.running:
            self.stop_camera()
        else:
            self.start_camera()

    def _on_camera_running_changed(self, running: bool) -> None:
        self._camera_action.setChecked(running)
        self._camera_button.setText("カメラを止める(&K)" if running else "カメラで読み取る(&K)")
        if not running and self.camera.message.isHidden():
            self.camera.hide()

    # --- building ---

    def _scan_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        label = QLabel("読み取り欄(&W):")
        label.setBuddy(self.wedge)
        self.wedge.setMinimumWidth(320)
        self.wedge.setStyleSheet("font-size: 13pt; padding: 4px;")
        image_button = QPushButton("画像を開く…(&O)")
        image_button.clicked.connect(self._image_action.trigger)
        self._camera_button = QPushButton("カメラで読み取る(&K)")
        self._camera_button.clicked.connect(self._camera_action.trigger)
        bar.addWidget(label)
        bar.addWidget(self.wedge, 1)
        bar.addWidget(image_button)
        bar.addWidget(self._camera_button)
        return bar

    def _build_actions(self) -> None:
        self._focus_action = self._action("読み取り欄へ移動(&W)", "F6", self.activate)
        self._image_action = self._action("画像を開く(&O)…", "Ctrl+O", self._choose_image)
        self._camera_action = self._action("カメラで読み取る(&K)", "Ctrl+K", self._toggle_camera)
        self._camera_action.setCheckable(True)
        self._output_actions: list[QAction] = [
            self._action(
                "全て印刷(&P)", "Ctrl+P", lambda: self.output.print_all(self.current_scan)
            ),
            self._action(
                "この様式を印刷(&T)",
                "Ctrl+Shift+P",
                lambda: self.output.print_one(self.current_scan, self.result.selected_form()),
            ),
            self._action(
                "全てをPDFで保存(&S)…", "Ctrl+S", lambda: self.output.save_all(self.current_scan)
            ),
            self._action(
                "この様式をPDFで保存(&V)…",
                "Ctrl+Shift+S",
                lambda: self.output.save_one(self.current_scan, self.result.selected_form()),
            ),
        ]

    def _build_zoom_actions(self) -> None:
        preview = self.result.preview
        self._zoom_actions = [
            self._action("拡大(&Z)", "Ctrl++", lambda: preview.zoom_by(1.25)),
            self._action("縮小(&X)", "Ctrl+-", lambda: preview.zoom_by(0.8)),
            self._action("幅に合わせる(&A)", "Ctrl+0", lambda: preview.set_zoom(FIT_WIDTH)),
            self._action("ページ全体を表示(&G)", "Ctrl+9", lambda: preview.set_zoom(FIT_PAGE)),
        ]

    def _action(self, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _set_outputs_enabled(self, *, enabled: bool) -> None:
        for action in self._output_actions:
            action.setEnabled(enabled)


def _ignore(_exc: BaseException) -> None:
    """A failed warm-up only costs time; the scan itself reports any real problem."""
