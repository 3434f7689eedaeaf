"""The tables: cases, household members, procedures, drafts, handoffs, the audit log,
what statistics count (life events, question times, forms printed, scans per desk), and the
supervisors' side: users with roles, and the question-tree versions a city published.

Personal data lives only in ``cases.document``, ``household_members`` and ``drafts.answers``;
retention (``store/retention.py``) deletes those and keeps the counts statistics need.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kakanai.core.trees.visit import (
    TREE_ID_CHARS,
    TREE_VERSION_CHARS,
    VISIT_ID_CHARS,
    VISIT_VERSION_CHARS,
)

# A draft's and a case's questionnaire: one tree, or a visit naming each of its trees
# (moving+birth, 2026.12+2026.12): room for the most trees a visit joins, each of the longest
# id and version a published tree version stores (migration 0004 widened them from 64 and
# 32, which refused a visit of five events); services/counter/session.py refuses a tree whose
# id or version is longer.
QUESTIONNAIRE_ID_CHARS = VISIT_ID_CHARS
QUESTIONNAIRE_VERSION_CHARS = VISIT_VERSION_CHARS


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes stored as UTC and read back aware on every database (SQLite has no
    time zones and would otherwise return naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(
        self, value: dt.datetime | None, _dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware datetime")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, _dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UtcDateTime(),
        dict[str, Any]: JSON,
    }


class CaseRow(Base):
    """One finished interview (受付案件), with the questionnaire version it used."""

    __tablename__ = "cases"
    # Statistics select a period of interview dates and read only these columns.
    __table_args__ = (Index("ix_cases_as_of", "as_of", "id", "case_id", "desk", "duration_s"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(String(32), unique=True)
    questionnaire_id: Mapped[str] = mapped_column(String(QUESTIONNAIRE_ID_CHARS))
    questionnaire_version: Mapped[str] = mapped_column(String(QUESTIONNAIRE_VERSION_CHARS))
    city: Mapped[str] = mapped_column(String(64), default="")
    desk: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime]
    as_of: Mapped[dt.date]
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    purged_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    # The interview's first question (the draft's start) and its length until the case was
    # stored; None for cases stored before statistics were kept.
    started_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    duration_s: Mapped[int | None] = mapped_column(nullable=True)

    members: Mapped[list[MemberRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="MemberRow.index"
    )
    procedures: Mapped[list[ProcedureRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ProcedureRow.id"
    )
    events: Mapped[list[CaseEventRow]] = relationship(
        cascade="all, delete-orphan", order_by="CaseEventRow.id"
    )
    question_times: Mapped[list[QuestionTimeRow]] = relationship(
        cascade="all, delete-orphan", order_by="QuestionTimeRow.id"
    )


class MemberRow(Base):
    """A household member of a case (personal data; deleted by retention)."""

    __tablename__ = "household_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    index: Mapped[int]
    name: Mapped[str] = mapped_column(String(128))
    kana: Mapped[str] = mapped_column(String(256))
    birth_date: Mapped[dt.date]
    sex: Mapped[str] = mapped_column(String(8), default="")
    relation: Mapped[str] = mapped_column("relationship", String(32), default="")

    case: Mapped[CaseRow] = relationship(back_populates="members")


class ProcedureRow(Base):
    """A procedure that applied to a case (no personal data; kept for statistics)."""

    __tablename__ = "procedures"
    # Covering index: statistics count procedures per case without reading the table.
    __table_args__ = (
        Index(
            "ix_procedures_case_stats",
            "case_pk",
            "procedure_id",
            "department",
            "first_of_case",
            "first_of_department",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    procedure_id: Mapped[str] = mapped_column(String(64))
    department: Mapped[str] = mapped_column(String(64), index=True)
    member_index: Mapped[int | None] = mapped_column(nullable=True)
    # The case's first row of this procedure (a per-member procedure has a row per member)
    # and of this department: statistics count visits with them, without DISTINCT.
    first_of_case: Mapped[bool] = mapped_column(default=True)
    first_of_department: Mapped[bool] = mapped_column(default=True)

    case: Mapped[CaseRow] = relationship(back_populates="procedures")


class DraftRow(Base):
    """An interview in progress, saved after every answer so nothing is lost."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_key: Mapped[str] = mapped_column(String(36), unique=True)
    desk: Mapped[str] = mapped_column(String(64), index=True)
    questionnaire_id: Mapped[str] = mapped_column(String(QUESTIONNAIRE_ID_CHARS))
    questionnaire_version: Mapped[str] = mapped_column(String(QUESTIONNAIRE_VERSION_CHARS))
    as_of: Mapped[dt.date]
    started_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    case_id: Mapped[str | None] = mapped_column(String(32), nullable=True)


