"""Migration 0002 on a store that already holds cases (0001): every case gets its life event,
the procedures their first-of-visit flags, and the tables match the models."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text

from kakanai.store.database import open_engine
from kakanai.store.migrating import alembic_config, migrate
from kakanai.store.tables import Base


def at_0001(url: str) -> Engine:
    engine = open_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    return engine


def test_cases_stored_before_statistics_get_their_life_event_and_flags(database_url: str) -> None:
    engine = at_0001(database_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO cases (id, case_id, questionnaire_id, questionnaire_version, city,"
                " desk, created_at, as_of, member_count) VALUES (1, 'C-1', 'moving', '2026.11',"
                " 'サンプル市', '窓口1', '2026-11-23 01:00:00+00:00', '2026-11-23', 2)"
            )
        )
        # a per-member procedure for two members, and another of the same department
        for pk, procedure, member in (
            (1, "kodomo_a", 0),
            (2, "kodomo_a", 1),
            (3, "kodomo_b", None),
        ):
            connection.execute(
                text(
                    "INSERT INTO procedures (id, case_pk, procedure_id, department, member_index)"
                    " VALUES (:pk, 1, :procedure, 'kodomo', :member)"
                ),
                {"pk": pk, "procedure": procedure, "member": member},
            )
    migrate(engine)
    with engine.connect() as connection:
        events = connection.execute(text("SELECT case_pk, event FROM case_events")).all()
        flags = connection.execute(
            text("SELECT first_of_case, first_of_department FROM procedures ORDER BY id")
        ).all()
    engine.dispose()
    assert [tuple(e) for e in events] == [(1, "moving")]
    assert [(bool(a), bool(b)) for a, b in flags] == [(True, True), (False, False), (True, False)]


def test_the_migrated_tables_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
