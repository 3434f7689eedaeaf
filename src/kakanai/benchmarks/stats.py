"""`kakanai demo-data` and `kakanai bench stats`: a year of sample visits written into a
database, then each grouping of the year and what the statistics view opens with, timed on
SQLite and on PostgreSQL (a scratch database on the test server), with peak memory. The
targets are printed, never asserted."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text

from kakanai.benchmarks.memory import peak_kib
from kakanai.benchmarks.stats_demo import Written, has_cases, write_visits
from kakanai.benchmarks.stats_visits import visits, year_shapes
from kakanai.benchmarks.store import scratch_database
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.stats.periods import Grouping, Period, fiscal_year, fiscal_year_of
from kakanai.core.stats.time_model import TimeModel
from kakanai.services.stats import source as stats
from kakanai.services.stats.names import names_of
from kakanai.services.stats.preferences import StatsPreferences
from kakanai.services.stats.source import shipped_trees
from kakanai.services.workspace import open_database, open_workspace
from kakanai.store.database import sqlite_url

GROUPING_TARGET_S = 1.0
OPEN_TARGET_S = 1.5
REPEAT = 3


def last_fiscal_year(today: dt.date) -> int:
    """The latest fiscal year that has ended."""
    return fiscal_year_of(today) - 1


def make_demo_data(*, cases: int, fiscal_year: int | None, seed: int, url: str | None) -> int:
    year = fiscal_year if fiscal_year is not None else last_fiscal_year(dt.date.today())
    if url:
        engine = open_database(url)
    else:
        workspace = open_workspace(create_key=False)
        engine = workspace.engine
    try:
        written = demo_data(engine, cases, fiscal_year_period(year), seed, show=True)
    finally:
        engine.dispose()
    print(
        f"見本データを書き込みました({year}年度): 来庁{written.cases:,}件、手続き"
        f"{written.procedures:,}件、連携{written.handoffs:,}件、読取{written.scans:,}回、"
        f"様式{written.forms:,}枚、設問の時間{written.question_times:,}件"
    )
    print(f"例: kakanai stats --from {year}-04-01 --to {year + 1}-03-31 --by department")
    return 0


def fiscal_year_period(year: int) -> Period:
    return fiscal_year(year)


def demo_data(engine: Engine, cases: int, period: Period, seed: int, *, show: bool) -> Written:
    """Write ``cases`` sample visits over ``period`` into an empty database (STATS_005 if it
    holds cases), then refresh the planner's statistics."""
    if has_cases(engine):
        with engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM cases")).scalar()
        raise KakanaiError.of(ErrorCode.STATS_DEMO_NOT_EMPTY, count=f"{count:,}")

    def progress(written: Written) -> None:
        if show:
            print(f"\r  {written.cases:,} / {cases:,} 件", end="", flush=True)

    year = visits(cases, period, seed=seed, found=year_shapes())
    written = write_visits(engine, year, progress=progress)
    if show:
        print()
    analyze(engine)
    return written


def analyze(engine: Engine) -> None:
    """Let the query planner see the new rows (the GROUP BYs choose their indexes by it)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))


def bench_stats(*, cases: int, postgres_url: str) -> int:
    period = fiscal_year(2025)
    print(f"bench stats: 来庁{cases:,}件の1年({period.label})、各 {REPEAT} 回の中央値")
    with tempfile.TemporaryDirectory(prefix="kakanai-bench-stats-") as folder:
        _measure("SQLite", sqlite_url(Path(folder)), cases, period)
    if not postgres_url:
        print("PostgreSQL: URLがないため測りません(--url か KAKANAI_TEST_POSTGRES_URL で指定)。")
    else:
        with scratch_database(postgres_url) as url:
            _measure("PostgreSQL", url, cases, period)
    print(f"ピークメモリ(このプロセス、見本データの生成は別プロセス): {peak_kib() / 1024:.0f} MiB")
    return 0


def _measure(label: str, url: str, cases: int, period: Period) -> None:
    started = time.perf_counter()
    _generate_in_child(url, cases, period)
    print(f"{label}: 見本データ {cases:,}件の書き込み {time.perf_counter() - started:.1f} 秒")
    engine = open_database(url)
    try:
        names = names_of(shipped_trees())
        source = stats.source_of(engine, names, StatsPreferences(TimeModel()), "サンプル市")
        opened = _median(lambda: stats.overview(source, period))
        _line("画面を開く(月別・合計・連携の流れ)", opened, OPEN_TARGET_S)
        for grouping in Grouping:
            spent = _median(lambda g=grouping: stats.grouped(source, period, g))  # type: ignore[misc]
            _line(grouping.title, spent, GROUPING_TARGET_S)
        asked = _median(lambda: stats.question_times(source, period))
        public = _median(lambda: stats.public_table(source, period))
        print(f"  設問別の時間(タブを開いたとき) {asked:.3f} 秒、公表用の表 {public:.3f} 秒")
    finally:
        engine.dispose()


def _line(what: str, spent: float, target: float) -> None:
    verdict = "達成" if spent <= target else "未達"
    print(f"  {what}: {spent:.3f} 秒 → 目標 ≤ {target} 秒 {verdict}")


def _median(work: Callable[[], object]) -> float:
    spent = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        work()
        spent.append(time.perf_counter() - start)
    return statistics.median(spent)


def _generate_in_child(url: str, cases: int, period: Period) -> None:
    """The sample year is written by a child process, so this one's peak memory is what
    the statistics took."""
    context = multiprocessing.get_context("spawn")
    child = context.Process(target=_generate, args=(url, cases, period))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"sample data generation failed ({child.exitcode})")


def _generate(url: str, cases: int, period: Period) -> None:
    engine = open_database(url)
    try:
        demo_data(engine, cases, period, 14, show=False)
    finally:
        engine.dispose()
