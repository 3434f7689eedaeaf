"""What a supervisor may type next in a condition: question ids and computed values shown
with their Japanese text (nobody has to remember ``kaigo_nintei``), a question's options after
``==`` or ``in``, the language's functions with what they do, and ``member.`` fields."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kakanai.core.expressions.syntax import FUNCTIONS
from kakanai.core.trees.model import Question, QuestionTree, QuestionType
from kakanai.core.value_types import MEMBER_FIELDS

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
_MEMBER = re.compile(r"member\.([A-Za-z_][A-Za-z0-9_]*)?$")
_COMPARED = re.compile(
    r"([a-z][a-z0-9_]*)\s*(==|!=|in|not in)\s*\[?\s*(?:\"[^\"]*\"\s*,\s*)*\"?([^\"]*)$"
)
_MEMBER_LABELS = {
    "name": "氏名",
    "kana": "フリガナ",
    "birth_date": "生年月日",
    "sex": "性別",
    "relationship": "続柄",
    "age": "年齢(基準日)",
    "is_head": "世帯主か",
}


@dataclass(frozen=True)
class Completion:
    """One thing that may be typed: the text inserted and how it is shown."""

    insert: str
    label: str
    kind: str  # "question", "computed", "function", "option", "member"


def complete(tree: QuestionTree, before_cursor: str) -> list[Completion]:
    """What may follow ``before_cursor`` in a condition of ``tree``, best matches first."""
    compared = _COMPARED.search(before_cursor)
    in_string = before_cursor.count('"') % 2 == 1
    awaiting = before_cursor.rstrip().endswith((",", "[", "==", "!=", " in"))
    if compared is not None and (in_string or awaiting):
        return _options(tree, compared.group(1), compared.group(3) if in_string else "")
    member = _MEMBER.search(before_cursor)
    if member is not None:
        return _member_fields(tree, member.group(1) or "")
    word = _WORD.search(before_cursor)
    return _names(tree, word.group() if word else "")


def _names(tree: QuestionTree, prefix: str) -> list[Completion]:
    found = [
        Completion(q.id, f"{q.id} — {q.text}", "question")
        for q in tree.questions
        if q.id.startswith(prefix) and q.type is not QuestionType.HOUSEHOLD and not q.per_member
    ]
    found += [
        Completion(c.id, f"{c.id} — {c.title}", "computed")
        for c in tree.computed
        if c.id.startswith(prefix)
    ]
    found += [
        Completion(f"{name}(", f"{name}(…) — {function.summary}", "function")
        for name, function in FUNCTIONS.items()
        if name.startswith(prefix)
    ]
    return found


def _options(tree: QuestionTree, qid: str, prefix: str) -> list[Completion]:
    question = tree.question(qid)
    if question is None or question.type not in (QuestionType.CHOICE, QuestionType.MULTI):
        return []
    return [
        Completion(f'"{c.value}"', _option_label(question, c.value), "option")
        for c in question.choices
        if c.value.startswith(prefix)
    ]


def _option_label(question: Question, value: str) -> str:
    label = question.label_of(value)
    return value if label == value else f"{value} — {label}"


def _member_fields(tree: QuestionTree, prefix: str) -> list[Completion]:
    found = [
        Completion(name, f"member.{name} — {_MEMBER_LABELS.get(name, name)}", "member")
        for name in MEMBER_FIELDS
        if name.startswith(prefix)
    ]
    found += [
        Completion(q.id, f"member.{q.id} — {q.text}", "member")
        for q in tree.member_questions
        if q.id.startswith(prefix)
    ]
    return found
