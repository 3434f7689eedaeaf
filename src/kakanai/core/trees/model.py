"""The question tree (設問ツリー) as plain, typed data: questions, sections, computed values,
procedures (手続き) and departments (課)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from kakanai.core.expressions.language import Expression
from kakanai.core.located import Loc, LScalar


class QuestionType(Enum):
    """Answer types a supervisor can choose; the value is the YAML spelling."""

    YESNO = "yesno"
    CHOICE = "choice"
    MULTI = "multi"
    DATE = "date"
    NUMBER = "number"
    TEXT = "text"
    KATAKANA = "katakana"
    POSTAL_CODE = "postal_code"
    ADDRESS = "address"
    PHONE = "phone"
    HOUSEHOLD = "household"


class ProcedureKind(Enum):
    """What a procedures: item is; the value is the YAML spelling (``kind:``)."""

    PROCEDURE = "procedure"  # 手続き: done at its department, counted, may print forms
    # 案内: a notice for the clerk and the resident that is no procedure (a check of the
    # input, a refusal and what to bring next time, a note on the deadline): shown apart on
    # the counter and the slip, never a check box at a department, never counted as a
    # procedure in the statistics.
    GUIDANCE = "guidance"


class Per(Enum):
    HOUSEHOLD = "household"
    MEMBER = "member"


BRANCHING_TYPES = frozenset({QuestionType.YESNO, QuestionType.CHOICE, QuestionType.MULTI})


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    loc: Loc


@dataclass
class Condition:
    """A parsed ``when:`` (or computed ``value:``) with the scalar it came from."""

    expression: Expression
    scalar: LScalar

    @property
    def source(self) -> str:
        return self.expression.source


HOUSEHOLD_HEAD = "household_head"
"""In a question's ``same_as``: the head of household's name (世帯主と同じ)."""


@dataclass
class HelpPart:
    """A sentence of a question's help shown only while its condition holds (the clerk is not
    told about cases the household cannot have)."""

    text: str
    when: Condition
    loc: Loc


@dataclass
class Question:
    id: str
    text: str
    type: QuestionType
    loc: Loc
    section_id: str
    choices: list[Choice] = field(default_factory=list)
    when: Condition | None = None
    help: str = ""  # shown always; ``help_parts`` add the sentences that depend on answers
    help_parts: list[HelpPart] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)  # HOUSEHOLD_HEAD or earlier address ids
    required: bool = True
    record_only: bool = False
    minimum: float | None = None
    maximum: float | None = None
    order: int = 0  # position in interview order, filled by the reader
    # per: member asks the question of each household member (e.g. their health insurance);
    # member_when (with ``member`` bound) says of which members.
    per: Per = Per.HOUSEHOLD
    member_when: Condition | None = None
    # Earlier questions whose answer gives this one its meaning (previous_address means
    # another city for 転入, this city for 転居): when one of them changes, this question is
    # asked again with its old answer filled in, instead of being kept silently.
    reask_on: list[str] = field(default_factory=list)

    @property
    def per_member(self) -> bool:
        return self.per is Per.MEMBER

    def choice_values(self) -> list[str]:
        return [choice.value for choice in self.choices]

    def label_of(self, value: str) -> str:
        return next((c.label for c in self.choices if c.value == value), value)

    @property
    def help_source(self) -> str:
        """Every sentence of the help as written, conditions included (for diffs)."""
        parts = [f"{p.text}(条件: {p.when.source})" for p in self.help_parts]
        return " ".join([self.help, *parts]).strip()


@dataclass
class Section:
    id: str
    title: str
    loc: Loc
    when: Condition | None = None
    questions: list[Question] = field(default_factory=list)


@dataclass
class Computed:
    id: str
    title: str
    value: Condition
    loc: Loc


@dataclass
class Department:
    id: str
    name: str
    loc: Loc
    floor: str = ""
    counter: str = ""
    extension: str = ""
    # Outside city hall (年金事務所, 家庭裁判所, 法務局, 入管, 税務署, the employer's insurer):
    # its procedures are information — where to go, what to bring, by when — with no desk.
    external: bool = False

    @property
    def location(self) -> str:
        return " ".join(part for part in (self.floor, self.counter) if part)


@dataclass
class Procedure:
    id: str
    name: str
    department_id: str
    because: str
    loc: Loc
    department_loc: Loc
    per: Per = Per.HOUSEHOLD
    when: Condition | None = None
    desk: str = ""
    bring: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    deadline: str = ""
    fee: int | None = None  # yen per copy (証明書の手数料)
    copies: Condition | None = None  # how many copies (a number expression); default 1
    # The last day of the 届出 as a date expression, counted as the law counts it, e.g.
    # koseki_deadline(child_birth_date, 14); past it the counter flags the procedure.
    due: Condition | None = None
    kind: ProcedureKind = ProcedureKind.PROCEDURE

    @property
    def is_guidance(self) -> bool:
        return self.kind is ProcedureKind.GUIDANCE


@dataclass
class TreeMeta:
    id: str
    title: str
    version: str
    effective_from: dt.date | None
    city: str = ""


@dataclass
class QuestionTree:
    """A whole questionnaire file, after structural reading (not yet semantically checked)."""

    path: str
    meta: TreeMeta
    departments: list[Department] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    computed: list[Computed] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)

    @property
    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def section_of(self, question: Question) -> Section:
        return next(s for s in self.sections if s.id == question.section_id)

    def department(self, department_id: str) -> Department | None:
        return next((d for d in self.departments if d.id == department_id), None)

    def procedure(self, procedure_id: str) -> Procedure | None:
        return next((p for p in self.procedures if p.id == procedure_id), None)

    @property
    def member_questions(self) -> list[Question]:
        """Questions asked of each household member (``per: member``)."""
        return [q for q in self.questions if q.per is Per.MEMBER]

    @property
    def household_question(self) -> Question | None:
        return next((q for q in self.questions if q.type is QuestionType.HOUSEHOLD), None)
