"""The three QR decoding libraries behind one shape: a grayscale image in, the texts of the
codes found out. zxing-cpp, ZBar (through pyzbar) and OpenCV's ArUco-based detector.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar

Decoder = Callable[[np.ndarray], list[str]]


def _qr_only() -> zxingcpp.BarcodeFormats:
    """Made per call: a module-level BarcodeFormats outlives the binding at exit and
    nanobind reports it as a leak."""
    return zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def zxing(gray: np.ndarray) -> list[str]:
    """zxing-cpp with its defaults: any rotation, inverted codes, downscaled retries."""
    return [found.text for found in zxingcpp.read_barcodes(gray, formats=_qr_only()) if found.valid]


def zbar(gray: np.ndarray) -> list[str]:
    """ZBar; it returns raw bytes, which for our numeric and ASCII payloads are UTF-8."""
    found = pyzbar.decode(gray, symbols=[pyzbar.ZBarSymbol.QRCODE])
    return [symbol.data.decode("utf-8", "replace") for symbol in found]


@functools.cache
def _opencv_detector() -> cv2.QRCodeDetectorAruco:
    return cv2.QRCodeDetectorAruco()


def opencv(gray: np.ndarray) -> list[str]:
    """OpenCV's QRCodeDetectorAruco (it reads more of our frames than QRCodeDetector)."""
    text, _corners, _straight = _opencv_detector().detectAndDecode(gray)
    return [text] if text else []


DECODERS: dict[str, Decoder] = {"zxing-cpp": zxing, "pyzbar": zbar, "opencv": opencv}


def code_corners(gray: np.ndarray) -> np.ndarray | None:
    """The corners of the first QR symbol zxing-cpp finds, even one it cannot decode:
    a float32 array (top-left, top-right, bottom-right, bottom-left), or None."""
    for found in zxingcpp.read_barcodes(gray, formats=_qr_only(), return_errors=True):
        corners = found.position
        points = (corners.top_left, corners.top_right, corners.bottom_right, corners.bottom_left)
        return np.array([[p.x, p.y] for p in points], np.float32)
    return None
