"""Reduced, ordered multi-valued decision diagrams (MDDs): sets of assignments to finite-domain
variables, shared and canonical, so that equal sets are the same node and every query about a
tree's conditions costs what its diagram costs rather than the number of answer combinations.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

Node = int
FALSE: Node = 0
TRUE: Node = 1
_TERMINAL = 1 << 30  # the level of both terminals: below every variable
SHALLOW_LEVELS = 200  # levels below which operations recurse (3 frames a level, limit 1000)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Reasoning without the cyclic garbage collector's passes. Diagrams are made of many
    small tuples and dicts that hold no cycles (reference counting frees them); the
    collector only walks them again and again, a third of a re-check's time in an editor
    (moving.yaml: 179 → 127 ms CPU). It runs again afterwards, as it was."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


@dataclass(frozen=True)
class Variable:
    """One decision variable: a name for messages and the size of its domain (values 0..n-1)."""

    name: str
    size: int


class Diagrams:
    """A manager of MDD nodes over variables in a fixed order (the order they are added).

    Nodes are ints; 0 and 1 are the empty and the full set. Operation results are cached for
    the manager's life, so re-encoding an unchanged condition after an edit costs lookups.
    """

    def __init__(self) -> None:
        self.variables: list[Variable] = []
        self._level: list[int] = [_TERMINAL, _TERMINAL]
        self._children: list[tuple[Node, ...]] = [(), ()]
        # One unique table per variable, keyed by the children alone (no key tuple per lookup).
        self._unique: list[dict[tuple[Node, ...], Node]] = []
        # Operation caches keyed by one int: the smaller node above, the larger below.
        self._and: dict[int, Node] = {}
        self._or: dict[int, Node] = {}
        self._not: dict[Node, Node] = {}
        self._apart: set[int] = set()  # pairs (keyed as ``_and``) known to share nothing
        # Whether any diagram can be deep enough for the explicit-stack path (see _deep):
        # never with SHALLOW_LEVELS variables or fewer, the usual case, which then skips the test.
        self._may_be_deep = False

    # -- building --------------------------------------------------------------------------

    def add_variable(self, name: str, size: int) -> int:
        """A new variable placed after every existing one; returns its index."""
        if size < 1:
            raise ValueError(f"variable {name} needs at least one value")
        self.variables.append(Variable(name, size))
        self._unique.append({})
        self._may_be_deep = len(self.variables) > SHALLOW_LEVELS
        return len(self.variables) - 1

    def node(self, var: int, children: tuple[Node, ...]) -> Node:
        """The canonical node testing ``var`` with one child per value."""
        if children.count(children[0]) == len(children):
            return children[0]
        table = self._unique[var]
        found = table.get(children)
        if found is None:
            found = table[children] = len(self._level)
            self._level.append(var)
            self._children.append(children)
        return found

    def literal(self, var: int, values: Iterable[int]) -> Node:
        """The assignments where ``var`` takes one of ``values``."""
        chosen = set(values)
        size = self.variables[var].size
        return self.node(var, tuple(TRUE if v in chosen else FALSE for v in range(size)))

    def level(self, node: Node) -> int:
        return self._level[node]

    def children(self, node: Node) -> tuple[Node, ...]:
        return self._children[node]

    @property
    def size(self) -> int:
        """How many nodes the manager holds (terminals included)."""
        return len(self._level)

    # -- boolean operations ----------------------------------------------------------------

    def conj(self, a: Node, b: Node) -> Node:
        if a > b:
            a, b = b, a
        if a <= TRUE:  # a terminal: FALSE absorbs, TRUE is neutral
            return b if a else FALSE
        if a == b:
            return a
        key = (a << 32) | b
        found = self._and.get(key)
        if found is None:
            if self._not.get(a) == b:
                found = FALSE
            elif self._may_be_deep and self._deep(a, b):
                return self._apply(a, b, self._and, _and_terminal)
            else:
                found = self._combine(a, b, self.conj)
            self._and[key] = found
        return found

    def disj(self, a: Node, b: Node) -> Node:
        if a > b:
            a, b = b, a
        if a <= TRUE:  # a terminal: TRUE absorbs, FALSE is neutral
            return TRUE if a else b
        if a == b:
            return a
        key = (a << 32) | b
        found = self._or.get(key)
        if found is None:
            if self._not.get(a) == b:
                found = TRUE
            elif self._may_be_deep and self._deep(a, b):
                return self._apply(a, b, self._or, _or_terminal)
            else:
                found = self._combine(a, b, self.disj)
            self._or[key] = found
        return found

    def _deep(self, a: Node, b: Node) -> bool:
        """Whether recursing from these nodes could pass Python's recursion limit: each level
        below them is a few frames. Shallow diagrams (nearly all) take the faster recursion."""
        top = min(self._level[a], self._level[b])
        return len(self.variables) - top > SHALLOW_LEVELS

    def neg(self, a: Node) -> Node:
        if a <= TRUE:
            return 1 - a
        found = self._not.get(a)
        if found is None:
            if len(self.variables) - self._level[a] > SHALLOW_LEVELS:
                return self._neg_deep(a)
            children = tuple(map(self.neg, self._children[a]))
            found = self._not[a] = self.node(self._level[a], children)
            self._not[found] = a
        return found

    def _neg_deep(self, a: Node) -> Node:
        """The complement built bottom-up with an explicit stack: a diagram may be deeper than
        Python's recursion limit (a household of many member profiles)."""
        stack = [a]
        while stack:
            n = stack[-1]
            if n in self._not:
                stack.pop()
                continue
            pending = [c for c in self._children[n] if c > TRUE and c not in self._not]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            kids = tuple(1 - c if c <= TRUE else self._not[c] for c in self._children[n])
            found = self.node(self._level[n], kids)
            self._not[n] = found
            self._not[found] = n
        return self._not[a]

    def _combine(self, a: Node, b: Node, op: Callable[[Node, Node], Node]) -> Node:
        level = self._level
        level_a, level_b = level[a], level[b]
        if level_a == level_b:
            kids = tuple(map(op, self._children[a], self._children[b]))
        elif level_a < level_b:
            kids = tuple([op(x, b) for x in self._children[a]])
        else:
            level_a = level_b
            kids = tuple([op(a, y) for y in self._children[b]])
        if kids.count(kids[0]) == len(kids):
            return kids[0]
        table = self._unique[level_a]
        found = table.get(kids)
        if found is None:
            found = table[kids] = len(level)
            level.append(level_a)
            self._children.append(kids)
        return found

    def _apply(
        self,
        a: Node,
        b: Node,
        cache: dict[int, Node],
        terminal: Callable[[Node, Node], Node | None],
    ) -> Node:
        """A binary operation node by node, children before parents, with an explicit stack
        instead of recursion (see ``_neg_deep``); results are kept in ``cache`` under the
        same keys the recursive path uses."""

        def key(x: Node, y: Node) -> int:
            return (x << 32) | y if x < y else (y << 32) | x

        top = key(a, b)
        stack = [(a, b)]
        while stack:
            x, y = stack[-1]
            if key(x, y) in cache:
                stack.pop()
                continue
            var, pairs = self._cofactors(x, y)
            pending = [
                (kx, ky)
                for kx, ky in pairs
                if terminal(kx, ky) is None and key(kx, ky) not in cache
            ]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            kids = []
            for kx, ky in pairs:
                quick = terminal(kx, ky)
                kids.append(quick if quick is not None else cache[key(kx, ky)])
            cache[key(x, y)] = self.node(var, tuple(kids))
        return cache[top]

    def _cofactors(self, a: Node, b: Node) -> tuple[int, list[tuple[Node, Node]]]:
        level_a, level_b = self._level[a], self._level[b]
        var = min(level_a, level_b)
        size = self.variables[var].size
        kids_a = self._children[a] if level_a == var else (a,) * size
        kids_b = self._children[b] if level_b == var else (b,) * size
        return var, list(zip(kids_a, kids_b, strict=True))

    def all_of(self, nodes: Iterable[Node]) -> Node:
        result = TRUE
        for node in nodes:
            result = self.conj(result, node)
            if result == FALSE:
                break
        return result

    def any_of(self, nodes: Iterable[Node]) -> Node:
        result = FALSE
        for node in nodes:
            result = self.disj(result, node)
            if result == TRUE:
                break
        return result

    def meets(self, a: Node, b: Node) -> bool:
        """Whether two sets share an assignment: ``conj(a, b) != FALSE`` without building the
        conjunction. Every node but FALSE holds some assignment (reduced diagrams), so the
        walk stops at the first pair of children that surely share one."""
        if a > b:
            a, b = b, a
        if a <= TRUE or a == b:
            return a != FALSE
        if self._may_be_deep and self._deep(a, b):
            return self.conj(a, b) != FALSE
        return self._meets(a, b)

    def _meets(self, a: Node, b: Node) -> bool:
        key = (a << 32) | b
        known = self._and.get(key)
        if known is not None:
            return known != FALSE
        if key in self._apart or self._not.get(a) == b:
            return False
        _, pairs = self._cofactors(a, b)
        for x, y in pairs:
            low, high = (x, y) if x < y else (y, x)
            if low == FALSE:
                continue
            if low in (TRUE, high) or self._meets(low, high):
                return True
        self._apart.add(key)
        return False

    def implies(self, a: Node, b: Node) -> bool:
        """Whether every assignment in ``a`` is in ``b``."""
        return self.conj(a, self.neg(b)) == FALSE

    # -- quantification and restriction ----------------------------------------------------

    def exists(self, node: Node, variables: frozenset[int]) -> Node:
        """The assignments for which some values of ``variables`` lead into ``node``."""
        cache: dict[Node, Node] = {}

        def walk(n: Node) -> Node:
            if n <= TRUE:
                return n
            found = cache.get(n)
            if found is None:
                var = self._level[n]
                kids = [walk(child) for child in self._children[n]]
                found = self.any_of(kids) if var in variables else self.node(var, tuple(kids))
                cache[n] = found
            return found

        return walk(node)

    def restrict(self, node: Node, assignment: Mapping[int, int]) -> Node:
        """``node`` with the given variables fixed to the given values."""
        cache: dict[Node, Node] = {}

        def walk(n: Node) -> Node:
            if n <= TRUE:
                return n
            found = cache.get(n)
            if found is None:
                var = self._level[n]
                if var in assignment:
                    found = walk(self._children[n][assignment[var]])
                else:
                    found = self.node(var, tuple(walk(c) for c in self._children[n]))
                cache[n] = found
            return found

        return walk(node)

    # -- reading ---------------------------------------------------------------------------

    def support(self, node: Node) -> frozenset[int]:
        """The variables ``node`` depends on."""
        seen: set[Node] = set()
        found: set[int] = set()
        stack = [node]
        while stack:
            n = stack.pop()
            if n <= TRUE or n in seen:
                continue
            seen.add(n)
            found.add(self._level[n])
            stack.extend(self._children[n])
        return frozenset(found)

    def pick(self, node: Node, prefer: Mapping[int, int] | None = None) -> dict[int, int] | None:
        """One assignment in ``node`` (values for the variables it tests), or None if empty.

        ``prefer`` names a value to take for a variable whenever that value is allowed.
        """
        if node == FALSE:
            return None
        prefer = prefer or {}
        chosen: dict[int, int] = {}
        while node != TRUE:
            var = self._level[node]
            kids = self._children[node]
            wanted = prefer.get(var)
            if wanted is not None and kids[wanted] != FALSE:
                value = wanted
            else:
                value = next(v for v, child in enumerate(kids) if child != FALSE)
            chosen[var] = value
            node = kids[value]
        return chosen

    def cubes(self, node: Node, limit: int = 10_000) -> Iterator[dict[int, frozenset[int]]]:
        """The paths to TRUE, edges into the same child merged into one value set per variable."""
        produced = 0

        def walk(n: Node, path: dict[int, frozenset[int]]) -> Iterator[dict[int, frozenset[int]]]:
            nonlocal produced
            if produced >= limit:
                return
            if n == TRUE:
                produced += 1
                yield dict(path)
                return
            if n == FALSE:
                return
            var = self._level[n]
            groups: dict[Node, set[int]] = {}
            for value, child in enumerate(self._children[n]):
                groups.setdefault(child, set()).add(value)
            for child, values in groups.items():
                if child == FALSE:
                    continue
                path[var] = frozenset(values)
                yield from walk(child, path)
                del path[var]

        yield from walk(node, {})

    def values_meeting(self, node: Node, var: int) -> set[int]:
        """The values of ``var`` for which some assignment lies in ``node`` (its projection on
        ``var``): one walk, instead of one conjunction per value."""
        size = self.variables[var].size
        found: set[int] = set()
        seen: set[Node] = set()
        pending = [node]
        while pending and len(found) < size:
            n = pending.pop()
            if n == FALSE or n in seen:
                continue
            seen.add(n)
            if n == TRUE or self._level[n] > var:  # var is not tested below: any value
                return set(range(size))
            if self._level[n] == var:
                found |= {v for v, child in enumerate(self._children[n]) if child != FALSE}
            else:
                pending.extend(self._children[n])
        return found

    def cube(self, constraints: Mapping[int, frozenset[int]]) -> Node:
        """The assignments meeting every per-variable constraint."""
        result = TRUE
        for var in sorted(constraints, reverse=True):
            result = self.conj(self.literal(var, constraints[var]), result)
        return result

    def count(self, node: Node, variables: Iterable[int]) -> int:
        """How many assignments to ``variables`` (a superset of the support) lie in ``node``."""
        order = sorted(set(variables))
        position = {var: i for i, var in enumerate(order)}
        sizes = [self.variables[v].size for v in order]
        cache: dict[Node, int] = {}

        def skipped(start: int, end: int) -> int:
            product = 1
            for size in sizes[start:end]:
                product *= size
            return product

        def at(n: Node) -> int:
            return len(order) if n <= TRUE else position[self._level[n]]

        def walk(n: Node) -> int:
            if n <= TRUE:
                return n
            found = cache.get(n)
            if found is None:
                here = at(n)
                found = sum(walk(c) * skipped(here + 1, at(c)) for c in self._children[n])
                cache[n] = found
            return found

        return walk(node) * skipped(0, at(node))


def _and_terminal(a: Node, b: Node) -> Node | None:
    if FALSE in (a, b):
        return FALSE
    if a in (TRUE, b):
        return b
    if b == TRUE:
        return a
    return None


def _or_terminal(a: Node, b: Node) -> Node | None:
    if TRUE in (a, b):
        return TRUE
    if a in (FALSE, b):
        return b
    if b == FALSE:
        return a
    return None
