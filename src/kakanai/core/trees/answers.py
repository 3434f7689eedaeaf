"""Validates and normalises a raw answer for a question's type (はい/いいえ, 和暦 dates, kana,
postal codes, addresses, the household). A bad answer raises AnswerError and changes nothing.

This is the engine's door: answers typed at the counter, read from an answers file and
decoded from a slip all pass here, so the limits of the domain are enforced once: dates
kakanai can write, bounded household size, text length and numbers, no control or bidi
characters, names that are text."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

from kakanai.core.errors import AnswerError, ErrorCode, did_you_mean
from kakanai.core.japanese import domain
from kakanai.core.japanese import values as jv
from kakanai.core.trees.answer_limits import (
    MAX_NUMBER,
    invalid,
    outside,
    parse_day,
    typed_text,
    where,
)
from kakanai.core.trees.household_answers import (
    MEMBER_KEYS,
    MEMBER_LABELS,
    SEX_WORDS,
    parse_household,
)
from kakanai.core.trees.model import Question, QuestionType

__all__ = [
    "ADDRESS_FIELDS",
    "MEMBER_KEYS",
    "MEMBER_LABELS",
    "SEX_WORDS",
    "json_value",
    "parse_answer",
    "raw_value",
]

YES_WORDS = {"はい", "yes", "y", "true", "1", "有", "あり", "いる", "ある"}
NO_WORDS = {"いいえ", "no", "n", "false", "0", "無", "なし", "いない", "ない"}
ADDRESS_FIELDS = ("postal_code", "prefecture", "municipality", "town", "block", "building")


def parse_answer(question: Question, raw: object, *, as_of: dt.date) -> object:
    """Return the normalised value for ``raw``, or raise AnswerError naming the question."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if question.required:
            raise invalid(question, "回答を入力してください。")
        return None
    try:
        return _PARSERS[question.type](question, raw, as_of)
    except domain.OutOfDomainError as exc:
        raise outside(question, exc) from None
    except jv.ValueFormatError as exc:
        raise invalid(question, exc.message) from None


def _word(question: Question, raw: object) -> str:
    """A short answer (yes/no, option, sex, relationship) as text; its length is bounded
    before it is compared or quoted in a message."""
    return typed_text(question, raw, limit=domain.MAX_TEXT_CHARS).strip()


def _yesno(question: Question, raw: object, _as_of: dt.date) -> bool:
    if isinstance(raw, bool):
        return raw
    text = _word(question, raw)
    word = jv.to_halfwidth_digits(text).lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise invalid(question, f"「{domain.shown(text)}」は はい か いいえ で答えてください。")


def _choice_value(question: Question, raw: object) -> str:
    text = _word(question, raw)
    for choice in question.choices:
        if text in (choice.value, choice.label):
            return choice.value
    values = question.choice_values()
    hint = did_you_mean(text, values) if len(text) <= domain.MAX_NAME_CHARS else ""
    listed = " / ".join(values)
    raise invalid(
        question,
        f"「{domain.shown(text)}」は選択肢にありません。{listed} から選んでください。{hint}",
    )


def _choice(question: Question, raw: object, _as_of: dt.date) -> str:
    return _choice_value(question, raw)


def _multi(question: Question, raw: object, _as_of: dt.date) -> list[str]:
    items = raw if isinstance(raw, list | tuple) else [raw]
    if len(items) > len(question.choices):
        raise invalid(question, f"選べるのは {len(question.choices)} 個までです。")
    chosen = {_choice_value(question, item) for item in items}
    return [value for value in question.choice_values() if value in chosen]


def _date(question: Question, raw: object, as_of: dt.date) -> dt.date:
    day = parse_day(question, raw, near=as_of)  # 1115: the 15th of November near the interview
    domain.check_date(day)
    return day


