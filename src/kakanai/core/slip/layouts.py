"""The paper a guidance slip is printed on: A4, or an 80 mm receipt roll (their sizes and
styles are in adapters/slip/pdf.py; the names alone are here, for settings and the command
line, which must not load the PDF library to list them)."""

from __future__ import annotations

SLIP_LAYOUTS = ("a4", "receipt80")
