"""Validates and normalises a raw answer for a question's type (はい/いいえ, 和暦 dates, kana,
postal codes, addresses, the household). A bad answer raises AnswerError and changes nothing."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from kakanai.core.errors import AnswerError, ErrorCode, did_you_mean
from kakanai.core.japanese import values as jv
from kakanai.core.trees.model import Question, QuestionType
from kakanai.core.value_types import RELATIONSHIP_VALUES

YES_WORDS = {"はい", "yes", "y", "true", "1", "有", "あり", "いる", "ある"}
NO_WORDS = {"いいえ", "no", "n", "false", "0", "無", "なし", "いない", "ない"}
SEX_WORDS = {
    "男": "男",
    "男性": "男",
    "m": "男",
    "male": "男",
    "女": "女",
    "女性": "女",
    "f": "女",
    "female": "女",
}
ADDRESS_FIELDS = ("postal_code", "prefecture", "municipality", "town", "block", "building")
MEMBER_KEYS = ("name", "kana", "birth_date", "sex", "relationship")


def invalid(question: Question, detail: str) -> AnswerError:
    code = ErrorCode.ANSWER_INVALID
    return AnswerError(code, code.format(question=question.text or question.id, detail=detail))


def parse_answer(question: Question, raw: object, *, as_of: dt.date) -> object:
    """Return the normalised value for ``raw``, or raise AnswerError naming the question."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if question.required:
            raise invalid(question, "回答を入力してください。")
        return None
    try:
        return _PARSERS[question.type](question, raw, as_of)
    except jv.ValueFormatError as exc:
        raise invalid(question, exc.message) from None


def _yesno(question: Question, raw: object, _as_of: dt.date) -> bool:
    if isinstance(raw, bool):
        return raw
    word = jv.to_halfwidth_digits(str(raw)).strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise invalid(question, f"「{raw}」は はい か いいえ で答えてください。")


def _choice_value(question: Question, raw: object) -> str:
    text = str(raw).strip()
    for choice in question.choices:
        if text in (choice.value, choice.label):
            return choice.value
    values = question.choice_values()
    hint = did_you_mean(text, values)
    raise invalid(
        question, f"「{text}」は選択肢にありません。{' / '.join(values)} から選んでください。{hint}"
    )


def _choice(question: Question, raw: object, _as_of: dt.date) -> str:
    return _choice_value(question, raw)


def _multi(question: Question, raw: object, _as_of: dt.date) -> list[str]:
    items = raw if isinstance(raw, list | tuple) else [raw]
    chosen = {_choice_value(question, item) for item in items}
    return [value for value in question.choice_values() if value in chosen]


def _date(question: Question, raw: object, _as_of: dt.date) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    return jv.parse_date(str(raw))


def _number(question: Question, raw: object, _as_of: dt.date) -> int | float:
    if isinstance(raw, bool):
        raise invalid(question, "数値で答えてください。")
    value: int | float
    if isinstance(raw, int | float):
        value = raw
    else:
        text = jv.to_halfwidth_digits(str(raw)).strip().replace(",", "")
        try:
            value = int(text) if text.lstrip("-").isdigit() else float(text)
        except ValueError:
            raise invalid(
                question, f"「{raw}」は数値ではありません。数字で入力してください。"
            ) from None
    if not math.isfinite(value):
        raise invalid(question, f"「{raw}」は数値ではありません。数字で入力してください。")
    if question.minimum is not None and value < question.minimum:
        raise invalid(question, f"{question.minimum:g} 以上の数を入力してください。")
    if question.maximum is not None and value > question.maximum:
        raise invalid(question, f"{question.maximum:g} 以下の数を入力してください。")
    return value


def _text(question: Question, raw: object, _as_of: dt.date) -> str:
    return jv.normalize_text(str(raw))


def _katakana(question: Question, raw: object, _as_of: dt.date) -> str:
    return jv.normalize_katakana(str(raw))


def _postal(question: Question, raw: object, _as_of: dt.date) -> str:
    return jv.normalize_postal_code(str(raw))


