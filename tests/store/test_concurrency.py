"""The store with many desks at once: every scan is counted exactly once, and a busy
database says so in Japanese instead of failing with a driver's error."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kakanai.store.database import session_factory
from kakanai.store.handoffs import Handoff, record_handoff
from kakanai.store.tables import HandoffRow

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2026, 11, 23, 10, 15, tzinfo=JST)
DESKS = 20
T = TypeVar("T")


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
