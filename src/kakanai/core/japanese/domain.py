"""The domain of every typed value, whatever question it answers: texts of bounded length
without control, format (bidi) or surrogate characters, and dates 和暦 can write. The
engine's door (core/trees/answers.py) and case files (core/trees/case_document.py) enforce
it, each naming where the value was."""

from __future__ import annotations

import unicodedata
from datetime import date

from kakanai.core.errors import ErrorCode
from kakanai.core.japanese.values import EARLIEST_DATE, ValueFormatError


class OutOfDomainError(ValueFormatError):
    """A value refused whatever the question asks: a date kakanai cannot write, a text too
    long, a character that has no place in a name. ``code`` is its INPUT_ code; the caller
    fills ``where`` (which answer or field) with ``message_for``."""

    def __init__(self, code: ErrorCode, **fields: object) -> None:
        super().__init__(code.format(where="", **fields))
        self.code = code
        self.fields = fields

    def message_for(self, where: str) -> str:
        return self.code.format(where=where, **self.fields)


# --- the domain: what any typed text or date may be ---------------------------------

MAX_NAME_CHARS = 100
"""Names and furigana; the longest names of foreign residents in katakana stay well below."""
MAX_TEXT_CHARS = 500
"""Free text and each part of an address."""
_ALLOWED_CONTROLS = frozenset("\t\n\r")  # whitespace that normalising turns into a space
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
"""Control characters (NUL, ESC…), format characters (bidi overrides such as U+202E,
zero-width characters, BOM) and lone surrogates: none belongs in a name or an address,
and each can hide or reorder what a clerk or a terminal shows."""


def check_text(text: str, *, limit: int) -> None:
    """OutOfDomainError when ``text`` is longer than ``limit`` or holds a refused character."""
    if len(text) > limit:
        raise OutOfDomainError(ErrorCode.INPUT_TEXT_LENGTH, length=len(text), limit=limit)
    refused = next((char for char in text if _refused(char)), None)
    if refused is not None:
        raise OutOfDomainError(ErrorCode.INPUT_TEXT_CHARACTER, codepoint=codepoint(refused))


def _refused(char: str) -> bool:
    return char not in _ALLOWED_CONTROLS and unicodedata.category(char) in _REFUSED_CATEGORIES


def codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def shown(text: str, limit: int = 30) -> str:
    """Typed text as a message may quote it: refused characters as U+XXXX, cut to ``limit``."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return "".join(f"<{codepoint(char)}>" if _refused(char) else char for char in cut)


LATEST_DATE = date(2999, 12, 31)
"""Far past any real date, and far enough from ``date.max`` that adding a year or a slip's
validity to it can never overflow."""


def check_date(day: date, *, latest: date = LATEST_DATE) -> None:
    """OutOfDomainError unless ``EARLIEST_DATE <= day <= latest``."""
    if not EARLIEST_DATE <= day <= latest:
        raise OutOfDomainError(
            ErrorCode.INPUT_DATE_RANGE,
            date=f"{day.year}年{day.month}月{day.day}日",
            earliest="明治元年1月25日(1868年)",
            latest=f"{latest.year}年{latest.month}月{latest.day}日",
        )
