"""Static checking of parsed expressions: names, choice values, member context and types.

Every issue is collected (not just the first), each pointing at the offending sub-expression.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from kakanai.core.errors import ErrorCode, did_you_mean
from kakanai.core.expressions.syntax import (
    FUNCTIONS,
    MEMBER_NAME,
    ArgForm,
    ExprIssue,
    Function,
    SourceMap,
    literal_values,
)
from kakanai.core.value_types import (
    BOOL,
    DATE,
    MEMBER,
    MEMBER_FIELDS,
    NUMBER,
    TEXT,
    Kind,
    ValueType,
)

_ORDER_SYMBOLS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_BOOL_HINT = "はい/いいえの設問はそのまま書くか、== True と比べてください。"


class Scope(Protocol):
    """The names an expression may read: question ids and computed-value ids."""

    def lookup(self, name: str) -> ValueType | None:
        """The type of a question or computed value, None if there is no such name."""

    def names(self) -> Iterable[str]:
        """All names, for did-you-mean suggestions."""

    def is_question(self, name: str) -> bool:
        """Whether ``name`` is a question (which ``answered(name)`` may ask about)."""


def member_fields_only(parent: ValueType) -> Mapping[str, ValueType]:
    """The fields of question-tree values: only a household member has any."""
    return MEMBER_FIELDS if parent.kind is Kind.MEMBER else {}


@dataclass(frozen=True)
class Vocabulary:
    """How one use of the language names things: the codes for unknown names and fields,
    for ``member`` out of place, and which fields a record has.

    Question trees use the defaults. Form bindings read the case through dotted paths
    (``household.head.name``); ``fields`` returning None means "any field, type unknown",
    and ``qualified`` makes messages and suggestions name the whole path.
    """

    unknown_name: ErrorCode = ErrorCode.REF_NAME
    unknown_field: ErrorCode = ErrorCode.REF_MEMBER_FIELD
    member_context: ErrorCode = ErrorCode.TYPE_MEMBER_CONTEXT
    fields: Callable[[ValueType], Mapping[str, ValueType] | None] = member_fields_only
    qualified: bool = False


TREE_VOCABULARY = Vocabulary()


def check_types(
    tree: ast.expr,
    positions: SourceMap,
    scope: Scope,
    *,
    member_allowed: bool,
    vocabulary: Vocabulary = TREE_VOCABULARY,
) -> tuple[ValueType | None, list[ExprIssue]]:
    """Infer the type of ``tree`` and collect every problem found on the way."""
    checker = _TypeChecker(positions, scope, vocabulary)
    result = checker.infer(tree, member_ok=member_allowed)
    return result, checker.issues


def dotted_path(node: ast.expr) -> str:
    """``household.head.name`` for a chain of attributes over a name."""
    if isinstance(node, ast.Attribute):
        return f"{dotted_path(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else "…"


def literal_type(value: object) -> ValueType:
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int | float):
        return NUMBER
    if isinstance(value, str):
        return TEXT
    return DATE


def _is_text_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _example(kind_type: ValueType) -> str:
    return min(kind_type.choices) if kind_type.choices else "..."


def _mismatch_hint(left: ValueType, right: ValueType) -> str:
    kinds = {left.kind, right.kind}
    if Kind.BOOL in kinds:
        return _BOOL_HINT
    if Kind.MULTI in kinds:
        multi = left if left.kind is Kind.MULTI else right
        example = f'"{_example(multi)}" in {multi.owner or "..."}'
        return f"複数選択の設問は {example} のように in で調べてください。"
    if Kind.CHOICE in kinds:
        choice = left if left.kind is Kind.CHOICE else right
        return f'選択肢の値は "{_example(choice)}" のように引用符で囲んで書いてください。'
    if kinds == {Kind.DATE, Kind.TEXT}:
        return '日付は date("2024-04-01") のように書いてください。'
    if kinds == {Kind.DATE, Kind.NUMBER}:
        return "日付は age(...) や days_between(...) で数値にしてから比べてください。"
    return ""


def _not_bool_hint(actual: ValueType) -> str:
    if actual.kind is Kind.NUMBER:
        return "「children_count > 0」のように比べてください。"
    if actual.kind is Kind.CHOICE:
        return f'「{actual.owner or "..."} == "{_example(actual)}"」のように比べてください。'
    if actual.kind is Kind.MULTI:
        return f'「"{_example(actual)}" in {actual.owner or "..."}」のように調べてください。'
    return ""


class _TypeChecker:
    def __init__(self, positions: SourceMap, scope: Scope, vocabulary: Vocabulary) -> None:
        self.issues: list[ExprIssue] = []
        self._positions = positions
        self._scope = scope
        self._vocabulary = vocabulary

    def _report(self, code: ErrorCode, node: ast.expr, **fields: object) -> None:
        self.issues.append(ExprIssue.of(code, self._positions.start(node), **fields))

    def infer(self, node: ast.expr, *, member_ok: bool) -> ValueType | None:
        if isinstance(node, ast.Constant):
            return literal_type(node.value)
        if isinstance(node, ast.Name):
            return self._name(node, member_ok=member_ok)
        if isinstance(node, ast.Attribute):
            return self._attribute(node, member_ok=member_ok)
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                self._require_bool(value, member_ok=member_ok)
            return BOOL
        if isinstance(node, ast.UnaryOp):
            return self._unary(node, member_ok=member_ok)
        if isinstance(node, ast.BinOp):
            symbol = "+" if isinstance(node.op, ast.Add) else "-"
            for operand in (node.left, node.right):
                self._require_number(operand, symbol, member_ok=member_ok)
            return NUMBER
        if isinstance(node, ast.Compare):
            self._compare(node, member_ok=member_ok)
            return BOOL
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self._call(node, node.func.id, FUNCTIONS[node.func.id], member_ok=member_ok)
        return None  # parsing admits nothing else; stay quiet rather than guess

    def _name(self, node: ast.Name, *, member_ok: bool) -> ValueType | None:
        if node.id == MEMBER_NAME:
            if not member_ok:
                self._report(self._vocabulary.member_context, node)
            return MEMBER
        found = self._scope.lookup(node.id)
        if found is None:
            suggestion = did_you_mean(node.id, self._scope.names())
            self._report(self._vocabulary.unknown_name, node, name=node.id, suggestion=suggestion)
        return found

    def _attribute(self, node: ast.Attribute, *, member_ok: bool) -> ValueType | None:
        parent = self.infer(node.value, member_ok=member_ok)
        fields = None if parent is None else self._vocabulary.fields(parent)
        if fields is None:
            return None  # the parent is already reported, or is open to any field
        found = fields.get(node.attr)
        if found is None:
            self._unknown_field(node, fields)
        return found

    def _unknown_field(self, node: ast.Attribute, fields: Mapping[str, ValueType]) -> None:
        names, typed = list(fields), node.attr
        if self._vocabulary.qualified:
            parent = dotted_path(node.value)
            names, typed = [f"{parent}.{name}" for name in fields], f"{parent}.{node.attr}"
        listed = "、".join(names[:12]) + ("、…" if len(names) > 12 else "")
        suggestion = did_you_mean(typed, names) or ("項目: " + listed if names else "")
        self.issues.append(
            ExprIssue.of(
                self._vocabulary.unknown_field,
                self._positions.attribute_name(node),
                name=typed,
                suggestion=suggestion,
            )
        )

    def _require_bool(self, node: ast.expr, *, member_ok: bool) -> None:
        actual = self.infer(node, member_ok=member_ok)
        if actual is not None and actual.kind is not Kind.BOOL:
            self._report(
                ErrorCode.TYPE_NOT_BOOL,
                node,
                actual=actual.describe(),
                hint=_not_bool_hint(actual),
            )

    def _require_number(self, node: ast.expr, symbol: str, *, member_ok: bool) -> None:
        actual = self.infer(node, member_ok=member_ok)
        if actual is not None and actual.kind is not Kind.NUMBER:
            hint = (
                "日付の差は days_between(...) で求めてください。"
                if (actual.kind is Kind.DATE)
                else "計算できるのは数値だけです。"
            )
            self._report(
                ErrorCode.TYPE_OPERATOR, node, operand=actual.describe(), op=symbol, hint=hint
            )

    def _unary(self, node: ast.UnaryOp, *, member_ok: bool) -> ValueType:
        if isinstance(node.op, ast.Not):
            self._require_bool(node.operand, member_ok=member_ok)
            return BOOL
        symbol = "-" if isinstance(node.op, ast.USub) else "+"
        self._require_number(node.operand, symbol, member_ok=member_ok)
        return NUMBER

    def _compare(self, node: ast.Compare, *, member_ok: bool) -> None:
        left = node.left
        left_type = self.infer(left, member_ok=member_ok)
        for op, right in zip(node.ops, node.comparators, strict=True):
            literal_list = isinstance(right, ast.List | ast.Tuple)
            right_type = None if literal_list else self.infer(right, member_ok=member_ok)
            if isinstance(op, ast.In | ast.NotIn):
                self._membership(left, left_type, right, right_type)
            elif isinstance(op, ast.Eq | ast.NotEq):
                self._equality(left, left_type, right, right_type)
            else:
                self._order(left, left_type, right_type, _ORDER_SYMBOLS.get(type(op), "<"))
            left, left_type = right, right_type

    def _equality(
        self,
        left: ast.expr,
        left_type: ValueType | None,
        right: ast.expr,
        right_type: ValueType | None,
    ) -> None:
        if left_type is None or right_type is None:
            return
        if left_type.kind is Kind.CHOICE and _is_text_literal(right):
            self._choice_value(left_type, right)
        elif right_type.kind is Kind.CHOICE and _is_text_literal(left):
            self._choice_value(right_type, left)
        elif left_type.kind is not right_type.kind:
            self._mismatch(left, left_type, right_type)

    def _order(
        self,
        left: ast.expr,
        left_type: ValueType | None,
        right_type: ValueType | None,
        symbol: str,
    ) -> None:
        if left_type is None or right_type is None:
            return
        if left_type.kind not in (Kind.NUMBER, Kind.DATE):
            self._report(
                ErrorCode.TYPE_OPERATOR,
                left,
                operand=left_type.describe(),
                op=symbol,
                hint="大小の比較は数値と日付だけに使えます。",
            )
        elif left_type.kind is not right_type.kind:
            self._mismatch(left, left_type, right_type)

    def _membership(
        self,
        left: ast.expr,
        left_type: ValueType | None,
        right: ast.expr,
        right_type: ValueType | None,
    ) -> None:
        if isinstance(right, ast.List | ast.Tuple):
            for element in right.elts:
                self._list_element(left_type, element)
            return
        if left_type is None or right_type is None:
            return
        if right_type.kind is Kind.MULTI and _is_text_literal(left):
            self._choice_value(right_type, left)
        else:
            self._mismatch(left, left_type, right_type)

    def _list_element(self, left_type: ValueType | None, element: ast.expr) -> None:
        values = literal_values(element)
        if left_type is None or not values:
            return
        element_type = literal_type(values[0])
        if left_type.kind is Kind.CHOICE and _is_text_literal(element):
            self._choice_value(left_type, element)
        elif left_type.kind is not element_type.kind or left_type.kind not in (
            Kind.TEXT,
            Kind.NUMBER,
            Kind.DATE,
        ):
            self._mismatch(element, left_type, element_type)

    def _choice_value(self, choice: ValueType, literal: ast.expr) -> None:
        assert isinstance(literal, ast.Constant)
        value = str(literal.value)
        if not choice.choices or value in choice.choices:
            return
        ordered = sorted(choice.choices)
        suggestion = did_you_mean(value, ordered) or "選択肢: " + "、".join(ordered)
        self._report(
            ErrorCode.REF_CHOICE,
            literal,
            question=choice.owner,
            value=value,
            suggestion=suggestion,
        )

    def _mismatch(self, node: ast.expr, left: ValueType, right: ValueType) -> None:
        self._report(
            ErrorCode.TYPE_MISMATCH,
            node,
            left=left.describe(),
            right=right.describe(),
            hint=_mismatch_hint(left, right),
        )

    def _call(self, node: ast.Call, name: str, function: Function, *, member_ok: bool) -> ValueType:
        if function.arg_form is ArgForm.QUESTION:
            assert isinstance(node.args[0], ast.Name)
            self._question(node.args[0])
        elif function.arg_form is ArgForm.VALUE:
            for arg, kind in zip(node.args, function.params, strict=True):
                actual = self.infer(arg, member_ok=member_ok)
                if kind is not None and actual is not None and actual.kind is not kind:
                    self._report(
                        ErrorCode.TYPE_ARGS,
                        arg,
                        name=name,
                        detail=(f"{kind.value}を渡してください(今は{actual.describe()})"),
                    )
        elif function.arg_form is ArgForm.PER_MEMBER:
            actual = self.infer(node.args[0], member_ok=True)
            if actual is not None and actual.kind is not Kind.BOOL:
                self._report(
                    ErrorCode.TYPE_ARGS,
                    node.args[0],
                    name=name,
                    detail=(
                        f"member.age >= 65 のような条件を書いてください(今は{actual.describe()})"
                    ),
                )
        return function.result

    def _question(self, node: ast.Name) -> None:
        if self._scope.is_question(node.id):
            return
        questions = [name for name in self._scope.names() if self._scope.is_question(name)]
        self._report(
            ErrorCode.REF_QUESTION,
            node,
            name=node.id,
            suggestion=did_you_mean(node.id, questions),
        )
