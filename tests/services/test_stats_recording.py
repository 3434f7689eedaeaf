"""What the counter and the desks record for statistics (interview start and length, the
seconds each question took, the slips scanned, the forms printed) holds no personal data:
the retention purge deletes the personal data and the statistics stay exactly the same."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kakanai.core.stats.periods import Grouping, Period
from kakanai.services.counter.session import CounterSession, residence_rendered
from kakanai.services.desk.session import open_scan, record_printing
from kakanai.services.purging import purge_expired
from kakanai.services.stats import source as stats
from kakanai.services.stats.recording import record_forms
from kakanai.services.workspace import Workspace, open_workspace
from kakanai.store.cases import find_case, save_case
from kakanai.store.tables import DeskScanRow, FormPrintRow, MemberRow, QuestionTimeRow
from tests.desk_slips import reference_case, sealed
from tests.postgres_databases import postgres_database  # noqa: F401 - a fixture for the tests
from tests.services.counter.workspace import reference_answers

JST = dt.timezone(dt.timedelta(hours=9))
START = dt.datetime(2026, 11, 23, 10, 0, tzinfo=JST)
STEP = dt.timedelta(seconds=10)


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Workspace]:
    for name in list(os.environ):
        if name.startswith("KAKANAI_") and name != "KAKANAI_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    if request.param == "postgresql":
        url = str(request.getfixturevalue("postgres_database"))
        monkeypatch.setenv("KAKANAI_DATABASE_URL", url)
    opened = open_workspace()
    yield opened
    opened.close()


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> dt.datetime:
        return self.at


def interview(workspace: Workspace, clock: Clock) -> tuple[dict[str, object], int]:
    """The reference family's interview, each question answered 10 seconds after the last
    step, finished 5 seconds after the last answer; returns the case and the questions."""
    session = CounterSession.start(workspace)
    answers = reference_answers()
    asked = 0
    while session.current is not None:
        clock.at += STEP
        session.answer(answers.get(session.current.id))
        asked += 1
    clock.at += dt.timedelta(seconds=5)
    return session.finish(), asked


def test_an_interview_records_its_length_and_each_question_s_seconds(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(workspace, "now", clock)
    case, asked = interview(workspace, clock)
    with workspace.session() as session:
        row = find_case(session, str(case["case_id"]))
        assert row is not None
        assert (row.started_at, row.duration_s) == (START, asked * 10 + 5)
        seconds = {t.question_id: t.seconds for t in row.question_times}
        assert [e.event for e in row.events] == ["moving"]
    assert len(seconds) == asked
    assert set(seconds.values()) == {10}


def test_a_desk_records_each_scan_and_the_forms_it_printed(workspace: Workspace) -> None:
    with workspace.session() as session:
        save_case(session, reference_case(), desk="窓口1")
    digits = sealed().digits
    scan = open_scan(workspace, digits)
    open_scan(workspace, digits)
    record_printing(workspace, scan, scan.forms)
    record_printing(workspace, scan, scan.forms[:1])  # one printed again
    with workspace.session() as session:
        scans = session.scalar(select(func.count()).select_from(DeskScanRow))
        printed = list(session.scalars(select(FormPrintRow).order_by(FormPrintRow.id)))
    assert scans == 2
    assert [p.form_id for p in printed] == [f.form_id for f in scan.forms]
    assert [p.prints for p in printed] == [2] + [1] * (len(printed) - 1)
    assert all(p.fields > 0 and p.desk == workspace.who.desk for p in printed)


def test_a_purged_store_gives_the_same_statistics(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(workspace, "now", clock)
    case, _ = interview(workspace, clock)
    record_forms(workspace, str(case["case_id"]), [residence_rendered(case)])  # type: ignore[arg-type]
    with workspace.session() as session:
        save_case(session, reference_case(), desk="窓口2", started_at=START)
    scan = open_scan(workspace, sealed(now=START).digits, now=START + dt.timedelta(hours=1))
    record_printing(workspace, scan, scan.forms)
    source = stats.open_source(workspace)
    period = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))

    def everything() -> object:
        return (
            [stats.full_report(source, period, grouping) for grouping in Grouping],
            stats.public_table(source, period).cells(),
        )

    before = everything()
    monkeypatch.setattr(workspace, "now", lambda: START + dt.timedelta(days=1))
    assert purge_expired(workspace, days=0).cases == 2
    with workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(MemberRow)) == 0
        assert session.scalar(select(func.count()).select_from(QuestionTimeRow))
    assert everything() == before
    assert before[0][0].total.cases == 2  # type: ignore[index]
