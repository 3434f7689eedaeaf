"""How classes, bands and member profiles are shown to supervisors: options by their values,
numbers and dates as ranges (``65以上``), profiles by their ages (``65〜74歳``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kakanai.core.japanese import values as jv
from kakanai.core.trees.model import Question, QuestionType


def profile_labels(
    groups: Sequence[Sequence[object]], as_of: dt.date, fields: set[str]
) -> list[str]:
    """A profile's ages as ranges (``65〜74歳``), with school years where ages alone do not
    tell profiles apart, and sex or relationship where conditions read them."""
    labels = []
    every = [m for g in groups for m in g if isinstance(m, dict)]
    oldest = max((jv.age_on(m["birth_date"], as_of) for m in every), default=0)
    for group in groups:
        members = [m for m in group if isinstance(m, dict)]
        births = [m["birth_date"] for m in members if isinstance(m.get("birth_date"), dt.date)]
        ages = _runs(sorted({jv.age_on(b, as_of) for b in births}), oldest)
        grades = sorted({jv.school_grade(b, as_of) for b in births})
        label = ages
        if any(1 <= g <= 12 for g in grades) or (grades and max(grades) <= 0 < len(grades)):
            label += f"({_grade_range(grades)})"
        shown = ["sex", "relationship"]
        shown += sorted(fields - {"birth_date", "sex", "relationship", "is_head"})
        for name in shown:
            values = sorted({str(m.get(name)) for m in members})
            if name in fields and len(values) <= 3:
                shown_values = "・".join(values)
                plain = name in ("sex", "relationship")
                label += f"・{shown_values}" if plain else f"・{name}={shown_values}"
        labels.append(label)
    return labels


def _runs(ages: list[int], oldest: int) -> str:
    """Ages as ranges; the oldest range is open (``75歳以上``)."""
    runs: list[tuple[int, int]] = []
    for age in ages:
        if runs and runs[-1][1] == age - 1:
            runs[-1] = (runs[-1][0], age)
        else:
            runs.append((age, age))
    return "・".join(
        f"{a}歳以上" if b == oldest and a != b else f"{a}歳" if a == b else f"{a}〜{b}歳"
        for a, b in runs
    )


def _grade_range(grades: list[int]) -> str:
    names = [jv.grade_name(g) for g in (grades[0], grades[-1])]
    return names[0] if names[0] == names[1] else f"{names[0]}〜{names[1]}"


def value_label(question: Question, value: object) -> str:
    if question.type is QuestionType.YESNO:
        return "はい" if value else "いいえ"
    if question.type is QuestionType.MULTI and isinstance(value, list):
        return "+".join(str(v) for v in value) or "なし"
    return str(value)


def band_labels(question: Question, members: list[list[object]]) -> list[str]:
    """Threshold bands as ranges of the candidates each class holds."""
    ordered = sorted({c for group in members for c in group}, key=_sort_key)
    position = {_sort_key(c): i for i, c in enumerate(ordered)}
    labels = []
    for group in members:
        indexes = sorted(position[_sort_key(c)] for c in group)
        labels.append(_ranges(question, ordered, indexes))
    return labels


def _ranges(question: Question, ordered: list[object], indexes: list[int]) -> str:
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    texts = []
    for start, end in runs:
        low, high = _show(ordered[start]), _show(ordered[end])
        if start == 0 and end == len(ordered) - 1:
            texts.append("すべて")
        elif start == 0:
            texts.append(f"{high}以下" if question.type is QuestionType.NUMBER else f"{high}以前")
        elif end == len(ordered) - 1:
            texts.append(f"{low}以上" if question.type is QuestionType.NUMBER else f"{low}以後")
        elif start == end:
            texts.append(low)
        else:
            texts.append(f"{low}〜{high}")
    return "・".join(texts)


def _show(value: object) -> str:
    if isinstance(value, dt.date):
        return jv.format_wareki_short(value)
    return plain_label(value)


def _sort_key(value: object) -> tuple[int, object]:
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (1, value)


def plain_label(value: object) -> str:
    if isinstance(value, dt.date):
        return jv.format_wareki_short(value)
    return f"{value}"


def member_label(member: dict[str, object], as_of: dt.date) -> str:
    birth = member["birth_date"]
    assert isinstance(birth, dt.date)
    age = jv.age_on(birth, as_of)
    grade = jv.school_grade(birth, as_of)
    parts = [f"{age}歳", f"({jv.grade_name(grade)})" if grade <= 12 else ""]
    if member.get("sex") == "男" and member.get("relationship") != "世帯主":
        parts.append("男")
    return "".join(p for p in parts if p)
