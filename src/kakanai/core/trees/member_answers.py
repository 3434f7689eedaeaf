"""Answers to per-member questions (``per: member``): one value per household member, in
household order, and ``None`` for a member the question is not asked of (``member_when``
false). They pass through ``parse_answer`` member by member, so every limit of the domain
holds for them too, and an error names the member by their place in the household (never by
name: messages may reach a log)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from kakanai.core.errors import AnswerError, ErrorCode
from kakanai.core.trees.answer_limits import invalid, kind
from kakanai.core.trees.answers import parse_answer
from kakanai.core.trees.evaluation import Values
from kakanai.core.trees.model import Question


class MemberAnswerError(AnswerError):
    """A member's answer that does not fit; ``index`` is the member's place (0-based)."""

    def __init__(self, error: AnswerError, index: int) -> None:
        super().__init__(error.code, f"{index + 1}人目の世帯員: {error.message}")
        self.index = index


def asked_members(question: Question, values: Values) -> list[bool]:
    """For each household member, whether the question is asked of them. A ``member_when``
    that cannot be decided yet counts as asked: the clerk answers rather than skips."""
    return [values.evaluate(question.member_when, m) is not False for m in values.members or []]


def parse_member_answer(
    question: Question, raw: object, values: Values, *, as_of: dt.date
) -> list[object]:
    """The list of member answers for ``raw``: a list with one entry per member, blank
    (``None`` or "") for the members not asked. Raises AnswerError (MemberAnswerError for
    one member's answer) and changes nothing."""
    asked = asked_members(question, values)
    if _blank(raw) and (not question.required or not any(asked)):
        return [None] * len(asked)  # nobody answers: an optional question, or no one asked
    if _blank(raw):
        raise invalid(question, "回答を入力してください。")
    if not isinstance(raw, list | tuple):
        raise invalid(
            question,
            f"世帯員ごとの回答を、世帯の順に{len(asked)}人分の一覧で入力してください"
            f"(今は{kind(raw)}です)。",
        )
    if len(raw) != len(asked):
        raise invalid(
            question,
            f"世帯員は{len(asked)}人ですが、回答が{len(raw)}人分あります。"
            "世帯の順に1人1つずつ入力してください(聞かない人は空欄)。",
        )
    parsed: list[object] = []
    for index, (item, is_asked) in enumerate(zip(raw, asked, strict=True)):
        if not is_asked:
            if not _blank(item):
                code = ErrorCode.ANSWER_INVALID
                message = code.format(
                    question=question.text or question.id,
                    detail="この世帯員には聞かない設問です。空欄にしてください。",
                )
                raise MemberAnswerError(AnswerError(code, message), index)
            parsed.append(None)
            continue
        try:
            parsed.append(parse_answer(question, item, as_of=as_of))
        except AnswerError as exc:
            raise MemberAnswerError(exc, index) from None
    return parsed


def fits(question: Question, answer: object, values: Values) -> bool:
    """Whether a stored member answer still fits the household and the earlier answers: one
    entry per member, a value for each member asked (when required), none for the others."""
    asked = asked_members(question, values)
    if not isinstance(answer, list) or len(answer) != len(asked):
        return False
    for value, is_asked in zip(answer, asked, strict=True):
        if not is_asked and value is not None:
            return False
        if is_asked and value is None and question.required:
            return False
    return True


def realigned(
    answer: object,
    before: Sequence[Mapping[str, object]] | None,
    after: Sequence[Mapping[str, object]] | None,
) -> object:
    """A member answer moved from the household ``before`` to ``after``: each member keeps
    their own answer when they are still in the household (same name and birth date, in
    order of appearance); a new member has none. Anything else is returned unchanged."""
    if not isinstance(answer, list) or before is None or after is None:
        return answer
    if len(answer) != len(before):
        return answer
    pool: dict[tuple[object, object], list[object]] = {}
    for member, value in zip(before, answer, strict=True):
        pool.setdefault(_identity(member), []).append(value)
    return [pool[key].pop(0) if pool.get(key) else None for key in (_identity(m) for m in after)]


def _identity(member: Mapping[str, object]) -> tuple[object, object]:
    return (member.get("name"), member.get("birth_date"))


def _blank(item: object) -> bool:
    return item is None or (isinstance(item, str) and not item.strip())
