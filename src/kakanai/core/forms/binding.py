"""What a form template may read from a case, in the question trees' expression language:
the bindable fields and their types (for checks), the case as evaluation context (for
printing) and how a value becomes printed text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from kakanai.core.errors import ErrorCode
from kakanai.core.expressions.language import UNKNOWN, EvalContext, Vocabulary
from kakanai.core.japanese import values as jv
from kakanai.core.trees import answers as answer_values
from kakanai.core.trees.checks import question_type
from kakanai.core.trees.model import QuestionTree, QuestionType
from kakanai.core.value_types import (
    DATE,
    MEMBER,
    MEMBER_FIELDS,
    NUMBER,
    TEXT,
    Kind,
    ValueType,
    choice_type,
    multi_type,
)

ADDRESS_FIELDS: dict[str, ValueType] = dict.fromkeys(answer_values.ADDRESS_FIELDS, TEXT)
HOUSEHOLD_FIELDS: dict[str, ValueType] = {"head": MEMBER, "count": NUMBER}
DEPARTMENT_FIELDS: dict[str, ValueType] = dict.fromkeys(
    ("id", "name", "floor", "counter", "extension"), TEXT
)
_NOT_IN_NAMES = re.compile(r"[\s\ufe00-\ufe0f\U000e0100-\U000e01ef]")  # spaces, variation selectors
ROOTS = ("case", "household", "answers", "procedure", "department", "person", "form")


def record(owner: str) -> ValueType:
    return ValueType(Kind.RECORD, owner=owner)


def answer_types(trees: Iterable[QuestionTree]) -> dict[str, ValueType]:
    """The type of every answer a case may hold (``answers.<question id>``)."""
    types: dict[str, ValueType] = {}
    for tree in trees:
        for question in tree.questions:
            if question.type is not QuestionType.HOUSEHOLD:
                types.setdefault(question.id, question_type(question))
    return types


def member_answer_types(trees: Iterable[QuestionTree]) -> dict[str, ValueType]:
    """The type of each member's own answer to a per-member question (``member.<id>``)."""
    types: dict[str, ValueType] = {}
    for tree in trees:
        for question in tree.member_questions:
            types.setdefault(question.id, question_type(question))
    return types


def procedure_ids(trees: Iterable[QuestionTree]) -> frozenset[str]:
    return frozenset(p.id for tree in trees for p in tree.procedures)


class FormScope:
    """The case as a template sees it. ``answers`` None: any answer id is accepted (when
    no question tree is at hand, e.g. while printing)."""

    def __init__(
        self,
        answers: Mapping[str, ValueType] | None = None,
        procedures: frozenset[str] = frozenset(),
        member_answers: Mapping[str, ValueType] | None = None,
    ) -> None:
        ids = procedures  # empty: any id (the checker compares only against known ones)
        self._answers = answers
        self._member: Mapping[str, ValueType] = {
            **MEMBER_FIELDS,
            "index": NUMBER,
            "procedures": multi_type("member.procedures", ids),
            **(member_answers or {}),
        }
        self._records: dict[str, Mapping[str, ValueType]] = {
            "case": {
                "case_id": TEXT,
                "as_of": DATE,
                "city": TEXT,
                "procedures": multi_type("case.procedures", ids),
            },
            "household": HOUSEHOLD_FIELDS,
            "procedure": {
                "id": choice_type("procedure.id", ids),
                "name": TEXT,
                "because": TEXT,
                "deadline": TEXT,
                "desk": TEXT,
                "fee": NUMBER,  # 1通の手数料 (certificates only; blank for others)
                "copies": NUMBER,
                "amount": NUMBER,  # fee × copies
            },
            "department": DEPARTMENT_FIELDS,
            # the form being printed: the fees of every procedure of the case that prints it
            "form": {"id": TEXT, "fee_total": NUMBER},
        }
        self.vocabulary = Vocabulary(
            unknown_name=ErrorCode.FORM_REF_NAME,
            unknown_field=ErrorCode.FORM_REF_FIELD,
            member_context=ErrorCode.FORM_MEMBER_CONTEXT,
            fields=self.fields,
            qualified=True,
        )

    @classmethod
    def of_trees(cls, trees: Sequence[QuestionTree]) -> FormScope:
        if not trees:
            return cls()
        return cls(answer_types(trees), procedure_ids(trees), member_answer_types(trees))

    def lookup(self, name: str) -> ValueType | None:
        if name == "person":
            return MEMBER
        return record(name) if name in ROOTS else None

    def names(self) -> Iterable[str]:
        return ROOTS

    def is_question(self, name: str) -> bool:  # noqa: ARG002 - the Scope protocol
        """Templates read answers as ``answers.<id>``, never a bare question id."""
        return False

    def fields(self, parent: ValueType) -> Mapping[str, ValueType] | None:
        if parent.kind is Kind.MEMBER:  # open, like answers, when no tree says what's asked
            return self._member if self._answers is not None else None
        if parent.kind is Kind.ADDRESS:
            return ADDRESS_FIELDS
        if parent.kind is Kind.RECORD and parent.owner == "answers":
            return self._answers
        if parent.kind is Kind.RECORD:
            return self._records.get(parent.owner, {})
        return {}


