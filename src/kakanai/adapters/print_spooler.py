"""Handing a PDF to the system's print spooler as it is (CUPS's ``lp`` on Linux and macOS), so
a printed form keeps its vector text and lines instead of becoming a raster page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, KakanaiError

SPOOL_TIMEOUT_S = 30


@dataclass(frozen=True)
class PrintOptions:
    """What the print dialog chose; ``pages`` is (first, last) counted from 1, or None."""

    copies: int = 1
    pages: tuple[int, int] | None = None
    sides: str = ""  # "" (the printer's default), one-sided, two-sided-long-edge, …
    monochrome: bool = False


def spooler() -> str | None:
    """The ``lp`` command when there is one (never on Windows, whose drivers need pages)."""
    if sys.platform == "win32":
        return None
    return shutil.which("lp")


def spool_pdf(pdf: bytes, *, printer: str, job: str, options: PrintOptions) -> None:
    """Send ``pdf`` to ``printer`` through ``lp``; COUNTER_101 when the spooler refuses it."""
    command = spooler()
    if command is None:
        raise KakanaiError.of(ErrorCode.COUNTER_PRINT_SPOOL, name=printer, detail="lp がありません")
    arguments = [command, "-d", printer, "-t", job, "-n", str(max(1, options.copies))]
    if options.pages is not None:
        arguments += ["-o", f"page-ranges={options.pages[0]}-{options.pages[1]}"]
    if options.sides:
        arguments += ["-o", f"sides={options.sides}"]
    if options.monochrome:
        arguments += ["-o", "print-color-mode=monochrome"]
    try:
        done = subprocess.run(  # noqa: S603 - the spooler found on PATH, our own arguments
            arguments,
            input=pdf,
            capture_output=True,
            timeout=SPOOL_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise KakanaiError.of(
            ErrorCode.COUNTER_PRINT_SPOOL, name=printer, detail=type(exc).__name__
        ) from None
    if done.returncode != 0:
        detail = (
            done.stderr.decode("utf-8", "replace").strip()[-200:] or f"終了コード {done.returncode}"
        )
        raise KakanaiError.of(ErrorCode.COUNTER_PRINT_SPOOL, name=printer, detail=detail)
