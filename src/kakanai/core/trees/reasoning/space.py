"""The answer space of one or more trees as decision-diagram variables: one variable per
question whose answer matters (its classes), one per optional question (left blank or not),
and one per member profile (how many such members the household has). An assignment is a
*resident*: every fact a clerk could ask about, whether or not the interview asks it."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import Question, QuestionType
from kakanai.core.trees.reasoning.diagrams import FALSE, TRUE, Diagrams, Node
from kakanai.core.trees.reasoning.domains import Domain, DomainBuilder
from kakanai.core.trees.reasoning.profiles import Profiles

BLANK = 1  # value of a blank variable when the optional question was left unanswered


@dataclass(frozen=True)
class Resident:
    """A concrete resident read off an assignment: answers as if every question were asked,
    which optional ones they would leave blank, and the household."""

    facts: dict[str, object]
    blank: frozenset[str]
    household: list[dict[str, object]]


class Space:
    """Variables, their domains and the world's constraints, shared by the trees compared."""

    def __init__(self, runtimes: Sequence[TreeRuntime], as_of: dt.date) -> None:
        builder = DomainBuilder(runtimes, as_of)
        self.as_of = as_of
        self.domains: dict[str, Domain] = builder.domains()
        self.profiles: Profiles = builder.profiles()
        self.member_fields = builder.member_fields
        self.member_choices = builder.member_choices()
        self.dd = Diagrams()
        self.value_var: dict[str, int] = {}
        self.blank_var: dict[str, int] = {}
        self.count_vars: list[int] = []
        self.member_var: int | None = None
        self.household_id = ""
        # The household's variables last: a per-member condition is then its question part
        # with the members below it, instead of the members copied above every question.
        ordered = _merged_order(runtimes)
        for question in [q for q in ordered if q.type is not QuestionType.HOUSEHOLD]:
            self._add(question)
        for question in [q for q in ordered if q.type is QuestionType.HOUSEHOLD]:
            self._add(question)
        self._some_present: dict[frozenset[int], Node] = {}
        self.world = self._world()
        self.preferred = self._preferred()

    def _preferred(self) -> dict[int, int]:
        """Values a witness takes when it may: "no" to yes/no questions, so that examples
        and suggested scenarios show only what matters."""
        preferred = {
            var: self.domains[qid].values.index(False)
            for qid, var in self.value_var.items()
            if self.domains[qid].question.type is QuestionType.YESNO
            and False in self.domains[qid].values
        }
        adult = self.profiles.classify(_typical_adult(self.as_of))
        if adult is not None and self.count_vars:
            preferred[self.count_vars[adult]] = 1
        return preferred

    def _add(self, question: Question) -> None:
        if question.type is QuestionType.HOUSEHOLD:
            if self.household_id:
                return
            self.household_id = question.id
            # The member a per-member rule is about; before the counts, so that "that member's
            # profile is present" stays one node per profile in the decision tables.
            self.member_var = self.dd.add_variable("member", max(1, self.profiles.size))
            for index in range(self.profiles.size):  # named by count_name when shown
                name = f"{question.id}#{index}"
                self.count_vars.append(self.dd.add_variable(name, self.profiles.count_cap + 1))
            return
        if not question.required and question.id not in self.blank_var:
            self.blank_var[question.id] = self.dd.add_variable(f"{question.id}?", 2)
        domain = self.domains[question.id]
        if domain.size > 1 and question.id not in self.value_var:
            self.value_var[question.id] = self.dd.add_variable(question.id, domain.size)

    def _world(self) -> Node:
        """Households have a member, and at most one head when conditions can tell heads."""
        if not self.count_vars:
            return TRUE
        dd = self.dd
        # Last variable first here and below: each step adds a node above the diagram so far
        # instead of copying it under the new variable.
        nonempty = dd.any_of(
            dd.literal(v, range(1, dd.variables[v].size)) for v in reversed(self.count_vars)
        )
        if not self.member_fields & {"is_head", "relationship"}:
            return nonempty
        heads = [
            var
            for var, member in zip(self.count_vars, self.profiles.members, strict=True)
            if member.get("is_head")
        ]
        return dd.conj(nonempty, self.exactly_one(heads))

    def exactly_one(self, variables: Sequence[int]) -> Node:
        """Assignments where the counts of ``variables`` add up to exactly one."""
        dd = self.dd
        none, one = TRUE, FALSE
        for var in sorted(variables, reverse=True):
            zero = dd.literal(var, [0])
            single = dd.literal(var, [1])
            none, one = dd.conj(none, zero), dd.disj(dd.conj(one, zero), dd.conj(none, single))
        return one

    def member_profiles(self, member: Mapping[str, object]) -> frozenset[int]:
        """The profiles a concrete member (with their own per-member answers) may be. A
        member not asked a required per-member question has no answer to it, and no
        condition reads one: every answer the question takes is theirs, so each of its
        profiles is. A blank optional answer is its own profile (None is a choice)."""
        own = dict(member)
        open_fields = {
            qid: choices
            for qid, choices in self.member_choices.items()
            if qid not in _MEMBER_OWN and member.get(qid) is None and None not in choices
        }
        found = self.profiles.possible(own, open_fields)
        if found:
            return found
        # Optional answers left blank by this member but not by all: blanks are one state
        # of a member (profiles.build_profiles), so the member may be any answer there.
        blanks = {
            qid: [c for c in choices if c is not None]
            for qid, choices in self.member_choices.items()
            if qid not in _MEMBER_OWN and member.get(qid) is None and None in choices
        }
        return self.profiles.possible(own, {**open_fields, **blanks})

    def households(self, members: Sequence[frozenset[int]]) -> Node:
        """The profile counts of a household whose members may each be one of a set of
        profiles. Members with the same set are interchangeable, so the diagram is built
        over how many of each such group are still to place, profile by profile (last to
        first), never over the product of the members' choices."""
        dd, cap = self.dd, self.profiles.count_cap
        groups = Counter(s for s in members if s)
        kinds = list(groups)
        start = tuple(groups[k] for k in kinds)

        def placements(state: tuple[int, ...], profile: int) -> list[tuple[int, ...]]:
            ranges = [
                range(left + 1) if profile in kind else range(1)
                for left, kind in zip(state, kinds, strict=True)
            ]
            return list(itertools.product(*ranges))

        levels: list[set[tuple[int, ...]]] = [{start}]
        for profile in range(len(self.count_vars)):
            levels.append(
                {_less(s, placed) for s in levels[-1] for placed in placements(s, profile)}
            )
        below = {state: TRUE if not any(state) else FALSE for state in levels[-1]}
        for profile in reversed(range(len(self.count_vars))):
            var = self.count_vars[profile]
            here: dict[tuple[int, ...], Node] = {}
            for state in levels[profile]:
                children = [FALSE] * dd.variables[var].size
                for placed in placements(state, profile):
                    count = min(sum(placed), cap)
                    children[count] = dd.disj(children[count], below[_less(state, placed)])
                here[state] = dd.node(var, tuple(children))
            below = here
        return below[start]

    def variable_name(self, var: int) -> str:
        """A variable's name as shown: a member count with its profile's label."""
        name = self.dd.variables[var].name
        if var in self.count_vars:
            return f"{name}({self.profiles.labels[self.count_vars.index(var)]})"
        return name

    def member_present(self, profile: int) -> Node:
        var = self.count_vars[profile]
        return self.dd.literal(var, range(1, self.dd.variables[var].size))

    def some_present(self, profiles: frozenset[int]) -> Node:
        """Households with a member of at least one of ``profiles``."""
        found = self._some_present.get(profiles)
        if found is None:
            dd = self.dd
            found = dd.any_of(self.member_present(p) for p in sorted(profiles, reverse=True))
            self._some_present[profiles] = found
        return found

    def for_some_member(self, parts: Iterable[tuple[int, Node]]) -> Node:
        """The union over profiles ``p`` of "a member of profile p is present and ``node``"
        for each ``(p, node)``: profiles that share a node are joined first, so each distinct
        node is conjoined once, not once per profile."""
        dd = self.dd
        return dd.any_of(
            dd.conj(node, self.some_present(profiles))
            for node, profiles in _grouped(parts).items()
            if node != FALSE
        )

    def for_every_member(self, parts: Iterable[tuple[int, Node]]) -> Node:
        """The intersection over profiles ``p`` of "no member of profile p, or ``node``"."""
        dd = self.dd
        return dd.all_of(
            dd.disj(node, dd.neg(self.some_present(profiles)))
            for node, profiles in _grouped(parts).items()
            if node != TRUE
        )

    # -- reading assignments -----------------------------------------------------------------

    def resident(self, assignment: Mapping[int, int]) -> Resident:
        """The concrete resident an assignment describes (free variables take class 0)."""
        facts: dict[str, object] = {}
        for qid, domain in self.domains.items():
            var = self.value_var.get(qid)
            index = assignment.get(var, self.preferred.get(var, 0)) if var is not None else 0
            facts[qid] = domain.values[index]
        blank = frozenset(q for q, v in self.blank_var.items() if assignment.get(v, 0) == BLANK)
        return Resident(facts, blank, self.household(assignment))

    def household(self, assignment: Mapping[int, int]) -> list[dict[str, object]]:
        """Members for the profile counts, the head first, then from the oldest."""
        members: list[dict[str, object]] = []
        for profile, var in enumerate(self.count_vars):
            for _ in range(assignment.get(var, 0)):
                members.append(dict(self.profiles.members[profile]))
        if not members and self.profiles.members:
            members.append(dict(self.profiles.members[-1]))
        members.sort(key=lambda m: (not m.get("is_head"), m["birth_date"]))
        if not any(m.get("is_head") for m in members):
            members[0]["is_head"] = True
            members[0]["relationship"] = "世帯主"
        men = women = 0
        for member in members:
            if member.get("sex") == "男":
                given, kana = _MEN[men % len(_MEN)]
                men += 1
            else:
                given, kana = _WOMEN[women % len(_WOMEN)]
                women += 1
            member["name"] = f"見本 {given}"
            member["kana"] = f"ミホン {kana}"
        return members

    def describe(self, assignment: Mapping[int, int], variables: frozenset[int]) -> list[str]:
        """``question=label`` for the given variables of an assignment, in interview order."""
        parts = []
        for qid, var in self.value_var.items():
            if var in variables:
                parts.append(f"{qid}={self.domains[qid].labels[assignment.get(var, 0)]}")
        for qid, var in self.blank_var.items():
            if var in variables and assignment.get(var, 0) == BLANK:
                parts.append(f"{qid}=未回答")
        if variables & set(self.count_vars):
            members = self.household(assignment)
            labels = [self.profiles.labels[self.profiles.classify(m) or 0] for m in members]
            parts.append(f"{self.household_id}=" + "・".join(labels))
        return parts


