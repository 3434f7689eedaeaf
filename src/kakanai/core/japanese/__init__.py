"""Japanese text: 和暦 dates, kana, postal codes, school grades and line breaking."""
