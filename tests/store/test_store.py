"""The store keeps cases, drafts, handoffs and the audit log on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from kakanai.store.audit import Who, audit, audit_entries
from kakanai.store.cases import find_case, save_case
from kakanai.store.database import open_engine, session_factory, sqlite_url
from kakanai.store.drafts import close_draft, draft_answers, open_draft, save_answers, start_draft
from kakanai.store.handoffs import handoff_count, record_handoff
from kakanai.store.migrating import (
    HEAD,
    current_revision,
    head_revision,
    migrate,
    stored_revision,
)
from kakanai.store.retention import purge
from kakanai.store.tables import CaseRow, MemberRow, ProcedureRow
from tests.conftest import ROOT

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2026, 11, 23, 10, 15, tzinfo=JST)
DESK = Who(desk="窓口1", actor="clerk01")


def reference_case() -> dict[str, Any]:
    path = ROOT / "tests" / "fixtures" / "reference_case.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_migration_reaches_head_and_creates_every_table(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"cases", "household_members", "procedures", "drafts", "handoffs", "audit_log"} <= tables


def test_head_constant_is_the_newest_migration() -> None:
    """The start-up shortcut compares against HEAD: it must name the newest revision."""
    assert head_revision() == HEAD


def test_stored_revision_reads_what_alembic_wrote(engine: Engine) -> None:
    assert stored_revision(engine) == current_revision(engine)


def test_migrating_twice_changes_nothing(engine: Engine) -> None:
    migrate(engine)
    assert current_revision(engine) == head_revision()


def test_sqlite_database_uses_wal(tmp_path: Path) -> None:
    engine = open_engine(sqlite_url(tmp_path))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()


def test_saved_case_keeps_document_members_and_procedures(session: Session) -> None:
    case = reference_case()
    save_case(session, case, desk="窓口1")
    session.commit()
    row = find_case(session, case["case_id"])
    assert row is not None
    assert row.document == case
    assert row.questionnaire_version == case["questionnaire"]["version"]
    assert [m.name for m in row.members] == [m["name"] for m in case["household"]["members"]]
    assert [p.procedure_id for p in row.procedures] == [p["id"] for p in case["procedures"]]


def test_a_guidance_is_kept_in_the_document_but_never_counted_as_a_procedure(
    session: Session,
) -> None:
    """Statistics count procedure rows: a notice (kind: guidance, e.g. a 届 past its
    deadline) stays in the case's document and gets no row."""
    case = reference_case()
    notice = {**case["procedures"][0], "id": "todoke_kigen_keika", "kind": "guidance"}
    case["procedures"].insert(1, notice)
    save_case(session, case, desk="窓口1")
    session.commit()
    row = find_case(session, case["case_id"])
    assert row is not None
    assert row.document is not None
    assert "todoke_kigen_keika" in [p["id"] for p in row.document["procedures"]]
    stored = [p.procedure_id for p in row.procedures]
    assert stored == [p["id"] for p in case["procedures"] if p.get("kind") != "guidance"]
    assert "todoke_kigen_keika" not in stored


def test_saving_a_case_twice_stores_it_once(session: Session) -> None:
    case = reference_case()
    save_case(session, case, desk="窓口1")
    save_case(session, copy.deepcopy(case), desk="窓口2")
    session.commit()
    assert len(session.scalars(select(CaseRow)).all()) == 1


def test_draft_answers_survive_a_new_session(engine: Engine) -> None:
    factory = session_factory(engine)
    with factory() as session:
        draft = start_draft(
            session, desk="窓口1", questionnaire=("moving", "2026.11"), as_of=NOW.date(), now=NOW
        )
        save_answers(session, draft, [("move_type", "転入"), ("move_date", "R8.11.15")], now=NOW)
        session.commit()
    with factory() as session:
        resumed = open_draft(session, "窓口1")
        assert resumed is not None
        assert draft_answers(resumed) == [("move_type", "転入"), ("move_date", "R8.11.15")]


def test_closed_draft_is_not_offered_again(session: Session) -> None:
    draft = start_draft(
        session, desk="窓口1", questionnaire=("moving", "2026.11"), as_of=NOW.date(), now=NOW
    )
    close_draft(session, draft, case_id="20261123-3FA2C1", now=NOW)
    session.commit()
    assert open_draft(session, "窓口1") is None


def test_same_slip_scanned_twice_is_one_handoff_already_handled(session: Session) -> None:
    first = record_handoff(session, case_id="X-1", department="kodomo", desk="こども1", now=NOW)
    later = NOW + dt.timedelta(minutes=5)
    second = record_handoff(session, case_id="X-1", department="kodomo", desk="こども2", now=later)
    session.commit()
    assert not first.already_handled
    assert second.already_handled
    assert second.scans == 2
    assert handoff_count(session, "kodomo") == 1


def test_purge_deletes_personal_data_and_keeps_counts(session: Session) -> None:
    case = reference_case()
    save_case(session, case, desk="窓口1")
    session.commit()
    result = purge(session, now=NOW + dt.timedelta(days=91), who=DESK)
    session.commit()
    row = find_case(session, case["case_id"])
    assert result.cases == 1
    assert row is not None
    assert row.document is None
    assert row.purged_at is not None
    assert session.scalars(select(MemberRow)).all() == []
    assert len(session.scalars(select(ProcedureRow)).all()) == len(case["procedures"])
    assert row.member_count == len(case["household"]["members"])


def test_purge_keeps_cases_inside_the_retention_period(session: Session) -> None:
    save_case(session, reference_case(), desk="窓口1")
    session.commit()
    assert purge(session, now=NOW + dt.timedelta(days=89), who=DESK).cases == 0


def test_audit_log_holds_no_personal_data(session: Session) -> None:
    case = reference_case()
    save_case(session, case, desk="窓口1")
    audit(session, "case_saved", who=DESK, now=NOW, case_id=case["case_id"])
    purge(session, now=NOW, who=DESK)
    session.commit()
    logged = " ".join(f"{e.action} {e.case_id} {e.detail}" for e in audit_entries(session))
    for member in case["household"]["members"]:
        assert member["name"] not in logged
        assert member["name"].split()[0] not in logged


def test_unknown_audit_action_is_refused(session: Session) -> None:
    with pytest.raises(ValueError, match="unknown audit action"):
        audit(session, "looked_at_everything", who=DESK, now=NOW)


def test_times_come_back_aware_and_equal(session: Session) -> None:
    save_case(session, reference_case(), desk="窓口1")
    session.commit()
    session.expire_all()
    row = session.scalars(select(CaseRow)).one()
    assert row.created_at == dt.datetime.fromisoformat(reference_case()["created_at"])
    assert row.created_at.tzinfo is not None
