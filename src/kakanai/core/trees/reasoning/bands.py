"""Threshold bands: procedures of one department that split one quantity (an age, a school
grade, a number answer) into ranges, with the rest of their conditions the same, must neither
leave a gap between two ranges (``age < 6`` / ``age > 6`` leaves 6 out) nor overlap."""

from __future__ import annotations

import ast
import itertools
import math
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.expressions.syntax import literal_values
from kakanai.core.trees.model import Per, Procedure
from kakanai.core.trees.reasoning.diagrams import TRUE, Node
from kakanai.core.trees.reasoning.symbolic import TreeLogic

_FLIP = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE, ast.Eq: ast.Eq}


@dataclass(frozen=True)
class Band:
    """The whole numbers ``low..high`` (inclusive; infinite ends allowed) a procedure takes."""

    procedure: Procedure
    node: ast.expr
    low: float
    high: float


class BandChecker:
    """Gaps and overlaps between the ranges procedures split one quantity into."""

    def __init__(self, logic: TreeLogic) -> None:
        self.logic = logic
        self.dd = logic.dd
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        groups: dict[tuple[object, ...], list[Band]] = {}
        for procedure in self.logic.runtime.tree.procedures:
            if procedure.when is None:
                continue
            found = self.band(procedure)
            if found is not None:
                key, band = found
                groups.setdefault(key, []).append(band)
        for key, bands in groups.items():
            if len(bands) > 1:
                self.compare(f"「{key[2]}」", sorted(bands, key=lambda b: (b.low, b.high)))
        return self.problems

    def band(self, procedure: Procedure) -> tuple[tuple[object, ...], Band] | None:
        """The range the procedure takes of the first quantity it bounds (every bound on that
        quantity together), keyed by what the rest of its condition says."""
        assert procedure.when is not None
        parts = _conjuncts(procedure.when.expression.syntax)
        ranges = [(part, _range(part)) for part in parts]
        bounded = [(part, found) for part, found in ranges if found is not None]
        if not bounded:
            return None
        quantity = bounded[0][1][0]
        low, high = -math.inf, math.inf
        for _, (name, part_low, part_high) in bounded:
            if name == quantity:
                low, high = max(low, part_low), min(high, part_high)
        rest = [p for p, found in ranges if found is None or found[0] != quantity]
        key = (procedure.department_id, procedure.per, quantity, self.signature(rest, procedure))
        return key, Band(procedure, bounded[0][0], low, high)

    def signature(self, rest: list[ast.expr], procedure: Procedure) -> tuple[Node, ...]:
        """The rest of a condition as diagrams (per member profile for per-member ones)."""
        profiles: list[int | None] = list(self.logic.profiles())
        if procedure.per is not Per.MEMBER:
            profiles = [None]
        return tuple(
            self.dd.all_of([TRUE, *(self.logic.tri(node, p)[0] for node in rest)]) for p in profiles
        )

    def compare(self, subject: str, bands: list[Band]) -> None:
        for first, second in itertools.pairwise(bands):
            if second.low > first.high + 1:
                gap = _span(first.high + 1, second.low - 1)
                names = "「" + "」「".join(b.procedure.id for b in bands) + "」"
                self._report(second, ErrorCode.LOGIC_BAND_GAP, subject, gap=gap, procedures=names)
            elif second.low <= first.high:
                overlap = _span(second.low, min(first.high, second.high))
                self._report(
                    second,
                    ErrorCode.LOGIC_BAND_OVERLAP,
                    subject,
                    overlap=overlap,
                    first=first.procedure.id,
                    second=second.procedure.id,
                )

    def _report(self, band: Band, code: ErrorCode, subject: str, **fields: object) -> None:
        condition = band.procedure.when
        assert condition is not None
        loc = condition.scalar.at_offset(condition.expression.offset_of(band.node))
        self.problems.append(Problem.at(loc, code, subject=subject, **fields))


def _conjuncts(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return [part for value in node.values for part in _conjuncts(value)]
    return [node]


def _range(node: ast.expr) -> tuple[str, float, float] | None:
    """``quantity``, low and high of a comparison of one quantity with whole numbers."""
    if not isinstance(node, ast.Compare):
        return None
    operands = [node.left, *node.comparators]
    constant = [_whole(o) for o in operands]
    quantities = [o for o, c in zip(operands, constant, strict=True) if c is None]
    if len(quantities) != 1:
        return None
    quantity = quantities[0]
    low, high = -math.inf, math.inf
    for op, (left, right) in zip(node.ops, itertools.pairwise(operands), strict=True):
        kind = type(op)
        if right is quantity:
            kind = _FLIP.get(kind, kind)  # c < q reads as q > c
            value = _whole(left)
        elif left is quantity:
            value = _whole(right)
        else:
            return None
        if value is None or kind not in _FLIP:
            return None
        low, high = _narrow(kind, value, low, high)
    return ast.unparse(quantity), low, high


def _narrow(kind: type, value: int, low: float, high: float) -> tuple[float, float]:
    if kind is ast.Lt:
        return low, min(high, value - 1)
    if kind is ast.LtE:
        return low, min(high, value)
    if kind is ast.Gt:
        return max(low, value + 1), high
    if kind is ast.GtE:
        return max(low, value), high
    return max(low, value), min(high, value)


def _whole(node: ast.expr) -> int | None:
    values = literal_values(node)
    if values is None or len(values) != 1:
        return None
    value = values[0]
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _span(low: float, high: float) -> str:
    return f"{low:.0f}" if low == high else f"{low:.0f}〜{high:.0f}"
