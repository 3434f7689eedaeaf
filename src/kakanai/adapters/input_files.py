"""Reading the files kakanai is handed (trees, templates, answers, cases, images) within limits:
only regular files, never more than a size limit, JSON no deeper than a nesting limit, so
that no file (a FIFO, /dev/zero, a huge or crafted one) can hang or exhaust a desk."""

from __future__ import annotations

import itertools
import json
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from kakanai.core.errors import ErrorCode, KakanaiError

MAX_JSON_DEPTH = 32
"""Far beyond a case (five levels); keeps every later walk of the data shallow."""
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|([\[\]{}])')


class InputLimitError(KakanaiError):
    """A file refused before it was parsed: not a regular file, too large, too deep."""


def read_bytes(path: Path, *, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``); INPUT_001 for FIFOs,
    devices and folders, INPUT_002 past the limit. OSError as ``open`` raises it."""
    # O_NONBLOCK: opening a FIFO that no one writes to must not block before we can look.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        _check_before_reading(path, info, limit)
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as handle:  # buffered: read(n) reads up to n
        data = _read_up_to(handle, limit + 1, info.st_size + 1)
    if len(data) > limit:
        raise _refused(path, ErrorCode.INPUT_FILE_TOO_LARGE, size=f"{limit}以上", limit=limit)
    return data


def _read_up_to(handle: BinaryIO, most: int, first: int) -> bytes:
    """At most ``most`` bytes, the first read sized ``first`` (the file's size and one more, so
    a buffer as large as the limit is never allocated for a small file); the file may grow
    while it is read, so reading goes on in chunks until its end or ``most``."""
    parts: list[bytes] = []
    total = 0
    want = first
    while total < most:
        chunk = handle.read(min(want, most - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        want = _CHUNK
    return b"".join(parts)


_CHUNK = 64 * 1024


def _check_before_reading(path: Path, info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise _refused(path, ErrorCode.INPUT_NOT_REGULAR, kind=_kind(info.st_mode))
    if info.st_size > limit:
        raise _refused(path, ErrorCode.INPUT_FILE_TOO_LARGE, size=info.st_size, limit=limit)


def read_text(path: Path, *, limit: int) -> str:
    """``read_bytes`` decoded as UTF-8 (UnicodeDecodeError when it is not)."""
    return read_bytes(path, limit=limit).decode("utf-8")


def load_json(text: str, *, source: str, max_depth: int = MAX_JSON_DEPTH) -> object:
    """Parse JSON text; INPUT_004 when arrays and objects nest deeper than ``max_depth``
    (checked before parsing, so the parser never recurses that deep)."""
    depth = json_depth(text)
    if depth > max_depth:
        raise _refused(Path(source), ErrorCode.INPUT_TOO_DEEP, limit=max_depth)
    return json.loads(text)


def json_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` outside strings (brackets in strings skipped)."""
    steps = (1 if match[1] in "[{" else -1 for match in _STRUCTURE.finditer(text) if match[1])
    return max(itertools.accumulate(steps, initial=0))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "フォルダです"
    if stat.S_ISFIFO(mode):
        return "名前付きパイプです"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "デバイスです"
    if stat.S_ISSOCK(mode):
        return "ソケットです"
    return "特殊なファイルです"


def _refused(where: Path, code: ErrorCode, **fields: object) -> InputLimitError:
    message = code.format(path=where, **fields)
    return InputLimitError(code, message, path=str(where), line=1, col=1)
