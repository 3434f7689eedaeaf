"""The parts of a condition that reasoning needs: its boolean structure (and / or / not) and,
below it, the *atoms* whose value comes from answers. An atom's *leaves* are what it reads:
questions and computed values by name, ``answered(x)``, and the household quantifiers
``any_member(...)``, ``all_members(...)``, ``count_members(...)``."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from kakanai.core.expressions.syntax import FUNCTIONS, MEMBER_NAME, ArgForm, literal_values

QUANTIFIERS = frozenset(n for n, f in FUNCTIONS.items() if f.arg_form is ArgForm.PER_MEMBER)


def is_connective(node: ast.expr) -> bool:
    """``and`` / ``or`` / ``not``: the boolean structure above the atoms."""
    return isinstance(node, ast.BoolOp) or (
        isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)
    )


def operands(node: ast.expr) -> list[ast.expr]:
    """The direct operands of a connective (none for an atom)."""
    if isinstance(node, ast.BoolOp):
        return list(node.values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return [node.operand]
    return []


def called(node: ast.expr) -> str:
    """The function a call node calls ('' for other nodes)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id
    return ""


def is_quantifier(node: ast.expr) -> bool:
    return called(node) in QUANTIFIERS


def answered_of(node: ast.expr) -> str:
    """The question id of an ``answered(x)`` call ('' for other nodes)."""
    if called(node) == "answered":
        arg = node.args[0]  # type: ignore[attr-defined]
        return arg.id if isinstance(arg, ast.Name) else ""
    return ""


@dataclass(frozen=True)
class Leaf:
    """One input of an atom: a name, an ``answered(x)`` or a quantifier call."""

    node: ast.expr
    kind: str  # "name", "answered" or "quantifier"
    name: str  # the question or computed id ("" for quantifiers)


def leaves(node: ast.expr) -> list[Leaf]:
    """What ``node`` reads, not looking inside quantifiers or ``answered(...)``."""
    return list(_leaves(node))


@functools.lru_cache(maxsize=16_384)
def _leaves(node: ast.expr) -> tuple[Leaf, ...]:
    found: list[Leaf] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Name):
            if current.id != MEMBER_NAME:
                found.append(Leaf(current, "name", current.id))
        elif answered_of(current):
            found.append(Leaf(current, "answered", answered_of(current)))
        elif is_quantifier(current):
            found.append(Leaf(current, "quantifier", ""))
        elif isinstance(current, ast.Call):
            stack.extend(current.args)  # the function's own name is not a leaf
        else:
            stack.extend(ast.iter_child_nodes(current))  # type: ignore[arg-type]
    return tuple(found)


@functools.lru_cache(maxsize=16_384)
def reads_member(node: ast.expr) -> bool:
    """Whether ``node`` reads the bound member (outside any quantifier of its own)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Name) and current.id == MEMBER_NAME:
            return True
        if is_quantifier(current):
            continue
        stack.extend(ast.iter_child_nodes(current))  # type: ignore[arg-type]
    return False


def member_answers(node: ast.expr, ids: frozenset[str]) -> list[ast.Attribute]:
    """The ``member.<id>`` reads of per-member answers in ``node``, outside its quantifiers."""
    found: list[ast.Attribute] = []
    stack: list[ast.AST] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.expr) and is_quantifier(current):
            continue
        if (
            isinstance(current, ast.Attribute)
            and isinstance(current.value, ast.Name)
            and current.value.id == MEMBER_NAME
            and current.attr in ids
        ):
            found.append(current)
        stack.extend(ast.iter_child_nodes(current))
    return found


def member_reads(node: ast.expr) -> frozenset[str] | None:
    """The ``member.<field>`` names ``node`` reads outside its quantifiers; None when it reads
    the bound member as a whole (``member`` not followed by a field)."""
    found: set[str] = set()
    stack: list[ast.AST] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.expr) and is_quantifier(current):
            continue
        if (
            isinstance(current, ast.Attribute)
            and isinstance(current.value, ast.Name)
            and current.value.id == MEMBER_NAME
        ):
            found.add(current.attr)
            continue
        if isinstance(current, ast.Name) and current.id == MEMBER_NAME:
            return None
        stack.extend(ast.iter_child_nodes(current))
    return frozenset(found)


def member_fields(node: ast.expr) -> frozenset[str]:
    """The ``member.<field>`` names read anywhere inside ``node``."""
    return frozenset(
        n.attr
        for n in ast.walk(node)
        if isinstance(n, ast.Attribute)
        and isinstance(n.value, ast.Name)
        and n.value.id == MEMBER_NAME
    )


def atoms(node: ast.expr) -> Iterator[ast.expr]:
    """The atoms below the boolean structure of ``node``, and inside its quantifiers."""
    stack = [node]
    while stack:
        current = stack.pop()
        if is_connective(current):
            stack.extend(operands(current))
            continue
        yield current
        for sub in ast.walk(current):
            if sub is not current and isinstance(sub, ast.Call) and is_quantifier(sub):
                stack.append(sub.args[0])
        if is_quantifier(current):
            stack.append(current.args[0])  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Comparison:
    """One side of a comparison that reads something, and a constant on the other side."""

    side: ast.expr
    constant: object


def comparisons(node: ast.expr) -> Iterator[Comparison]:
    """Each (side, constant) pair of every comparison inside ``node``."""
    for sub in ast.walk(node):
        if not isinstance(sub, ast.Compare):
            continue
        for left, right in pairwise([sub.left, *sub.comparators]):
            for side, other in ((left, right), (right, left)):
                values = literal_values(other)
                if values is not None and not _is_constant(side):
                    yield from (Comparison(side, value) for value in values)


def _is_constant(node: ast.expr) -> bool:
    return literal_values(node) is not None


def constants(node: ast.expr) -> list[object]:
    """Every literal value anywhere inside ``node`` (lists flattened)."""
    found: list[object] = []
    for sub in ast.walk(node):
        if not isinstance(sub, ast.expr):
            continue
        values = literal_values(sub) if isinstance(sub, ast.Constant | ast.UnaryOp) else None
        if values:
            found.extend(values)
        elif called(sub) == "date":
            found.extend(literal_values(sub) or [])
    return found
