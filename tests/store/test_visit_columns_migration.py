"""Migration 0004 on a store that holds cases with members and procedures and an open draft
(0003): the questionnaire columns grow to hold a visit of eight trees, and every row —
the children of a case too, which SQLite's copy of the table must not cascade away — stays."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import Engine, inspect, text

from kakanai.core.trees.visit import MAX_TREES, TREE_ID_CHARS, TREE_VERSION_CHARS
from kakanai.store.database import open_engine, session_factory
from kakanai.store.drafts import start_draft
from kakanai.store.migrating import alembic_config, migrate, stored_revision
from kakanai.store.tables import CaseRow, DraftRow

UTC = dt.UTC
NOW = dt.datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def at_revision(url: str, revision: str) -> Engine:
    engine = open_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return engine


def _fill_0003(engine: Engine) -> None:
    statements = [
        (
            "INSERT INTO cases (id, case_id, questionnaire_id, questionnaire_version, city, desk,"
            " created_at, as_of, member_count, started_at, duration_s) VALUES (1, 'C-1',"
            " 'moving+birth', '2026.12+2026.12', 'サンプル市', '窓口1',"
            " '2026-11-23 01:00:00+00:00', '2026-11-23', 1, '2026-11-23 00:50:00+00:00', 600)"
        ),
        (
            'INSERT INTO household_members (id, case_pk, "index", name, kana, birth_date, sex,'
            " relationship) VALUES (1, 1, 0, '山田 太郎', 'ヤマダ タロウ', '1990-01-01', '男',"
            " '本人')"
        ),
        (
            "INSERT INTO procedures (id, case_pk, procedure_id, department, member_index,"
            " first_of_case, first_of_department) VALUES (1, 1, 'tennyu', 'shimin', NULL, TRUE,"
            " TRUE)"
        ),
        "INSERT INTO case_events (id, case_pk, event) VALUES (1, 1, 'moving')",
        (
            "INSERT INTO drafts (id, draft_key, desk, questionnaire_id, questionnaire_version,"
            " as_of, started_at, updated_at, answers, status) VALUES (1, 'k-1', '窓口1', 'moving',"
            " '2026.12', '2026-11-23', '2026-11-23 00:50:00+00:00', '2026-11-23 00:51:00+00:00',"
            " '{}', 'open')"
        ),
    ]
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _counts(engine: Engine) -> dict[str, int]:
    tables = ("cases", "household_members", "procedures", "case_events", "drafts")
    with engine.connect() as connection:
        return {
            t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())  # noqa: S608 - constant names
            for t in tables
        }


def test_the_visit_columns_widen_and_every_row_and_child_row_stays(database_url: str) -> None:
    engine = at_revision(database_url, "0003")
    try:
        _fill_0003(engine)
        migrate(engine)
        assert stored_revision(engine) == "0004"
        assert _counts(engine) == {
            "cases": 1,
            "household_members": 1,
            "procedures": 1,
            "case_events": 1,
            "drafts": 1,
        }
        for table in ("cases", "drafts"):
            columns = {c["name"]: c["type"] for c in inspect(engine).get_columns(table)}
            assert columns["questionnaire_id"].length == 519  # type: ignore[attr-defined]
            assert columns["questionnaire_version"].length == 263  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_a_draft_of_the_longest_visit_is_stored_and_read_back(database_url: str) -> None:
    """Eight trees of the longest id and version: what a case and a draft must hold."""
    engine = open_engine(database_url)
    migrate(engine)
    ids = "+".join(chr(ord("a") + i) * TREE_ID_CHARS for i in range(MAX_TREES))
    versions = "+".join(str(i) * TREE_VERSION_CHARS for i in range(MAX_TREES))
    try:
        with session_factory(engine).begin() as session:
            start_draft(
                session, desk="窓口1", questionnaire=(ids, versions), as_of=NOW.date(), now=NOW
            )
        with session_factory(engine)() as session:
            row = session.query(DraftRow).one()
            assert (row.questionnaire_id, row.questionnaire_version) == (ids, versions)
    finally:
        engine.dispose()


def test_0004_downgrades_to_0003_and_upgrades_again(database_url: str) -> None:
    engine = at_revision(database_url, "0004")
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
        columns = {c["name"]: c["type"] for c in inspect(engine).get_columns("cases")}
        assert columns["questionnaire_version"].length == 32  # type: ignore[attr-defined]
        migrate(engine)
        assert stored_revision(engine) == "0004"
        assert {c.name for c in CaseRow.__table__.columns} <= {
            c["name"] for c in inspect(engine).get_columns("cases")
        }
    finally:
        engine.dispose()
