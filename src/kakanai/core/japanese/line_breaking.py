"""Breaking Japanese and English text into lines of a given width, with basic 禁則処理:
Japanese breaks between any two characters, English only at spaces, no line starts with
closing punctuation (。、)」…) and no line ends with opening brackets (「(【…).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str], float]
"""The drawn width of a piece of text (points, or any unit the caller's width uses)."""

# JIS X 4051 basics: characters that must not begin a line ...
NO_LINE_START = frozenset(
    "、。,.，．)）]］}｝〕〉》」』】〙〗〟’”｠»"
    "ゝゞヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "々〻‐゠–〜～?!？！‼⁇⁈⁉・:;：；/／…‥%％"
)
# ... and characters that must not end one.
NO_LINE_END = frozenset("(（[［{｛〔〈《「『【〘〖〝‘“｟«〒$＄#＃")
SPACES = frozenset(" \u3000")
# Runs of these stay together (numbers, case ids, phone numbers, English words).
_WORD = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789０１２３４５６７８９-_'@&+*="
)
_WORD_INNER = frozenset(".,:/")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
# Widths computed as a sum and a difference may differ in the last bit; this much is "fits".
_TOLERANCE = 1e-6


@dataclass
class _Atom:
    """The smallest piece that a line break may not split (unless it is wider than a line)."""

    text: str
    is_space: bool = False


WORD_JOINER = "\u2060"
"""No line break on either side (UAX #14 class WJ), drawn as nothing; Qt's layout honours it."""
SHORT_LAST_LINE = 5
"""A wrapped Japanese sentence should not end with a line of fewer characters than this
(「い。」 alone under a heading reads as a mistake)."""


def glue_tail(text: str, count: int = SHORT_LAST_LINE) -> str:
    """``text`` with its last ``count`` characters of each paragraph joined by word joiners,
    for a label that wraps by itself (a Qt label breaks Japanese between any two characters):
    a line break then falls before them, never among them. Paragraphs ending in a space or an
    English word, and short ones, are left as they are (they break at spaces, or fit)."""
    return "\n".join(_glued(paragraph, count) for paragraph in text.split("\n"))


def _glued(paragraph: str, count: int) -> str:
    tail = paragraph[-count:]
    if len(paragraph) < 2 * count or any(c in SPACES or c in _WORD for c in tail):
        return paragraph
    return paragraph[:-count] + WORD_JOINER.join(tail)


def break_lines(text: str, width: float, measure: Measure) -> list[str]:
    """``text`` as lines no wider than ``width``; explicit newlines are kept. A piece with
    no allowed break that is wider than a whole line is cut between characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_fill(_atoms(paragraph), width, measure))
    return lines


def _atoms(text: str) -> list[_Atom]:
    """Words, single characters and spaces, with 禁則 characters glued to their neighbour."""
    atoms: list[_Atom] = []
    glue_next = ""
    for char in text:
        if char in SPACES:
            atoms.append(_Atom(char, is_space=True))
            continue
        if char in NO_LINE_END:
            glue_next += char
            continue
        joinable = atoms and not atoms[-1].is_space and not glue_next
        previous = atoms[-1] if joinable else None
        if previous is not None and (char in NO_LINE_START or _continues_word(previous.text, char)):
            previous.text += char
        else:
            atoms.append(_Atom(glue_next + char))
            glue_next = ""
    if glue_next:
        atoms.append(_Atom(glue_next))
    return atoms


def _continues_word(text: str, char: str) -> bool:
    """Whether ``char`` carries on the word ``text`` ends with (``10:15``, ``3.5``, ``a/b``),
    or is the counter after a number (``14日``, ``101号``), which reads badly when split."""
    if char not in _WORD:
        return text[-1] in _DIGITS and not char.isascii()
    return text[-1] in _WORD or (text[-1] in _WORD_INNER and len(text) > 1 and text[-2] in _WORD)


def _fill(atoms: list[_Atom], width: float, measure: Measure) -> list[str]:
    """Greedy filling: as many atoms per line as fit; spaces at a break are dropped."""
    lines: list[str] = []
    line = ""
    pending_space = ""
    for atom in atoms:
        if atom.is_space:
            pending_space += atom.text if line else ""
            continue
        candidate = line + pending_space + atom.text
        if not line or measure(candidate) <= width + _TOLERANCE:
            line = candidate
        else:
            lines.append(line)
            line = atom.text
        pending_space = ""
        if measure(line) > width + _TOLERANCE:
            *full, line = _cut(line, width, measure)
            lines.extend(full)
    if line or not lines:
        lines.append(line)
    return lines


def _cut(text: str, width: float, measure: Measure) -> list[str]:
    """Cut ``text`` between characters into pieces no wider than ``width`` (at least one
    character each, so a single character wider than the line still makes progress)."""
    pieces: list[str] = []
    piece = ""
    for char in text:
        if piece and measure(piece + char) > width + _TOLERANCE:
            pieces.append(piece)
            piece = ""
        piece += char
    pieces.append(piece)
    return pieces
