"""The question trees a city uses. Published versions live in the database with the day
each comes into force (施行日); a withdrawn version is never in force again but stays for
the slips and cases made with it. A tree the database has no version in force of comes from
the files, as before (the city's folder first, then the shipped trees).

Each version's text is checked once and kept by its SHA-256, so a desk scanning many slips
asks the database for a fingerprint and checks nothing again."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kakanai.adapters.yaml_loading import YamlLoadError, load_text
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import QuestionTree
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.visit import SEPARATOR
from kakanai.services.trees import visits
from kakanai.store import tree_versions
from kakanai.store.database import reading_engine
from kakanai.store.tables import TreeVersionRow

CACHED_TEXTS = 32  # versions kept checked: every tree of a city, old and new, several times
K = TypeVar("K")
V = TypeVar("V")


class HasEngine(Protocol):
    """What ``in_force`` and ``exact`` read through: a ``Workspace`` or anything with its
    engine."""

    @property
    def engine(self) -> Engine: ...


Source = Session | HasEngine


@dataclass(frozen=True)
class PublishedVersion:
    """One published version as lists show it (the texts are read with ``version_texts``)."""

    tree_id: str
    version: str
    effective_from: dt.date
    state: str
    sha256: str
    published_by: str
    published_at: dt.datetime
    withdrawn_by: str | None
    withdrawn_at: dt.datetime | None

    @property
    def withdrawn(self) -> bool:
        return self.state == tree_versions.WITHDRAWN

    @classmethod
    def of(cls, row: TreeVersionRow) -> PublishedVersion:
        return cls(
            row.tree_id,
            row.version,
            row.effective_from,
            row.state,
            row.sha256,
            row.published_by,
            row.published_at,
            row.withdrawn_by,
            row.withdrawn_at,
        )


@dataclass(frozen=True)
class VersionTexts:
    """A version's YAML exactly as published, and its scenarios (None when it had none)."""

    version: PublishedVersion
    source: str
    tests: str | None


def in_force(source: Source, tree_id: str, on: dt.date) -> TreeRuntime:
    """The tree (or the visit ``moving+birth``, each part on its own) in force on ``on``:
    the published, not withdrawn version with the latest effective date on or before
    ``on``; the files when the database has none in force that day."""
    ids = tree_id.split(SEPARATOR)
    visits.check_parts(ids)
    with _reading(source) as session:
        rows = [tree_versions.in_force(session, part, on) for part in ids]
        if all(row is None for row in rows):
            return visits.visit_runtime(ids)
        parts = [_part(part, row) for part, row in zip(ids, rows, strict=True)]
    return _joined(parts)


def in_force_version(source: Source, tree_id: str, on: dt.date) -> PublishedVersion | None:
    """Which published version of one tree is in force on ``on``; None: the files'."""
    with _reading(source) as session:
        row = tree_versions.in_force(session, tree_id, on)
        return PublishedVersion.of(row) if row is not None else None


def exact(source: Source, tree_id: str, version: str) -> TreeRuntime:
    """The tree (or visit) ``tree_id`` in exactly ``version`` (``2026.12+2026.1`` for a
    visit, each part on its own), for a slip or a case made with it: from the database,
    withdrawn or not; else the file when it is that version. SLIP_011 when this desk has
    not that version, SLIP_010 when it has no such tree at all."""
    ids, wanted = tree_id.split(SEPARATOR), version.split(SEPARATOR)
    visits.check_parts(ids)
    with _reading(source) as session:
        if len(wanted) != len(ids):
            raise _not_here(session, tree_id, version)
        parts = []
        for part, want in zip(ids, wanted, strict=True):
            row = tree_versions.exact(session, part, want)
            found = _part(part, row) if row is not None else _file_part(session, part, want)
            if found is None:
                raise _not_here(session, tree_id, version)
            parts.append(found)
    return _joined(parts)


def versions(source: Source, tree_id: str | None = None) -> list[PublishedVersion]:
    """Every published version (of ``tree_id``, or of every tree), withdrawn ones too, by
    tree and in the order they were published."""
    with _reading(source) as session:
        return [PublishedVersion.of(row) for row in tree_versions.versions(session, tree_id)]


