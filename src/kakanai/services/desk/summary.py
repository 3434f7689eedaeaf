"""What a linked department's desk may see of a case: its own procedures (reasons, what to
bring), and only the answers and household fields its forms print or its procedures were
decided on. Other departments' private answers never reach the desk (docs/desk.md)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kakanai.core.forms.binding import bound, case_view, context
from kakanai.core.forms.model import Binding, FormTemplate, Per, TableField
from kakanai.core.forms.selection import form_ids, jobs
from kakanai.core.trees.answers import MEMBER_LABELS as MEMBER_FIELD_LABELS
from kakanai.core.trees.case import is_guidance
from kakanai.services.forms.rendering import layout_for, load_templates

MEMBER_LABELS = {**MEMBER_FIELD_LABELS, "age": "年齢"}
"""The member fields a desk may be shown, in display order, with their labels."""

_ANSWER_READ = re.compile(r"(?<![\w.])answers\.([a-z][a-z0-9_]*)")
_MEMBER_READ = re.compile(r"(?<![\w.])(?:member|person|household\.head)\.([a-z][a-z0-9_]*)")
_PERSON_READ = re.compile(r"(?<![\w.])person\b")
_HEAD_READ = re.compile(r"(?<![\w.])household\.head\b")


@dataclass(frozen=True)
class ProcedureSummary:
    """One of the department's procedures as the desk reads it."""

    id: str
    name: str
    because: str
    bring: tuple[str, ...]
    deadline: str
    member_name: str  # the member it concerns ("" for the household)
    notice: bool = False  # guidance that is no procedure (kind: guidance): not counted


@dataclass(frozen=True)
class MemberSummary:
    """A household member the department's forms print, with only the fields they print."""

    index: int
    fields: tuple[tuple[str, str], ...]  # (label, value)


@dataclass(frozen=True)
class AnswerSummary:
    question: str
    text: str
    display: str


@dataclass(frozen=True)
class FormReads:
    """What a department's forms and procedures read of a case."""

    answers: frozenset[str]
    member_fields: frozenset[str]
    members: frozenset[int]


@dataclass(frozen=True)
class DeskSummary:
    """The case limited to one department."""

    department: str
    procedures: tuple[ProcedureSummary, ...]
    members: tuple[MemberSummary, ...]
    answers: tuple[AnswerSummary, ...]

    def texts(self) -> list[str]:
        """Every text the summary shows (what the desk sees, for checks and search)."""
        shown: list[str] = []
        for procedure in self.procedures:
            shown += [procedure.name, procedure.because, *procedure.bring, procedure.deadline]
        for member in self.members:
            shown += [text for pair in member.fields for text in pair]
        for answer in self.answers:
            shown += [answer.text, answer.display]
        return shown


def department_summary(case: Mapping[str, Any], department: str) -> DeskSummary:
    """The summary of ``case`` for the department with id ``department``; no procedures,
    members or answers when the case has nothing for it."""
    procedures = [p for p in case["procedures"] if p.get("department") == department]
    if not procedures:
        return DeskSummary(department, (), (), ())
    reads = department_reads(case, procedures)
    members = {m.get("index"): m for m in case["household"]["members"]}
    return DeskSummary(
        department,
        tuple(_procedure(p, members) for p in procedures),
        tuple(_member(members[i], reads.member_fields) for i in sorted(reads.members)),
        tuple(
            AnswerSummary(str(a["question"]), str(a.get("text", "")), str(a.get("display", "")))
            for a in case["answers"]
            if a.get("question") in reads.answers
        ),
    )


