"""Everything a running desk works with, opened once at start: the data directory, the
settings, the database (migrated), the slip key (created on the first run) and the
questionnaire, in the version in force on the day (a version published to the database
comes into force on its effective date without a restart). The counter and desk screens
get one ``Workspace`` and nothing else."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kakanai.adapters.private_files import private_folder, tighten
from kakanai.adapters.slip import key_files
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import Department
from kakanai.services.keys import ensure_keys
from kakanai.services.settings import (
    SETTINGS_FILE,
    LoadedSettings,
    Settings,
    change_settings,
    load_settings,
)
from kakanai.services.trees import library
from kakanai.store.audit import Who
from kakanai.store.database import is_busy, open_engine, session_factory, sqlite_url
from kakanai.store.migrating import migrate

JST = dt.timezone(dt.timedelta(hours=9), "JST")
BUSY_ATTEMPTS = 3
T = TypeVar("T")


@dataclass
class Workspace:
    data_dir: Path
    loaded: LoadedSettings
    engine: Engine
    sessions: sessionmaker[Session]
    questionnaire: str  # the tree (or visit) id this desk was opened with
    who: Who
    first_run: bool

    @property
    def settings(self) -> Settings:
        return self.loaded.settings

    @property
    def runtime(self) -> TreeRuntime:
        """The desk's questionnaire in the version in force today (read at every use: a
        new interview after a version came into force gets the new one)."""
        return self.runtime_for(self.questionnaire, self.now().date())

    def runtime_for(self, tree_id: str, on: dt.date) -> TreeRuntime:
        """The tree (or visit ``moving+birth``) in force on ``on``: the database's
        published version, else the files (services/trees/library.in_force)."""
        return library.in_force(self, tree_id, on)

    def exact_runtime(self, tree_id: str, version: str) -> TreeRuntime:
        """The tree (or visit) in exactly ``version``, for a slip or a case made with it
        (services/trees/library.exact); SLIP_011 when this desk has no such version."""
        return library.exact(self, tree_id, version)

    @property
    def department(self) -> Department:
        """The desk's department (desk mode); the first department if the setting is stale."""
        tree = self.runtime.tree
        return tree.department(self.settings.department) or tree.departments[0]

    @property
    def database_label(self) -> str:
        """The database for the status bar, without a password."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on an error. STORE_001
        when other desks kept the database busy for longer than the store waits."""
        try:
            with self.sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            if is_busy(exc):
                raise KakanaiError.of(ErrorCode.STORE_BUSY) from exc
            raise

    def transact(self, work: Callable[[Session], T], *, attempts: int = BUSY_ATTEMPTS) -> T:
        """``work`` in one unit of work, run again when the database was busy.

        Only for work that touches nothing but the database: a busy attempt was rolled back
        whole, so running it again cannot do anything twice."""
        for attempt in range(1, attempts + 1):
            try:
                with self.session() as session:
                    return work(session)
            except KakanaiError as exc:
                if exc.code is not ErrorCode.STORE_BUSY or attempt == attempts:
                    raise
        raise AssertionError("unreachable: the last attempt returns or raises")

    def now(self) -> dt.datetime:
        return dt.datetime.now(JST)

    def close(self) -> None:
        self.engine.dispose()


def open_workspace(env: Mapping[str, str] | None = None, *, create_key: bool = True) -> Workspace:
    """Open (and on the first run create) the desk's data directory, database and key."""
    env = os.environ if env is None else env
    data_dir = key_files.data_dir()
    first_run = not data_dir.exists()
    try:
        private_folder(data_dir)
        tighten(data_dir / SETTINGS_FILE)  # from a version that wrote it 0644
    except OSError as exc:
        raise KakanaiError.of(ErrorCode.APP_DATA_DIR, path=data_dir, detail=exc) from exc
    loaded = load_settings(data_dir, env)
    if not loaded.path.exists():
        change_settings(loaded, loaded.settings)
    engine = open_database(loaded.settings.database_url or sqlite_url(data_dir))
    if create_key:
        ensure_keys()
    who = Who(desk=loaded.settings.desk, actor=_actor(env))
    questionnaire = loaded.settings.questionnaire
    workspace = Workspace(
        data_dir, loaded, engine, session_factory(engine), questionnaire, who, first_run=first_run
    )
    try:
        _ = workspace.runtime  # a questionnaire missing or not checking stops the start
    except BaseException:
        engine.dispose()
        raise
    return workspace


def open_database(url: str) -> Engine:
    """An engine on ``url`` with the schema migrated to the newest revision."""
    try:
        engine = open_engine(url)
        migrate(engine)
    except DBAPIError as exc:
        code = ErrorCode.STORE_BUSY if is_busy(exc) else ErrorCode.APP_DATABASE_UNREACHABLE
        raise KakanaiError.of(code, detail=type(exc).__name__) from exc
    except (SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        detail = type(exc).__name__
        raise KakanaiError.of(ErrorCode.APP_DATABASE_UNREACHABLE, detail=detail) from exc
    return engine


def _actor(env: Mapping[str, str]) -> str:
    """The signed-in OS user, as the audit log's actor."""
    try:
        return env.get("KAKANAI_ACTOR") or getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