def version_texts(source: Source, tree_id: str, version: str) -> VersionTexts:
    """The YAML and scenarios of one version exactly as published (TREES_008 if unknown)."""
    with _reading(source) as session:
        row = tree_versions.exact(session, tree_id, version)
        if row is None:
            raise KakanaiError.of(ErrorCode.TREES_VERSION_UNKNOWN, id=tree_id, version=version)
        return VersionTexts(PublishedVersion.of(row), row.source, row.tests)


def fingerprint(text: str) -> str:
    """The SHA-256 a version's text is stored and cached under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def label(tree_id: str, version: str) -> str:
    """Where problems in a published text are reported: ``moving@2026.12.yaml``."""
    return f"{tree_id}@{version}.yaml"


# -- checked trees, kept ---------------------------------------------------------------

_Key = tuple[object, ...]
_lock = threading.Lock()
_checked: OrderedDict[_Key, tuple[QuestionTree, TreeRuntime]] = OrderedDict()
_joined_cache: OrderedDict[tuple[_Key, ...], TreeRuntime] = OrderedDict()


@dataclass(frozen=True)
class _Part:
    key: _Key
    tree: QuestionTree
    runtime: TreeRuntime


def _part(tree_id: str, row: TreeVersionRow | None) -> _Part:
    """One tree of a visit: the database's version ``row`` (its text read inside the unit
    of work that found it), else the file."""
    if row is None:
        stamp = visits.file_stamp(tree_id)
        runtime = visits.visit_runtime([tree_id])
        return _Part(("file", *stamp), runtime.tree, runtime)
    key: _Key = ("db", row.sha256)
    with _lock:
        found = _checked.get(key)
        if found is not None:
            _checked.move_to_end(key)
    if found is None:
        found = check_text(row.source, label(row.tree_id, row.version))
        _remember(_checked, key, found)
    return _Part(key, *found)


def _file_part(session: Session, tree_id: str, version: str) -> _Part | None:
    """The file of ``tree_id`` when it is ``version``; None when it is another version, or
    when there is no file but the database has other versions of the tree (SLIP_010 when
    the desk knows no such tree at all)."""
    try:
        found = _part(tree_id, None)
    except KakanaiError as exc:
        if exc.code is ErrorCode.SLIP_QUESTIONNAIRE_MISSING and tree_versions.versions(
            session, tree_id
        ):
            return None
        raise
    return found if found.tree.meta.version == version else None


def _not_here(session: Session, tree_id: str, version: str) -> KakanaiError:
    """SLIP_011, naming the versions this desk has: per part, the file's, else the newest
    the database has."""
    local = []
    for part in tree_id.split(SEPARATOR):
        try:
            local.append(_part(part, None).tree.meta.version)
        except KakanaiError:
            stored = tree_versions.versions(session, part)
            local.append(stored[-1].version if stored else "?")
    return KakanaiError.of(
        ErrorCode.SLIP_QUESTIONNAIRE_VERSION,
        id=tree_id[:200],
        slip_version=version[:64],
        local_version=SEPARATOR.join(local),
    )


def check_text(text: str, where: str) -> tuple[QuestionTree, TreeRuntime]:
    """A tree's text read and given its static checks; KakanaiError with the first problem
    (a published text passed every check: a problem now means kakanai's checks changed)."""
    try:
        root = load_text(text, where)
    except YamlLoadError as exc:
        raise KakanaiError.from_problem(exc.problems[0]) from None
    reader = TreeReader(where)
    tree = reader.read(root)
    checker = StaticChecker(tree)
    runtime = checker.run()
    problems = [*reader.problems, *checker.problems]
    if problems:
        raise KakanaiError.from_problem(problems[0])
    return tree, runtime


def _joined(parts: Sequence[_Part]) -> TreeRuntime:
    if len(parts) == 1:
        return parts[0].runtime
    key = tuple(part.key for part in parts)
    with _lock:
        found = _joined_cache.get(key)
    if found is None:
        found = visits.joined_runtime([part.tree for part in parts])
        _remember(_joined_cache, key, found)
    return found


def _remember(cache: OrderedDict[K, V], key: K, value: V) -> None:
    with _lock:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > CACHED_TEXTS:
            cache.popitem(last=False)


@contextmanager
def _reading(source: Source) -> Iterator[Session]:
    """``source`` itself when it is a session, else a read-only unit of work on its
    database (on SQLite it takes no write lock, so desks never wait for it)."""
    if isinstance(source, Session):
        yield source
        return
    with Session(reading_engine(source.engine)) as session, session.begin():
        yield session
