"""Filling in an address from its postal code (郵便番号): prefecture, municipality and town
from Japan Post's offline data; the clerk completes 番地 and the building."""

from __future__ import annotations

from dataclasses import dataclass

from kakanai.adapters.postal_codes import places
from kakanai.core.japanese.values import ValueFormatError, normalize_postal_code


@dataclass(frozen=True)
class PostalAddress:
    """What a postal code tells. ``town`` is empty when the code covers several towns;
    ``towns`` lists them for the clerk to choose."""

    postal_code: str  # 123-4567
    prefecture: str
    municipality: str
    town: str
    towns: tuple[str, ...]

    @property
    def line(self) -> str:
        """One line to show: 北海道夕張市 南部青葉町・南部菊水町 when there are several."""
        towns = self.town or "・".join(t for t in self.towns if t)
        return f"{self.prefecture}{self.municipality} {towns}".strip()


def lookup_postal_code(text: str) -> PostalAddress | None:
    """The address for a postal code as typed (full-width digits and hyphens accepted); None
    when the code is malformed or unknown."""
    try:
        code = normalize_postal_code(text)
    except ValueFormatError:
        return None
    found = places(code.replace("-", ""))
    if not found:
        return None
    first = found[0]
    municipalities = {(p.prefecture, p.municipality) for p in found}
    if len(municipalities) > 1:
        towns = tuple(dict.fromkeys(f"{p.municipality}{p.town}" for p in found))
        return PostalAddress(code, first.prefecture, "", "", towns)
    towns = tuple(dict.fromkeys(p.town for p in found))
    town = towns[0] if len(towns) == 1 else ""
    return PostalAddress(code, first.prefecture, first.municipality, town, towns)
