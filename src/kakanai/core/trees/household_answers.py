"""The household answer: one row per member (name, furigana, birth date, sex, relationship),
each checked at the engine's door like any other answer, the household's size bounded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from kakanai.core.errors import AnswerError, ErrorCode, did_you_mean
from kakanai.core.japanese import domain
from kakanai.core.japanese import values as jv
from kakanai.core.trees.answer_limits import invalid, outside, parse_day, typed_text
from kakanai.core.trees.model import Question
from kakanai.core.value_types import RELATIONSHIP_VALUES

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
MEMBER_KEYS = ("name", "kana", "birth_date", "sex", "relationship")
MAX_MEMBERS = 50
"""Members of one household in one case; larger households are taken as several cases."""


def parse_household(question: Question, raw: object, as_of: dt.date) -> list[dict[str, Any]]:
    if not isinstance(raw, list | tuple) or not raw:
        raise invalid(question, "世帯員を1人以上、1人1行で入力してください。")
    if len(raw) > MAX_MEMBERS:
        code = ErrorCode.INPUT_HOUSEHOLD_SIZE
        where = f"設問「{question.text or question.id}」の"
        raise AnswerError(code, code.format(where=where, count=len(raw), limit=MAX_MEMBERS))
    members = [_member(question, row, number, as_of) for number, row in enumerate(raw, start=1)]
    heads = [m for m in members if m["relationship"] == "世帯主"]
    if len(heads) > 1:
        raise invalid(question, "世帯主は1人だけにしてください。")
    head = heads[0] if heads else members[0]
    for member in members:
        member["is_head"] = member is head
    _check_possible(question, members, head, as_of)
    return members


YOUNGEST_HEAD = 15
"""A household headed by a child under 15 with others in it is not one a 住民票 records: the
世帯主 runs the household (住民基本台帳事務処理要領 第1-4). A child alone is a household of
their own (a child in a 児童養護施設 is registered so), so a one-person household may be."""
OLDER_THAN_HEAD = frozenset({"父", "母", "祖父", "祖母"})
YOUNGER_THAN_HEAD = frozenset({"子", "孫"})
# A spouse's age is not checked here: a foreign resident married abroad under their own
# national law (法の適用に関する通則法24条) may be 夫 or 妻 below 民法731条's 18, and the
# marriage tree asks about the household the marriage will make, deciding 婚姻適齢 itself
# (procedure konin_nenrei).


def _check_possible(
    question: Question, members: list[dict[str, Any]], head: dict[str, Any], as_of: dt.date
) -> None:
    """Refuse a household no 住民票 could record: a child heading others, a parent or
    grandparent younger than the head, a child or grandchild older. Members are named by
    place (``2人目``), never by name."""

    def age(member: dict[str, Any]) -> int:
        return jv.age_on(member["birth_date"], as_of)

    def place(member: dict[str, Any]) -> str:
        return f"{members.index(member) + 1}人目"

    if len(members) > 1 and age(head) < YOUNGEST_HEAD:
        raise invalid(
            question,
            f"世帯主({place(head)})が{age(head)}歳です。ほかに世帯員がいる世帯の世帯主は、"
            f"{YOUNGEST_HEAD}歳以上の方にしてください。世帯主と続柄を確かめてください。",
        )
    born = head["birth_date"]
    for member in members:
        relationship = member["relationship"]
        if member is head:
            continue
        if relationship in OLDER_THAN_HEAD and member["birth_date"] >= born:
            problem = (
                f"{place(member)}の続柄は「{relationship}」ですが、世帯主より年下か同じ年齢です。"
            )
        elif relationship in YOUNGER_THAN_HEAD and member["birth_date"] <= born:
            problem = (
                f"{place(member)}の続柄は「{relationship}」ですが、世帯主より年上か同じ年齢です。"
            )
        else:
            continue
        raise invalid(
            question, problem + "続柄と生年月日を確かめてください(続柄は世帯主から見た関係です)。"
        )


def _member(question: Question, row: object, number: int, as_of: dt.date) -> dict[str, Any]:
    where = f"{number}人目の"
    if not isinstance(row, Mapping):
        raise invalid(
            question,
            f"{where}世帯員は name, kana, birth_date, sex, relationship で入力してください。",
        )
    unknown = [str(key) for key in row if key not in MEMBER_KEYS]
    if unknown:
        hint = did_you_mean(unknown[0][: domain.MAX_NAME_CHARS], MEMBER_KEYS)
        raise invalid(question, f"{where}項目「{domain.shown(unknown[0])}」はありません。{hint}")
    missing = [key for key in MEMBER_KEYS if not row.get(key)]
    if missing:
        raise invalid(
            question, f"{where}{MEMBER_LABELS[missing[0]]}({missing[0]})を入力してください。"
        )
    labels = {key: f"{where}{label}" for key, label in MEMBER_LABELS.items()}
    name, kana = (
        typed_text(question, row[key], limit=domain.MAX_NAME_CHARS, what=labels[key], numbers=False)
        for key in ("name", "kana")
    )
    try:
        birth = parse_day(question, row["birth_date"], labels["birth_date"])
        member = {
            "name": jv.normalize_text(name),
            "kana": jv.normalize_katakana(kana),
            "birth_date": birth,
        }
    except jv.ValueFormatError as exc:
        raise invalid(question, where + exc.message) from None
    if birth > as_of:
        raise invalid(question, f"{where}生年月日が未来の日付です。確認してください。")
    try:
        domain.check_date(birth)  # before 明治, no form could print it
    except domain.OutOfDomainError as exc:
        raise outside(question, exc, labels["birth_date"]) from None
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
    text = typed_text(question, raw, limit=domain.MAX_NAME_CHARS, what=f"{where}性別")
    sex = SEX_WORDS.get(text.strip().lower())
    if sex is None:
        raise invalid(
            question, f"{where}性別「{domain.shown(text)}」は 男 か 女 で入力してください。"
        )
    return sex


def _relationship(question: Question, raw: object, where: str) -> str:
    text = typed_text(question, raw, limit=domain.MAX_NAME_CHARS, what=f"{where}続柄").strip()
    if text == "本人":
        return "世帯主"
    if text not in RELATIONSHIP_VALUES:
        hint = did_you_mean(text, RELATIONSHIP_VALUES)
        raise invalid(
            question,
            f"{where}続柄「{domain.shown(text)}」は使えません。"
            f"{'・'.join(sorted(RELATIONSHIP_VALUES))} から選んでください。{hint}",
        )
    return text
