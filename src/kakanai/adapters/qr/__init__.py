"""QR codes: module matrices and sizes for printing, decoders for reading."""
