"""The TrueType subsets reportlab embeds in every PDF, built straight from the font's
glyph table (reportlab copies the whole table, 5–45 MB, for each subset) and compressed
once: the same characters of the same font make the same subset, so the printed labels a
template's copies share, or a form printed again, cost nothing the second time."""

from __future__ import annotations

import struct
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from threading import Lock
from types import MethodType
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, TTFontFace, TTFontMaker

CACHED_SUBSETS = 160  # about 50 KB each once compressed
COPIED_TABLES = ("name", "OS/2", "cvt ", "fpgm", "prep")

# Composite glyph component flags (TrueType 'glyf' table).
ARGS_ARE_WORDS = 0x0001
HAS_SCALE = 0x0008
MORE_COMPONENTS = 0x0020
HAS_XY_SCALE = 0x0040
HAS_TWO_BY_TWO = 0x0080

_cache: OrderedDict[tuple[str, bytes, tuple[int, ...]], tuple[int, bytes]] = OrderedDict()
_lock = Lock()


def _ushort_at(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + struct.pack(">H", value) + data[offset + 2 :]


def _components(glyph: bytes) -> list[tuple[int, int]]:
    """(offset of the glyph index, glyph index) of each component of a composite glyph;
    empty for a simple one."""
    if len(glyph) <= 2 or struct.unpack_from(">h", glyph)[0] >= 0:
        return []
    found = []
    at = 10
    flags = MORE_COMPONENTS
    while flags & MORE_COMPONENTS:
        flags, index = struct.unpack_from(">HH", glyph, at)
        found.append((at + 2, index))
        at += 4 + (4 if flags & ARGS_ARE_WORDS else 2)
        if flags & HAS_SCALE:
            at += 2
        elif flags & HAS_XY_SCALE:
            at += 4
        elif flags & HAS_TWO_BY_TWO:
            at += 8
    return found


class SubsetBuilder:
    """Builds TrueType subsets of one parsed face: the same tables as reportlab's
    ``makeSubset`` (a format 6 cmap from the subset's codes to new glyph ids), byte for byte."""

    def __init__(self, face: Any) -> None:
        self.face = face
        data = memoryview(face._ttf_data)  # the font file as reportlab read it
        start, length = face.get_table_pos("glyf")
        self.glyf = data[start : start + length]

    def glyph(self, index: int) -> bytes:
        positions = self.face.glyphPos
        return bytes(self.glyf[positions[index] : positions[index + 1]])

    def build(self, codes: Sequence[int]) -> bytes:
        """The subset font file for ``codes`` (subset code i draws the glyph of codes[i])."""
        glyphs: list[int] = [0]
        new_ids = {0: 0}

        def take(old: int) -> int:
            if old not in new_ids:
                new_ids[old] = len(glyphs)
                glyphs.append(old)
            return new_ids[old]

        char_to_glyph = self.face.charToGlyph
        cmap_ids = [take(char_to_glyph.get(code, 0)) for code in codes]
        data = []
        number = 0
        while number < len(glyphs):  # components of composite glyphs join as they appear
            glyph = self.glyph(glyphs[number])
            for _, component in _components(glyph):
                take(component)
            data.append(glyph)
            number += 1
        output = TTFontMaker()
        for tag in COPIED_TABLES:
            if tag in self.face.table:
                output.add(tag, self.face.get_table(tag))
        output.add("post", b"\x00\x03\x00\x00" + self.face.get_table("post")[4:16] + bytes(16))
        hmtx, long_metrics = self._hmtx(glyphs)
        output.add("hmtx", hmtx)
        output.add("hhea", _ushort_at(self.face.get_table("hhea"), 34, long_metrics))
        output.add("maxp", _ushort_at(self.face.get_table("maxp"), 4, len(glyphs)))
        header = [0, 1, 1, 0, 0, 12, 6, 10 + 2 * len(codes), 0, 0, len(codes)]
        output.add("cmap", struct.pack(f">{len(header) + len(codes)}H", *header, *cmap_ids))
        glyf, offsets = self._glyf(data, new_ids)
        output.add("glyf", glyf)
        long_loca = (offsets[-1] + 1) >> 1 > 0xFFFF
        loca = (
            struct.pack(f">{len(offsets)}L", *offsets)
            if long_loca
            else struct.pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets))
        )
        output.add("loca", loca)
        output.add("head", _ushort_at(self.face.get_table("head"), 50, 1 if long_loca else 0))
        stream: bytes = output.makeStream()
        return stream

    def _hmtx(self, glyphs: Sequence[int]) -> tuple[bytes, int]:
        """Horizontal metrics; the trailing run of equal advance widths keeps only its first
        full entry (numberOfHMetrics), the rest list their side bearings."""
        metrics = [self.face.hmetrics[old] for old in glyphs]
        last = len(metrics) - 1
        while last and metrics[last][0] == metrics[last - 1][0]:
            last -= 1
        full = [int(value) for pair in metrics[: last + 1] for value in pair]
        bearings = [int(lsb) for _, lsb in metrics[last + 1 :]]
        values = full + bearings
        return struct.pack(f">{len(values)}H", *values), last + 1

    @staticmethod
    def _glyf(data: Sequence[bytes], new_ids: dict[int, int]) -> tuple[bytes, list[int]]:
        """The glyphs, each padded to 4 bytes, with component references renumbered."""
        parts = []
        offsets = []
        position = 0
        for original in data:
            offsets.append(position)
            glyph = original
            for at, old in _components(original):
                glyph = _ushort_at(glyph, at, new_ids[old])
            padding = -len(glyph) % 4
            parts.append(glyph + bytes(padding))
            position += len(glyph) + padding
        offsets.append(position)
        return b"".join(parts), offsets


def compressed_subset(face: Any, codes: Sequence[int]) -> tuple[int, bytes]:
    """(length, zlib data) of the subset of ``face`` for ``codes``, built once per set."""
    key = (str(face.filename), bytes(face.subfontNameX), tuple(codes))
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    builder = face.__dict__.get("_kakanai_subsets")
    if builder is None:
        builder = face.__dict__["_kakanai_subsets"] = SubsetBuilder(face)
    font = builder.build(codes)
    made = (len(font), zlib.compress(font))
    with _lock:
        _cache[key] = made
        while len(_cache) > CACHED_SUBSETS:
            _cache.popitem(last=False)
    return made


def clear() -> None:
    """Forget every built subset (the forms benchmark measures without them)."""
    with _lock:
        _cache.clear()


def _add_subset_objects(face: Any, doc: Any, fontname: str, subset: Sequence[int]) -> Any:
    """reportlab's ``TTFontFace.addSubsetObjects`` with the font file from the cache."""
    font_file = pdfdoc.PDFStream()
    if doc.compression:
        length, font_file.content = compressed_subset(face, subset)
        font_file.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    else:
        font_file.content = SubsetBuilder(face).build(subset)
        length = len(font_file.content)
    font_file.dictionary["Length1"] = length
    file_ref = doc.Reference(font_file, f"fontFile:{face.filename}({fontname})")
    descriptor = pdfdoc.PDFDictionary(
        {
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(fontname),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": file_ref,
            "MissingWidth": face.defaultWidth,
        }
    )
    return doc.Reference(descriptor, "fontDescriptor:" + fontname)


def install(face: TTFontFace) -> None:
    """Make reportlab embed this face's subsets through the cache."""
    face.addSubsetObjects = MethodType(_add_subset_objects, face)
