"""Preprocessing for hard frames: each view of a frame is one way to make a QR code easier
to read (sharpened, upscaled, cropped to the code, light streaks filled), made once per
frame when a stage of the decoder chain first asks for it.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

Locate = Callable[[np.ndarray], np.ndarray | None]
"""Finds a code's corners in a grayscale image (even one that does not decode), or None."""
Transform = Callable[[np.ndarray], np.ndarray | None]

PLAIN = "plain"
MAX_UPSCALED_SIDE = 2600
"""Upscaling only helps small codes; a frame whose longer side would pass this is not
upscaled (a phone photo already has the pixels)."""


def grayscale(frame: np.ndarray) -> np.ndarray:
    """The frame in 8-bit grayscale (from gray, BGR or BGRA)."""
    if frame.ndim == 2:
        return frame if frame.dtype == np.uint8 else cv2.convertScaleAbs(frame)
    code = cv2.COLOR_BGRA2GRAY if frame.shape[2] == 4 else cv2.COLOR_BGR2GRAY
    return cv2.cvtColor(frame, code)


def sharpen(gray: np.ndarray, sigma: float = 2.0, amount: float = 1.5) -> np.ndarray:
    """Unsharp masking: undoes some defocus and motion blur."""
    soft = cv2.GaussianBlur(gray, (0, 0), sigma)
    return cv2.addWeighted(gray, 1 + amount, soft, -amount, 0)


def upscale(gray: np.ndarray, factor: float = 2.0) -> np.ndarray | None:
    """Bicubic upscaling, so that 1–2 pixel modules become sampleable; None for big frames."""
    if max(gray.shape) * factor > MAX_UPSCALED_SIDE:
        return None
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def despeckle(gray: np.ndarray) -> np.ndarray:
    """A 3×3 median: removes salt-and-pepper and sensor noise, keeps module edges."""
    return cv2.medianBlur(gray, 3)


def fill_streaks(gray: np.ndarray) -> np.ndarray:
    """Closes thin light lines through dark modules (dead thermal-printer dots) in both axes."""
    across = cv2.erode(gray, np.ones((1, 3), np.uint8))
    return cv2.erode(across, np.ones((3, 1), np.uint8))


def busy_region(gray: np.ndarray) -> tuple[int, int, int, int] | None:
    """The bounding box (x, y, w, h) of the largest densely textured area: where a code is
    when no finder pattern could be found."""
    scale = 0.25
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    edges = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    edges = cv2.blur(edges, (9, 9))
    _, mask = cv2.threshold(edges, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(mask)
    if count < 2:
        return None
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h = (int(v / scale) for v in stats[largest, :4])
    return x, y, w, h


def crop_around(
    gray: np.ndarray, box: tuple[int, int, int, int], margin: float = 0.15
) -> np.ndarray:
    """The box widened by ``margin`` of its size on each side, clipped to the image."""
    x, y, w, h = box
    pad = round(max(w, h) * margin) + 8
    height, width = gray.shape[:2]
    left, top = max(0, x - pad), max(0, y - pad)
    right, bottom = min(width, x + w + pad), min(height, y + h + pad)
    return gray[top:bottom, left:right]


class FrameViews:
    """The views of one frame; each is computed at most once."""

    def __init__(self, frame: np.ndarray, locate: Locate) -> None:
        self._made: dict[str, np.ndarray | None] = {PLAIN: grayscale(frame)}
        self._locate = locate

    def view(self, name: str) -> np.ndarray | None:
        """The named view (see ``VIEWS``), or None when it does not apply to this frame."""
        if name not in self._made:
            if name == "code_region":
                self._made[name] = self._code_region()
            else:
                source, transform = VIEWS[name]
                image = self.view(source)
                self._made[name] = None if image is None else transform(image)
        return self._made[name]

    def _code_region(self) -> np.ndarray | None:
        """The code's surroundings, upscaled: from the corners of a symbol zxing-cpp found
        but could not decode, else from the busiest area of the frame."""
        gray = self.view(PLAIN)
        assert gray is not None
        corners = self._locate(gray)
        if corners is not None:
            x, y = corners.min(axis=0)
            w, h = corners.max(axis=0) - (x, y)
            box: tuple[int, int, int, int] | None = (int(x), int(y), int(w), int(h))
        else:
            box = busy_region(gray)
        if box is None or box[2] < 16 or box[3] < 16:
            return None
        region = crop_around(gray, box)
        return upscale(region) if max(region.shape) * 2 <= MAX_UPSCALED_SIDE else region


VIEWS: dict[str, tuple[str, Transform]] = {
    "sharpened": (PLAIN, sharpen),
    "upscaled": (PLAIN, upscale),
    "upscaled_sharpened": ("upscaled", lambda image: sharpen(image, 3.0, 1.5)),
    "despeckled": (PLAIN, despeckle),
    "region_sharpened": ("code_region", lambda image: sharpen(image, 3.0, 2.0)),
    "region_streaks_filled": ("code_region", fill_streaks),
}
"""Each view but ``plain`` and ``code_region``: the view it starts from and what is done."""
