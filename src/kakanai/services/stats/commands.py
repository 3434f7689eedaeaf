"""`kakanai stats` as a use case: open the statistics of this desk's database (or another by
URL), apply the command line's overrides of the supervisor's preferences, and render the
report or the 公表用 table in the format asked for (a file, or what to print)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.stats.periods import Grouping, Period, fiscal_year, fiscal_year_of
from kakanai.core.stats.sheets import Table
from kakanai.services.stats import exporting, preferences, tables
from kakanai.services.stats.source import (
    StatsSource,
    checked_period,
    full_report,
    open_source,
    public_table,
    source_of,
    workbook_tables,
)
from kakanai.services.workspace import open_database, open_workspace


@dataclass(frozen=True)
class StatsRequest:
    start: dt.date | None
    end: dt.date
    grouping: str
    public: bool
    form: str  # table | csv | xlsx | json
    out: Path | None
    threshold: int | None = None
    minutes_per_form: float | None = None
    seconds_per_field: float | None = None
    url: str | None = None


def run_stats(request: StatsRequest, *, today: dt.date) -> str | bytes | None:
    """Write the file asked for (then return a line saying so) or return what to print."""
    start = request.start or fiscal_year(fiscal_year_of(today)).start
    period = checked_period(start, request.end)
    if request.form == "xlsx" and request.out is None:
        raise KakanaiError.of(ErrorCode.STATS_NEEDS_FILE, format="xlsx")
    workspace = open_workspace(create_key=False)
    try:
        source = _overridden(open_source(workspace), request)
        if request.url:
            engine = open_database(request.url)
            source = source_of(engine, source.names, source.preferences, source.city)
        if request.form == "xlsx":
            assert request.out is not None
            exporting.write_xlsx(workbook_tables(source, period), request.out)
            return f"{request.out} に書き出しました。\n"
        if request.form == "json" and not request.public:
            model = source.preferences.model
            text = exporting.report_json(full_report(source, period, _grouping(request)), model)
            return _placed(text, request.out)
        table = _table(source, request, period)
    finally:
        workspace.close()
    if request.form == "csv":
        data = (exporting.BOM + exporting.csv_text(table)).encode("utf-8")
        if request.out is None:
            return data
        exporting.write_csv(table, request.out)
        return f"{request.out} に書き出しました。\n"
    if request.form == "json":
        return _placed(exporting.table_json(table), request.out)
    return _placed(exporting.text_table(table), request.out)


def _grouping(request: StatsRequest) -> Grouping:
    return Grouping.of(request.grouping)


def _table(source: StatsSource, request: StatsRequest, period: Period) -> Table:
    if request.public:
        return tables.public_sheet(public_table(source, period))
    return tables.grouping_table(full_report(source, period, _grouping(request)))


def _overridden(source: StatsSource, request: StatsRequest) -> StatsSource:
    chosen = source.preferences
    model = chosen.model
    if request.minutes_per_form is not None:
        per_form = preferences.minutes("--minutes-per-form", request.minutes_per_form)
        model = dataclasses.replace(model, minutes_per_form=per_form, department_minutes={})
    if request.seconds_per_field is not None:
        per_field = preferences.minutes("--seconds-per-field", request.seconds_per_field)
        model = dataclasses.replace(model, seconds_per_field=per_field)
    threshold = chosen.threshold
    if request.threshold is not None:
        threshold = preferences.threshold(request.threshold)
    return source.with_preferences(preferences.StatsPreferences(model, threshold))


def _placed(text: str, out: Path | None) -> str:
    if out is None:
        return text
    exporting.write_text(text, out)
    return f"{out} に書き出しました。\n"
