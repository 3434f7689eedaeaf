"""Static checks of a question tree: references, types of every condition, cycles among
computed values, conditions that read later questions, and answers nobody uses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kakanai.core.errors import ErrorCode, Problem, did_you_mean
from kakanai.core.expressions.language import ExprIssue
from kakanai.core.expressions.type_checks import TREE_VOCABULARY
from kakanai.core.located import Loc
from kakanai.core.trees.evaluation import (
    TreeRuntime,
    computed_dependencies,
    placeholders,
    topological_order,
)
from kakanai.core.trees.member_questions import member_question_problems, member_vocabulary
from kakanai.core.trees.model import (
    HOUSEHOLD_HEAD,
    Condition,
    Per,
    Question,
    QuestionTree,
    QuestionType,
)
from kakanai.core.value_types import (
    ADDRESS,
    BOOL,
    DATE,
    HOUSEHOLD,
    NUMBER,
    TEXT,
    Kind,
    ValueType,
    choice_type,
    multi_type,
)

QUESTION_VALUE_TYPES = {
    QuestionType.YESNO: BOOL,
    QuestionType.DATE: DATE,
    QuestionType.NUMBER: NUMBER,
    QuestionType.TEXT: TEXT,
    QuestionType.KATAKANA: TEXT,
    QuestionType.POSTAL_CODE: TEXT,
    QuestionType.PHONE: TEXT,
    QuestionType.ADDRESS: ADDRESS,
    QuestionType.HOUSEHOLD: HOUSEHOLD,
}


@dataclass
class TreeScope:
    """Names a condition may read, with their types (questions, then computed values)."""

    types: dict[str, ValueType] = field(default_factory=dict)
    question_ids: set[str] = field(default_factory=set)

    def lookup(self, name: str) -> ValueType | None:
        return self.types.get(name)

    def names(self) -> Iterable[str]:
        return self.types.keys()

    def is_question(self, name: str) -> bool:
        return name in self.question_ids


def question_type(question: Question) -> ValueType:
    if question.type is QuestionType.CHOICE:
        return choice_type(question.id, frozenset(question.choice_values()))
    if question.type is QuestionType.MULTI:
        return multi_type(question.id, frozenset(question.choice_values()))
    return QUESTION_VALUE_TYPES[question.type]


class StaticChecker:
    """Runs the checks that need no path exploration; collects problems."""

    def __init__(self, tree: QuestionTree) -> None:
        self.tree = tree
        self.problems: list[Problem] = []
        self.scope = TreeScope()
        self.cyclic: set[str] = set()
        self.vocabulary = TREE_VOCABULARY

    def report(self, loc: Loc, code: ErrorCode, **fields: object) -> None:
        self.problems.append(Problem.at(loc, code, **fields))

    def run(self) -> TreeRuntime:
        self.check_references()
        for question in self.tree.questions:
            self.scope.types[question.id] = question_type(question)
            self.scope.question_ids.add(question.id)
        self.vocabulary = member_vocabulary(self.tree, self.scope.types)
        self.check_computed()
        self.check_conditions()
        runtime = TreeRuntime(self.tree, self.cyclic)
        self.check_order(runtime)
        self.check_unused()
        names = {where: set(c.expression.names) for c, where in all_conditions(self.tree)}
        self.problems.extend(member_question_problems(self.tree, names))
        return runtime

    def check_references(self) -> None:
        departments = [d.id for d in self.tree.departments]
        external = {d.id: d.name for d in self.tree.departments if d.external}
        for procedure in self.tree.procedures:
            if procedure.department_id in external and procedure.forms:
                self.report(
                    procedure.loc,
                    ErrorCode.EXTERNAL_FORMS,
                    name=procedure.id,
                    department=external[procedure.department_id],
                )
            if procedure.is_guidance and (procedure.fee is not None or procedure.copies):
                self.report(procedure.loc, ErrorCode.GUIDANCE_ISSUES, name=procedure.id)
            if procedure.department_id not in departments:
                self.report(
                    procedure.department_loc,
                    ErrorCode.REF_DEPARTMENT,
                    name=procedure.department_id,
                    suggestion=did_you_mean(procedure.department_id, departments),
                )
        households = [q for q in self.tree.questions if q.type is QuestionType.HOUSEHOLD]
        self.check_same_as()
        for extra in households[1:]:
            self.report(
                extra.loc,
                ErrorCode.YAML_BAD_VALUE,
                what="type",
                value="household",
                hint="household 型の設問は1つのツリーに1つだけにしてください。",
            )

    def check_same_as(self) -> None:
        """``same_as`` names the head of household or an address asked before the question."""
        questions = self.tree.questions
        for number, question in enumerate(questions):
            earlier = questions[:number]
            addresses = [q.id for q in earlier if q.type is QuestionType.ADDRESS]
            has_household = any(q.type is QuestionType.HOUSEHOLD for q in earlier)
            for name in question.same_as:
                if name == HOUSEHOLD_HEAD and has_household:
                    continue
                if name in addresses:
                    continue
                known = [*addresses, *([HOUSEHOLD_HEAD] if has_household else [])]
                self.report(
                    question.loc,
                    ErrorCode.YAML_BAD_VALUE,
                    what=f"設問「{question.id}」の same_as",
                    value=name,
                    hint="この設問より前の住所の設問か、household_head(前に世帯を聞くとき)を"
                    f"書いてください。{did_you_mean(name, known)}",
                )

    def check_computed(self) -> None:
        for cycle in _cycles(computed_dependencies(self.tree)):
            first = next(c for c in self.tree.computed if c.id in cycle)
            ordered = [c.id for c in self.tree.computed if c.id in cycle]
            self.report(
                first.value.scalar.loc,
                ErrorCode.COMPUTED_CYCLE,
                cycle=" → ".join([*ordered, ordered[0]]),
            )
            self.cyclic |= cycle
        for computed in topological_order(self.tree, self.cyclic):
            result = self.typed(computed.value, member_allowed=False)
            if result is not None:
                self.scope.types[computed.id] = result

    def check_conditions(self) -> None:
        for section in self.tree.sections:
            self.check_when(section.when)
        for question in self.tree.questions:
            self.check_when(question.when)
            self.check_when(question.member_when, member_allowed=True)
            for part in question.help_parts:
                self.check_when(part.when)
        for procedure in self.tree.procedures:
            member = procedure.per is Per.MEMBER
            self.check_when(procedure.when, member_allowed=member)
            self.check_copies(procedure.copies, member_allowed=member)
            self.check_due(procedure.due, member_allowed=member)
            self.check_placeholders(procedure.because, procedure.loc, member)

    def check_when(self, condition: Condition | None, *, member_allowed: bool = False) -> None:
        if condition is None:
            return
        result = self.typed(condition, member_allowed=member_allowed)
        if result is not None and result.kind is not Kind.BOOL:
            self.report(
                condition.scalar.at_offset(0),
                ErrorCode.TYPE_NOT_BOOL,
                actual=result.describe(),
                hint='例: move_type == "転入"、age(birth_date) >= 65',
            )

    def check_copies(self, copies: Condition | None, *, member_allowed: bool) -> None:
        if copies is None:
            return
        result = self.typed(copies, member_allowed=member_allowed)
        if result is not None and result.kind is not Kind.NUMBER:
            self.report(
                copies.scalar.at_offset(0), ErrorCode.TYPE_NOT_NUMBER, actual=result.describe()
            )

    def check_due(self, due: Condition | None, *, member_allowed: bool) -> None:
        if due is None:
            return
        result = self.typed(due, member_allowed=member_allowed)
        if result is not None and result.kind is not Kind.DATE:
            self.report(due.scalar.at_offset(0), ErrorCode.TYPE_NOT_DATE, actual=result.describe())

    def typed(self, condition: Condition, *, member_allowed: bool) -> ValueType | None:
        result, issues = condition.expression.check(
            self.scope, member_allowed=member_allowed, vocabulary=self.vocabulary
        )
        self.add_issues(issues, condition)
        return None if issues else result

    def add_issues(self, issues: list[ExprIssue], condition: Condition) -> None:
        for issue in issues:
            loc = condition.scalar.at_offset(issue.offset)
            self.problems.append(Problem.said(loc, issue.code, issue.message))

    def check_placeholders(self, text: str, loc: Loc, member_allowed: bool) -> None:
        for source, expression, syntax_issues in placeholders(text):
            issues = list(syntax_issues)
            if expression is not None and not issues:
                _, issues = expression.check(
                    self.scope, member_allowed=member_allowed, vocabulary=self.vocabulary
                )
            for issue in issues:
                message = f"because: の {{{source}}}: {issue.message}"
                self.problems.append(Problem.said(loc, issue.code, message))

    def check_order(self, runtime: TreeRuntime) -> None:
        """A question's (or its section's) condition may only read earlier questions."""
        for section in self.tree.sections:
            if section.when is None or not section.questions:
                continue
            first = section.questions[0]
            self.reads_before(runtime, section.when, first, f"セクション「{section.id}」")
        for question in self.tree.questions:
            where = f"設問「{question.id}」"
            for condition in (question.when, question.member_when):
                if condition is not None:
                    self.reads_before(runtime, condition, question, where)
            for name in question.reask_on:
                earlier = self.tree.question(name)
                if earlier is None or earlier.order >= question.order:
                    suggestion = did_you_mean(name, [q.id for q in self.tree.questions])
                    self.report(
                        question.loc,
                        ErrorCode.REASK_NOT_EARLIER,
                        question=question.id,
                        name=name,
                        suggestion=suggestion if earlier is None else "",
                    )
            for part in question.help_parts:
                where = f"設問「{question.id}」の説明"
                self.reads_before(runtime, part.when, question, where)

    def reads_before(
        self, runtime: TreeRuntime, condition: Condition, question: Question, where: str
    ) -> None:
        for name in sorted(runtime.reads(condition.expression)):
            read = self.tree.question(name)
            if read is not None and read.order >= question.order:
                self.report(
                    condition.scalar.at_offset(0),
                    ErrorCode.FLOW_READS_LATER,
                    where=where,
                    name=name,
                )

    def check_unused(self) -> None:
        used: set[str] = set()
        uses_members = False
        for condition, _ in all_conditions(self.tree):
            used |= condition.expression.names | condition.expression.member_fields
            uses_members = uses_members or bool(condition.expression.member_fields)
        for procedure in self.tree.procedures:
            for _, expression, _ in placeholders(procedure.because):
                if expression is not None:
                    used |= expression.names | expression.member_fields
        for question in self.tree.questions:
            if question.record_only or question.id in used:
                continue
            if question.type is QuestionType.HOUSEHOLD and uses_members:
                continue
            self.report(question.loc, ErrorCode.UNUSED_ANSWER, name=question.id)


def all_conditions(tree: QuestionTree) -> list[tuple[Condition, str]]:
    """Every condition in the tree with a Japanese description of where it is."""
    found: list[tuple[Condition, str]] = []
    for section in tree.sections:
        if section.when is not None:
            found.append((section.when, f"セクション「{section.id}」"))
    for question in tree.questions:
        if question.when is not None:
            found.append((question.when, f"設問「{question.id}」"))
        if question.member_when is not None:
            found.append((question.member_when, f"設問「{question.id}」(member_when)"))
    for computed in tree.computed:
        found.append((computed.value, f"計算値「{computed.id}」"))
    for procedure in tree.procedures:
        if procedure.when is not None:
            found.append((procedure.when, f"手続き「{procedure.id}」"))
        if procedure.copies is not None:
            found.append((procedure.copies, f"手続き「{procedure.id}」(copies)"))
        if procedure.due is not None:
            found.append((procedure.due, f"手続き「{procedure.id}」(due)"))
    return found


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components that form cycles (Tarjan), members only."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component: set[str] = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.add(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                result.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result