def _grouped(parts: Iterable[tuple[int, Node]]) -> dict[Node, frozenset[int]]:
    groups: dict[Node, set[int]] = {}
    for profile, node in parts:
        groups.setdefault(node, set()).add(profile)
    return {node: frozenset(profiles) for node, profiles in groups.items()}


def _less(state: tuple[int, ...], placed: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(left - taken for left, taken in zip(state, placed, strict=True))


_MEMBER_OWN = frozenset({"birth_date", "sex", "relationship"})  # household row fields
_MEN = (("一郎", "イチロウ"), ("次郎", "ジロウ"), ("三郎", "サブロウ"), ("四郎", "シロウ"))
_WOMEN = (("花子", "ハナコ"), ("桜", "サクラ"), ("葵", "アオイ"), ("楓", "カエデ"))


def _merged_order(runtimes: Sequence[TreeRuntime]) -> list[Question]:
    """Every tree's questions once, in the last tree's order with earlier-only ones kept
    after the question they followed."""
    order: list[Question] = []
    seen: set[str] = set()
    for runtime in reversed(runtimes):
        position = 0
        for question in runtime.questions:
            if question.id in seen:
                position = next(i for i, q in enumerate(order) if q.id == question.id) + 1
                continue
            seen.add(question.id)
            order.insert(position, question)
            position += 1
    return order


def _typical_adult(as_of: dt.date) -> dict[str, object]:
    """A 40-year-old head of household: who examples show when any adult will do."""
    birth = as_of.replace(year=as_of.year - 40, day=min(as_of.day, 28))
    return {
        "name": "見本",
        "kana": "ミホン",
        "birth_date": birth,
        "sex": "女",
        "relationship": "世帯主",
        "is_head": True,
    }
