"""Slip-like camera frames for the scanning benchmark and tests: a numeric ECC-Q QR code
printed on white paper among lines of text, photographed into a 1280×720 BGR frame.

The benchmark only calls ``sample_frames``; swap it for rasterized slip PDFs when they exist.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import cv2
import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_Q

from kakanai.adapters.pdf.fonts import font_book

FRAME_SIZE = (1280, 720)
"""Width and height of a webcam frame."""
DIGITS = (600, 700)
"""A slip payload in numeric mode: version 14–15 at ECC Q."""
MODULE_MM = (0.5, 0.8)
CODE_HEIGHT_SHARE = (0.25, 0.45)
"""The printed symbol (without its quiet zone) as a share of the frame height."""
_SUPERSAMPLE = 8
_CLUTTER = (
    "手続き案内票 サンプル市 市民課",
    "受付番号 20261123-3FA2C1 令和8年11月23日",
    "国民健康保険 加入 保険年金課 2番窓口",
    "児童手当 認定請求 こども育成課 5番窓口",
    "マイナンバーカード 住所変更 市民課 1番窓口",
    "この二次元コードを各課の窓口でお見せください",
)


def sample_frames(count: int, seed: int) -> list[tuple[np.ndarray, str]]:
    """``count`` frames (BGR, 1280×720) with the digits each one's QR code holds."""
    rng = np.random.default_rng(seed)
    samples = []
    for _ in range(count):
        text = "".join(str(d) for d in rng.integers(0, 10, int(rng.integers(*DIGITS))))
        samples.append((photograph(print_slip(text, rng), rng), text))
    return samples


def qr_modules(text: str, border: int = 4) -> np.ndarray:
    """The QR symbol for ``text`` as a boolean array, True where a module is dark."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=border, box_size=1)
    code.add_data(text)
    code.make(fit=True)
    return np.array(code.get_matrix(), dtype=bool)


def render_modules(modules: np.ndarray, side: int, ink: int = 0, paper: int = 255) -> np.ndarray:
    """The modules drawn into a ``side``×``side`` grayscale image, edges antialiased."""
    big = np.where(np.kron(modules, np.ones((_SUPERSAMPLE, _SUPERSAMPLE), bool)), ink, paper)
    return cv2.resize(big.astype(np.uint8), (side, side), interpolation=cv2.INTER_AREA)


@dataclass(frozen=True)
class PrintedSlip:
    """Part of a printed slip in grayscale at camera scale, and where its code is."""

    sheet: np.ndarray
    centre: tuple[float, float]
    symbol_px: float
    """The side of the printed symbol without its quiet zone, in pixels."""


def print_slip(text: str, rng: np.random.Generator) -> PrintedSlip:
    """The code for ``text`` printed at a random module size with text lines to its left."""
    modules = qr_modules(text)
    symbol = len(modules) - 8
    symbol_px = FRAME_SIZE[1] * rng.uniform(*CODE_HEIGHT_SHARE)
    px_per_mm = symbol_px / (symbol * rng.uniform(*MODULE_MM))
    ink, paper_level = int(rng.integers(10, 50)), int(rng.integers(215, 250))
    side = round(symbol_px * len(modules) / symbol)
    width, height = side + round(90 * px_per_mm), side + round(40 * px_per_mm)
    paper = Image.new("L", (width, height), paper_level)
    _write_clutter(ImageDraw.Draw(paper), (width - side, height), px_per_mm, ink, rng)
    sheet = np.array(paper)
    top = round(20 * px_per_mm)
    sheet[top : top + side, width - side :] = render_modules(modules, side, ink, paper_level)
    return PrintedSlip(sheet, (width - side / 2, top + side / 2), symbol_px)


def _write_clutter(
    draw: ImageDraw.ImageDraw,
    area: tuple[int, int],
    px_per_mm: float,
    ink: int,
    rng: np.random.Generator,
) -> None:
    size = max(8, round(3.5 * px_per_mm))
    font = _font(size)
    y = 5 * px_per_mm
    while y + size < area[1]:
        line = _CLUTTER[int(rng.integers(len(_CLUTTER)))]
        draw.text((5 * px_per_mm, y), line, fill=ink, font=font)
        y += size * rng.uniform(1.6, 2.4)
    draw.line([(0, 12 * px_per_mm), (area[0] - 4 * px_per_mm, 12 * px_per_mm)], fill=ink, width=2)


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    gothic = font_book().file("ipaexg.ttf")
    if gothic is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(gothic), size)


def photograph(slip: PrintedSlip, rng: np.random.Generator) -> np.ndarray:
    """The paper laid on a desk, slightly turned, seen by a webcam: a BGR frame."""
    width, height = FRAME_SIZE
    margin = slip.symbol_px * 0.8  # half the symbol and its quiet zone, turned by up to 12°
    target = (rng.uniform(margin, width - margin), rng.uniform(margin, height - margin))
    turn = cv2.getRotationMatrix2D(slip.centre, rng.uniform(-12, 12), 1.0)
    turn[:, 2] += np.subtract(target, slip.centre)
    warped = cv2.warpAffine(slip.sheet, turn, FRAME_SIZE, flags=cv2.INTER_LINEAR)
    inside = cv2.warpAffine(np.full_like(slip.sheet, 255), turn, FRAME_SIZE)
    gray = np.where(inside > 127, warped, _desk(rng)).astype(np.float32) * _lighting(rng)
    tint = np.array([rng.uniform(0.9, 1.0), rng.uniform(0.95, 1.0), 1.0], np.float32)
    colour = gray[..., None] * tint + rng.normal(0, 2.0, (height, width, 3)).astype(np.float32)
    frame = np.clip(colour, 0, 255).astype(np.uint8)
    return np.asarray(cv2.GaussianBlur(frame, (0, 0), rng.uniform(0.4, 0.7)))


def _desk(rng: np.random.Generator) -> np.ndarray:
    width, height = FRAME_SIZE
    coarse = rng.normal(0, 12, (height // 16, width // 16))
    grain = cv2.resize(coarse, FRAME_SIZE, interpolation=cv2.INTER_CUBIC)
    return np.asarray(np.clip(rng.uniform(70, 150) + grain, 0, 255), np.float32)


def _lighting(rng: np.random.Generator) -> np.ndarray:
    """A soft light from one side and a little vignetting."""
    width, height = FRAME_SIZE
    xs, ys = np.meshgrid(np.linspace(-1, 1, width), np.linspace(-1, 1, height))
    direction = rng.uniform(0, 2 * math.pi)
    slope = (xs * math.cos(direction) + ys * math.sin(direction)) * rng.uniform(0.0, 0.12)
    vignette = 1 - 0.08 * (xs**2 + ys**2)
    return np.asarray((0.95 + slope) * vignette, np.float32)
