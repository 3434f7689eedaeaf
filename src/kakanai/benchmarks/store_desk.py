"""One simulated desk of `kakanai bench store`, run in its own process: interviews (a draft
saved after every answer, then the finished case), slip scans (the handoff and its audit
entry) and now and then a purge, each timed as one unit of work the way the services do it."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kakanai.services.shipped_data import REFERENCE_CASE
from kakanai.store.audit import Who, audit
from kakanai.store.cases import save_case
from kakanai.store.database import is_busy, open_engine, session_factory
from kakanai.store.drafts import close_draft, save_answers, start_draft
from kakanai.store.handoffs import record_handoff
from kakanai.store.retention import purge
from kakanai.store.tables import DraftRow

OPERATIONS = ("draft_start", "draft_save", "case_finish", "scan", "purge")
DEPARTMENTS = ("shimin", "hoken", "kodomo", "kaigo", "shogai")
SCANNED_CASES = 20  # slips in circulation: few, so desks often scan the same one at once
ANSWERS_PER_INTERVIEW = 8
RETENTION_DAYS = 90
_OLD_EVERY = 4  # one finished case in four is dated past the retention period: purge work
_PURGE_SHARE = 0.01  # of a desk's units of work
_SCAN_SHARE = 0.5
JST = dt.timezone(dt.timedelta(hours=9))


def reference_case() -> dict[str, Any]:
    """The household every simulated interview stores (a family of four)."""
    loaded: dict[str, Any] = json.loads(REFERENCE_CASE.read_text(encoding="utf-8"))
    return loaded


def scanned_case_id(number: int) -> str:
    return f"BENCH-S{number:04d}"


@dataclass(frozen=True)
class DeskPlan:
    url: str
    number: int
    seconds: float
    pause_s: float  # think time between units of work: uniform 0 to twice this


@dataclass
class DeskReport:
    """What one desk did, for the figures and for checking the database's counts."""

    number: int
    times: dict[str, list[float]] = field(default_factory=lambda: {op: [] for op in OPERATIONS})
    errors: Counter[str] = field(default_factory=Counter)
    scans: Counter[tuple[str, str]] = field(default_factory=Counter)
    first_scans: Counter[tuple[str, str]] = field(default_factory=Counter)
    finished_cases: int = 0
    purged_cases: int = 0


def run_desk(plan: DeskPlan, ready: Queue[int], go: Event, results: Queue[DeskReport]) -> None:
    """The child process: connect, say ready, wait for the start, work, report."""
    engine = open_engine(plan.url)
    sessions = session_factory(engine)
    with sessions.begin() as session:  # connect before the clock starts
        session.execute(select(1))
    ready.put(plan.number)
    go.wait()
    try:
        results.put(_Desk(plan, sessions).work())
    finally:
        engine.dispose()


Committed = Callable[[], None]
"""What a unit of work changes in the desk's own memory, applied only once it committed."""


class _Desk:
    def __init__(self, plan: DeskPlan, sessions: sessionmaker[Session]) -> None:
        self.plan = plan
        self.sessions = sessions
        self.random = random.Random(plan.number)  # noqa: S311 - a repeatable workload, no secret
        self.report = DeskReport(plan.number)
        self.who = Who(desk=f"bench{plan.number:02d}", actor="bench")
        self.case = reference_case()
        self.draft_id: int | None = None
        self.answers: list[tuple[str, Any]] = []

    def work(self) -> DeskReport:
        deadline = time.perf_counter() + self.plan.seconds
        while time.perf_counter() < deadline:
            roll = self.random.random()
            if roll < _PURGE_SHARE:
                self._timed("purge", self._purge)
            elif roll < _PURGE_SHARE + _SCAN_SHARE:
                self._timed("scan", self._scan)
            elif self.draft_id is None:
                self._timed("draft_start", self._start)
            elif len(self.answers) < ANSWERS_PER_INTERVIEW:
                self._timed("draft_save", self._answer)
            else:
                self._timed("case_finish", self._finish)
            time.sleep(self.random.uniform(0, 2 * self.plan.pause_s))
        return self.report

    def _timed(self, operation: str, unit: Callable[[Session], Committed]) -> None:
        """Run ``unit`` as one committed unit of work and time it; count what failed."""
        start = time.perf_counter()
        try:
            with self.sessions.begin() as session:
                committed = unit(session)
        except DBAPIError as exc:
            self.report.errors["STORE_001" if is_busy(exc) else type(exc.orig).__name__] += 1
            return
        except SQLAlchemyError as exc:
            self.report.errors[type(exc).__name__] += 1
            return
        self.report.times[operation].append(time.perf_counter() - start)
        committed()

    def _start(self, session: Session) -> Committed:
        now = dt.datetime.now(JST)
        questionnaire = ("moving", "2026.11")
        row = start_draft(
            session, desk=self.who.desk, questionnaire=questionnaire, as_of=now.date(), now=now
        )
        draft_id = row.id

        def started() -> None:
            self.draft_id, self.answers = draft_id, []

        return started

    def _answer(self, session: Session) -> Committed:
        row = session.get(DraftRow, self.draft_id)
        assert row is not None
        answer = (f"question_{len(self.answers)}", f"回答 {len(self.answers)} 山田 太郎")
        save_answers(session, row, [*self.answers, answer], now=dt.datetime.now(JST))
        return lambda: self.answers.append(answer)

    def _finish(self, session: Session) -> Committed:
        now = dt.datetime.now(JST)
        row = session.get(DraftRow, self.draft_id)
        assert row is not None
        made = self.report.finished_cases
        created = now - dt.timedelta(days=RETENTION_DAYS + 10) if made % _OLD_EVERY == 0 else now
        case_id = f"BENCH-{self.plan.number:02d}-{made:06d}"
        case = {**self.case, "case_id": case_id, "created_at": created.isoformat()}
        save_case(session, case, desk=self.who.desk)
        close_draft(session, row, case_id=case_id, now=now)
        audit(session, "case_saved", who=self.who, now=now, case_id=case_id)

        def finished() -> None:
            self.report.finished_cases += 1
            self.draft_id = None

        return finished

    def _scan(self, session: Session) -> Committed:
        now = dt.datetime.now(JST)
        key = (
            scanned_case_id(self.random.randrange(SCANNED_CASES)),
            self.random.choice(DEPARTMENTS),
        )
        handoff = record_handoff(
            session, case_id=key[0], department=key[1], desk=self.who.desk, now=now
        )
        detail = f"department={key[1]} scans={handoff.scans}"
        audit(session, "slip_scanned", who=self.who, now=now, case_id=key[0], detail=detail)

        def scanned() -> None:
            self.report.scans[key] += 1
            if not handoff.already_handled:
                self.report.first_scans[key] += 1

        return scanned

    def _purge(self, session: Session) -> Committed:
        result = purge(session, now=dt.datetime.now(JST), days=RETENTION_DAYS, who=self.who)

        def purged() -> None:
            self.report.purged_cases += result.cases

        return purged
