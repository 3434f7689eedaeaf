"""QR code symbols as module matrices (qrcode): numeric mode, error correction level Q,
the smallest version that holds the digits; and the runs of dark modules that the slip and
the forms draw as vector squares, so codes stay sharp at any printer resolution."""

from __future__ import annotations

from collections.abc import Sequence

import qrcode
import qrcode.constants
import qrcode.util

from kakanai.core.errors import ErrorCode, KakanaiError

QUIET_ZONE_MODULES = 4
"""The empty margin the QR standard asks for around the symbol, in modules."""
MAX_DIGITS = 3993
"""What the largest symbol (version 40) holds in numeric mode at level Q."""


def qr_matrix(digits: str) -> list[list[bool]]:
    """The symbol's modules, row by row from the top, True for dark, without quiet zone."""
    if not digits or not (digits.isascii() and digits.isdigit()):
        raise ValueError("QR payload must be a non-empty string of ASCII digits")
    if len(digits) > MAX_DIGITS:
        raise KakanaiError.of(ErrorCode.PRINT_QR_TOO_LONG, digits=len(digits))
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=0)
    code.add_data(qrcode.util.QRData(digits, mode=qrcode.util.MODE_NUMBER))
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


def dark_runs(row: Sequence[bool]) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules in a row."""
    runs: list[tuple[int, int]] = []
    start = -1
    for column, dark in enumerate([*row, False]):
        if dark and start < 0:
            start = column
        elif not dark and start >= 0:
            runs.append((start, column - start))
            start = -1
    return runs
