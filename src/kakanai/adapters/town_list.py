"""A city's own lists of its towns (町字) and buildings (方書), kept as ``towns.csv`` (header
``郵便番号,都道府県,市区町村,町字,よみ``) and ``buildings.csv`` (header ``町字,番地・号,建物名``)
in the data folder: one a row, UTF-8 with or without BOM."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kakanai.adapters.input_files import read_bytes
from kakanai.core.errors import ErrorCode, KakanaiError

HEADER = ("郵便番号", "都道府県", "市区町村", "町字", "よみ")
BUILDINGS_HEADER = ("町字", "番地・号", "建物名")
MAX_BYTES = 4 * 1024 * 1024  # the largest city has a few thousand 町字 (a few hundred kB)


def read_town_rows(path: Path, header: tuple[str, ...] = HEADER) -> list[tuple[str, ...]]:
    """The rows of ``path`` below its ``header``, a stripped cell per column; COUNTER_007 when
    the file cannot be read, is not UTF-8, has another header or a row of another length."""
    try:
        text = read_bytes(path, limit=MAX_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, KakanaiError) as exc:
        raise _unreadable(path, str(exc)) from exc
    rows = [tuple(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text))]
    rows = [row for row in rows if any(row)]
    if not rows or rows[0] != header:
        raise _unreadable(path, "1行目が見出し「" + ",".join(header) + "」ではありません")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            detail = f"{number}行目の項目が{len(row)}個です({len(header)}個にしてください)"
            raise _unreadable(path, detail)
    return rows[1:]


def _unreadable(path: Path, detail: str) -> KakanaiError:
    return KakanaiError.of(ErrorCode.COUNTER_TOWNS_UNREADABLE, path=str(path), detail=detail)
