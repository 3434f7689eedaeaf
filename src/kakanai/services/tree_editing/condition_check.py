"""One condition checked on its own as it is typed: parsed, its names and types checked and
the questions it reads put in order against the rest of the tree as last read — a few
milliseconds, so a keystroke's diagnostic shows at once. The problems are the ones the whole
tree's check reports inside that condition; the draft is re-read and the whole tree checked
(cycles, unused answers, reasoning) after typing pauses."""

from __future__ import annotations

from dataclasses import dataclass

from kakanai.core.errors import Problem
from kakanai.core.expressions.language import parse_all
from kakanai.core.located import LNode, Loc, LScalar
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.model import Condition, Per, QuestionTree
from kakanai.services.tree_editing.diagnostics import Mark, at_offsets
from kakanai.services.tree_editing.places import Kind, Place, node_at


@dataclass(frozen=True)
class _Rule:
    """How the whole tree's check reads a condition written at one key of one kind of item."""

    result: str  # "bool", "number", "date" or "" (a computed value: any type)
    member: bool = False  # may read ``member`` (per-member items)


class ConditionChecker:
    """Checks single conditions against one reading of a tree (build one per reading)."""

    def __init__(self, tree: QuestionTree) -> None:
        self.tree = tree
        self._checker = StaticChecker(tree)
        self._runtime = self._checker.run()

    def marks(self, root: LNode | None, place: Place, key: str, typed: str) -> list[Mark]:
        """The problems inside ``typed`` (the field's text, spaces and all), as marks."""
        source = typed.strip()
        if not source:
            return []
        lead = len(typed) - len(typed.lstrip())
        found = self.problems(root, place, key, source)
        return at_offsets(typed, [(offset + lead, problem) for offset, problem in found])

    def problems(
        self, root: LNode | None, place: Place, key: str, source: str
    ) -> list[tuple[int, Problem]]:
        """Each problem with its offset in ``source``, worded as the whole tree's check
        words it."""
        scalar = _scalar_at(root, place, key, source)
        expression, issues = parse_all(source)
        if expression is None:
            return [(i.offset, Problem.said(scalar.at_offset(i.offset), i.code, i.message))
                    for i in issues]  # fmt: skip
        checker = self._checker
        checker.problems = []
        condition = Condition(expression, scalar)
        rule = self._rule(place, key)
        if rule.result == "bool":
            checker.check_when(condition, member_allowed=rule.member)
        elif rule.result == "number":
            checker.check_copies(condition, member_allowed=rule.member)
        elif rule.result == "date":
            checker.check_due(condition, member_allowed=rule.member)
        else:
            checker.typed(condition, member_allowed=False)
        self._order(condition, place, key)
        start = scalar.at_offset(0).col
        return [(max(0, p.col - start), p) for p in checker.problems]

    def _rule(self, place: Place, key: str) -> _Rule:
        if place.kind is Kind.COMPUTED:
            return _Rule("")
        if place.kind is Kind.PROCEDURE:
            procedure = self.tree.procedure(place.id)
            member = procedure is not None and procedure.per is Per.MEMBER
            kinds = {"copies": "number", "due": "date"}
            return _Rule(kinds.get(key, "bool"), member)
        return _Rule("bool", member=key == "member_when")

    def _order(self, condition: Condition, place: Place, key: str) -> None:
        """A question's or section's condition may read only earlier questions."""
        if place.kind is Kind.QUESTION and key in ("when", "member_when"):
            question = self.tree.question(place.id)
            if question is not None:
                where = f"設問「{question.id}」"
                self._checker.reads_before(self._runtime, condition, question, where)
        elif place.kind is Kind.SECTION and key == "when":
            section = next((s for s in self.tree.sections if s.id == place.id), None)
            if section is not None and section.questions:
                where = f"セクション「{section.id}」"
                first = section.questions[0]
                self._checker.reads_before(self._runtime, condition, first, where)


def _scalar_at(root: LNode | None, place: Place, key: str, source: str) -> LScalar:
    """The condition as a located scalar: where it is written now (the typed text starts
    where the written one does), or at its item when the key is not written yet."""
    node = node_at(root, [*place.path, key])
    if isinstance(node, LScalar):
        return LScalar(source, node.loc, node.text_col)
    item = node_at(root, place.path)
    loc = item.loc if item is not None else Loc("", 1, 1)
    return LScalar(source, loc)
