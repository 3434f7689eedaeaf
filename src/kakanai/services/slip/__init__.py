"""Use cases over slips: sealing a case, opening a scanned slip, issuing the PDF."""
