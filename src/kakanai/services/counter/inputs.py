"""What the counter's input fields check and show as the clerk types, without Qt: kana turned
into katakana on the fly, a date read back in 和暦, and one household field at a time."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from kakanai.core.japanese import values as jv
from kakanai.core.trees.answers import MEMBER_LABELS, SEX_WORDS
from kakanai.core.value_types import RELATIONSHIP_VALUES

_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in (*range(0x3041, 0x3097), 0x309D, 0x309E)}
_KATAKANA_TO_HIRAGANA = {kata: hira for hira, kata in _HIRAGANA_TO_KATAKANA.items()}


@dataclass(frozen=True)
class Pick:
    """One value of a short list and what picks it besides its number: its reading in
    hiragana (what an IME in kana mode commits) and romaji (typed with the IME off)."""

    value: str
    reading: str
    romaji: tuple[str, ...]


SEX_PICKS = (
    Pick("男", "おとこ", ("otoko", "m", "male")),
    Pick("女", "おんな", ("onna", "f", "female", "w")),
)
RELATIONSHIP_PICKS = (
    Pick("世帯主", "せたいぬし", ("setainushi",)),
    Pick("妻", "つま", ("tsuma",)),
    Pick("夫", "おっと", ("otto",)),
    Pick("子", "こ", ("ko",)),
    Pick("父", "ちち", ("chichi",)),
    Pick("母", "はは", ("haha",)),
    Pick("祖父", "そふ", ("sofu",)),
    Pick("祖母", "そぼ", ("sobo",)),
    Pick("孫", "まご", ("mago",)),
    Pick("兄弟姉妹", "きょうだいしまい", ("kyoudaishimai", "kyodai")),
    Pick("同居人", "どうきょにん", ("doukyonin", "dokyonin")),
    Pick("その他", "そのた", ("sonota",)),
)


def picked(typed: str, picks: Sequence[Pick]) -> str | None:
    """The value ``typed`` picks: its number (1–9, full-width too), the value itself, or the
    start of exactly one reading (hiragana, katakana or romaji); None while it is ambiguous
    or matches nothing."""
    text = unicodedata.normalize("NFKC", typed).strip().lower()
    if not text:
        return None
    if text.isdigit() and 1 <= int(text) <= min(len(picks), 9):
        return picks[int(text) - 1].value
    for pick in picks:
        if text == pick.value:
            return pick.value
    kana = text.translate(_KATAKANA_TO_HIRAGANA)
    found = {
        p.value
        for p in picks
        if p.reading.startswith(kana) or any(r.startswith(text) for r in p.romaji)
    }
    return found.pop() if len(found) == 1 else None


def pick_legend(picks: Sequence[Pick]) -> str:
    """``1 男  2 女``: the numbers that pick, for the clerk to read."""
    return "  ".join(f"{n} {p.value}" for n, p in enumerate(picks[:9], start=1))


def katakana_as_typed(text: str) -> str:
    """Hiragana (as the IME commits it) turned into katakana; everything else untouched, so
    the text keeps its length and the cursor can stay where it was."""
    return text.translate(_HIRAGANA_TO_KATAKANA)


@dataclass(frozen=True)
class Reading:
    """A typed value read back: ``text`` to show under the field, or ``error`` (red)."""

    text: str = ""
    error: str = ""


def date_text(day: dt.date) -> str:
    """A remembered date as its field shows it again: 和暦, or ISO before 明治."""
    try:
        return jv.format_wareki(day)
    except jv.ValueFormatError:
        return day.isoformat()


def date_reading(typed: str, near: dt.date | None = None) -> Reading:
    """``S57.5.10`` → 昭和57年5月10日(1982年); nothing for an empty field. Given ``near`` (a
    date question's interview day), ``1115`` reads as that day near it."""
    if not typed.strip():
        return Reading()
    try:
        day = jv.parse_date(typed, near=near)
    except jv.ValueFormatError as exc:
        return Reading(error=exc.message)
    try:
        wareki = jv.format_wareki(day)
    except jv.ValueFormatError:
        return Reading(f"{day.year}年{day.month}月{day.day}日")
    return Reading(f"{wareki}({day.year}年)")


def birth_reading(typed: str, as_of: dt.date) -> Reading:
    """``S57.5.10`` → two lines, ``昭和57年5月10日`` and ``(1982年) 44歳``, so neither the
    year nor the age is ever broken apart; the age shows a 和暦 typo at once."""
    reading = date_reading(typed)
    if reading.error or not reading.text:
        return reading
    day = jv.parse_date(typed)
    if day > as_of:
        return Reading(error="生年月日が未来の日付です。")
    wareki, _, year = reading.text.partition("(")
    second = f"({year} " if year else ""
    return Reading(f"{wareki}\n{second}{jv.age_on(day, as_of)}歳")


def member_field_error(key: str, typed: str, as_of: dt.date) -> str:
    """The problem with one household field as typed ("" when it is fine)."""
    if not typed.strip():
        return f"{MEMBER_LABELS[key]}を入力してください。"
    try:
        if key == "kana":
            jv.normalize_katakana(typed)
        elif key == "birth_date":
            if jv.parse_date(typed) > as_of:
                return "生年月日が未来の日付です。確認してください。"
        elif key == "sex" and typed.strip().lower() not in SEX_WORDS:
            return "性別は 男 か 女 で選んでください。"
        elif key == "relationship" and typed.strip() not in RELATIONSHIP_VALUES:
            return "続柄を一覧から選んでください。"
    except jv.ValueFormatError as exc:
        return exc.message
    return ""
