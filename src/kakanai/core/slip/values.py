"""One answer in the slip's layout, by its question's type: a choice as its option index, yes/no
as a bit, dates as days from the interview date, furigana in the katakana alphabet, the
household member by member. Writers take the case JSON's value; readers return the raw answer
the interview takes."""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Callable, Mapping
from typing import Any

from kakanai.core.japanese.values import PREFECTURES
from kakanai.core.slip.byte_codec import ByteReader, ByteWriter, LayoutError
from kakanai.core.trees.model import Question, QuestionType

# Orders are part of the format: a change needs a new format version.
RELATIONSHIPS = (
    "世帯主", "夫", "妻", "子", "父", "母", "祖父", "祖母", "孫", "兄弟姉妹", "同居人", "その他",
)  # fmt: skip
# The prefectures by their JIS X 0401 codes (01 北海道 … 47 沖縄県), as the format numbers them.
_OTHER_PREFECTURE = len(PREFECTURES) + 1  # 0 is "none", 1..47 the list, 48 text follows
ADDRESS_TEXT_FIELDS = ("municipality", "town", "block", "building")


class CaseValueError(Exception):
    """A case value that its question cannot have (the case and the tree disagree)."""


def write_answer(out: ByteWriter, question: Question, value: object, as_of: dt.date) -> None:
    """Write the case JSON ``value`` of ``question``; optional questions carry a presence bit."""
    if not question.required:
        out.bit(value is not None)
        if value is None:
            return
    elif value is None:
        raise CaseValueError(f"必須の設問「{question.id}」の回答がありません")
    try:
        _WRITERS[question.type](out, question, value, as_of)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        # The type of the problem, never the value: this message reaches stderr and logs.
        detail = f"設問「{question.id}」の回答を記録できません({type(exc).__name__})"
        raise CaseValueError(detail) from exc


def read_answer(source: ByteReader, question: Question, as_of: dt.date) -> object:
    if not question.required and not source.bit():
        return None
    return _READERS[question.type](source, question, as_of)


# --- writers (case JSON value in) ---------------------------------------------------------


def _write_yesno(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    if not isinstance(value, bool):
        raise TypeError(value)
    out.bit(value)


def _write_choice(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    out.uint(question.choice_values().index(value))


def _write_multi(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    values = question.choice_values()
    out.uint(sum(1 << values.index(item) for item in value))


def _write_date(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    out.day(dt.date.fromisoformat(value), as_of)


def _write_number(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    out.bit(isinstance(value, float))
    if isinstance(value, float):
        out.raw(struct.pack(">d", value))
    else:
        out.sint(value)


def _write_text(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    out.text(_string(value))


def _write_kana(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    out.kana(_string(value))


def _write_digits(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    out.digit_string(_string(value))


def _write_address(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    out.digit_string(_string(value["postal_code"]))
    prefecture = _string(value["prefecture"])
    if prefecture in PREFECTURES:
        out.uint(PREFECTURES.index(prefecture) + 1)
    else:
        out.uint(_OTHER_PREFECTURE if prefecture else 0)
        if prefecture:
            out.text(prefecture)
    for key in ADDRESS_TEXT_FIELDS:
        out.text(_string(value[key]))


def _write_household(out: ByteWriter, question: Question, value: Any, as_of: dt.date) -> None:
    out.uint(len(value))
    for member in value:
        out.text(_string(member["name"]))
        out.kana(_string(member["kana"]))
        out.day(dt.date.fromisoformat(member["birth_date"]), as_of)
        if member["sex"] not in ("男", "女"):
            raise ValueError(member["sex"])
        out.bit(member["sex"] == "女")
        out.uint(RELATIONSHIPS.index(member["relationship"]))


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


# --- readers (raw answer out) -------------------------------------------------------------


def _read_yesno(source: ByteReader, question: Question, as_of: dt.date) -> object:
    return source.bit()


def _read_choice(source: ByteReader, question: Question, as_of: dt.date) -> object:
    return _pick(question.choice_values(), source.uint())


def _read_multi(source: ByteReader, question: Question, as_of: dt.date) -> object:
    values = question.choice_values()
    mask = source.uint()
    if mask >> len(values):
        raise LayoutError(f"設問「{question.id}」の選択肢が範囲外です")
    return [value for index, value in enumerate(values) if mask >> index & 1]


def _read_date(source: ByteReader, question: Question, as_of: dt.date) -> object:
    return source.day(as_of)


def _read_number(source: ByteReader, question: Question, as_of: dt.date) -> object:
    if source.bit():
        return struct.unpack(">d", source.raw(8))[0]
    return source.sint()


def _read_text(source: ByteReader, question: Question, as_of: dt.date) -> object:
    return source.text()


def _read_kana(source: ByteReader, question: Question, as_of: dt.date) -> object:
    return source.kana()


def _read_digits(source: ByteReader, question: Question, as_of: dt.date) -> object:
    return source.digit_string()


def _read_address(source: ByteReader, question: Question, as_of: dt.date) -> object:
    postal_code = source.digit_string()
    code = source.uint()
    prefecture = source.text() if code == _OTHER_PREFECTURE else _pick(("", *PREFECTURES), code)
    address = {"postal_code": postal_code, "prefecture": prefecture}
    for key in ADDRESS_TEXT_FIELDS:
        address[key] = source.text()
    return address


def _read_household(source: ByteReader, question: Question, as_of: dt.date) -> object:
    members = []
    for _ in range(source.uint()):
        name, kana, birth = source.text(), source.kana(), source.day(as_of)
        sex = "女" if source.bit() else "男"
        relationship = _pick(RELATIONSHIPS, source.uint())
        members.append(
            {
                "name": name,
                "kana": kana,
                "birth_date": birth,
                "sex": sex,
                "relationship": relationship,
            }
        )
    return members


def _pick(options: tuple[str, ...] | list[str], index: int) -> str:
    if index >= len(options):
        raise LayoutError(f"選択肢の番号{index}が範囲外です(選択肢は{len(options)}個)")
    return options[index]


Writer = Callable[[ByteWriter, Question, Any, dt.date], None]
Reader = Callable[[ByteReader, Question, dt.date], object]
_WRITERS: Mapping[QuestionType, Writer] = {
    QuestionType.YESNO: _write_yesno,
    QuestionType.CHOICE: _write_choice,
    QuestionType.MULTI: _write_multi,
    QuestionType.DATE: _write_date,
    QuestionType.NUMBER: _write_number,
    QuestionType.TEXT: _write_text,
    QuestionType.KATAKANA: _write_kana,
    QuestionType.POSTAL_CODE: _write_digits,
    QuestionType.ADDRESS: _write_address,
    QuestionType.PHONE: _write_digits,
    QuestionType.HOUSEHOLD: _write_household,
}
_READERS: Mapping[QuestionType, Reader] = {
    QuestionType.YESNO: _read_yesno,
    QuestionType.CHOICE: _read_choice,
    QuestionType.MULTI: _read_multi,
    QuestionType.DATE: _read_date,
    QuestionType.NUMBER: _read_number,
    QuestionType.TEXT: _read_text,
    QuestionType.KATAKANA: _read_kana,
    QuestionType.POSTAL_CODE: _read_digits,
    QuestionType.ADDRESS: _read_address,
    QuestionType.PHONE: _read_digits,
    QuestionType.HOUSEHOLD: _read_household,
}
