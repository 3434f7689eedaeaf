"""The statistics, counted by the database on SQLite and PostgreSQL, equal the counts this test
makes itself from the same generated visits (in Python, one visit at a time)."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable

import pytest
from sqlalchemy import Engine

from kakanai.benchmarks.stats_demo import write_visits
from kakanai.benchmarks.stats_visits import Shape, Visit, shapes, visits
from kakanai.core.stats.durations import floored
from kakanai.core.stats.figures import GroupFigures, Report
from kakanai.core.stats.periods import Grouping, Period, fiscal_year, month_period
from kakanai.core.stats.time_model import TimeModel
from kakanai.services.slip.sealing import questionnaire_runtime
from kakanai.services.stats.names import Names, names_of
from kakanai.services.stats.preferences import StatsPreferences
from kakanai.services.stats.report import build_report
from kakanai.services.stats.source import public_table, source_of
from kakanai.store.database import session_factory

YEAR = fiscal_year(2025)
MODEL = TimeModel(2.0, {"kodomo": 3.0}, 6.0)


@pytest.fixture(scope="module")
def kinds() -> list[Shape]:
    return shapes()


@pytest.fixture(scope="module")
def names() -> Names:
    return names_of([questionnaire_runtime("moving").tree])


@pytest.fixture
def year(engine: Engine, kinds: list[Shape]) -> list[Visit]:
    """240 visits written into the database; the test counts the same list itself."""
    made = list(visits(240, YEAR, seed=3, found=kinds))
    write_visits(engine, made)
    return made


def report(engine: Engine, grouping: Grouping, names: Names, period: Period = YEAR) -> Report:
    with session_factory(engine)() as session:
        return build_report(session, period, grouping, MODEL, names)


def median(values: Iterable[int]) -> int:
    ordered = sorted(floored(v) for v in values)
    return ordered[math.ceil(0.5 * len(ordered)) - 1]


def expected(
    year: list[Visit], key: Callable[[Visit], Iterable[str]]
) -> dict[str, dict[str, object]]:
    """Visit-level figures per key, counted one visit at a time."""
    found: dict[str, dict[str, object]] = {}
    for visit in year:
        for k in set(key(visit)):
            row = found.setdefault(k, {"cases": 0, "procedures": 0, "handoffs": 0,
                                       "forms": 0, "writings": 0, "durations": []})  # fmt: skip
            row["cases"] += 1  # type: ignore[operator]
            row["procedures"] += len(visit.shape.procedures)  # type: ignore[operator]
            row["handoffs"] += len(visit.handoffs)  # type: ignore[operator]
            row["forms"] += len(visit.forms)  # type: ignore[operator]
            row["writings"] += sum(f.prefill.writings for f, _, _ in visit.forms)  # type: ignore[operator]
            row["durations"].append(visit.duration_s)  # type: ignore[attr-defined]
    return found


def shown(rows: list[GroupFigures]) -> dict[str, dict[str, object]]:
    return {
        row.key: {
            "cases": row.cases,
            "procedures": row.procedures,
            "handoffs": row.handoffs,
            "forms": row.forms.forms,
            "writings": row.forms.prefill.writings,
            "median": row.durations.median,
        }
        for row in rows
    }


def with_median(found: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    return {
        k: {**{n: v for n, v in row.items() if n != "durations"},
            "median": median(row["durations"])}  # type: ignore[arg-type]
        for k, row in found.items()
    }  # fmt: skip


def test_months_count_visits_procedures_handoffs_forms_and_interview_times(
    engine: Engine, year: list[Visit], names: Names
) -> None:
    found = report(engine, Grouping.MONTH, names)
    assert shown(found.rows) == with_median(expected(year, lambda v: [f"{v.as_of:%Y-%m}"]))
    assert [row.label for row in found.rows][:2] == ["令和7年4月", "令和7年5月"]


def test_the_total_and_the_counter_desks_are_the_visits(
    engine: Engine, year: list[Visit], names: Names
) -> None:
    found = report(engine, Grouping.DESK, names)
    assert shown([found.total]) == with_median(expected(year, lambda _: [""]))
    counters = [row for row in found.rows if row.cases]
    want = expected(year, lambda v: [v.desk])
    assert {r.key: r.cases for r in counters} == {k: v["cases"] for k, v in want.items()}
    durations = found.total.durations
    assert durations.p90 == sorted(floored(v.duration_s) for v in year)[math.ceil(0.9 * 240) - 1]


def test_desks_count_their_scans_and_the_forms_they_printed(
    engine: Engine, year: list[Visit], names: Names
) -> None:
    rows = {row.key: row for row in report(engine, Grouping.DESK, names).rows}
    scans: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for visit in year:
        for _, desk, _, count in visit.handoffs:
            scans[desk] += count
        for _, desk, _ in visit.forms:
            forms[desk] += 1
    assert {k: r.scans for k, r in rows.items() if r.scans} == dict(scans)
    # a place outside city hall (引っ越し先の市区町村) has procedures but prints no form: 0
    assert set(forms) <= set(rows)
    assert {k: r.forms.forms for k, r in rows.items()} == {k: forms[k] for k in rows}


def test_procedures_count_each_visit_once_and_each_member_s_procedure(
    engine: Engine, year: list[Visit], names: Names
) -> None:
    rows = {row.key: row for row in report(engine, Grouping.PROCEDURE, names).rows}
    cases: Counter[str] = Counter()
    procedures: Counter[str] = Counter()
    handed: Counter[str] = Counter()
    for visit in year:
        departments = {d for d, _, _, _ in visit.handoffs}
        for pid in {p for p, _, _ in visit.shape.procedures}:
            cases[pid] += 1
        for pid, _, _ in visit.shape.procedures:
            procedures[pid] += 1
        for pid in {p for p, d, _ in visit.shape.procedures if d in departments}:
            handed[pid] += 1
    assert {k: r.cases for k, r in rows.items()} == dict(cases)
    assert {k: r.procedures for k, r in rows.items()} == dict(procedures)
    assert {k: r.handoffs for k, r in rows.items() if r.handoffs} == dict(handed)


def test_departments_count_their_handoffs_forms_and_minutes_saved(
    engine: Engine, year: list[Visit], names: Names
) -> None:
    rows = {row.key: row for row in report(engine, Grouping.DEPARTMENT, names).rows}
    handoffs: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    visited: Counter[str] = Counter()
    for visit in year:
        for department in {d for _, d, _ in visit.shape.procedures}:
            visited[department] += 1
        for department, _, _, _ in visit.handoffs:
            handoffs[department] += 1
        for fill, _, _ in visit.forms:
            per_form = 3.0 if fill.department == "kodomo" else 2.0
            minutes[fill.department] += per_form + fill.prefill.fields * 6.0 / 60  # type: ignore[assignment]
    assert {k: r.cases for k, r in rows.items()} == dict(visited)
    assert {k: r.handoffs for k, r in rows.items() if r.handoffs} == dict(handoffs)
    for key, value in minutes.items():
        assert rows[key].minutes_saved == pytest.approx(value)


def test_the_handoff_matrix_follows_the_order_the_slips_were_scanned(
    engine: Engine, year: list[Visit], names: Names
) -> None:
    pairs: Counter[tuple[str, str]] = Counter()
    for visit in year:
        ordered = [d for d, _, _, _ in sorted(visit.handoffs, key=lambda h: h[2])]
        for source, target in zip(["", *ordered], ordered, strict=False):
            pairs[source, target] += 1
    assert report(engine, Grouping.EVENT, names).matrix.counts == dict(pairs)


def test_life_events_are_the_trees_the_visits_used(
    engine: Engine, year: list[Visit], names: Names
) -> None:
    rows = report(engine, Grouping.EVENT, names).rows
    assert [(r.key, r.label, r.cases) for r in rows] == [("moving", "転入・転居・転出", 240)]


def test_a_month_s_public_table_counts_and_hides_small_cells(
    engine: Engine, year: list[Visit], names: Names
) -> None:
    month = month_period("2025-05")
    source = source_of(engine, names, StatsPreferences(MODEL, 5), "サンプル市")
    table = public_table(source, month)
    in_month = [v for v in year if v.as_of.strftime("%Y-%m") == "2025-05"]
    visits_row = table.rows[0]
    assert visits_row.values == [len(in_month)]
    by_procedure: Counter[str] = Counter(p for v in in_month for p, _, _ in v.shape.procedures)
    for r, row in enumerate(table.rows):
        if row.item in names.procedures.values():
            pid = next(k for k, v in names.procedures.items() if v == row.item)
            assert row.values == [by_procedure[pid]]
            if 0 < by_procedure[pid] < 5:
                assert (r, 0) in table.hidden


def test_a_period_without_visits_has_empty_figures(engine: Engine, names: Names) -> None:
    empty = Period(dt.date(2030, 1, 1), dt.date(2030, 1, 31))
    found = report(engine, Grouping.MONTH, names, empty)
    assert found.rows == []
    assert (found.total.cases, found.total.durations.median) == (0, None)
