"""Every supervision test runs on SQLite and on the real PostgreSQL server."""

from tests.supervised_workspaces import (  # noqa: F401 - fixtures
    migrated_postgres_database,
    migrated_template,
    supervisor,
    workspace,
)
