"""A name's reading as the input method composed it, kept piece by piece (the Qt-free half of
``ui/counter/furigana``): each run of the name with the reading of the text that made it, how
an edit splices the pieces, and the kana field's form of the whole reading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kakanai.services.counter.inputs import katakana_as_typed

# Hiragana, katakana (with ー and ・) and spaces: text that is its own reading.
READS_AS_ITSELF = re.compile(r"[\u3041-\u309f\u30a0-\u30ff \u3000]+")
# What the preedit holds while the clerk types on: romaji, on its way to kana.
_NEW_TYPING = re.compile(r"[\x21-\x7e]+")
_SPACES = re.compile(r"[ \u3000]+")


@dataclass(frozen=True)
class Piece:
    """A run of the name and its reading (None: unknown)."""

    text: str
    reading: str | None = None

    def known_reading(self) -> str | None:
        if self.reading is not None:
            return self.reading
        return self.text if READS_AS_ITSELF.fullmatch(self.text) else None


def splice(pieces: list[Piece], start: int, end: int, new: Piece) -> list[Piece]:
    """``pieces`` with the text from ``start`` to ``end`` replaced by ``new``; a piece cut in
    part keeps the rest of its text without a reading."""
    before: list[Piece] = []
    after: list[Piece] = []
    position = 0
    for piece in pieces:
        first, last = position, position + len(piece.text)
        position = last
        if last <= start:
            before.append(piece)
        elif first >= end:
            after.append(piece)
        else:
            if first < start:
                before.append(Piece(piece.text[: start - first]))
            if last > end:
                after.append(Piece(piece.text[end - first :]))
    middle = [new] if new.text else []
    return [*before, *middle, *after]


def reading_between(pieces: list[Piece], start: int, end: int) -> str | None:
    """The reading of the text from ``start`` to ``end`` when it is made of whole pieces that
    all have one (what a re-conversion of it keeps), else None."""
    inside: list[Piece] = []
    position = 0
    for piece in pieces:
        first, last = position, position + len(piece.text)
        position = last
        if first < end and last > start:
            if first < start or last > end:
                return None
            inside.append(piece)
    return reading_of(inside) if inside and start < end else None


def reading_of(pieces: list[Piece]) -> str | None:
    """The whole name's reading, or None while a piece has none."""
    parts = [piece.known_reading() for piece in pieces]
    if any(part is None for part in parts):
        return None
    return "".join(part for part in parts if part is not None)


def as_furigana(reading: str) -> str:
    """The kana field's form of a reading: katakana, words apart by one full-width space
    (a trailing one kept while the clerk is still typing the given name)."""
    return _SPACES.sub("\u3000", katakana_as_typed(reading)).lstrip("\u3000")


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """The edit that turns ``old`` into ``new``: start, end in ``old``, end in ``new``."""
    shorter = min(len(old), len(new))
    start = 0
    while start < shorter and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < shorter - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return start, len(old) - tail, len(new) - tail


def reading_of_commit(composed: str | None, rest: str) -> str | None:
    """The reading of a commit, given the kana composed before it and the preedit that stays
    (``rest``): new typing (romaji, kana) leaves the reading whole; the rest of a conversion
    committed in part takes its kana off the end, or, converted to kanji, makes the reading
    of the part unknown."""
    if composed is None or not rest or _NEW_TYPING.fullmatch(rest):
        return composed
    if READS_AS_ITSELF.fullmatch(rest):
        return composed.removesuffix(rest)
    return None


def loose(kana: str) -> str:
    return _SPACES.sub(" ", kana).strip()