def _phone(question: Question, raw: object, _as_of: dt.date) -> str:
    return jv.normalize_phone(str(raw))


def _address(question: Question, raw: object, _as_of: dt.date) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise invalid(
            question,
            "住所は postal_code, prefecture, municipality, town, block, building "
            "の項目で入力してください。",
        )
    unknown = [key for key in raw if key not in ADDRESS_FIELDS]
    if unknown:
        hint = did_you_mean(str(unknown[0]), ADDRESS_FIELDS)
        raise invalid(question, f"住所の項目「{unknown[0]}」はありません。{hint}")
    result = {
        key: jv.normalize_text(str(raw[key])) if raw.get(key) else "" for key in ADDRESS_FIELDS
    }
    for key, label in (("municipality", "市区町村"), ("town", "町名・丁目")):
        if not result[key]:
            raise invalid(question, f"住所の{label}({key})を入力してください。")
    if result["postal_code"]:
        result["postal_code"] = jv.normalize_postal_code(result["postal_code"])
    return result


def _household(question: Question, raw: object, as_of: dt.date) -> list[dict[str, Any]]:
    if not isinstance(raw, list | tuple) or not raw:
        raise invalid(question, "世帯員を1人以上、1人1行で入力してください。")
    members = [_member(question, row, number, as_of) for number, row in enumerate(raw, start=1)]
    heads = [m for m in members if m["relationship"] == "世帯主"]
    if len(heads) > 1:
        raise invalid(question, "世帯主は1人だけにしてください。")
    head = heads[0] if heads else members[0]
    for member in members:
        member["is_head"] = member is head
    return members


def _member(question: Question, row: object, number: int, as_of: dt.date) -> dict[str, Any]:
    where = f"{number}人目の"
    if not isinstance(row, Mapping):
        raise invalid(
            question,
            f"{where}世帯員は name, kana, birth_date, sex, relationship で入力してください。",
        )
    unknown = [key for key in row if key not in MEMBER_KEYS]
    if unknown:
        raise invalid(
            question,
            f"{where}項目「{unknown[0]}」はありません。"
            f"{did_you_mean(str(unknown[0]), MEMBER_KEYS)}",
        )
    missing = [key for key in MEMBER_KEYS if not row.get(key)]
    if missing:
        raise invalid(
            question, f"{where}{MEMBER_LABELS[missing[0]]}({missing[0]})を入力してください。"
        )
    try:
        birth = _date(question, row["birth_date"], as_of)
        member = {
            "name": jv.normalize_text(str(row["name"])),
            "kana": jv.normalize_katakana(str(row["kana"])),
            "birth_date": birth,
        }
    except jv.ValueFormatError as exc:
        raise invalid(question, where + exc.message) from None
    if birth > as_of:
        raise invalid(question, f"{where}生年月日が未来の日付です。確認してください。")
    member["sex"] = _sex(question, row["sex"], where)
    member["relationship"] = _relationship(question, row["relationship"], where)
    return member


MEMBER_LABELS = {
    "name": "氏名",
    "kana": "フリガナ",
    "birth_date": "生年月日",
    "sex": "性別",
    "relationship": "続柄",
}
"""A household member's fields as clerks call them."""


def _sex(question: Question, raw: object, where: str) -> str:
    sex = SEX_WORDS.get(str(raw).strip().lower())
    if sex is None:
        raise invalid(question, f"{where}性別「{raw}」は 男 か 女 で入力してください。")
    return sex


def _relationship(question: Question, raw: object, where: str) -> str:
    text = str(raw).strip()
    if text == "本人":
        return "世帯主"
    if text not in RELATIONSHIP_VALUES:
        hint = did_you_mean(text, RELATIONSHIP_VALUES)
        raise invalid(
            question,
            f"{where}続柄「{text}」は使えません。"
            f"{'・'.join(sorted(RELATIONSHIP_VALUES))} から選んでください。{hint}",
        )
    return text


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
    QuestionType.HOUSEHOLD: _household,
}