def department_reads(case: Mapping[str, Any], procedures: Sequence[Mapping[str, Any]]) -> FormReads:
    """The answers, member fields and members that ``procedures`` (one department's) and
    their forms' bindings read: the evidence the procedures were decided on, every
    ``answers.<id>``, ``member.<field>``, ``person.<field>`` and ``household.head.<field>``
    a template binds, the person a household form is about,
    the members per-member forms and household tables print, and the head when read."""
    answers = {str(e) for p in procedures for e in p.get("evidence") or [] if e != "household"}
    fields = {"name"}
    members = {int(p["member"]) for p in procedures if p.get("member") is not None}
    loaded = load_templates(form_ids(procedures))
    templates = {k: v for k, v in loaded.items() if v is not None}
    view = case_view(case)
    member_answers = {
        str(a.get("question"))
        for a in case["answers"]
        if isinstance(a, dict) and a.get("per") == "member"
    }
    for job in jobs(case, procedures, lambda i: i in templates and templates[i].per is Per.MEMBER):
        template = templates.get(job.form_id)
        if template is None:
            continue
        reads = template_reads(template)
        answers |= reads.answers
        answers |= reads.member_fields & member_answers  # member.<id> of a per-member question
        fields |= reads.member_fields
        if reads.head:
            members.add(int(case["household"].get("head") or 0))
        job_view = bound(view, procedure=job.procedure, department=job.department)
        if reads.person and job.member is None:  # a household form about one person
            person = layout_for(template).named_person(job_view)
            if isinstance(person, Mapping):
                members.add(int(str(person.get("index"))))
        for table in reads.tables:
            where = table.where
            members.update(
                int(str(m.get("index")))
                for m in job_view.members
                if where is None or where.expression.holds(context(job_view, m))
            )
    return FormReads(
        frozenset(answers), frozenset(fields & MEMBER_LABELS.keys()), frozenset(members)
    )


@dataclass(frozen=True)
class TemplateReads:
    """What one template's bindings read, whatever the case: answers, member fields,
    whether the head of household, and its tables (whose rows depend on the case)."""

    answers: frozenset[str]
    member_fields: frozenset[str]
    head: bool
    person: bool  # reads ``person`` (the member a household form is about)
    tables: tuple[TableField, ...]


_READS: dict[int, tuple[FormTemplate, TemplateReads]] = {}


def template_reads(template: FormTemplate) -> TemplateReads:
    """The reads of ``template``, worked out once per loaded template (walking every
    binding is most of a summary's time). Templates are cached per file version
    (services/forms/templates), so this stays small."""
    known = _READS.get(id(template))
    if known is None or known[0] is not template:
        sources = template_sources(template)
        reads = TemplateReads(
            frozenset(name for source in sources for name in _ANSWER_READ.findall(source)),
            frozenset(name for source in sources for name in _MEMBER_READ.findall(source)),
            any(_HEAD_READ.search(source) for source in sources),
            any(_PERSON_READ.search(source) for source in sources),
            tuple(e for _page, e in template.elements() if isinstance(e, TableField)),
        )
        known = (template, reads)
        _READS[id(template)] = known
    return known[1]


def template_sources(template: FormTemplate) -> list[str]:
    """The source of every binding in ``template`` (values, conditions, table cells, and
    ``person:``)."""
    named = [template.person.source] if template.person is not None else []
    return named + [b.source for _page, element in template.elements() for b in _walk(element)]


def _walk(value: object) -> Iterator[Binding]:
    if isinstance(value, Binding):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for entry in dataclasses.fields(value):
            yield from _walk(getattr(value, entry.name))


def _procedure(
    procedure: Mapping[str, Any], members: Mapping[object, Mapping[str, Any]]
) -> ProcedureSummary:
    member = members.get(procedure.get("member")) if procedure.get("member") is not None else None
    return ProcedureSummary(
        str(procedure.get("id", "")),
        str(procedure.get("name", "")),
        str(procedure.get("because", "")),
        tuple(str(item) for item in procedure.get("bring") or []),
        str(procedure.get("deadline") or ""),
        str(member.get("name", "")) if member else "",
        notice=is_guidance(procedure),
    )


def _member(member: Mapping[str, Any], fields: frozenset[str]) -> MemberSummary:
    shown = tuple(
        (label, _member_value(member, name))
        for name, label in MEMBER_LABELS.items()
        if name in fields and member.get(name) not in (None, "")
    )
    return MemberSummary(int(member.get("index", 0)), shown)


def _member_value(member: Mapping[str, Any], name: str) -> str:
    if name == "birth_date":
        return str(member.get("birth_date_wareki") or member[name])
    if name == "age":
        return f"{member[name]}歳"
    return str(member[name])
