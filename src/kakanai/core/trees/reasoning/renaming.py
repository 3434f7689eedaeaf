"""A scenario's answer that no class holds, moved onto one that does. An answer compared with
another value (``member.birth_date == born_on``) has classes only for the candidates the
checker tried, so a real birth day usually falls in none. Such a value is renamed to a
candidate everywhere it appears (the answer, other answers and members' fields equal to it),
and the renaming is kept only when every condition part comes out the same on the renamed
answers as on the real ones: the interview cannot tell the two apart, so the rules it
exercises are the same."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Mapping

from kakanai.core.expressions.language import evaluate_pinned
from kakanai.core.trees.checks import all_conditions
from kakanai.core.trees.evaluation import TreeRuntime, Values
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.domains import Domain, _hashable


class Renaming:
    """Renames unclassified answers of one tree's scenarios onto class representatives."""

    def __init__(self, runtime: TreeRuntime, domains: Mapping[str, Domain], as_of: dt.date):
        self.runtime = runtime
        self.domains = domains
        self.as_of = as_of
        seen: set[str] = set()
        self.parts: list[ast.expr] = []
        for condition, _ in all_conditions(runtime.tree):
            for node in at.atoms(condition.expression.syntax):
                source = ast.unparse(node)
                if source not in seen:
                    seen.add(source)
                    self.parts.append(node)

    def apply(self, answers: Mapping[str, object]) -> dict[str, object]:
        """``answers`` with every value no class holds renamed, where a faithful renaming
        exists (others are left as they are: they constrain nothing)."""
        current = dict(answers)
        for qid, domain in self.domains.items():
            value = current.get(qid)
            if value is None or isinstance(value, list) or domain.classify(value) is not None:
                continue
            before = self._outcomes(current)
            for candidate in (c for group in domain.candidates for c in group):
                renamed = _renamed(current, value, candidate)
                if domain.classify(candidate) is not None and _same(
                    before, self._outcomes(renamed)
                ):
                    current = renamed
                    break
        return current

    def _outcomes(self, answers: Mapping[str, object]) -> list[object]:
        """Every condition part's value: with no member bound, and with each member bound."""
        values: Values = self.runtime.values(answers, self.as_of)
        members = list(values.members or [])
        found: list[object] = []
        for node in self.parts:
            bound = members if at.reads_member(node) else [None]
            for member in bound:
                try:
                    found.append(_hashable(evaluate_pinned(node, values.context(member), {})))
                except (ArithmeticError, ValueError, TypeError) as exc:
                    found.append(("error", type(exc).__name__))
        return found


def _same(before: list[object], after: list[object]) -> bool:
    """Whether every part that decides something (a truth value, or unknown) agrees; other
    values (a deadline, a count) matter only through the comparisons that read them, which
    are parts of their own."""
    decides = (bool, str)  # str: "UNKNOWN" and ("error", ...) come out as strings and tuples
    return len(before) == len(after) and all(
        a == b
        for a, b in zip(before, after, strict=True)
        if isinstance(a, decides) or isinstance(b, decides) or isinstance(a, tuple)
    )


def _renamed(answers: Mapping[str, object], old: object, new: object) -> dict[str, object]:
    """Answers with ``old`` replaced by ``new`` wherever it is a whole value (top-level
    answers, household members' fields, per-member answers)."""
    return {qid: _replace(value, old, new) for qid, value in answers.items()}


def _replace(value: object, old: object, new: object) -> object:
    if isinstance(value, list):
        return [_replace(item, old, new) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, old, new) for key, item in value.items()}
    return new if type(value) is type(old) and value == old else value
