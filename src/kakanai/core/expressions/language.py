"""The safe condition language of question trees: parse once, check statically, evaluate.

Evaluation is three-valued: a value that was never answered is UNKNOWN, never a silent 0.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import functools
import operator
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, Final

from kakanai.core.expressions.syntax import (
    FUNCTIONS,
    MEMBER_NAME,
    ArgForm,
    ExprIssue,
    ExprSyntaxError,
    Function,
    SourceMap,
    iso_date,
    literal_values,
    parse_tree,
)
from kakanai.core.expressions.type_checks import TREE_VOCABULARY, Scope, Vocabulary, check_types
from kakanai.core.japanese import law_dates
from kakanai.core.value_types import ValueType

__all__ = [
    "FUNCTIONS",
    "UNKNOWN",
    "EvalContext",
    "ExprIssue",
    "ExprSyntaxError",
    "Expression",
    "Function",
    "Scope",
    "Unknown",
    "Vocabulary",
    "parse",
    "parse_all",
]


class Unknown(enum.Enum):
    """The type of UNKNOWN; it refuses truth testing so nobody treats it as False by accident."""

    UNKNOWN = "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("UNKNOWN has no truth value; use Expression.holds() or `is UNKNOWN`")

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = Unknown.UNKNOWN
PARSED_KEPT = 2048
"""Parsed texts kept for reuse (see ``parse``): every shipped tree and template reads 769
distinct ones; an entry is about 9 KiB, so an editor typing all day keeps at most ~18 MiB."""
_PER_MEMBER = frozenset(n for n, f in FUNCTIONS.items() if f.arg_form is ArgForm.PER_MEMBER)
_COMPARISONS: Final[Mapping[type[ast.cmpop], Callable[[Any, Any], object]]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda item, group: _contains(group, item),
    ast.NotIn: lambda item, group: not _contains(group, item),
}


@dataclass(frozen=True)
class EvalContext:
    """Everything an expression may read while an interview runs."""

    values: Mapping[str, object]  # question/computed id -> value; missing or UNKNOWN: unknown
    answered: Callable[[str], bool]
    # MEMBER_FIELDS keys; "age" may be absent. None: the household is not known yet, so
    # any_member() and friends are unknown rather than false.
    members: Sequence[Mapping[str, object]] | None
    as_of: dt.date  # the interview's reference date
    age_on: Callable[[dt.date, dt.date], int]
    school_grade: Callable[[dt.date, dt.date], int]
    member: Mapping[str, object] | None = None  # bound for per-member conditions


@dataclass(frozen=True)
class Expression:
    """A parsed, well-formed expression and what it reads."""

    source: str
    names: frozenset[str]  # question/computed ids read, including answered(x) arguments
    answered_names: frozenset[str]  # ids read only through answered(x)
    member_fields: frozenset[str]
    uses_member: bool  # `member` appears outside any_member(...) and friends
    _tree: ast.expr = field(repr=False, compare=False)
    _positions: SourceMap = field(repr=False, compare=False)

    def check(
        self, scope: Scope, *, member_allowed: bool, vocabulary: Vocabulary = TREE_VOCABULARY
    ) -> tuple[ValueType | None, list[ExprIssue]]:
        """Infer the result type (None if unknowable) and collect every issue found."""
        return check_types(
            self._tree,
            self._positions,
            scope,
            member_allowed=member_allowed,
            vocabulary=vocabulary,
        )

    @property
    def syntax(self) -> ast.expr:
        """The checked syntax tree, for analyses that reason over the expression's parts."""
        return self._tree

    def offset_of(self, node: ast.expr) -> int:
        """Character offset in ``source`` where a node of ``syntax`` starts."""
        return self._positions.start(node)

    def end_of(self, node: ast.expr) -> int:
        """Character offset in ``source`` just after a node of ``syntax``."""
        return self._positions.end(node)

    def evaluate(self, ctx: EvalContext) -> object:
        """The value of the expression, or UNKNOWN."""
        return _Evaluator(ctx).value(self._tree)

    def holds(self, ctx: EvalContext) -> bool:
        """Whether the expression is True; UNKNOWN counts as not holding."""
        return self.evaluate(ctx) is True

    def constants(self) -> list[tuple[frozenset[str], object]]:
        """For each comparison, the names on one side and each constant on the other side."""
        found: list[tuple[frozenset[str], object]] = []
        for node in ast.walk(self._tree):
            if isinstance(node, ast.Compare):
                for left, right in pairwise([node.left, *node.comparators]):
                    found.extend(_constant_pairs(left, right))
        return found


