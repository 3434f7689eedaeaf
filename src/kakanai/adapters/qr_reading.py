"""Reading QR codes from camera frames and image files.

The interface the slip decoder, the desk and the benchmarks use: ``read_code`` returns the
first code text the ``accept`` predicate takes (a candidate that fails it, e.g. a code
that does not decrypt, is discarded and reading goes on).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from kakanai.core.errors import ErrorCode, KakanaiError

Accept = Callable[[str], bool]


@dataclass(frozen=True)
class CodeRead:
    """One accepted code: its text, which decoder and which preprocessing found it."""

    text: str
    decoder: str
    stage: str
    seconds: float


def load_image(path: Path) -> np.ndarray:
    """The image at ``path`` as a BGR frame; SCAN_001 when it is missing or not an image."""
    data = np.fromfile(str(path), dtype=np.uint8) if path.is_file() else None
    frame = cv2.imdecode(data, cv2.IMREAD_COLOR) if data is not None and data.size else None
    if frame is None:
        detail = "ファイルがありません" if not path.exists() else "画像として読み込めません"
        raise KakanaiError.of(ErrorCode.SCAN_BAD_IMAGE, detail=f"{path}: {detail}")
    return frame


def read_code(frame: np.ndarray, accept: Accept = lambda _text: True) -> CodeRead | None:
    """The first accepted QR text in ``frame``, or None."""
    start = time.perf_counter()
    for found in zxingcpp.read_barcodes(
        frame, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    ):
        if found.valid and accept(found.text):
            return CodeRead(found.text, "zxing-cpp", "plain", time.perf_counter() - start)
    return None
