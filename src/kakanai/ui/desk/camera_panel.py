"""The desk's camera: a worker on its own thread pulls frames, reads each with the decoder
chain and reports a slip's text once; the panel shows the live view, flashes green and
beeps on success, and says inline when there is no camera."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QObject, QSize, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kakanai.adapters.camera import FrameSource
from kakanai.core.errors import KakanaiError
from kakanai.services.desk.session import slip_text_in

FRAME_BUDGET_MS = 60.0
"""Decoder chain time per frame: a webcam frame every ~70 ms keeps the view live."""
REPEAT_AFTER_S = 4.0
"""The same text is reported again only after it was out of sight this long."""
VIEW_WIDTH = 640
VIEW_SIZE = QSize(352, 198)  # 16:9, fits the desk's left column at 1366×768
FLASH_MS = 800


class SameText:
    """Reports a text once while it stays in view (and for a while after)."""

    def __init__(self, repeat_after: float = REPEAT_AFTER_S) -> None:
        self._repeat_after = repeat_after
        self._last = ""
        self._seen_at = 0.0

    def is_new(self, text: str, now: float) -> bool:
        new = text != self._last or now - self._seen_at > self._repeat_after
        self._last, self._seen_at = text, now
        return new


class CameraWorker(QObject):
    """Pulls frames until stopped or the source ends; never touches widgets."""

    frame_shown = Signal(QImage)
    text_read = Signal(str)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, open_source: Callable[[], FrameSource]) -> None:
        super().__init__()
        self._open_source = open_source
        self._stop = threading.Event()
        self._same = SameText()

    def stop(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            source = self._open_source()
        except KakanaiError as exc:
            self.failed.emit(exc.message)
            self.finished.emit()
            return
        try:
            while not self._stop.is_set():
                frame = source.read()
                if frame is None:
                    break
                self.frame_shown.emit(_view_image(frame))
                text = slip_text_in(frame, budget_ms=FRAME_BUDGET_MS)
                if text and self._same.is_new(text, time.monotonic()):
                    self.text_read.emit(text)
        finally:
            source.close()
            self.finished.emit()


def _view_image(frame: np.ndarray) -> QImage:
    """The frame scaled for the live view, as a QImage that owns its pixels."""
    height, width = frame.shape[:2]
    if width > VIEW_WIDTH:
        frame = cv2.resize(frame, (VIEW_WIDTH, round(height * VIEW_WIDTH / width)))
    frame = np.ascontiguousarray(frame)
    height, width = frame.shape[:2]
    image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888)
    return image.copy()


class CameraPanel(QWidget):
    """Start/stop, the live view and the camera's state; ``text_read`` once per slip."""

    text_read = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: CameraWorker | None = None
        self.view = QLabel("カメラは止まっています")
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setFixedSize(VIEW_SIZE)
        self.view.setStyleSheet(_frame_style("#888888"))
        self.state = QLabel("案内票の二次元コードをカメラに向けてください。")
        self.state.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.state)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.frames_shown = 0
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(lambda: self.view.setStyleSheet(_frame_style("#888888")))

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, open_source: Callable[[], FrameSource]) -> None:
        """Open the source on the worker thread and start reading frames."""
        if self.running:
            return
        self.message.hide()
        self.state.setText("カメラを準備しています…")
        self.frames_shown = 0
        thread = QThread(self)
        worker = CameraWorker(open_source)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.frame_shown.connect(self._on_frame_shown)
        worker.text_read.connect(self._on_text_read)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        self.show()
        thread.start()
        self.running_changed.emit(True)

    def stop(self) -> None:
        """Ask the worker to stop and wait for its thread."""
        if self._worker is not None:
            self._worker.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
            self._on_thread_finished()

    @Slot(QImage)
    def _on_frame_shown(self, image: QImage) -> None:
        self.frames_shown += 1
        if self.frames_shown == 1:
            self.state.setText("案内票の二次元コードをカメラに向けてください。")
        pixmap = QPixmap.fromImage(image)
        self.view.setPixmap(
            pixmap.scaled(
                self.view.contentsRect().size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    @Slot(str)
    def _on_text_read(self, text: str) -> None:
        self.view.setStyleSheet(_frame_style("#1e9e3e", 6))
        self.state.setText("読み取りました。")
        QApplication.beep()
        self._flash.start(FLASH_MS)
        self.text_read.emit(text)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
        self.state.setText("カメラを使えません。")
        self.view.setText("カメラがありません")

    def _on_thread_finished(self) -> None:
        if self._thread is None:
            return
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            worker.deleteLater()
        thread.deleteLater()
        if self.message.isHidden():
            self.state.setText("カメラは止まっています。")
        self.running_changed.emit(False)


def _frame_style(colour: str, width: int = 2) -> str:
    return f"QLabel {{ border: {width}px solid {colour}; background: #202020; color: #dddddd; }}"
