"""Compare the checker's decision diagrams with z3, dd and python-sat on the same queries
(docs/ARCHITECTURE.md, "Why our own decision diagrams"). Not part of kakanai: run it in a
scratch environment that has the solvers, from the project root:

    python3 -m venv /tmp/solvers && /tmp/solvers/bin/pip install z3-solver python-sat dd
    PYTHONPATH=src /tmp/solvers/bin/python scripts/compare_solvers.py

The shape: N independent yes/no questions, every third one asked only after a "yes" to the
one before, each gating a procedure, plus N/2 procedures needing "yes" to one and "no" to the
next. Queries, in the three-valued logic of interviews: for each procedure, can it apply, and
can its condition read an unasked question; and can a resident get no procedure at all.
"""
# ruff: noqa: PLC0415 - the solvers are imported only when measured, outside kakanai

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from typing import Any

SIZES = (10, 20, 40, 80, 160)


def shape(n: int) -> tuple[dict[int, int | None], list[tuple[str, tuple[int, ...]]]]:
    whens = {i: (i - 1 if i % 3 == 2 else None) for i in range(n)}
    procedures = [("gate", (i,)) for i in range(n)]
    procedures += [("pair", (i, (i + 1) % n)) for i in range(n // 2)]
    return whens, procedures


def encode(algebra: Any, n: int) -> list[Any]:
    """The queries as formulas of ``algebra``; a question's value counts only where asked."""
    whens, procedures = shape(n)
    values = [algebra.var(f"v{i}") for i in range(n)]
    asked: list[Any] = []
    for i in range(n):
        before = whens[i]
        asked.append(
            algebra.true if before is None else algebra.conj(asked[before], values[before])
        )

    def yes(i: int) -> Any:
        return algebra.conj(asked[i], values[i])

    def no(i: int) -> Any:
        return algebra.conj(asked[i], algebra.neg(values[i]))

    queries, applies = [], []
    for kind, ids in procedures:
        if kind == "gate":
            true, false = yes(ids[0]), no(ids[0])
        else:
            true = algebra.conj(yes(ids[0]), no(ids[1]))
            false = algebra.disj(no(ids[0]), yes(ids[1]))
        applies.append(true)
        queries += [true, algebra.neg(algebra.disj(true, false))]
    queries.append(algebra.all_of(algebra.neg(a) for a in applies))
    return queries


class Own:
    def __init__(self) -> None:
        from kakanai.core.trees.reasoning.diagrams import TRUE, Diagrams

        self.dd, self.true = Diagrams(), TRUE

    def var(self, name: str) -> Any:
        return self.dd.literal(self.dd.add_variable(name, 2), [1])

    def conj(self, a: Any, b: Any) -> Any:
        return self.dd.conj(a, b)

    def disj(self, a: Any, b: Any) -> Any:
        return self.dd.disj(a, b)

    def neg(self, a: Any) -> Any:
        return self.dd.neg(a)

    def all_of(self, items: Iterable[Any]) -> Any:
        return self.dd.all_of(items)

    def sat(self, query: Any) -> bool:
        return bool(query != 0)


class Bdd:
    def __init__(self) -> None:
        from dd.autoref import BDD

        self.bdd = BDD()
        self.true = self.bdd.true

    def var(self, name: str) -> Any:
        self.bdd.declare(name)
        return self.bdd.var(name)

    def conj(self, a: Any, b: Any) -> Any:
        return a & b

    def disj(self, a: Any, b: Any) -> Any:
        return a | b

    def neg(self, a: Any) -> Any:
        return ~a

    def all_of(self, items: Iterable[Any]) -> Any:
        result = self.bdd.true
        for item in items:
            result = result & item
        return result

    def sat(self, query: Any) -> bool:
        return bool(query != self.bdd.false)


class Smt:
    def __init__(self) -> None:
        import z3

        self.z3, self.true, self.solver = z3, z3.BoolVal(True), z3.Solver()

    def var(self, name: str) -> Any:
        return self.z3.Bool(name)

    def conj(self, a: Any, b: Any) -> Any:
        return self.z3.And(a, b)

    def disj(self, a: Any, b: Any) -> Any:
        return self.z3.Or(a, b)

    def neg(self, a: Any) -> Any:
        return self.z3.Not(a)

    def all_of(self, items: Iterable[Any]) -> Any:
        return self.z3.And(list(items))

    def sat(self, query: Any) -> bool:
        self.solver.push()
        self.solver.add(query)
        found = self.solver.check() == self.z3.sat
        self.solver.pop()
        return bool(found)


class Sat:
    """Tseitin clauses in one incremental CaDiCaL; each query is one assumption."""

    def __init__(self) -> None:
        from pysat.solvers import Solver

        self.solver, self.count = Solver(name="cadical153"), 0
        self.true = self._fresh()
        self.solver.add_clause([self.true])

    def _fresh(self) -> int:
        self.count += 1
        return self.count

    def var(self, name: str) -> Any:
        del name
        return self._fresh()

    def conj(self, a: int, b: int) -> int:
        x = self._fresh()
        for clause in ([-x, a], [-x, b], [x, -a, -b]):
            self.solver.add_clause(clause)
        return x

    def disj(self, a: int, b: int) -> int:
        x = self._fresh()
        for clause in ([x, -a], [x, -b], [-x, a, b]):
            self.solver.add_clause(clause)
        return x

    def neg(self, a: int) -> int:
        return -a

    def all_of(self, items: Iterable[int]) -> int:
        result = self.true
        for item in items:
            result = self.conj(result, item)
        return result

    def sat(self, query: int) -> bool:
        return bool(self.solver.solve(assumptions=[query]))


def timed(engine: Callable[[], Any], n: int) -> tuple[float, list[bool]]:
    start = time.perf_counter()
    algebra = engine()
    answers = [algebra.sat(q) for q in encode(algebra, n)]
    return time.perf_counter() - start, answers


def main() -> None:
    engines: dict[str, Callable[[], Any]] = {
        "own MDD": Own,
        "dd (BDD)": Bdd,
        "z3": Smt,
        "python-sat": Sat,
    }
    for module in ("z3", "pysat.solvers", "dd.autoref"):
        start = time.perf_counter()
        __import__(module)
        print(f"import {module}: {(time.perf_counter() - start) * 1000:.0f} ms")
    for n in SIZES:
        expected: list[bool] | None = None
        row = [f"N={n:<4}"]
        for name, engine in engines.items():
            runs = [timed(engine, n) for _ in range(3)]
            answers = runs[0][1]
            expected = expected or answers
            assert answers == expected, f"{name} disagrees at N={n}"
            row.append(f"{name} {statistics.median(t for t, _ in runs) * 1000:7.1f} ms")
        print("  ".join(row))


if __name__ == "__main__":
    main()
