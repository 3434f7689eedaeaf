"""Statistics: interview start and length, life events, question times, forms printed with
what they filled in, scans per desk, and the indexes the statistics' GROUP BYs use.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("started_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("duration_s", sa.Integer(), nullable=True))
        batch_op.create_index("ix_cases_as_of", ["as_of", "id", "case_id", "desk", "duration_s"])
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("first_of_case", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(
            sa.Column("first_of_department", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    # Rows already stored: only the first row of a procedure (or department) in its case.
    op.execute(
        "UPDATE procedures SET first_of_case = (id = (SELECT min(p.id) FROM procedures p"
        " WHERE p.case_pk = procedures.case_pk AND p.procedure_id = procedures.procedure_id))"
    )
    op.execute(
        "UPDATE procedures SET first_of_department = (id = (SELECT min(p.id) FROM procedures p"
        " WHERE p.case_pk = procedures.case_pk AND p.department = procedures.department))"
    )
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.create_index(
            "ix_procedures_case_stats",
            ["case_pk", "procedure_id", "department", "first_of_case", "first_of_department"],
        )
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_pk", "event", name="uq_case_event"),
    )
    op.create_index("ix_case_events_event", "case_events", ["event", "case_pk"])
    # Every case so far had one questionnaire: that is its life event.
    op.execute("INSERT INTO case_events (case_pk, event) SELECT id, questionnaire_id FROM cases")
    op.create_table(
        "question_times",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_pk", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_pk"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_question_times_stats", "question_times", ["case_pk", "question_id", "seconds"]
    )
    op.create_table(
        "form_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("member", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.String(length=64), nullable=False),
        sa.Column("department", sa.String(length=64), nullable=False),
        sa.Column("desk", sa.String(length=64), nullable=False),
        sa.Column("first_printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("prints", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Integer(), nullable=False),
        sa.Column("names", sa.Integer(), nullable=False),
        sa.Column("addresses", sa.Integer(), nullable=False),
        sa.Column("birth_dates", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "form_id", "member", name="uq_form_print"),
    )
    op.create_index(
        "ix_form_prints_stats",
        "form_prints",
        [
            "case_id",
            "department",
            "procedure_id",
            "desk",
            "prints",
            "fields",
            "names",
            "addresses",
            "birth_dates",
        ],
    )
    op.create_table(
        "desk_scans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("department", sa.String(length=64), nullable=False),
        sa.Column("desk", sa.String(length=64), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handoff", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_desk_scans_stats", "desk_scans", ["case_id", "department", "desk"])
    op.create_index(
        "ix_handoffs_stats", "handoffs", ["case_id", "department", "desk", "first_scanned_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_handoffs_stats", table_name="handoffs")
    op.drop_index("ix_desk_scans_stats", table_name="desk_scans")
    op.drop_table("desk_scans")
    op.drop_index("ix_form_prints_stats", table_name="form_prints")
    op.drop_table("form_prints")
    op.drop_index("ix_question_times_stats", table_name="question_times")
    op.drop_table("question_times")
    op.drop_index("ix_case_events_event", table_name="case_events")
    op.drop_table("case_events")
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.drop_index("ix_procedures_case_stats")
        batch_op.drop_column("first_of_department")
        batch_op.drop_column("first_of_case")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_as_of")
        batch_op.drop_column("duration_s")
        batch_op.drop_column("started_at")
