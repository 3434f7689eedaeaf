"""The question-tree versions a city published: which one is in force on a day, one exact
version, every version of a tree. Rows are only ever added or withdrawn."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kakanai.store.tables import TreeVersionRow

PUBLISHED = "published"
WITHDRAWN = "withdrawn"


def in_force(session: Session, tree_id: str, on: dt.date) -> TreeVersionRow | None:
    """The published version with the latest effective date on or before ``on`` (the one
    published last when two share that date); None when no published version is in force."""
    query = (
        select(TreeVersionRow)
        .where(
            TreeVersionRow.tree_id == tree_id,
            TreeVersionRow.state == PUBLISHED,
            TreeVersionRow.effective_from <= on,
        )
        .order_by(TreeVersionRow.effective_from.desc(), TreeVersionRow.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def exact(session: Session, tree_id: str, version: str) -> TreeVersionRow | None:
    """The version ``version`` of ``tree_id``, withdrawn or not."""
    query = select(TreeVersionRow).where(
        TreeVersionRow.tree_id == tree_id, TreeVersionRow.version == version
    )
    return session.scalars(query).one_or_none()


def versions(session: Session, tree_id: str | None = None) -> list[TreeVersionRow]:
    """Every version (of ``tree_id``, or of every tree), by tree and in publishing order."""
    query = select(TreeVersionRow).order_by(TreeVersionRow.tree_id, TreeVersionRow.id)
    if tree_id is not None:
        query = query.where(TreeVersionRow.tree_id == tree_id)
    return list(session.scalars(query))


def add_version(session: Session, row: TreeVersionRow) -> TreeVersionRow:
    session.add(row)
    session.flush()
    return row


def withdraw(session: Session, row: TreeVersionRow, *, by: str, now: dt.datetime) -> None:
    row.state = WITHDRAWN
    row.withdrawn_by = by
    row.withdrawn_at = now
    session.flush()
