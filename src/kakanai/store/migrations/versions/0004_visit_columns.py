"""Visits of many life events: the questionnaire id and version of a case and of a draft
name every tree of a visit (``moving+birth+death+...``, ``2026.12+2026.12+...``), so they
are widened from 64 and 32 characters (four events at most) to room for eight trees of
64-character ids and 32-character versions. SQLite copies the two tables (batch mode);
``store/migrating.py`` turns its foreign keys off meanwhile, so the copy keeps every row.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen here: the model's sizes may change again in a later migration.
_WIDE = {"questionnaire_id": 519, "questionnaire_version": 263}
_NARROW = {"questionnaire_id": 64, "questionnaire_version": 32}
_TABLES = ("cases", "drafts")


def upgrade() -> None:
    _resize(_NARROW, _WIDE)


def downgrade() -> None:
    _resize(_WIDE, _NARROW)


def _resize(before: dict[str, int], after: dict[str, int]) -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, length in after.items():
                batch_op.alter_column(
                    column,
                    existing_type=sa.String(length=before[column]),
                    type_=sa.String(length=length),
                    existing_nullable=False,
                )
