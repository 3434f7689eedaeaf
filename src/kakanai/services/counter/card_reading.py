"""What a resident's My Number card gives the counter: the basic four (氏名, 住所, 生年月日,
性別) of its 券面事項入力補助AP, read after the resident enters the card's 4-digit PIN, turned
into what the interview's fields take: a household row (name, birth date, sex) and an
address in its parts. The card's address is where the resident is registered now: the card
still shows the old address until the counter of the new one writes the new address on it,
so it is a move's previous address (転入, 転居 and 転出 alike), the requester's elsewhere.

Nothing here is kept: the person goes into the fields on screen, which the draft saves as
if typed. The card's 個人番号 is never read (the adapter reads the basic four only)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kakanai.adapters import postal_codes
from kakanai.core.japanese import values as jv
from kakanai.core.japanese.values import PREFECTURES
from kakanai.services.counter.towns import TownList

# ISO 5218, the card's sex code: 1 男, 2 女; 9 (適用不能) and 0 (不明) are asked.
_SEX_CODES = {"1": "男", "2": "女"}
# A municipality Japan Post does not list (a new or a fictional one): a 郡's 町村, a 政令市's
# 区, or the first 市, 区, 町 or 村.
_MUNICIPALITY = re.compile(r".+?郡.+?[町村]|.+?市.+?区|.+?[市区町村]")
# 番地 start at the first digit, or at a number in kanji before 番 (十二番地); 一丁目 stays in
# the town (常盤一丁目), as the city's town list writes it.
_BLOCK_START = re.compile(r"[0-9]|[〇一二三四五六七八九十百千]+(?:番|号)")
_AZA = re.compile(r"^(?:大字|字)")
_SPACES = re.compile(r"[ \u3000]+")


@dataclass(frozen=True)
class CardPerson:
    """One resident as the counter's fields take them. ``sex`` is "" when the card says
    neither (the clerk asks). ``address`` has the address field's parts; ``postal_code`` is
    "" unless Japan Post gives the town exactly one code."""

    name: str
    birth_date: dt.date
    sex: str
    address: dict[str, str]

    @property
    def line(self) -> str:
        """``山田 太郎 昭和57年5月10日生 男`` for the clerk to check against the card."""
        sex = f" {self.sex}" if self.sex else ""
        return f"{self.name} {jv.format_wareki(self.birth_date)}生{sex}"


class CardReadError(ValueError):
    """The card could not be read, or its data cannot be taken: ``message`` says what to do;
    ``locked`` when the card's PIN is locked (no try is left: the data is typed by hand)."""

    def __init__(self, message: str, *, locked: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.locked = locked


def read_card(pin: str, towns: TownList | None = None) -> CardPerson:
    """Read the card on the reader with the resident's ``pin`` (4 digits): CardReadError with
    what to do when there is no reader or card, the PIN is wrong or locked, or the data
    cannot be taken. The PIN goes to the card and nowhere else."""
    from kakanai.adapters.smartcard import mynumber  # noqa: PLC0415 - loads libpcsclite

    try:
        surface = mynumber.read_card_surface(pin)
    except mynumber.PinError as exc:
        raise CardReadError(str(exc), locked=not exc.tries_left) from None
    except mynumber.CardReaderError as exc:
        raise CardReadError(str(exc)) from None
    return card_person(surface.name, surface.address, surface.birth, surface.sex, towns)


def card_person(
    name: str, address: str, birth: str, sex: str, towns: TownList | None = None
) -> CardPerson:
    """The card's basic four as the fields take them: the name with one half-width space
    between its parts (異体字 kept as they are), the birth date (``YYYYMMDD``), 男/女 and the
    address in its parts."""
    unreadable = CardReadError(
        "カードの生年月日が読めません。生年月日はカードを見て入力してください。"
    )
    if len(birth) != 8 or not birth.isascii() or not birth.isdigit():
        raise unreadable
    try:
        born = dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        raise unreadable from None
    tidy = _SPACES.sub(" ", name.strip())
    return CardPerson(tidy, born, _SEX_CODES.get(sex.strip(), ""), split_address(address, towns))


def split_address(line: str, towns: TownList | None = None) -> dict[str, str]:
    """One line as the card has it → postal code, prefecture, municipality, town, 番地 and
    building. Digits of the 番地 and the building become half-width, as the clerk types them;
    every other character is kept. A part that cannot be told is left "" for the clerk."""
    rest = line.strip()
    prefecture = next((p for p in PREFECTURES if rest.startswith(p)), "")
    rest = rest[len(prefecture) :]
    municipality = _municipality(prefecture, rest, towns)
    rest = rest[len(municipality) :]
    place, _, building = _SPACES.sub(" ", rest).partition(" ")
    start = _BLOCK_START.search(jv.to_halfwidth_digits(place))
    town, block = (place[: start.start()], place[start.start() :]) if start else (place, "")
    parts = {
        "postal_code": "",
        "prefecture": prefecture,
        "municipality": municipality,
        "town": town,
        "block": jv.to_halfwidth_digits(block),
        "building": jv.to_halfwidth_digits(building),
    }
    parts["postal_code"] = _postal_code(parts, towns)
    return parts


def _municipality(prefecture: str, rest: str, towns: TownList | None) -> str:
    known = {t.municipality for t in towns.towns if t.prefecture == prefecture} if towns else set()
    if prefecture:
        known |= postal_codes.municipalities(prefecture)
    found = max((m for m in known if m and rest.startswith(m)), key=len, default="")
    if found:
        return found
    guessed = _MUNICIPALITY.match(rest)
    return guessed[0] if guessed else ""


def _postal_code(parts: dict[str, str], towns: TownList | None) -> str:
    """The one postal code of the town: the city's own town list first (it knows its towns
    with their 丁目), then Japan Post's (its towns are without 丁目: 常盤 for 常盤一丁目)."""
    town = parts["town"]
    if towns is not None:
        own = {
            t.postal_code
            for t in towns.towns
            if (t.prefecture, t.municipality, t.town)
            == (parts["prefecture"], parts["municipality"], town)
        }
        if len(own) == 1:
            return own.pop()
    if not parts["prefecture"] or not parts["municipality"]:
        return ""
    listed = postal_codes.codes_in(parts["prefecture"], parts["municipality"])
    town = _AZA.sub("", town)  # Japan Post lists 大字箱根ケ崎 as 箱根ケ崎
    named = max((t for t in listed if t and town.startswith(t)), key=len, default=None)
    codes = listed.get(named, frozenset()) if named is not None else frozenset()
    if named is None and len(listed) == 1:
        codes = next(iter(listed.values()))  # a municipality with one code for all of it
    if len(codes) != 1:
        return ""
    code = next(iter(codes))
    return f"{code[:3]}-{code[3:]}"
