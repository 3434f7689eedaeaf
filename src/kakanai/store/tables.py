"""The tables: cases, household members, procedures, drafts, handoffs and the audit log.

Personal data lives only in ``cases.document``, ``household_members`` and ``drafts.answers``;
retention (``store/retention.py``) deletes those and keeps the counts statistics need.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    String,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


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

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(String(32), unique=True)
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[str] = mapped_column(String(32))
    city: Mapped[str] = mapped_column(String(64), default="")
    desk: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime]
    as_of: Mapped[dt.date]
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    purged_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)

    members: Mapped[list[MemberRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="MemberRow.index"
    )
    procedures: Mapped[list[ProcedureRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ProcedureRow.id"
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

    id: Mapped[int] = mapped_column(primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    procedure_id: Mapped[str] = mapped_column(String(64))
    department: Mapped[str] = mapped_column(String(64), index=True)
    member_index: Mapped[int | None] = mapped_column(nullable=True)

    case: Mapped[CaseRow] = relationship(back_populates="procedures")


class DraftRow(Base):
    """An interview in progress, saved after every answer so nothing is lost."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_key: Mapped[str] = mapped_column(String(36), unique=True)
    desk: Mapped[str] = mapped_column(String(64), index=True)
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[str] = mapped_column(String(32))
    as_of: Mapped[dt.date]
    started_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    case_id: Mapped[str | None] = mapped_column(String(32), nullable=True)


class HandoffRow(Base):
    """A department's scan of a slip (連携); one row per case and department."""

    __tablename__ = "handoffs"
    __table_args__ = (UniqueConstraint("case_id", "department", name="uq_handoff_case_dept"),)

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
