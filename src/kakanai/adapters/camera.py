"""Camera frames for the desk's live scanner (OpenCV ``VideoCapture``), and recorded frames
(images in memory or a folder) that stand in for a camera in tests and demonstrations."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from kakanai.adapters.qr.reading import load_image
from kakanai.core.errors import ErrorCode, KakanaiError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")


class FrameSource(Protocol):
    """Where frames come from; ``read`` blocks until the next frame (BGR) or returns None
    when there are no more (a camera that failed, recorded frames used up)."""

    def read(self) -> np.ndarray | None: ...

    def close(self) -> None: ...


class OpenCvCamera:
    """A camera by index through OpenCV; DESK_001 when it cannot be opened."""

    def __init__(self, index: int, *, width: int = 1280, height: int = 720) -> None:
        capture = cv2.VideoCapture(index)
        if not capture.isOpened():
            capture.release()
            raise KakanaiError.of(ErrorCode.DESK_CAMERA_MISSING, index=index)
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a queue of old ones
        self._capture = capture

    def read(self) -> np.ndarray | None:
        ok, frame = self._capture.read()
        return frame if ok else None

    def close(self) -> None:
        self._capture.release()


class RecordedFrames:
    """Frames given in advance, played once (or looped), ``interval`` seconds apart."""

    def __init__(
        self, frames: Iterable[np.ndarray], *, interval: float = 0.0, loop: bool = False
    ) -> None:
        self._frames: Sequence[np.ndarray] = list(frames)
        self._interval = interval
        self._loop = loop
        self._next = 0

    @classmethod
    def from_folder(cls, folder: Path, *, interval: float = 0.1) -> RecordedFrames:
        """The images in ``folder`` in name order; DESK_002 when there are none."""
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not files:
            raise KakanaiError.of(ErrorCode.DESK_FRAMES_UNREADABLE, path=folder)
        return cls([load_image(p) for p in files], interval=interval)

    def read(self) -> np.ndarray | None:
        if self._next >= len(self._frames):
            if not self._loop or not self._frames:
                return None
            self._next = 0
        if self._interval and self._next:
            time.sleep(self._interval)
        frame = self._frames[self._next]
        self._next += 1
        return frame

    def close(self) -> None:
        self._next = len(self._frames)
        self._loop = False
