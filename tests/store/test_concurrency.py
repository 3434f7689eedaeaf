"""The store with many desks at once: every scan is counted exactly once, and every purged
case is purged (and reported) by one purge only."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kakanai.store.audit import Who
from kakanai.store.cases import save_case
from kakanai.store.database import session_factory
from kakanai.store.handoffs import Handoff, record_handoff
from kakanai.store.retention import purge
from kakanai.store.tables import HandoffRow
from tests.conftest import ROOT

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2026, 11, 23, 10, 15, tzinfo=JST)
DESKS = 20
T = TypeVar("T")
REFERENCE = json.loads((ROOT / "tests" / "fixtures" / "reference_case.json").read_text("utf-8"))


def numbered_case(number: int) -> dict[str, Any]:
    return {**REFERENCE, "case_id": f"20261123-{number:06X}"}


def all_at_once(work: Callable[[int], T], count: int = DESKS) -> list[T]:
    """Run ``work(n)`` for n in range(count) on as many threads, released together."""
    start = threading.Barrier(count)

    def released(number: int) -> T:
        start.wait(timeout=30)
        return work(number)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(released, range(count)))


def test_twenty_simultaneous_scans_of_one_slip_count_twenty(engine: Engine) -> None:
    sessions = session_factory(engine)

    def scan(number: int) -> Handoff:
        with sessions.begin() as session:
            return record_handoff(
                session, case_id="X-1", department="kodomo", desk=f"こども{number}", now=NOW
            )

    handoffs = all_at_once(scan)
    with Session(engine) as session:
        stored = session.scalars(select(HandoffRow)).one()
    assert stored.scans == DESKS
    assert sorted(h.scans for h in handoffs) == list(range(1, DESKS + 1))
    assert [h.already_handled for h in handoffs].count(False) == 1


def test_simultaneous_purges_clear_each_case_once(engine: Engine) -> None:
    """Two desks purging at once: the audit log and the counts say each case was purged by
    one of them, not by both."""
    sessions = session_factory(engine)
    with sessions.begin() as session:
        for number in range(30):
            save_case(session, numbered_case(number), desk="窓口1")

    def purge_now(number: int) -> int:
        with sessions.begin() as session:
            later = NOW + dt.timedelta(days=400)
            return purge(session, now=later, who=Who(f"窓口{number}", "clerk")).cases

    assert sum(all_at_once(purge_now, count=4)) == 30
