"""Finite answer classes for path enumeration: one representative answer per class of
answers that no condition can tell apart (options, threshold bands, household profiles)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from kakanai.core.trees.checks import all_conditions
from kakanai.core.trees.evaluation import TreeRuntime, Values
from kakanai.core.trees.model import Condition, Per, Question, QuestionType
from kakanai.core.trees.reasoning.candidates import (
    PLAIN_SAMPLES,
    around_years,
    distinct_birth_dates,
    near,
)
from kakanai.core.trees.reasoning.labels import member_label, plain_label
from kakanai.core.value_types import RELATIONSHIP_VALUES

MAX_FULL_SUBSETS = 10  # profiles up to this many: every combination; more: up to 3 at once


@dataclass(frozen=True)
class AnswerClass:
    label: str
    value: object


@dataclass
class HouseholdClass:
    """Households no household-level condition can tell apart."""

    label: str
    members: list[dict[str, object]]
    profiles: list[int] = field(default_factory=list)  # indexes of possible member profiles


@dataclass
class Profile:
    label: str
    member: dict[str, object]


class ClassBuilder:
    """Builds the answer classes of each question of one tree, for one interview date."""

    def __init__(self, runtime: TreeRuntime, as_of: dt.date) -> None:
        self.runtime = runtime
        self.as_of = as_of
        self.conditions = [c for c, _ in all_conditions(runtime.tree)]
        self.profiles: list[Profile] = []
        self.households: list[HouseholdClass] = []
        if runtime.household_id:
            self.profiles = self.build_profiles()
            self.households = self.build_households()

    def classes(self, question: Question) -> list[AnswerClass]:
        result = self.base_classes(question)
        # Left blank is a class of its own only when some condition could tell it apart.
        if not question.required and self.reading(question.id):
            result.append(AnswerClass("未回答", None))
        return result

    def base_classes(self, question: Question) -> list[AnswerClass]:
        kind = question.type
        if kind is QuestionType.YESNO:
            return [AnswerClass("はい", True), AnswerClass("いいえ", False)]
        if kind is QuestionType.CHOICE:
            if not self.reading(question.id):
                # A record-only choice cannot change any outcome: one path, not one per option.
                return [AnswerClass("(選択)", question.choices[0].value)]
            return [AnswerClass(c.label, c.value) for c in question.choices]
        if kind is QuestionType.MULTI:
            return self.multi_classes(question)
        if kind is QuestionType.HOUSEHOLD:
            return [AnswerClass(h.label, h.members) for h in self.households]
        if kind in (QuestionType.NUMBER, QuestionType.DATE):
            return self.threshold_classes(question)
        return [AnswerClass("(記入)", PLAIN_SAMPLES[kind])]

    def multi_classes(self, question: Question) -> list[AnswerClass]:
        mentioned = {
            str(c)
            for cond in self.reading(question.id)
            for names, c in cond.expression.constants()
            if question.id in names
        }
        options = [v for v in question.choice_values() if v in mentioned]
        result = []
        for size in range(len(options) + 1):
            for combo in itertools.combinations(options, size):
                label = "・".join(question.label_of(v) for v in combo) or "該当なし"
                result.append(AnswerClass(label, list(combo)))
        return result

    def reading(self, question_id: str) -> list[Condition]:
        return [c for c in self.conditions if question_id in self.runtime.reads(c.expression)]

    def threshold_classes(self, question: Question) -> list[AnswerClass]:
        conditions = self.reading(question.id)
        candidates = self.candidates(question, conditions)
        seen: dict[tuple[object, ...], AnswerClass] = {}
        for value in candidates:
            values = self.runtime.values({question.id: value}, self.as_of)
            key = tuple(values.evaluate(c) for c in conditions)
            if key not in seen:
                seen[key] = AnswerClass(plain_label(value), value)
        return list(seen.values())

    def candidates(self, question: Question, conditions: list[Condition]) -> Sequence[object]:
        constants = [
            c
            for cond in conditions
            for names, c in cond.expression.constants()
            if question.id in names and not isinstance(c, bool)
        ]
        if question.type is QuestionType.NUMBER:
            numbers = sorted(
                {n + d for n in constants if isinstance(n, int | float) for d in (-1, 0, 1)} or {1}
            )
            return [n for n in numbers if _within(question, n)] or [numbers[0]]
        dates: set[dt.date] = {self.as_of}
        for constant in constants:
            if isinstance(constant, dt.date):
                dates |= near(constant, 0)
            elif isinstance(constant, int | float) and abs(constant) <= 2_000_000:
                dates |= around_years(self.as_of, int(constant))
                dates |= near(self.as_of, -int(constant)) | near(self.as_of, int(constant))
        return sorted(dates, reverse=True)

    # -- household ---------------------------------------------------------------------------

    def member_fields(self) -> set[str]:
        return {f for c in self.conditions for f in c.expression.member_fields}

    def build_profiles(self) -> list[Profile]:
        """Distinct member profiles: the age/sex/relationship bands conditions tell apart."""
        member_conditions = [
            p.when
            for p in self.runtime.tree.procedures
            if p.per is Per.MEMBER and p.when is not None
        ]
        household_conditions = self.household_conditions()
        # Dates such as the move date are usually close to the interview date: conditions like
        # age_on(member.birth_date, move_date) must tell members apart as age() would.
        near_dates: dict[str, object] = {
            q.id: self.as_of for q in self.runtime.questions if q.type is QuestionType.DATE
        }
        seen: dict[tuple[object, ...], Profile] = {}
        household = self.runtime.household_id
        for member in self.member_candidates():
            unknown = self.runtime.values({household: [member]}, self.as_of)
            near = self.runtime.values({household: [member], **near_dates}, self.as_of)
            key = tuple(
                [v.evaluate(c, member) for c in member_conditions for v in (unknown, near)]
                + [v.evaluate(c) for c in household_conditions for v in (unknown, near)]
            )
            if key not in seen:
                seen[key] = Profile(member_label(member, self.as_of), member)
        return list(seen.values())

    def member_candidates(self) -> list[dict[str, object]]:
        fields = self.member_fields()
        sexes = ["男", "女"] if "sex" in fields else ["女"]
        relationships = self.relationships() if "relationship" in fields else ["世帯主"]
        heads = [True, False] if "is_head" in fields else [True]
        result = []
        for birth in distinct_birth_dates(self.as_of):
            for sex, relationship, head in itertools.product(sexes, relationships, heads):
                result.append(
                    {
                        "name": "サンプル",
                        "kana": "サンプル",
                        "birth_date": birth,
                        "sex": sex,
                        "relationship": relationship,
                        "is_head": head,
                    }
                )
        return result

    def relationships(self) -> list[str]:
        mentioned = {
            str(c)
            for cond in self.conditions
            for names, c in cond.expression.constants()
            if "member.relationship" in names and str(c) in RELATIONSHIP_VALUES
        }
        others = sorted(RELATIONSHIP_VALUES - mentioned)
        return sorted(mentioned) + others[:1]

    def household_conditions(self) -> list[Condition]:
        """Conditions whose outcome can depend on the household (not per-member ones)."""
        member_whens = {id(p.when) for p in self.runtime.tree.procedures if p.per is Per.MEMBER}
        household = self.runtime.household_id
        return [
            c
            for c in self.conditions
            if id(c) not in member_whens and household in self.runtime.reads(c.expression)
        ]

    def household_label(self, values: Values, combo: tuple[int, ...]) -> str:
        """Name a household class by the computed household facts that hold for it."""
        facts = [
            c
            for c in self.runtime.computed.values()
            if self.runtime.household_id in self.runtime.reads(c.value.expression)
        ]
        if not facts:
            return "・".join(self.profiles[i].label for i in combo)
        held = [c.title for c in facts if values[c.id] is True]
        return "・".join(held) if held else "(" + "・".join(c.title for c in facts) + ": なし)"

    def build_households(self) -> list[HouseholdClass]:
        conditions = self.household_conditions()
        seen: dict[tuple[object, ...], HouseholdClass] = {}
        for combo in _combinations(len(self.profiles)):
            members = [dict(self.profiles[i].member) for i in combo]
            for index, member in enumerate(members):
                member["is_head"] = index == 0
            values = self.runtime.values({self.runtime.household_id: members}, self.as_of)
            key = tuple(values.evaluate(c) for c in conditions)
            if key not in seen:
                seen[key] = HouseholdClass(self.household_label(values, combo), members)
            seen[key].profiles = sorted(set(seen[key].profiles) | set(combo))
        return list(seen.values())


def _combinations(count: int) -> list[tuple[int, ...]]:
    largest = count if count <= MAX_FULL_SUBSETS else 3
    return [
        combo
        for size in range(1, largest + 1)
        for combo in itertools.combinations(range(count), size)
    ]


def _within(question: Question, value: float) -> bool:
    low = question.minimum if question.minimum is not None else float("-inf")
    high = question.maximum if question.maximum is not None else float("inf")
    return low <= value <= high
