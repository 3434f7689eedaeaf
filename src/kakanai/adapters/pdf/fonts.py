"""Japanese fonts for reportlab: find them (Debian, Windows, a configured folder), register
them once, and split text into runs so every character is drawn by a font that has it.

A family ("gothic", "mincho") is a primary font plus fallbacks: IPAmj Mincho covers the
文字情報基盤 set, so rare name kanji (𠮷, 𠀋, …) fall back to it. A character no font of the
family has is a ``FONT_002`` error naming the character and the field, never a blank box.

Ideographic variation selectors (U+E0100–U+E01EF) and standard variation selectors
(U+FE00–U+FE0F) are kept in the case data but dropped when drawing: reportlab maps one code
point to one glyph and cannot apply a font's variation-sequence table, so the base
character is printed (docs/form-template-format.md, "Variation selectors").
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf import font_subsets
from kakanai.core.errors import ErrorCode, KakanaiError

GOTHIC = "gothic"
MINCHO = "mincho"


@dataclass(frozen=True)
class FontFile:
    """One font we know how to find: the reportlab name, file names to look for, TTC index."""

    name: str
    files: tuple[str, ...]
    subfont: int = 0


# In order of preference. The first one found is the family's primary font.
PRIMARY: dict[str, tuple[FontFile, ...]] = {
    GOTHIC: (
        FontFile("IPAexGothic", ("ipaexg.ttf",)),
        FontFile("BIZUDGothic", ("BIZ-UDGothicR.ttc", "BIZ-UDGothicR.ttf")),
        FontFile("MSGothic", ("msgothic.ttc",)),
        FontFile("IPAGothic", ("ipag.ttf",)),
    ),
    MINCHO: (
        FontFile("IPAexMincho", ("ipaexm.ttf",)),
        FontFile("BIZUDMincho", ("BIZ-UDMinchoM.ttc", "BIZ-UDMinchoM.ttf")),
        FontFile("MSMincho", ("msmincho.ttc",)),
        FontFile("IPAMincho", ("ipam.ttf",)),
    ),
}
# Tried, in order, for characters the primary font lacks.
FALLBACK: tuple[FontFile, ...] = (FontFile("IPAmjMincho", ("ipamjm.ttf",)),)

# Process-wide reportlab settings, made here because every PDF we write draws its text
# through this module.
# Binary streams as they are: ASCII85 (reportlab's default) makes the embedded font
# subsets 25% larger and costs a pure-Python encoding pass on every form.
rl_config.useA85 = 0
_REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16
    surrogate pairs as the PDF format requires. reportlab writes the bare code point, so
    a name with 𠮷 (U+20BB7) printed correctly but copied or searched as "₻". The glyphs
    are unaffected; this keeps the printed form's text true to the case."""
    cmap: str = _REPORTLAB_CMAP(fontname, subset)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            wrong, right = f"<{code:04X}>", f"<{_utf16_hex(code)}>"
            cmap = cmap.replace(f"<{index:02X}> {wrong}", f"<{index:02X}> {right}")
    return cmap


ttfonts.makeToUnicodeCMap = to_unicode_cmap


FAMILY_NAMES = {GOTHIC: "ゴシック体", MINCHO: "明朝体"}
RUNS_KEPT = 20_000  # texts whose font runs (or missing characters) are remembered
_NOT_DRAWN = frozenset("\n\r\t")


def is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def printable(text: str) -> str:
    """The text as it is drawn: variation selectors dropped (see the module docstring)."""
    return "".join(c for c in text if not is_variation_selector(c))


