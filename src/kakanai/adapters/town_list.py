"""A city's own list of its towns (町字), kept as ``towns.csv`` in the data folder: one town a
row under the header ``郵便番号,都道府県,市区町村,町字,よみ`` (UTF-8, with or without BOM)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kakanai.adapters.input_files import read_bytes
from kakanai.core.errors import ErrorCode, KakanaiError

HEADER = ("郵便番号", "都道府県", "市区町村", "町字", "よみ")
MAX_BYTES = 4 * 1024 * 1024  # the largest city has a few thousand 町字 (a few hundred kB)


def read_town_rows(path: Path) -> list[tuple[str, ...]]:
    """The rows of ``path`` below its header, five stripped cells each; COUNTER_007 when the
    file cannot be read, is not UTF-8, has another header or a row of another length."""
    try:
        text = read_bytes(path, limit=MAX_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, KakanaiError) as exc:
        raise _unreadable(path, str(exc)) from exc
    rows = [tuple(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text))]
    rows = [row for row in rows if any(row)]
    if not rows or rows[0] != HEADER:
        raise _unreadable(path, "1行目が見出し「" + ",".join(HEADER) + "」ではありません")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER):
            raise _unreadable(path, f"{number}行目の項目が{len(row)}個です(5個にしてください)")
    return rows[1:]


def _unreadable(path: Path, detail: str) -> KakanaiError:
    return KakanaiError.of(ErrorCode.COUNTER_TOWNS_UNREADABLE, path=str(path), detail=detail)
