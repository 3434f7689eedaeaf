"""How big a QR code must be, from ``qrcode``'s own capacity tables: the smallest version
(1-40) that holds the text at an error correction level, or None when even 40 cannot."""

from __future__ import annotations

import qrcode
from qrcode.exceptions import DataOverflowError
from qrcode.util import MODE_8BIT_BYTE, MODE_NUMBER, QRData

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


def qr_version(data: str | bytes, level: str) -> int | None:
    """Digits (a ``str``) go in numeric mode, anything else (``bytes``) in byte mode."""
    if isinstance(data, str):
        if not data.isascii() or not data.isdigit():
            raise ValueError("numeric mode takes digits only")
        segment = QRData(data, mode=MODE_NUMBER)
    else:
        segment = QRData(data, mode=MODE_8BIT_BYTE)
    code = qrcode.QRCode(error_correction=_LEVELS[level])
    code.add_data(segment)
    try:
        return int(code.best_fit())
    except (DataOverflowError, ValueError):  # qrcode says "version 41" with a ValueError
        return None
