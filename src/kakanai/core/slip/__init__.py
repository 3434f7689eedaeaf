"""The guidance slip: its words and content, and the sealed payload in its QR code."""
