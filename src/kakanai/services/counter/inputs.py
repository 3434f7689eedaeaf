"""What the counter's input fields check and show as the clerk types, without Qt: kana turned
into katakana on the fly, a date read back in 和暦, and one household field at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kakanai.core.japanese import values as jv
from kakanai.core.trees.answers import MEMBER_LABELS, SEX_WORDS
from kakanai.core.value_types import RELATIONSHIP_VALUES

_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in (*range(0x3041, 0x3097), 0x309D, 0x309E)}

# The relationships in the order a clerk picks them (the head first).
_COMMON_FIRST = ("世帯主", "妻", "夫", "子", "父", "母", "祖父", "祖母", "孫", "兄弟姉妹")
RELATIONSHIPS: tuple[str, ...] = (
    *_COMMON_FIRST,
    *sorted(RELATIONSHIP_VALUES - set(_COMMON_FIRST)),
)
SEXES = ("男", "女")


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


def date_reading(typed: str) -> Reading:
    """``S57.5.10`` → 昭和57年5月10日(1982年); nothing for an empty field."""
    if not typed.strip():
        return Reading()
    try:
        day = jv.parse_date(typed)
    except jv.ValueFormatError as exc:
        return Reading(error=exc.message)
    try:
        wareki = jv.format_wareki(day)
    except jv.ValueFormatError:
        return Reading(f"{day.year}年{day.month}月{day.day}日")
    return Reading(f"{wareki}({day.year}年)")


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
