"""A scenario's answer that no class holds, moved onto one that does. An answer compared with
another value (``member.birth_date == born_on``) has classes only for the candidates the
checker tried, so a real birth day usually falls in none. Such a value is renamed to a
candidate everywhere it appears (the answer, other answers and members' fields equal to it),
and the renaming is kept only when every condition part comes out the same on the renamed
answers as on the real ones: the interview cannot tell the two apart, so the rules it
exercises are the same.

When no candidate agrees on every part, one that agrees on every whole condition is taken:
a birth abroad seven weeks ago is past the 14-day deadline that only a birth in Japan reads
(``birth_place == "国内" and today() > koseki_deadline(born_on, 14)``), so the part differs
from the one born today while every condition, and so every question asked and every
procedure given, is the same."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Callable, Mapping

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
        self.wholes: list[ast.expr] = []
        for condition, _ in all_conditions(runtime.tree):
            self.wholes.append(condition.expression.syntax)
            for node in at.atoms(condition.expression.syntax):
                source = ast.unparse(node)
                if source not in seen:
                    seen.add(source)
                    self.parts.append(node)

    def apply(
        self,
        answers: Mapping[str, object],
        accept: Callable[[dict[str, object]], bool] = lambda _answers: True,
    ) -> dict[str, object]:
        """``answers`` with every value no class holds renamed, where a faithful renaming
        exists (others are left as they are: they constrain nothing). ``accept`` says whether
        answers are a resident the checker knows as the interview saw them (coverage: in a
        rule of every procedure it gave); a value whose class is not is renamed too (a day of
        birth in a band of days no newborn of the checker is born on)."""
        current = dict(answers)
        accepted: bool | None = None  # whether ``current`` is accepted, once asked
        for qid, domain in self.domains.items():
            value = current.get(qid)
            if value is None or isinstance(value, list):
                continue
            if domain.classify(value) is not None:
                if not _a_members_field(current, value):
                    continue  # only a value shared with a member can lose its member
                if accepted is None:
                    accepted = accept(current)
                if accepted:
                    continue  # its class holds the resident: nothing to rename
            for nodes in (self.parts, self.wholes):
                renamed = self._faithful(current, domain, value, nodes, accept)
                if renamed is not None:
                    current, accepted = renamed, True
                    break
        return current

    def _faithful(
        self,
        answers: dict[str, object],
        domain: Domain,
        value: object,
        nodes: list[ast.expr],
        accept: Callable[[dict[str, object]], bool],
    ) -> dict[str, object] | None:
        """``answers`` with ``value`` renamed to the first accepted candidate on which every
        one of ``nodes`` comes out the same; None when there is none."""
        before = self._outcomes(answers, nodes)
        for candidate in (c for group in domain.candidates for c in group):
            renamed = _renamed(answers, value, candidate)
            if (
                domain.classify(candidate) is not None
                and _same(before, self._outcomes(renamed, nodes))
                and accept(renamed)
            ):
                return renamed
        return None

    def _outcomes(self, answers: Mapping[str, object], nodes: list[ast.expr]) -> list[object]:
        """Each of ``nodes``' values: with no member bound, and with each member bound."""
        values: Values = self.runtime.values(answers, self.as_of)
        members = list(values.members or [])
        found: list[object] = []
        for node in nodes:
            bound = members if at.reads_member(node) else [None]
            for member in bound:
                try:
                    found.append(_hashable(evaluate_pinned(node, values.context(member), {})))
                except (ArithmeticError, ValueError, TypeError) as exc:
                    found.append(("error", type(exc).__name__))
        return found


def _a_members_field(answers: Mapping[str, object], value: object) -> bool:
    """Whether ``value`` is also a field of a household member (``born_on`` the birth date
    of the newborn): its class may then have no member like them."""
    return any(
        isinstance(member, dict) and any(_equal(value, field) for field in member.values())
        for rows in answers.values()
        if isinstance(rows, list)
        for member in rows
    )


def _equal(a: object, b: object) -> bool:
    return type(a) is type(b) and a == b


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
