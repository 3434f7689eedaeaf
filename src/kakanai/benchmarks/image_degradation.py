"""Graded damage to camera frames for the scanning benchmark: what webcams, phones, thermal
printers and residents' pockets do to a slip's QR code, each at mild, moderate and severe.

Every function takes a BGR frame and a seeded generator and returns a new frame. Damage that
aims at the code (glare, streaks, partial damage) takes the code's corners in the frame.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

LEVELS = ("mild", "moderate", "severe")

Quad = np.ndarray
"""The code's four corners in the frame (top-left, top-right, bottom-right, bottom-left)."""
Degradation = Callable[[np.ndarray, int, np.random.Generator, Quad], np.ndarray]


def degrade(
    frame: np.ndarray, condition: str, level: str, rng: np.random.Generator, quad: Quad
) -> np.ndarray:
    """``frame`` with ``condition`` (one of ``CONDITIONS``) applied at ``level``."""
    return CONDITIONS[condition](frame, LEVELS.index(level), rng, quad)


def _pick(level: int, mild: float, moderate: float, severe: float) -> float:
    return (mild, moderate, severe)[level]


def _to_uint8(image: np.ndarray) -> np.ndarray:
    return np.asarray(np.clip(image, 0, 255), np.uint8)


def blur(frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad) -> np.ndarray:
    """Out of focus (a disc) or moving (a line), as a webcam at close range does."""
    radius = _pick(level, 1.4, 2.2, 3.0) * rng.uniform(0.9, 1.1)
    reach = int(np.ceil(radius)) + 1
    ys, xs = np.mgrid[-reach : reach + 1, -reach : reach + 1].astype(np.float32)
    if rng.random() < 0.5:
        distance = np.hypot(xs, ys) - radius
    else:
        angle = rng.uniform(0, np.pi)
        along = np.clip(xs * np.cos(angle) + ys * np.sin(angle), -radius, radius)
        distance = np.hypot(xs - along * np.cos(angle), ys - along * np.sin(angle))
    # Antialiased: a pixel half inside the shape weighs a half.
    kernel = np.clip(0.5 - distance, 0, 1)
    return cv2.filter2D(frame, -1, kernel / kernel.sum())


def noise(frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad) -> np.ndarray:
    """Sensor noise in dim light: Gaussian, stronger in the blue channel."""
    sigma = _pick(level, 14, 28, 45)
    grain = rng.normal(0, sigma, frame.shape).astype(np.float32) * np.array([1.2, 1.0, 0.9])
    return _to_uint8(frame.astype(np.float32) + grain)


def low_resolution(
    frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad
) -> np.ndarray:
    """A cheaper camera: the same view at a fraction of the pixels."""
    scale = _pick(level, 0.7, 0.5, 0.38)
    height, width = frame.shape[:2]
    size = (round(width * scale), round(height * scale))
    return cv2.resize(frame, size, interpolation=cv2.INTER_AREA)


def jpeg(frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad) -> np.ndarray:
    """A photo sent through a messenger or saved by a cheap driver: strong JPEG."""
    quality = int(_pick(level, 30, 14, 7))
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    decoded = cv2.imdecode(data, cv2.IMREAD_COLOR) if ok else None
    assert decoded is not None
    return decoded


def low_contrast(frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad) -> np.ndarray:
    """A faded print under a dim or overexposed camera: the range squeezed and shifted."""
    keep = _pick(level, 0.35, 0.2, 0.12)
    centre = rng.uniform(70, 190)
    return _to_uint8((frame.astype(np.float32) - 128) * keep + centre)


def glare(frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad) -> np.ndarray:
    """A ceiling light reflected by glossy paper: a bright, partly saturated spot."""
    side = _side(quad)
    radius = side * _pick(level, 0.22, 0.32, 0.45)
    centre = _point_in(quad, rng, 0.6)
    height, width = frame.shape[:2]
    ys, xs = np.ogrid[:height, :width]
    ratio = rng.uniform(0.5, 1.0)
    spot = np.exp(-(((xs - centre[0]) ** 2) + ((ys - centre[1]) / ratio) ** 2) / radius**2)
    strength = _pick(level, 170, 230, 300)
    lit = frame.astype(np.float32) + (strength * spot)[..., None]
    return _to_uint8(lit)


def perspective(frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad) -> np.ndarray:
    """The slip held at an angle: one side of the view pulled in, as a tilted camera sees."""
    squeeze = _pick(level, 0.18, 0.32, 0.45)
    height, width = frame.shape[:2]
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    side = int(rng.integers(4))
    moved = corners.copy()
    # Pull in the two corners of one side towards that side's middle.
    first, second = side, (side + 1) % 4
    middle = (corners[first] + corners[second]) / 2
    moved[first] += (middle - corners[first]) * squeeze
    moved[second] += (middle - corners[second]) * squeeze
    matrix = cv2.getPerspectiveTransform(corners, moved)
    return cv2.warpPerspective(frame, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)


def thermal_streaks(
    frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad
) -> np.ndarray:
    """A worn thermal printer: white lines along the paper feed where heating dots died, and
    faded, uneven black, on the printed code only."""
    count = int(_pick(level, 3, 6, 12))
    most_dots = int(_pick(level, 1, 2, 3))
    dot = _side(quad) / 77 * 0.2  # a 203 dpi head's dot is about a fifth of a 0.6 mm module
    down = (quad[3] - quad[0]) / np.linalg.norm(quad[3] - quad[0])
    across = quad[1] - quad[0]
    height, width = frame.shape[:2]
    mask = np.zeros((height, width), np.float32)
    reach = max(height, width)
    for _ in range(count):
        start = quad[0] + across * rng.uniform(0, 1)
        a, b = start - down * reach, start + down * reach
        streak = dot * int(rng.integers(1, most_dots + 1))
        thickness, strength = max(1, round(streak)), min(1.0, streak)
        cv2.line(mask, _int_point(a), _int_point(b), strength, thickness, cv2.LINE_AA)
    mask = np.maximum(mask, _bands(frame.shape[:2], down, rng, _pick(level, 0.15, 0.3, 0.45)))
    area = _print_area(frame.shape[:2], quad)
    mask *= area
    paper = float(np.percentile(frame[area > 0.5], 95))
    image = frame.astype(np.float32)
    return _to_uint8(image + (paper - image) * mask[..., None])