def _number(question: Question, raw: object, _as_of: dt.date) -> int | float:
    if isinstance(raw, bool):
        raise invalid(question, "数値で答えてください。")
    value: int | float
    if isinstance(raw, int | float):
        value = raw
    else:
        typed = typed_text(question, raw, limit=domain.MAX_TEXT_CHARS)
        text = jv.to_halfwidth_digits(typed).strip().replace(",", "")
        try:
            value = int(text) if text.lstrip("-").isdigit() else float(text)
        except ValueError:
            raise invalid(
                question, f"「{domain.shown(typed)}」は数値ではありません。数字で入力してください。"
            ) from None
    if not math.isfinite(value):
        raise invalid(question, "数値ではありません。数字で入力してください。")
    if abs(value) > MAX_NUMBER:
        code = ErrorCode.INPUT_NUMBER_RANGE
        raise AnswerError(code, code.format(where=where(question), limit=f"{MAX_NUMBER:,}"))
    if question.minimum is not None and value < question.minimum:
        raise invalid(question, f"{question.minimum:g} 以上の数を入力してください。")
    if question.maximum is not None and value > question.maximum:
        raise invalid(question, f"{question.maximum:g} 以下の数を入力してください。")
    return value


def _text(question: Question, raw: object, _as_of: dt.date) -> str:
    return jv.normalize_text(typed_text(question, raw, limit=domain.MAX_TEXT_CHARS))


def _katakana(question: Question, raw: object, _as_of: dt.date) -> str:
    return jv.normalize_katakana(typed_text(question, raw, limit=domain.MAX_NAME_CHARS))


def _postal(question: Question, raw: object, _as_of: dt.date) -> str:
    return jv.normalize_postal_code(typed_text(question, raw, limit=domain.MAX_TEXT_CHARS))


def _phone(question: Question, raw: object, _as_of: dt.date) -> str:
    return jv.normalize_phone(typed_text(question, raw, limit=domain.MAX_TEXT_CHARS))


def _address(question: Question, raw: object, _as_of: dt.date) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise invalid(
            question,
            "住所は postal_code, prefecture, municipality, town, block, building "
            "の項目で入力してください。",
        )
    unknown = [str(key) for key in raw if key not in ADDRESS_FIELDS]
    if unknown:
        hint = did_you_mean(unknown[0][: domain.MAX_NAME_CHARS], ADDRESS_FIELDS)
        raise invalid(question, f"住所の項目「{domain.shown(unknown[0])}」はありません。{hint}")
    result = {
        key: jv.normalize_text(
            typed_text(question, raw[key], limit=domain.MAX_TEXT_CHARS, what=f"住所の{key}")
        )
        if raw.get(key)
        else ""
        for key in ADDRESS_FIELDS
    }
    for key, label in (("municipality", "市区町村"), ("town", "町名・丁目")):
        if not result[key]:
            raise invalid(question, f"住所の{label}({key})を入力してください。")
    if result["postal_code"]:
        result["postal_code"] = jv.normalize_postal_code(result["postal_code"])
    return result


def json_value(value: object, *, without: frozenset[str] = frozenset()) -> object:
    """A normalised answer as plain JSON data: dates as ISO strings, lists and mappings
    copied, the keys in ``without`` left out of every mapping."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(item, without=without) for item in value]
    if isinstance(value, Mapping):
        return {
            str(k): json_value(v, without=without) for k, v in value.items() if k not in without
        }
    return value


def raw_value(value: object) -> object:
    """A normalised answer as plain JSON data that ``parse_answer`` reads back to the same
    value (members without the derived ``is_head``)."""
    return json_value(value, without=frozenset({"is_head"}))


_PARSERS = {
    QuestionType.YESNO: _yesno,
    QuestionType.CHOICE: _choice,
    QuestionType.MULTI: _multi,
    QuestionType.DATE: _date,
    QuestionType.NUMBER: _number,
    QuestionType.TEXT: _text,
    QuestionType.KATAKANA: _katakana,
    QuestionType.POSTAL_CODE: _postal,
    QuestionType.ADDRESS: _address,
    QuestionType.PHONE: _phone,
    QuestionType.HOUSEHOLD: parse_household,
}