class HandoffRow(Base):
    """A department's scan of a slip (連携); one row per case and department."""

    __tablename__ = "handoffs"
    __table_args__ = (
        UniqueConstraint("case_id", "department", name="uq_handoff_case_dept"),
        # Covering, for the statistics (handoffs per visit, the order they were scanned).
        Index("ix_handoffs_stats", "case_id", "department", "desk", "first_scanned_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(String(32), index=True)
    department: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))
    first_scanned_at: Mapped[dt.datetime]
    last_scanned_at: Mapped[dt.datetime]
    scans: Mapped[int] = mapped_column(Integer, default=1)


class AuditRow(Base):
    """Who did what and when; ``detail`` never holds personal data (case ids only)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    desk: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    detail: Mapped[str] = mapped_column(String(256), default="")


class CaseEventRow(Base):
    """A life event (ライフイベント) of a visit: the id of a question tree the visit used."""

    __tablename__ = "case_events"
    __table_args__ = (
        UniqueConstraint("case_pk", "event", name="uq_case_event"),
        Index("ix_case_events_event", "event", "case_pk"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(64))


class QuestionTimeRow(Base):
    """Seconds a question of a visit's interview was on screen until it was answered
    (summed when the clerk came back to it). No answer is kept here."""

    __tablename__ = "question_times"
    __table_args__ = (Index("ix_question_times_stats", "case_pk", "question_id", "seconds"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(64))
    seconds: Mapped[int]


class FormPrintRow(Base):
    """A prefilled form printed (or saved as PDF) for a case: one row per case, form and
    member (-1: the household's form), ``prints`` counts reprints. The counts say how much
    kakanai filled in; no value is kept."""

    __tablename__ = "form_prints"
    __table_args__ = (
        UniqueConstraint("case_id", "form_id", "member", name="uq_form_print"),
        # Covering: the statistics sum these columns per case without reading the table.
        Index(
            "ix_form_prints_stats",
            "case_id",
            "department",
            "procedure_id",
            "desk",
            "prints",
            "fields",
            "names",
            "addresses",
            "birth_dates",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(String(32))
    form_id: Mapped[str] = mapped_column(String(64))
    member: Mapped[int] = mapped_column(Integer, default=-1)
    procedure_id: Mapped[str] = mapped_column(String(64), default="")
    department: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))
    first_printed_at: Mapped[dt.datetime]
    last_printed_at: Mapped[dt.datetime]
    prints: Mapped[int] = mapped_column(Integer, default=1)
    fields: Mapped[int] = mapped_column(Integer, default=0)
    names: Mapped[int] = mapped_column(Integer, default=0)
    addresses: Mapped[int] = mapped_column(Integer, default=0)
    birth_dates: Mapped[int] = mapped_column(Integer, default=0)


class DeskScanRow(Base):
    """One slip opened at a desk; ``handoff`` when the case had procedures there."""

    __tablename__ = "desk_scans"
    __table_args__ = (Index("ix_desk_scans_stats", "case_id", "department", "desk"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(String(32))
    department: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(64))
    scanned_at: Mapped[dt.datetime]
    handoff: Mapped[bool] = mapped_column(default=True)


class UserRow(Base):
    """A person who works with kakanai and their role (clerk, desk, supervisor). Only a
    supervisor signs in, so only a supervisor has a password hash (services/supervision)."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('clerk', 'desk', 'supervisor')", name="ck_users_role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(256), nullable=True)
    created_at: Mapped[dt.datetime]
    disabled: Mapped[bool] = mapped_column(default=False)


class TreeVersionRow(Base):
    """One published version of a question tree: its YAML exactly as published (comments
    and all), its scenarios, and from which day it is in force (施行日). A row is never
    changed again except to withdraw it; withdrawn versions stay for the slips made with them."""

    __tablename__ = "tree_versions"
    __table_args__ = (
        UniqueConstraint("tree_id", "version", name="uq_tree_version"),
        CheckConstraint("state IN ('published', 'withdrawn')", name="ck_tree_versions_state"),
        # The version in force: the newest effective_from of a published tree on a day.
        Index("ix_tree_versions_in_force", "tree_id", "state", "effective_from"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tree_id: Mapped[str] = mapped_column(String(TREE_ID_CHARS))
    version: Mapped[str] = mapped_column(String(TREE_VERSION_CHARS))
    effective_from: Mapped[dt.date]
    state: Mapped[str] = mapped_column(String(16), default="published")
    # Loaded only when read: finding the version in force reads the small columns.
    source: Mapped[str] = mapped_column(Text, deferred=True)
    tests: Mapped[str | None] = mapped_column(Text, nullable=True, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))  # of ``source`` as UTF-8
    published_by: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[dt.datetime]
    withdrawn_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