@functools.lru_cache(maxsize=PARSED_KEPT)
def parse(source: str, *, paths: bool = False) -> Expression:
    """Parse and shape-check ``source``; raises ExprSyntaxError listing every issue.

    ``paths`` admits dotted paths into records (``household.head.name``), as form
    bindings use them; question trees only know ``member.<field>``.

    A text already parsed gives the same Expression (it is immutable, and no analysis changes
    its syntax): an editor re-reading a tree after one keystroke parses only the condition that
    changed. Text that does not parse is not kept (the error is raised each time).
    """
    tree, positions, issues = parse_tree(source, paths=paths)
    if tree is None:
        raise ExprSyntaxError(issues)
    reads = _Reads()
    reads.collect(tree, in_member_function=False)
    return Expression(
        source=source,
        names=frozenset(reads.values | reads.answered),
        answered_names=frozenset(reads.answered - reads.values),
        member_fields=frozenset(reads.member_fields),
        uses_member=reads.uses_member,
        _tree=tree,
        _positions=positions,
    )


def evaluate_pinned(node: ast.expr, ctx: EvalContext, pinned: Mapping[int, object]) -> object:
    """The value of one node of a parsed expression, with some of its sub-nodes' values given
    (keyed by ``id(node)``): what a symbolic analysis needs to evaluate a part exactly as an
    interview would, one combination of its inputs at a time."""
    return _PinnedEvaluator(ctx, pinned).value(node)


def parse_all(source: str, *, paths: bool = False) -> tuple[Expression | None, list[ExprIssue]]:
    """Like parse(), but returns the issues instead of raising."""
    try:
        return parse(source, paths=paths), []
    except ExprSyntaxError as error:
        return None, list(error.issues)


class _Reads:
    """What a tree reads, split the way the flow checks need it."""

    def __init__(self) -> None:
        self.values: set[str] = set()
        self.answered: set[str] = set()
        self.member_fields: set[str] = set()
        self.uses_member = False

    def collect(self, node: ast.AST, *, in_member_function: bool) -> None:
        if isinstance(node, ast.Name):
            if node.id == MEMBER_NAME:
                self.uses_member = self.uses_member or not in_member_function
            else:
                self.values.add(node.id)
        elif isinstance(node, ast.Attribute):
            self.member_fields.add(node.attr)
            self.collect(node.value, in_member_function=in_member_function)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            self._call(node, node.func.id, in_member_function=in_member_function)
        else:
            for child in ast.iter_child_nodes(node):
                self.collect(child, in_member_function=in_member_function)

    def _call(self, node: ast.Call, name: str, *, in_member_function: bool) -> None:
        form = FUNCTIONS[name].arg_form
        if form is ArgForm.QUESTION:
            assert isinstance(node.args[0], ast.Name)
            self.answered.add(node.args[0].id)
            return
        for arg in node.args:
            self.collect(arg, in_member_function=in_member_function or form is ArgForm.PER_MEMBER)


def _constant_pairs(left: ast.expr, right: ast.expr) -> Iterator[tuple[frozenset[str], object]]:
    for names_side, constant_side in ((left, right), (right, left)):
        references = _references(names_side)
        values = literal_values(constant_side)
        if references and values is not None:
            yield from ((references, value) for value in values)


def _references(node: ast.expr) -> frozenset[str]:
    """Names and ``member.<field>`` strings read by a comparison operand."""
    reads = _Reads()
    reads.collect(node, in_member_function=False)
    fields = {f"{MEMBER_NAME}.{name}" for name in reads.member_fields}
    return frozenset(reads.values | reads.answered | fields)


def _read(value: object) -> object:
    """Normalise a stored value: missing means UNKNOWN, multiple choices become a frozenset."""
    if value is None or value is UNKNOWN:
        return UNKNOWN
    if isinstance(value, list | tuple | set | frozenset) and all(
        isinstance(item, str) for item in value
    ):
        return frozenset(value)
    return value


def _as_date(value: object) -> dt.date:
    if not isinstance(value, dt.date):
        raise TypeError(f"expected a date, got {type(value).__name__}")
    return value