# --- the case as evaluation context ------------------------------------------------------


@dataclass(frozen=True)
class CaseView:
    """A case with typed values (dates as dates), ready to evaluate bindings against."""

    values: Mapping[str, object]
    members: Sequence[Mapping[str, object]]
    as_of: dt.date
    case_id: str
    fee_totals: Mapping[str, int] = field(default_factory=dict)  # by form id

    def member(self, index: int | None) -> Mapping[str, object] | None:
        """The member with this ``index``, or None when no member has it."""
        return next((m for m in self.members if m.get("index") == index), None)


def case_view(case: Mapping[str, Any]) -> CaseView:
    members = [_member(m, case["procedures"]) for m in case["household"]["members"]]
    _add_member_answers(members, case["answers"])
    head_index = case["household"].get("head")
    head = next((m for m in members if m.get("index") == head_index), None)
    answers = {a["question"]: _answer_value(a) for a in case["answers"] if isinstance(a, dict)}
    as_of = _date(case.get("as_of")) or dt.date.today()
    values: dict[str, object] = {
        "case": {
            "case_id": case["case_id"],
            "as_of": as_of,
            "city": case.get("questionnaire", {}).get("city"),
            "procedures": sorted({p["id"] for p in case["procedures"]}),
        },
        "household": {"head": head if head is not None else UNKNOWN, "count": len(members)},
        "answers": {k: v for k, v in answers.items() if v is not None},
    }
    return CaseView(values, members, as_of, str(case["case_id"]), _fee_totals(case["procedures"]))


def bound(
    view: CaseView,
    *,
    procedure: Mapping[str, Any] | None = None,
    department: Mapping[str, Any] | None = None,
) -> CaseView:
    """The view with the procedure and department a form is printed for."""
    values = dict(view.values)
    values["procedure"] = dict(procedure) if procedure else UNKNOWN
    values["department"] = dict(department) if department else UNKNOWN
    return replace(view, values=values)


def with_form(view: CaseView, form_id: str) -> CaseView:
    """The view with the form being printed bound: ``form.fee_total`` is fee × copies summed
    over the case's procedures that print this form (a certificate request lists every
    certificate asked for on it); blank when none of them has a fee."""
    total = view.fee_totals.get(form_id)
    form = {"id": form_id, "fee_total": UNKNOWN if total is None else total}
    return replace(view, values={**view.values, "form": form})


def with_person(view: CaseView, person: object) -> CaseView:
    """The view with ``person`` (the member the form is about) bound."""
    return replace(view, values={**view.values, "person": person})


