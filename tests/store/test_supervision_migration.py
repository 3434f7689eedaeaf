"""Migration 0003 on a store that already holds cases and an audit log (0002): users and
tree versions are added, nothing stored before is touched, and the tables match the models."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import Engine, inspect, text

from kakanai.store.database import open_engine, session_factory
from kakanai.store.migrating import HEAD, alembic_config, migrate, stored_revision
from kakanai.store.tables import TreeVersionRow, UserRow

UTC = dt.UTC


def at_revision(url: str, revision: str) -> Engine:
    engine = open_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return engine


def _fill_0002(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO cases (id, case_id, questionnaire_id, questionnaire_version, city,"
                " desk, created_at, as_of, member_count, started_at, duration_s) VALUES (1,"
                " 'C-1', 'moving', '2026.12', 'サンプル市', '窓口1', '2026-11-23 01:00:00+00:00',"
                " '2026-11-23', 2, '2026-11-23 00:50:00+00:00', 600)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO audit_log (id, at, desk, actor, action, case_id, detail) VALUES"
                " (1, '2026-11-23 01:00:00+00:00', '窓口1', 'clerk01', 'case_saved', 'C-1',"
                " '2人 3件')"
            )
        )


def test_a_store_with_cases_gains_users_and_tree_versions_and_keeps_its_data(
    database_url: str,
) -> None:
    engine = at_revision(database_url, "0002")
    _fill_0002(engine)
    migrate(engine)
    try:
        assert stored_revision(engine) == HEAD
        tables = set(inspect(engine).get_table_names())
        assert {"users", "tree_versions"} <= tables
        with engine.connect() as connection:
            cases = connection.execute(text("SELECT case_id, duration_s FROM cases")).all()
            audit = connection.execute(text("SELECT action, detail FROM audit_log")).all()
        assert [tuple(c) for c in cases] == [("C-1", 600)]
        assert [tuple(a) for a in audit] == [("case_saved", "2人 3件")]
        now = dt.datetime(2026, 12, 10, 9, 0, tzinfo=UTC)
        with session_factory(engine).begin() as session:
            session.add(UserRow(name="監修 花子", role="supervisor", created_at=now))
            session.add(
                TreeVersionRow(
                    tree_id="moving",
                    version="2027.1",
                    effective_from=dt.date(2027, 1, 1),
                    source="# コメント\nquestionnaire: {}\n",
                    sha256="0" * 64,
                    published_by="監修 花子",
                    published_at=now,
                )
            )
        with session_factory(engine)() as session:
            user = session.query(UserRow).one()
            version = session.query(TreeVersionRow).one()
            assert (user.disabled, user.password_hash) == (False, None)
            assert (version.state, version.source) == (
                "published",
                "# コメント\nquestionnaire: {}\n",
            )
    finally:
        engine.dispose()


def test_0003_downgrades_to_0002_and_upgrades_again(database_url: str) -> None:
    """The migration's downgrade is real: the two tables go and come back."""
    engine = at_revision(database_url, "0003")
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")
        assert not {"users", "tree_versions"} & set(inspect(engine).get_table_names())
        migrate(engine)
        assert {"users", "tree_versions"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
