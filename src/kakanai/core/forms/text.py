"""Setting text in a box: shrink to a minimum size, then wrap (Japanese line breaking with
basic 禁則), and when even that fails keep what fits and say what was cut. Pure: character
widths come from a callback (points at size 1)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

CharWidth = Callable[[str], float]
"""Width in points of one character set at size 1."""

LEADING = 1.25  # line pitch as a multiple of the size
SIZE_STEP = 0.25
ELLIPSIS = "…"

# 行頭禁則 (may not start a line) and 行末禁則 (may not end one).
NO_START = frozenset(
    "、。，．,.)）」』】〕〉》]!?！？ー・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ"
)
NO_END = frozenset("(（「『【〔〈《[")
_TOKEN = re.compile(r"[0-9A-Za-z@#&%+\-.,/:]+|\s+|.", re.DOTALL)


@dataclass(frozen=True)
class Fitted:
    """Lines to draw at ``size``; ``rest`` is the text that did not fit (empty if all did)."""

    lines: tuple[str, ...]
    size: float
    rest: str = ""

    def height(self) -> float:
        return block_height(len(self.lines), self.size)


def block_height(lines: int, size: float) -> float:
    """Height in points of ``lines`` lines set at ``size``."""
    return size * (1 + (lines - 1) * LEADING) if lines else 0.0


def text_width(text: str, size: float, width_of: CharWidth) -> float:
    return sum(width_of(c) for c in text) * size


def fit(  # noqa: PLR0913 - the text, the box and the three settings of the field
    text: str,
    width: float,
    height: float,
    *,
    size: float,
    min_size: float,
    width_of: CharWidth,
    wrap: bool = True,
) -> Fitted:
    """Fit ``text`` into ``width`` × ``height`` points.

    One line at ``size`` if it fits; else one line at the largest smaller size down to
    ``min_size``; else (with ``wrap``) several lines at the largest size that fits; else the
    lines that fit at ``min_size``, the last one ending in … and ``rest`` saying what is lost.
    """
    text = " ".join(text.split("\n"))
    if not text:
        return Fitted((), size)
    measure = _Measure(width_of)
    unit = measure(text)
    single = min(size, width / unit if unit else size, height)
    if single >= min_size - 1e-9:
        return Fitted((text,), max(_step_down(single), min_size))
    if wrap:
        current = size
        while current >= min_size - 1e-9:
            lines = break_lines(text, width / current, measure)
            if block_height(len(lines), current) <= height + 1e-6:
                return Fitted(tuple(lines), current)
            current -= SIZE_STEP
    return _cut(text, width, height, min_size, measure, wrap=wrap)


class _Measure:
    """Widths of strings at size 1, from per-character widths looked up once each."""

    def __init__(self, width_of: CharWidth) -> None:
        self._width_of = width_of
        self._known: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        known = self._known
        total = 0.0
        for char in text:
            width = known.get(char)
            if width is None:
                width = known[char] = self._width_of(char)
            total += width
        return total


def _step_down(size: float) -> float:
    return int(size / SIZE_STEP + 1e-9) * SIZE_STEP


def _cut(  # noqa: PLR0913 - same settings as fit()
    text: str, width: float, height: float, size: float, measure: CharWidth, *, wrap: bool
) -> Fitted:
    lines = break_lines(text, width / size, measure) if wrap else [text]
    room = 1
    while room < len(lines) and block_height(room + 1, size) <= height + 1e-6:
        room += 1
    kept = lines[:room]
    last = kept[-1]
    while last and measure(last + ELLIPSIS) * size > width:
        last = last[:-1]
    kept[-1] = last + ELLIPSIS
    shown = "".join(kept[:-1]) + last
    return Fitted(tuple(kept), size, _after(text, shown))


def _after(text: str, shown: str) -> str:
    """The part of ``text`` after the characters of ``shown`` (spaces may have been dropped)."""
    index = 0
    for char in shown:
        found = text.find(char, index)
        if found < 0:
            break
        index = found + 1
    return text[index:].strip()


def tokens(text: str) -> list[str]:
    """Unbreakable pieces: runs of Latin letters and digits, spaces, single characters;
    a character that may not start a line sticks to the piece before it, one that may not
    end a line to the piece after it."""
    pieces: list[str] = []
    glue_next = False
    for match in _TOKEN.finditer(text):
        piece = match.group(0)
        if pieces and not piece.isspace() and (glue_next or piece[0] in NO_START):
            pieces[-1] += piece
        else:
            pieces.append(piece)
        glue_next = piece[-1] in NO_END
    return pieces


def break_lines(text: str, width: float, width_of: CharWidth) -> list[str]:
    """Greedy line breaking at ``width`` (points at size 1). Prefers a break at a space in
    the second half of a line, so building names in addresses stay whole."""
    measure = width_of if isinstance(width_of, _Measure) else _Measure(width_of)
    lines: list[str] = []
    line, used = "", 0.0
    for piece in tokens(text):
        if piece.isspace():
            if line:
                line, used = line + " ", used + measure(" ")
            continue
        extra = measure(piece)
        if used + extra <= width:
            line, used = line + piece, used + extra
            continue
        if line.strip():
            head, tail = _at_space(line, width, measure)
            lines.append(head)
            line = tail + piece if tail else piece
        else:
            line = piece
        parts = _split_long(line, width, measure)
        lines.extend(parts[:-1])
        line = parts[-1]
        used = measure(line)
    if line.strip():
        lines.append(line)
    return [kept.strip() for kept in lines if kept.strip()]


def _at_space(line: str, width: float, measure: CharWidth) -> tuple[str, str]:
    cut = line.rstrip().rfind(" ")
    if cut > 0 and measure(line[:cut]) >= width * 0.5:
        return line[:cut].rstrip(), line[cut + 1 :].lstrip()
    return line.rstrip(), ""


def _split_long(piece: str, width: float, measure: CharWidth) -> list[str]:
    """Split a piece wider than a line between characters (a no-op when it fits)."""
    parts: list[str] = []
    current, used = "", 0.0
    for char in piece:
        extra = measure(char)
        if current and used + extra > width:
            parts.append(current)
            current, used = char, extra
        else:
            current, used = current + char, used + extra
    parts.append(current)
    return parts
