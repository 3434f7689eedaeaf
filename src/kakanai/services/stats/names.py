"""The Japanese names and the order statistics show things in: procedures and departments as
the question trees list them, life events by their tree's title, questions by their text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kakanai.core.stats.periods import Grouping, month_label
from kakanai.core.trees.model import QuestionTree

COUNTER_LABEL = "窓口(案内票)"


@dataclass
class Names:
    procedures: dict[str, str] = field(default_factory=dict)
    procedure_departments: dict[str, str] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)

    def label(self, grouping: Grouping, key: str) -> str:
        """What a row of ``grouping`` is called; an id no tree knows any more stays an id."""
        if grouping is Grouping.MONTH:
            return month_label(key)
        known = {
            Grouping.EVENT: self.events,
            Grouping.PROCEDURE: self.procedures,
            Grouping.DEPARTMENT: self.departments,
        }.get(grouping, {})
        return known.get(key, key)

    def department(self, key: str) -> str:
        return self.departments.get(key, key)

    def ordered(self, grouping: Grouping, keys: Iterable[str]) -> list[str]:
        """Months in time order, procedures and departments in the trees' order (unknown
        ones after them), events and desks by name."""
        order = {
            Grouping.PROCEDURE: list(self.procedures),
            Grouping.DEPARTMENT: list(self.departments),
        }.get(grouping)
        if order is None:
            return sorted(keys)
        rank = {key: index for index, key in enumerate(order)}
        return sorted(keys, key=lambda key: (rank.get(key, len(rank)), key))


def names_of(trees: Iterable[QuestionTree]) -> Names:
    names = Names()
    for tree in trees:
        names.events.setdefault(tree.meta.id, _event_title(tree.meta.title))
        for department in tree.departments:
            names.departments.setdefault(department.id, department.name)
        for procedure in tree.procedures:
            names.procedures.setdefault(procedure.id, procedure.name)
            names.procedure_departments.setdefault(procedure.id, procedure.department_id)
        for question in tree.questions:
            names.questions.setdefault(question.id, question.text)
    return names


def _event_title(title: str) -> str:
    """The life event's name from the tree's title (``転入・転居・転出の手続き案内`` → its
    first part)."""
    return title.removesuffix("の手続き案内") or title