def bundled_font_dir() -> Path | None:
    """The fonts a frozen build carries (``fonts/`` beside its libraries, packaging/kakanai.spec):
    a counter PC without IPAex or IPAmj installed still prints every name."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "fonts" if getattr(sys, "frozen", False) and bundle else None


def font_dirs() -> list[Path]:
    """Where fonts are looked for: KAKANAI_FONT_DIR first, then a frozen build's own fonts,
    then the system's folders."""
    configured = [Path(p) for p in os.environ.get("KAKANAI_FONT_DIR", "").split(os.pathsep) if p]
    bundled = bundled_font_dir()
    if bundled is not None:
        configured.append(bundled)
    system = [Path("/usr/share/fonts"), Path.home() / ".local/share/fonts", Path.home() / ".fonts"]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(Path.home())))
        system = [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        system = [Path("/Library/Fonts"), Path.home() / "Library/Fonts"]
    return configured + system


@dataclass
class _Face:
    name: str
    font: TTFont
    glyphs: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        self.glyphs = frozenset(self.font.face.charToGlyph)

    def has(self, char: str) -> bool:
        return ord(char) in self.glyphs


class FontBook:
    """Registered faces per family; fallback faces are loaded on first need."""

    def __init__(self, index: dict[str, Path]) -> None:
        self._index = index
        self._primary: dict[str, _Face] = {}
        self._fallbacks: list[_Face] | None = None
        self._runs: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        self._missing: dict[tuple[str, str], tuple[str, ...]] = {}

    def primary(self, family: str) -> _Face:
        face = self._primary.get(family)
        if face is None:
            face = self._load_first(PRIMARY[family])
            if face is None:
                raise KakanaiError.of(ErrorCode.FONT_MISSING, family=FAMILY_NAMES[family])
            self._primary[family] = face
        return face

    def file(self, name: str) -> Path | None:
        """Where the font file ``name`` (e.g. ``ipaexg.ttf``) was found, if it was."""
        return self._index.get(name)

    def font_name(self, family: str) -> str:
        """The reportlab name of the family's primary font (for labels we write ourselves)."""
        return self.primary(family).name

    def fallbacks(self) -> list[_Face]:
        if self._fallbacks is None:
            loaded = (self._load_first((f,)) for f in FALLBACK)
            self._fallbacks = [f for f in loaded if f is not None]
        return self._fallbacks

    def face_for(self, char: str, family: str) -> _Face | None:
        primary = self.primary(family)
        if primary.has(char):
            return primary
        return next((f for f in self.fallbacks() if f.has(char)), None)

    def missing(self, text: str, family: str = GOTHIC) -> list[str]:
        """Characters of ``text`` that no font of the family can draw, in order, once each."""
        key = (text, family)
        known = self._missing.get(key)
        if known is None:
            seen: dict[str, None] = {}
            for char in printable(text):
                if char not in _NOT_DRAWN and self.face_for(char, family) is None:
                    seen[char] = None
            known = tuple(seen)
            if len(self._missing) >= RUNS_KEPT:
                self._missing.clear()
            self._missing[key] = known
        return list(known)

    def runs(self, text: str, family: str = GOTHIC, *, field: str = "") -> list[tuple[str, str]]:
        """Split ``text`` into (font name, text) runs; raise FONT_002 for a character no font
        of the family has, naming ``field``. Printed labels repeat on every form, so the
        runs of texts already split are kept (up to RUNS_KEPT)."""
        key = (text, family)
        known = self._runs.get(key)
        if known is None:
            known = self._split(text, family, field)
            if len(self._runs) >= RUNS_KEPT:
                self._runs.clear()
            self._runs[key] = known
        return list(known)

    def _split(self, text: str, family: str, field: str) -> tuple[tuple[str, str], ...]:
        result: list[tuple[str, str]] = []
        for char in printable(text):
            if char in _NOT_DRAWN:
                continue
            face = self.face_for(char, family)
            if face is None:
                raise KakanaiError.of(
                    ErrorCode.FONT_NO_GLYPH,
                    field=field or "文字列",
                    char=char,
                    codepoint=f"U+{ord(char):04X}",
                )
            if result and result[-1][0] == face.name:
                result[-1] = (face.name, result[-1][1] + char)
            else:
                result.append((face.name, char))
        return tuple(result)

    def width(self, text: str, size: float, family: str = GOTHIC, *, field: str = "") -> float:
        """Width in points of ``text`` drawn at ``size``."""
        return sum(
            float(pdfmetrics.stringWidth(part, name, size))
            for name, part in self.runs(text, family, field=field)
        )

    def draw(  # noqa: PLR0913 - where, what, size, family and the field named in errors
        self,
        canvas: Canvas,
        origin: tuple[float, float],
        text: str,
        *,
        size: float,
        family: str = GOTHIC,
        field: str = "",
    ) -> float:
        """Draw ``text`` with its baseline starting at ``origin`` (points); return its width."""
        x, y = origin
        start = x
        for name, part in self.runs(text, family, field=field):
            canvas.setFont(name, size)
            canvas.drawString(x, y, part)
            x += pdfmetrics.stringWidth(part, name, size)
        return x - start

    def _load_first(self, candidates: Iterable[FontFile]) -> _Face | None:
        for candidate in candidates:
            path = next((self._index[f] for f in candidate.files if f in self._index), None)
            if path is None:
                continue
            if candidate.name not in pdfmetrics.getRegisteredFontNames():
                font = TTFont(candidate.name, str(path), subfontIndex=candidate.subfont)
                font_subsets.install(font.face)
                pdfmetrics.registerFont(font)
            registered = pdfmetrics.getFont(candidate.name)
            assert isinstance(registered, TTFont)
            return _Face(candidate.name, registered)
        return None


def index_fonts(dirs: Sequence[Path]) -> dict[str, Path]:
    """File name → path for every font file under ``dirs`` (first folder wins)."""
    wanted = {f for group in (*PRIMARY.values(), FALLBACK) for font in group for f in font.files}
    index: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name in wanted and name not in index:
                    index[name] = Path(root) / name
    return index


@functools.cache
def font_book() -> FontBook:
    """The process's one font book (fonts are registered with reportlab globally)."""
    return FontBook(index_fonts(font_dirs()))
