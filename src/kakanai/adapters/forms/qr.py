"""The case-number QR code on a form, as a module matrix (qrcode), so the PDF adapter can
draw it as vector rectangles that print sharply at any size."""

from __future__ import annotations

import functools

import qrcode
import qrcode.constants


@functools.lru_cache(maxsize=256)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """Dark (True) and light modules, row by row, without the quiet zone.

    Error correction M: a returned form may be creased or stamped over.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(module) for module in row) for row in code.get_matrix())