def _as_number(value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return value


def _contains(group: object, item: object) -> bool:
    if not isinstance(group, Container):
        raise TypeError(f"expected choices, got {type(group).__name__}")
    return item in group


def _kleene_and(values: Iterable[object]) -> object:
    result: object = True
    for value in values:
        if value is UNKNOWN:
            result = UNKNOWN
        elif not value:
            return False
    return result


def _kleene_or(values: Iterable[object]) -> object:
    result: object = False
    for value in values:
        if value is UNKNOWN:
            result = UNKNOWN
        elif value:
            return True
    return result


def _compare(op: ast.cmpop, left: object, right: object) -> object:
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    return bool(_COMPARISONS[type(op)](left, right))


class _Evaluator:
    def __init__(self, ctx: EvalContext) -> None:
        self._ctx = ctx

    def value(self, node: ast.expr) -> object:
        kind = _KINDS.get(type(node))
        if kind is None:
            raise TypeError(f"not a parsed expression node: {type(node).__name__}")
        return kind(self, node)

    def _constant(self, node: ast.Constant) -> object:
        return node.value

    def _name_node(self, node: ast.Name) -> object:
        return self._name(node.id)

    def _bool(self, node: ast.BoolOp) -> object:
        operands = (self.value(operand) for operand in node.values)
        return _kleene_and(operands) if isinstance(node.op, ast.And) else _kleene_or(operands)

    def _call_node(self, node: ast.Call) -> object:
        if not isinstance(node.func, ast.Name):
            raise TypeError("not a parsed expression node: Call")
        return self._call(node, node.func.id)

    def _sequence(self, node: ast.List | ast.Tuple) -> object:
        return _literal_tuple(node)

    def _arithmetic(self, node: ast.BinOp) -> object:
        left, right = self.value(node.left), self.value(node.right)
        if left is UNKNOWN or right is UNKNOWN:
            return UNKNOWN
        apply = operator.add if isinstance(node.op, ast.Add) else operator.sub
        try:
            return apply(_as_number(left), _as_number(right))
        except OverflowError:  # an integer too large for a float: no answer can be that
            return UNKNOWN

    def _name(self, name: str) -> object:
        if name == MEMBER_NAME:
            return UNKNOWN if self._ctx.member is None else self._ctx.member
        return _read(self._ctx.values.get(name))

    def _attribute(self, node: ast.Attribute) -> object:
        base = node.value
        if isinstance(base, ast.Name) and base.id == MEMBER_NAME:
            record = self._ctx.member
        else:
            found = self.value(base)
            record = found if isinstance(found, Mapping) else None
        return UNKNOWN if record is None else self._field(record, node.attr)

    def _field(self, record: Mapping[str, object], name: str) -> object:
        """A field of a record; a member's age and is_head are derived when not stored."""
        value = _read(record.get(name))
        if value is not UNKNOWN:
            return value
        if name == "age":
            birth = _read(record.get("birth_date"))
            return (
                UNKNOWN if birth is UNKNOWN else self._ctx.age_on(_as_date(birth), self._ctx.as_of)
            )
        if name == "is_head":
            relationship = _read(record.get("relationship"))
            return UNKNOWN if relationship is UNKNOWN else relationship == "世帯主"
        return UNKNOWN

    def _unary(self, node: ast.UnaryOp) -> object:
        operand = self.value(node.operand)
        if operand is UNKNOWN:
            return UNKNOWN
        if isinstance(node.op, ast.Not):
            return not operand
        number = _as_number(operand)
        return -number if isinstance(node.op, ast.USub) else number

    def _chain(self, node: ast.Compare) -> object:
        operands = [self.value(operand) for operand in (node.left, *node.comparators)]
        pairs = pairwise(operands)
        return _kleene_and(_compare(op, *pair) for op, pair in zip(node.ops, pairs, strict=True))

    def _call(self, node: ast.Call, name: str) -> object:
        if name == "answered":
            assert isinstance(node.args[0], ast.Name)
            return bool(self._ctx.answered(node.args[0].id))
        if name == "date":
            return _literal_date(node.args[0])
        if name in _PER_MEMBER:
            return self._per_member(name, node.args[0])
        args = [self.value(arg) for arg in node.args]
        if any(arg is UNKNOWN for arg in args):
            return UNKNOWN
        return self._apply(name, args)

    def _apply(self, name: str, args: list[object]) -> object:
        ctx = self._ctx
        if name == "age":
            return ctx.age_on(_as_date(args[0]), ctx.as_of)
        if name == "age_on":
            return ctx.age_on(_as_date(args[0]), _as_date(args[1]))
        if name == "school_grade":
            return ctx.school_grade(_as_date(args[0]), ctx.as_of)
        if name == "days_between":
            return (_as_date(args[1]) - _as_date(args[0])).days
        if name == "today":
            return ctx.as_of
        if name == "len" and isinstance(args[0], Collection):
            return len(args[0])
        if name in _LAW_DATES:
            return _law_date(name, args, ctx.as_of)
        raise TypeError(f"cannot apply {name} to {args!r}")

    def _per_member(self, name: str, condition: ast.expr) -> object:
        if self._ctx.members is None:
            return UNKNOWN
        results = (
            _Evaluator(replace(self._ctx, member=member)).value(condition)
            for member in self._ctx.members
        )
        return _quantify(name, results)


@functools.lru_cache(maxsize=16_384)
def _literal_tuple(node: ast.expr) -> tuple[object, ...]:
    """A list literal's values, read once per node (nodes are parsed once, never changed)."""
    return tuple(literal_values(node) or ())


@functools.lru_cache(maxsize=16_384)
def _literal_date(node: ast.expr) -> object:
    return iso_date(node)


# How each kind of node is evaluated: one lookup by type instead of a chain of isinstance
# tests on every node (conditions are evaluated on every answer of every interview).
_KINDS: Final[Mapping[type, Callable[[Any, Any], object]]] = {
    ast.Constant: _Evaluator._constant,
    ast.Name: _Evaluator._name_node,
    ast.Attribute: _Evaluator._attribute,
    ast.BoolOp: _Evaluator._bool,
    ast.UnaryOp: _Evaluator._unary,
    ast.BinOp: _Evaluator._arithmetic,
    ast.Compare: _Evaluator._chain,
    ast.Call: _Evaluator._call_node,
    ast.List: _Evaluator._sequence,
    ast.Tuple: _Evaluator._sequence,
}

_LAW_DATES: Final = frozenset(
    {
        "legal_age",
        "legal_age_on",
        "attains",
        "birthday",
        "school_year_end",
        "koseki_deadline",
        "koseki_deadline_months",
        "juuki_deadline",
    }
)


def _law_date(name: str, args: list[object], as_of: dt.date) -> object:
    """The law's date functions; a date beyond the calendar's range is unknown, not an error."""
    try:
        if name == "legal_age":
            return law_dates.legal_age(_as_date(args[0]), as_of)
        if name == "legal_age_on":
            return law_dates.legal_age(_as_date(args[0]), _as_date(args[1]))
        if name == "school_year_end":
            return law_dates.school_year_end(_as_date(args[0]))
        day, count = _as_date(args[0]), int(_as_number(args[1]))
        function = {
            "attains": law_dates.attains,
            "birthday": law_dates.birthday,
            "koseki_deadline": law_dates.koseki_deadline,
            "koseki_deadline_months": law_dates.koseki_deadline_months,
            "juuki_deadline": law_dates.juuki_deadline,
        }[name]
        return function(day, count)
    except (ValueError, OverflowError):
        return UNKNOWN


def _quantify(name: str, results: Iterable[object]) -> object:
    """any_member / all_members / count_members over the members' three-valued results."""
    if name == "any_member":
        return _kleene_or(results)
    if name == "all_members":
        return _kleene_and(results)
    counted = list(results)
    if any(result is UNKNOWN for result in counted):
        return UNKNOWN
    return sum(1 for result in counted if result is True)


class _PinnedEvaluator(_Evaluator):
    def __init__(self, ctx: EvalContext, pinned: Mapping[int, object]) -> None:
        super().__init__(ctx)
        self._pinned = pinned

    def value(self, node: ast.expr) -> object:
        found = self._pinned.get(id(node), _NOT_PINNED)
        return super().value(node) if found is _NOT_PINNED else found

    def _per_member(self, name: str, condition: ast.expr) -> object:
        if self._ctx.members is None:
            return UNKNOWN
        results = (
            _PinnedEvaluator(replace(self._ctx, member=member), self._pinned).value(condition)
            for member in self._ctx.members
        )
        return _quantify(name, results)


_NOT_PINNED: Final = object()
