"""Loading an image file (a photo or scan of a slip) as a frame, within limits: a regular
file of bounded size whose pixel count, read from its header with Pillow before anything is
decoded, is bounded too. A 1 MB PNG can claim 30000×30000 pixels (2.7 GB decoded)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from kakanai.adapters.input_files import read_bytes
from kakanai.core.errors import ErrorCode, KakanaiError

MAX_IMAGE_BYTES = 50 * 1024 * 1024
"""A 48-megapixel phone photo as JPEG is about 20 MB."""
MAX_IMAGE_PIXELS = 40_000_000
"""An A4 page scanned at 600 dpi is 35 million pixels; decoded with its views, a frame this
size needs about 0.6 GB, which a desk PC has."""
MAX_IMAGE_SIDE = 16_384
"""Longer sides are no photo of a slip (and zxing-cpp reads at most 65535)."""


def load_image(path: Path) -> np.ndarray:
    """The image at ``path`` as a BGR frame; SCAN_001 when it is missing or not an image,
    INPUT_001/002 for something that is not a regular file or too large, INPUT_005 when it
    has more pixels than ``MAX_IMAGE_PIXELS``."""
    try:
        data = read_bytes(path, limit=MAX_IMAGE_BYTES)
    except OSError:
        detail = "ファイルがありません" if not path.exists() else "ファイルを開けません"
        raise _unreadable(path, detail) from None
    width, height = _header_size(path, data)
    if width * height > MAX_IMAGE_PIXELS or max(width, height) > MAX_IMAGE_SIDE:
        raise _too_large(f"{width}×{height}ピクセル")
    frame = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if frame is None:
        raise _unreadable(path, "画像として読み込めません")
    return frame


def _header_size(path: Path, data: bytes) -> tuple[int, int]:
    """Width and height as the file's header says, without decoding the pixels."""
    try:
        with warnings.catch_warnings():
            # The size is judged below against our own limit, not Pillow's warning.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
    except Image.DecompressionBombError:  # Pillow's own, far higher limit
        raise _too_large("1億画素以上") from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise _unreadable(path, "画像として読み込めません") from None
    return width, height


def _too_large(size: str) -> KakanaiError:
    limit = MAX_IMAGE_PIXELS // 10_000
    return KakanaiError.of(
        ErrorCode.INPUT_IMAGE_TOO_LARGE, size=size, limit=limit, side=MAX_IMAGE_SIDE
    )


def _unreadable(path: Path, detail: str) -> KakanaiError:
    return KakanaiError.of(ErrorCode.SCAN_BAD_IMAGE, detail=f"{path}: {detail}")