def partial_damage(
    frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad
) -> np.ndarray:
    """Stains, a pen stroke and a torn or folded-over patch on the code."""
    side = _side(quad)
    image = frame.copy()
    patches = int(_pick(level, 1, 2, 3))
    size = side * _pick(level, 0.06, 0.1, 0.13)
    printed = frame[_print_area(frame.shape[:2], quad) > 0.5]
    paper = tuple(float(v) for v in np.percentile(printed, 95, axis=0))
    for _ in range(patches):
        centre = _point_in(quad, rng, 0.8)
        axes = (round(size * rng.uniform(0.7, 1.3)), round(size * rng.uniform(0.7, 1.3)))
        colour = paper if rng.random() < 0.5 else (40.0, 40.0, 60.0)
        angle = rng.uniform(0, 180)
        cv2.ellipse(image, _int_point(centre), axes, angle, 0, 360, colour, -1, cv2.LINE_AA)
    strokes = int(_pick(level, 0, 1, 3))
    for _ in range(strokes):
        points = np.array([_point_in(quad, rng, 1.0) for _ in range(4)], np.int32)
        cv2.polylines(image, [points], False, (120.0, 40.0, 20.0), 3, cv2.LINE_AA)
    return image


def crumpling(frame: np.ndarray, level: int, rng: np.random.Generator, quad: Quad) -> np.ndarray:
    """A slip kept in a pocket: the paper bends (a smooth warp) and creases cast shading."""
    amplitude = _pick(level, 1.5, 3.0, 5.0)
    height, width = frame.shape[:2]
    scale = _side(quad) / 4
    shift_x, shift_y = (_smooth_field((height, width), scale, rng) * amplitude for _ in range(2))
    xs, ys = np.meshgrid(np.arange(width, dtype=np.float32), np.arange(height, dtype=np.float32))
    map_x, map_y = (xs + shift_x).astype(np.float32), (ys + shift_y).astype(np.float32)
    bent = cv2.remap(frame, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    gx = cv2.Sobel(shift_x, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(shift_y, cv2.CV_32F, 0, 1, ksize=3)
    shade = 1 + np.clip((gx + gy) * 0.6, -0.5, 0.5) * _pick(level, 0.5, 0.8, 1.0)
    return _to_uint8(bent.astype(np.float32) * shade[..., None])


CONDITIONS: dict[str, Degradation] = {
    "blur": blur,
    "noise": noise,
    "low_resolution": low_resolution,
    "jpeg": jpeg,
    "low_contrast": low_contrast,
    "glare": glare,
    "perspective": perspective,
    "thermal_streaks": thermal_streaks,
    "partial_damage": partial_damage,
    "crumpling": crumpling,
}


def _side(quad: Quad) -> float:
    return float(np.linalg.norm(quad[1] - quad[0]) + np.linalg.norm(quad[3] - quad[0])) / 2


def _point_in(quad: Quad, rng: np.random.Generator, spread: float) -> np.ndarray:
    """A random point inside the code, within ``spread`` of the way from its centre."""
    u, v = rng.uniform(-spread, spread, 2) / 2 + 0.5
    top = quad[0] + (quad[1] - quad[0]) * u
    bottom = quad[3] + (quad[2] - quad[3]) * u
    return np.asarray(top + (bottom - top) * v)


def _print_area(shape: tuple[int, ...], quad: Quad) -> np.ndarray:
    """1 on the code and its quiet zone (4 modules around 69–77), 0 elsewhere."""
    centre = quad.mean(axis=0)
    outline = (quad - centre) * 1.1 + centre
    area = np.zeros(shape[:2], np.float32)
    cv2.fillConvexPoly(area, np.round(outline).astype(np.int32), 1.0, cv2.LINE_AA)
    return area


def _int_point(point: np.ndarray) -> tuple[int, int]:
    return round(float(point[0])), round(float(point[1]))


def _bands(
    shape: tuple[int, ...], down: np.ndarray, rng: np.random.Generator, fade: float
) -> np.ndarray:
    """Uneven print density: lighter bands across the feed direction, up to ``fade``."""
    height, width = shape[:2]
    ys, xs = np.mgrid[:height, :width].astype(np.float32)
    along = xs * down[0] + ys * down[1]
    period = rng.uniform(40, 120)
    wave = 0.5 + 0.5 * np.sin(along / period * 2 * np.pi + rng.uniform(0, 2 * np.pi))
    return np.asarray(fade * (0.5 + 0.5 * wave), np.float32)


def _smooth_field(shape: tuple[int, int], scale: float, rng: np.random.Generator) -> np.ndarray:
    """Random values in about [-1, 1] that change over ``scale`` pixels."""
    height, width = shape
    step = max(4, round(scale / 2))
    coarse = rng.normal(0, 1, (height // step + 2, width // step + 2)).astype(np.float32)
    fine = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC)
    fine = cv2.GaussianBlur(fine, (0, 0), scale / 2)
    return np.asarray(fine / (np.abs(fine).max() + 1e-6), np.float32)
