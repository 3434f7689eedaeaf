"""Supervision: users with roles (a password hash for supervisors) and the question-tree
versions a city published, with their effective dates and withdrawals.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.CheckConstraint("role IN ('clerk', 'desk', 'supervisor')", name="ck_users_role"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "tree_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tree_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("tests", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_by", sa.String(length=64), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("state IN ('published', 'withdrawn')", name="ck_tree_versions_state"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tree_id", "version", name="uq_tree_version"),
    )
    op.create_index(
        "ix_tree_versions_in_force", "tree_versions", ["tree_id", "state", "effective_from"]
    )


def downgrade() -> None:
    op.drop_index("ix_tree_versions_in_force", table_name="tree_versions")
    op.drop_table("tree_versions")
    op.drop_table("users")