def person_named(view: CaseView, named: object) -> Mapping[str, object] | None:
    """The household member a value names: a member itself, or a name (spaces and
    variation selectors aside) equal to one member's name; None when it names nobody."""
    if isinstance(named, Mapping):
        return named
    if not isinstance(named, str) or not _plain_name(named):
        return None
    found = [m for m in view.members if _plain_name(str(m.get("name") or "")) == _plain_name(named)]
    return found[0] if len(found) == 1 else None


def _plain_name(name: str) -> str:
    return _NOT_IN_NAMES.sub("", name)


def context(view: CaseView, member: Mapping[str, object] | None = None) -> EvalContext:
    return EvalContext(
        values=view.values,
        answered=lambda _name: False,
        members=view.members,
        as_of=view.as_of,
        age_on=_age_on,
        school_grade=_school_grade,
        member=member,
    )


def _member(raw: Mapping[str, Any], procedures: Sequence[Mapping[str, Any]]) -> dict[str, object]:
    """A member as bindings read it, with the ids of the per-member procedures that
    concern them (``member.procedures``)."""
    member = dict(raw)
    member["birth_date"] = _date(raw.get("birth_date")) or UNKNOWN
    index = raw.get("index")
    member["procedures"] = sorted({p["id"] for p in procedures if p.get("member") == index})
    return member


def _add_member_answers(members: list[dict[str, object]], answers: Sequence[object]) -> None:
    """Each member's own answers to per-member questions (``member.<id>``): the case keeps
    one value per member, in household order (None for a member not asked)."""
    for answer in answers:
        if not isinstance(answer, Mapping) or answer.get("per") != "member":
            continue
        values = answer.get("value")
        if not isinstance(values, list):
            continue
        for member, value in zip(members, values, strict=False):
            typed = _date(value) if answer.get("type") == "date" else value
            member[str(answer["question"])] = UNKNOWN if typed is None else typed


def _fee_totals(procedures: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for procedure in procedures:
        amount = procedure.get("amount")
        if isinstance(amount, int) and not isinstance(amount, bool):
            for form_id in procedure.get("forms") or []:
                totals[str(form_id)] = totals.get(str(form_id), 0) + amount
    return totals


def _answer_value(answer: Mapping[str, Any]) -> object:
    value = answer.get("value")
    if answer.get("type") == "date":
        return _date(value)
    return value


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _age_on(birth: dt.date, on: dt.date) -> int:
    return jv.age_on(birth, on) if birth <= on else -1


def _school_grade(birth: dt.date, on: dt.date) -> int:
    return jv.school_grade(birth, on) if birth <= on else -99


# --- values as printed text --------------------------------------------------------------


def display_text(value: object, *, date_style: str = "wareki", gannen: bool = True) -> str:
    """A bound value as it is printed: 和暦 (or 西暦) dates, はい/いいえ, addresses without
    the postal code (forms give it its own boxes), choices joined with ・."""
    if value is UNKNOWN or value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, dt.date):
        return format_date(value, date_style, gannen=gannen)
    if isinstance(value, Mapping):
        return address_text(value)
    if isinstance(value, list | tuple | set | frozenset):
        return "・".join(sorted(str(v) for v in value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_date(day: dt.date, style: str, *, gannen: bool = True) -> str:
    if style == "seireki":
        return f"{day.year}年{day.month}月{day.day}日"
    if style == "short":
        return jv.format_wareki_short(day)
    try:
        return jv.format_wareki(day, gannen=gannen)
    except jv.ValueFormatError:  # before 明治: only 西暦 can say it
        return f"{day.year}年{day.month}月{day.day}日"


def address_text(address: Mapping[str, object]) -> str:
    parts = "".join(str(address.get(k) or "") for k in ("prefecture", "municipality", "town"))
    block = str(address.get("block") or "")
    building = str(address.get("building") or "")
    return (parts + block + (f" {building}" if building else "")).strip()
