"""The city's own towns (町字) for the address fields: a postal code of the city gives its
town (before Japan Post's dictionary, which cannot know a fictional city's towns), a few
characters of a town's name or reading complete it, with its postal code, and the buildings
(方書) the city knows at a 町字 and 番地 are offered for the building part."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kakanai.adapters.town_list import BUILDINGS_HEADER, read_town_rows
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.japanese.values import ValueFormatError, normalize_postal_code
from kakanai.services.counter.inputs import katakana_as_typed
from kakanai.services.counter.postal_lookup import PostalAddress, lookup_postal_code
from kakanai.services.counter.sample_city import (
    SAMPLE_CITY,
    SAMPLE_CITY_BUILDINGS,
    SAMPLE_CITY_TOWNS,
    SAMPLE_PREFECTURE,
)

TOWNS_FILE = "towns.csv"
BUILDINGS_FILE = "buildings.csv"  # read only beside a towns.csv
MAX_COMPLETIONS = 30


@dataclass(frozen=True)
class Town:
    """One 町字 of the city."""

    postal_code: str  # 100-0001
    prefecture: str
    municipality: str
    town: str
    kana: str  # katakana: チュウオウイッチョウメ

    @property
    def shown(self) -> str:
        """How a completion lists it: 中央一丁目(チュウオウイッチョウメ) 〒100-0001."""
        return f"{self.town}({self.kana}) 〒{self.postal_code}"


@dataclass(frozen=True)
class Building:
    """A building (方書) at an address of the city."""

    town: str
    block: str  # 番地・号 as the city writes it: 2番3号
    name: str


class TownList:
    """The towns a city knows, looked up by postal code or completed from a few characters."""

    def __init__(self, towns: Sequence[Town] = (), buildings: Sequence[Building] = ()) -> None:
        self.towns = tuple(towns)
        self.buildings = tuple(buildings)

    def __len__(self) -> int:
        return len(self.towns)

    def by_postal_code(self, typed: str) -> list[Town]:
        """The towns of a postal code as typed (full-width and without hyphen too)."""
        try:
            code = normalize_postal_code(typed)
        except ValueFormatError:
            return []
        return [t for t in self.towns if t.postal_code == code]

    def completing(self, typed: str) -> list[Town]:
        """The towns whose name or reading (hiragana or katakana) starts with ``typed``,
        then those that hold it further on; at most ``MAX_COMPLETIONS``."""
        text = unicodedata.normalize("NFKC", typed).strip()
        if not text:
            return []
        kana = katakana_as_typed(text)
        starting = [t for t in self.towns if t.town.startswith(text) or t.kana.startswith(kana)]
        inside = [t for t in self.towns if t not in starting and (text in t.town or kana in t.kana)]
        return (starting + inside)[:MAX_COMPLETIONS]

    def buildings_at(self, town: str, block: str) -> list[str]:
        """The buildings the city knows at ``town`` ``block`` (full-width digits and spaces
        in the typed 番地 do not matter)."""
        wanted = _block_key(block)
        if not wanted:
            return []
        return [b.name for b in self.buildings if b.town == town and _block_key(b.block) == wanted]

    def address_of(self, typed: str) -> PostalAddress | None:
        """What a postal code tells: the city's own town(s) when the code is the city's, else
        Japan Post's dictionary (None when neither knows it)."""
        found = self.by_postal_code(typed)
        if not found:
            return lookup_postal_code(typed)
        first = found[0]
        names = tuple(t.town for t in found)
        town = first.town if len(found) == 1 else ""
        return PostalAddress(first.postal_code, first.prefecture, first.municipality, town, names)


def city_towns(data_dir: Path, city: str) -> TownList:
    """The city's towns: ``<data dir>/towns.csv`` when the city keeps one, else the sample
    city's when the desk is set up as サンプル市, else none (Japan Post's dictionary alone).
    COUNTER_007 when the file cannot be read."""
    path = data_dir / TOWNS_FILE
    if path.exists():
        rows = enumerate(read_town_rows(path), start=2)
        buildings_path = data_dir / BUILDINGS_FILE
        buildings = (
            read_town_rows(buildings_path, BUILDINGS_HEADER) if buildings_path.exists() else []
        )
        return TownList(
            [_town(row, number, path) for number, row in rows],
            [Building(*row) for row in buildings],
        )
    if city != SAMPLE_CITY:
        return TownList()
    return TownList(
        [
            Town(code, SAMPLE_PREFECTURE, SAMPLE_CITY, town, kana)
            for code, town, kana in SAMPLE_CITY_TOWNS
        ],
        [Building(*row) for row in SAMPLE_CITY_BUILDINGS],
    )


def _town(row: tuple[str, ...], number: int, path: Path) -> Town:
    code, prefecture, municipality, town, kana = row
    try:
        postal_code = normalize_postal_code(code)
    except ValueFormatError as exc:
        detail = f"{number}行目の郵便番号「{code}」: {exc}"
        raise KakanaiError.of(
            ErrorCode.COUNTER_TOWNS_UNREADABLE, path=str(path), detail=detail
        ) from exc
    return Town(postal_code, prefecture, municipality, town, katakana_as_typed(kana))


def _block_key(block: str) -> str:
    return "".join(unicodedata.normalize("NFKC", block).split())
