"""Why a question is asked and why a procedure applies or does not, in the supervisor's and
the clerk's words: the parts of the condition that decided it, each with the answers it read.

In the interview's three-valued logic: an ``and`` is false because of one false part, true
because of all its parts; an ``or`` the other way round; a part that read an unanswered
question is unknown, and says which question."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from kakanai.core.expressions.language import UNKNOWN, evaluate_pinned
from kakanai.core.japanese import values as jv
from kakanai.core.trees.evaluation import Values
from kakanai.core.trees.model import Condition, Procedure, Question


@dataclass
class Reason:
    """One part of a condition and how it came out, with the answers it read."""

    source: str
    outcome: object  # True, False or UNKNOWN
    answers: list[str] = field(default_factory=list)  # "move_type=転入", "has_dog=未回答"

    def text(self) -> str:
        read = f"({'、'.join(self.answers)})" if self.answers else ""
        return f"「{self.source}」{_OUTCOME[_key(self.outcome)]}{read}"


@dataclass
class Explanation:
    """Whether something holds, and the reasons that decided it."""

    holds: object
    reasons: list[Reason]

    def text(self) -> str:
        return "、".join(r.text() for r in self.reasons) or "条件はありません"


_OUTCOME = {"true": "が成り立つ", "false": "が成り立たない", "unknown": "が決まらない"}


def question(values: Values, asked: Question) -> Explanation:
    """Why a question is asked (or not): its section's condition, then its own."""
    section = values.runtime.tree.section_of(asked)
    first = condition(values, section.when)
    if first.holds is not True:
        return first
    second = condition(values, asked.when)
    if second.holds is not True:
        return second
    return Explanation(True, [*first.reasons, *second.reasons])


def procedure(
    values: Values, applied: Procedure, member: Mapping[str, object] | None = None
) -> Explanation:
    """Why a procedure applies (or does not) — for one member, if it is per member."""
    return condition(values, applied.when, member)


def condition(
    values: Values, written: Condition | None, member: Mapping[str, object] | None = None
) -> Explanation:
    if written is None:
        return Explanation(True, [])
    return _Explainer(values, written, member).explain(written.expression.syntax)


class _Explainer:
    def __init__(
        self, values: Values, written: Condition, member: Mapping[str, object] | None
    ) -> None:
        self.values = values
        self.written = written
        self.member = member

    def explain(self, node: ast.expr) -> Explanation:
        if isinstance(node, ast.BoolOp):
            parts = [self.explain(v) for v in node.values]
            deciding = not isinstance(node.op, ast.And)  # what decides an and: one False
            outcome = self.outcome(node)
            if outcome is deciding:
                decided = next(p for p in parts if p.holds is deciding)
                return Explanation(outcome, decided.reasons)
            undecided = [p for p in parts if p.holds is UNKNOWN] if outcome is UNKNOWN else parts
            return Explanation(outcome, [r for p in undecided for r in p.reasons])
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self.explain(node.operand)
            outcome = self.outcome(node)
            return Explanation(outcome, [self.reason(node, outcome)] if inner.reasons else [])
        outcome = self.outcome(node)
        return Explanation(outcome, [self.reason(node, outcome)])

    def outcome(self, node: ast.expr) -> object:
        return evaluate_pinned(node, self.values.context(self.member), {})

    def reason(self, node: ast.expr, outcome: object) -> Reason:
        expression = self.written.expression
        source = expression.source[expression.offset_of(node) : expression.end_of(node)].strip()
        return Reason(source, outcome, self.answers(node))

    def answers(self, node: ast.expr) -> list[str]:
        """The answers and computed values a part read, as ``id=value``."""
        shown: list[str] = []
        runtime = self.values.runtime
        for sub in ast.walk(node):
            if isinstance(sub, ast.Attribute) and self.member is not None:
                shown.append(f"{ast.unparse(sub)}={_value(self.outcome(sub))}")
            elif isinstance(sub, ast.Name) and sub.id == runtime.household_id:
                continue
            elif isinstance(sub, ast.Name) and sub.id in runtime.question_ids:
                shown.append(f"{sub.id}={_value(self.values[sub.id])}")
            elif isinstance(sub, ast.Name) and sub.id in runtime.computed:
                title = runtime.computed[sub.id].title
                named = f"{sub.id}({title})" if title else sub.id
                shown.append(f"{named}={_value(self.values[sub.id])}")
        return list(dict.fromkeys(shown))


def _value(value: object) -> str:
    if value is UNKNOWN or value is None:
        return "未回答"
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, dt.date):
        return jv.format_wareki(value)
    if isinstance(value, list | tuple | frozenset):
        return "・".join(str(v) for v in value) or "なし"
    return str(value)


def _key(outcome: object) -> str:
    if outcome is True:
        return "true"
    if outcome is False:
        return "false"
    return "unknown"
