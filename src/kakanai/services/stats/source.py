"""Where the statistics come from: a workspace's database read without taking its write lock,
the names of its question trees, the supervisor's preferences and the city. Every use case
of the statistics mode (the report, its parts for the screen, the 公表用 table, the
workbook) starts here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.stats.figures import GroupFigures, HandoffMatrix, QuestionTime, Report
from kakanai.core.stats.periods import Grouping, Period
from kakanai.core.stats.publication import PublicTable
from kakanai.core.stats.sheets import Table
from kakanai.core.trees.model import QuestionTree
from kakanai.services import shipped_data
from kakanai.services.stats import publication, report, tables
from kakanai.services.stats.names import Names, names_of
from kakanai.services.stats.preferences import StatsPreferences, load_preferences
from kakanai.services.trees.checking import read_tree
from kakanai.services.workspace import Workspace
from kakanai.store.database import reading_engine, session_factory
from kakanai.store.statistics.counting import count_all, summed

T = TypeVar("T")


@dataclass(frozen=True)
class StatsSource:
    sessions: sessionmaker[Session]
    names: Names
    preferences: StatsPreferences
    city: str

    def read(self, work: Callable[[Session], T]) -> T:
        with self.sessions() as session:
            return work(session)

    def with_preferences(self, preferences: StatsPreferences) -> StatsSource:
        return replace(self, preferences=preferences)


def open_source(workspace: Workspace) -> StatsSource:
    return source_of(
        workspace.engine,
        names_of([workspace.runtime.tree, *shipped_trees()]),
        load_preferences(workspace.data_dir),
        workspace.settings.city,
    )


def shipped_trees() -> list[QuestionTree]:
    """Every tree file's names (read, not checked: statistics only need what things are
    called), so that visits of any life event are named, whichever tree this counter uses."""
    found = []
    for tree_id in shipped_data.questionnaire_ids():
        tree, _ = read_tree(shipped_data.questionnaire_file(tree_id))
        if tree is not None:
            found.append(tree)
    return found


def source_of(
    engine: Engine, names: Names, preferences: StatsPreferences, city: str
) -> StatsSource:
    return StatsSource(session_factory(reading_engine(engine)), names, preferences, city)


def checked_period(period_start: object, period_end: object) -> Period:
    """The period ``start``–``end`` (dates); STATS_001 when it ends before it starts."""
    try:
        return Period(period_start, period_end)  # type: ignore[arg-type]
    except ValueError:
        raise KakanaiError.of(ErrorCode.STATS_PERIOD, start=period_start, end=period_end) from None


def full_report(source: StatsSource, period: Period, grouping: Grouping) -> Report:
    model = source.preferences.model
    return source.read(lambda s: report.build_report(s, period, grouping, model, source.names))


def grouped(source: StatsSource, period: Period, grouping: Grouping) -> list[GroupFigures]:
    """The rows of one grouping (what the screen asks for when the grouping changes)."""
    model = source.preferences.model

    def work(session: Session) -> list[GroupFigures]:
        counted = count_all(session, period, grouping)
        return report.grouped_figures(counted, grouping, model, source.names)

    return source.read(work)


@dataclass(frozen=True)
class Overview:
    """What the screen shows for a period whatever the grouping: the month rows, the total
    and the handoff matrix."""

    months: list[GroupFigures]
    total: GroupFigures
    matrix: HandoffMatrix


def overview(source: StatsSource, period: Period) -> Overview:
    model = source.preferences.model
    names = source.names

    def work(session: Session) -> Overview:
        counted = count_all(session, period, Grouping.MONTH)
        months = report.grouped_figures(counted, Grouping.MONTH, model, names)
        total = report.total_figures(session, period, model, summed(counted))
        return Overview(months, total, report.handoff_matrix(session, period, names))

    return source.read(work)


def question_times(source: StatsSource, period: Period) -> list[QuestionTime]:
    return source.read(lambda s: report.questions(s, period, source.names))


def public_table(source: StatsSource, period: Period) -> PublicTable:
    prefs, names, city = source.preferences, source.names, source.city
    return source.read(lambda s: publication.publication(s, period, names, prefs, city))


def workbook_tables(source: StatsSource, period: Period) -> list[Table]:
    """Every sheet of the XLSX: one per grouping, the handoffs, the questions, 公表用."""
    model, names = source.preferences.model, source.names

    def work(session: Session) -> list[Table]:
        months = count_all(session, period, Grouping.MONTH)
        total = report.total_figures(session, period, model, summed(months))
        matrix = report.handoff_matrix(session, period, names)
        asked = report.questions(session, period, names)
        sheets = []
        for grouping in Grouping:
            counted = months if grouping is Grouping.MONTH else count_all(session, period, grouping)
            rows = report.grouped_figures(counted, grouping, model, names)
            found = Report(period, grouping, rows, total, matrix, asked)
            sheets.append(tables.grouping_table(found))
        sheets.append(tables.matrix_table(matrix))
        sheets.append(tables.questions_table(asked))
        return sheets

    return [*source.read(work), tables.public_sheet(public_table(source, period))]
