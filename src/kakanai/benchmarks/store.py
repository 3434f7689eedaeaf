"""The store benchmark (`kakanai bench store`): simulated desks, each its own process, on one
PostgreSQL server (a scratch database it creates and drops), then on one SQLite file. Each
desk runs interviews, scans and purges at once (``store_desk.py``). It prints throughput,
p50/p99 per unit of work and the errors, and checks that the database counted every handoff
and scan exactly once. Targets are printed, never asserted by timed tests."""

from __future__ import annotations

import multiprocessing
import queue
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kakanai.benchmarks.store_desk import OPERATIONS, DeskPlan, DeskReport, run_desk
from kakanai.store.database import open_engine, sqlite_url
from kakanai.store.migrating import migrate
from kakanai.store.tables import CaseRow, HandoffRow

SCAN_P99_TARGET_S = 0.2
T = TypeVar("T")
_START_TIMEOUT_S = 180.0  # twenty interpreters importing SQLAlchemy on a small PC


@dataclass(frozen=True)
class StoreRun:
    label: str
    url: str
    desks: int
    seconds: float
    pause_s: float


def bench_store(*, url: str, seconds: float, desks: int, sqlite_desks: int, pause_s: float) -> int:
    """Both runs; exit 1 when the database's counts disagree with the desks' or a run could
    not be made, else 0 (latency targets are printed, not enforced)."""
    counted = True
    if url:
        counted &= _postgres(StoreRun("PostgreSQL", url, desks, seconds, pause_s))
    else:
        print("PostgreSQL: URLがないため測りません(--url か KAKANAI_TEST_POSTGRES_URL で指定)。")
    with tempfile.TemporaryDirectory(prefix="kakanai-bench-store-") as folder:
        run = StoreRun("SQLite", sqlite_url(Path(folder)), sqlite_desks, seconds, pause_s)
        counted &= _measure(run)
    print(
        "SQLiteの限界: 書き込めるのは同時に1つだけです。kakanai は取引の始めに書き込みの"
        "権利を取る(BEGIN IMMEDIATE)ので、窓口は順番を待ち、10秒待っても空かなければ "
        "STORE_001 になります。1台の窓口と同じPCの連携課までが目安で、複数の窓口では "
        "PostgreSQL を使ってください。"
    )
    return 0 if counted else 1


def _postgres(run: StoreRun) -> bool:
    try:
        with _scratch_database(run.url) as url:
            return _measure(StoreRun(run.label, url, run.desks, run.seconds, run.pause_s))
    except SQLAlchemyError as exc:
        print(f"PostgreSQL: 一時データベースを作れません({type(exc).__name__})。", end="")
        print("URL、サーバー、CREATEDB 権限を確認してください。")
        return False


@contextmanager
def _scratch_database(server_url: str) -> Iterator[str]:
    """A fresh database on the server for this run, dropped afterwards: the benchmark never
    writes into a city's real database."""
    name = f"kakanai_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


scratch_database = _scratch_database  # also the statistics benchmark's


def _measure(run: StoreRun) -> bool:
    engine = open_engine(run.url)
    try:
        migrate(engine)
        reports, elapsed = _run_desks(run)
        if reports is None:
            print(f"{run.label}: 窓口のプロセスが途中で終了しました。")
            return False
        print(_heading(run, engine.dialect.server_version_info))
        _print_figures(reports, elapsed)
        problems = _count_problems(engine, reports)
    finally:
        engine.dispose()
    errors = sum((r.errors for r in reports), Counter[str]())
    scan_p99 = _percentile(sorted(t for r in reports for t in r.times["scan"]), 0.99)
    verdict = [
        f"取りこぼし・二重記録なし → {'達成' if not problems else '未達'}",
        f"エラーなし → {'達成' if not errors else '未達'}",
        (
            f"scan の p99 ≤ {SCAN_P99_TARGET_S * 1000:.0f} ms → "
            f"{'達成' if scan_p99 <= SCAN_P99_TARGET_S else '未達'}({scan_p99 * 1000:.1f} ms)"
        ),
    ]
    print("  目標: " + "; ".join(verdict))
    return not problems


def _run_desks(run: StoreRun) -> tuple[list[DeskReport] | None, float]:
    """Start one process per desk, release them together, collect their reports."""
    context = multiprocessing.get_context("spawn")  # the same on Linux and Windows
    ready, results, go = context.Queue(), context.Queue(), context.Event()
    children = [
        context.Process(
            target=run_desk,
            args=(DeskPlan(run.url, n, run.seconds, run.pause_s), ready, go, results),
            daemon=True,
        )
        for n in range(run.desks)
    ]
    for child in children:
        child.start()
    try:
        if not _collect(ready, children, len(children), _START_TIMEOUT_S):
            return None, 0.0
        go.set()
        start = time.perf_counter()
        reports = _collect(results, children, len(children), run.seconds + _START_TIMEOUT_S)
        elapsed = time.perf_counter() - start
    finally:
        for child in children:
            child.join(timeout=10)
            if child.is_alive():
                child.terminate()
    return reports, elapsed


def _collect(
    source: Queue[T],
    children: Sequence[BaseProcess],
    count: int,
    timeout_s: float,
) -> list[T] | None:
    """``count`` items from ``source``; None when a child died first or time ran out."""
    items: list[T] = []
    deadline = time.monotonic() + timeout_s
    while len(items) < count and time.monotonic() < deadline:
        try:
            items.append(source.get(timeout=1))
        except queue.Empty:
            if any(child.exitcode not in (None, 0) for child in children):
                return None
    return items if len(items) == count else None


def _heading(run: StoreRun, version: tuple[int | str, ...] | None) -> str:
    server = ".".join(map(str, version or ())) if run.label == "PostgreSQL" else ""
    where = f"{run.label} {server}".strip()
    return (
        f"{where}: 窓口{run.desks}(それぞれ別プロセス)、{run.seconds:g} 秒、"
        f"操作の間の待ち 平均{run.pause_s * 1000:.0f} ms(0〜2倍の一様乱数)"
    )


def _print_figures(reports: list[DeskReport], elapsed: float) -> None:
    # Full-width headings take two columns each: padded by hand to line up.
    print(f"  {'操作':<10}{'回数':>6}{'毎秒':>7}{'p50 ms':>9}{'p99 ms':>9}{'最大 ms':>8}")
    for operation in OPERATIONS:
        times = sorted(t for r in reports for t in r.times[operation])
        if not times:
            print(f"  {operation:<12}{0:>8}")
            continue
        print(
            f"  {operation:<12}{len(times):>8}{len(times) / elapsed:>9.1f}"
            f"{_percentile(times, 0.5) * 1000:>9.1f}{_percentile(times, 0.99) * 1000:>9.1f}"
            f"{times[-1] * 1000:>9.1f}"
        )
    errors = sum((r.errors for r in reports), Counter[str]())
    shown = "、".join(f"{code} ×{n}" for code, n in errors.most_common()) or "なし"
    print(f"  エラー: {shown}")


def _count_problems(engine: Engine, reports: list[DeskReport]) -> list[str]:
    """Compare what the desks saw committed with what the database holds."""
    scans = sum((r.scans for r in reports), Counter[tuple[str, str]]())
    firsts = sum((r.first_scans for r in reports), Counter[tuple[str, str]]())
    with Session(engine) as session:
        stored = {(h.case_id, h.department): h.scans for h in session.scalars(select(HandoffRow))}
        cases = session.scalar(select(func.count()).select_from(CaseRow))
        purged = session.scalar(
            select(func.count()).select_from(CaseRow).where(CaseRow.purged_at.is_not(None))
        )
    finished = sum(r.finished_cases for r in reports)
    reported_purges = sum(r.purged_cases for r in reports)
    problems = []
    if stored != dict(scans):
        problems.append(
            f"読み取り: 窓口では{scans.total()}回、データベースでは{sum(stored.values())}回"
        )
    if set(firsts) != set(stored) or any(n != 1 for n in firsts.values()):
        problems.append(f"引継ぎ: {len(stored)}件のうち、最初の読み取りが1回でないものがあります")
    if cases != finished or purged != reported_purges:
        problems.append(
            f"案件: 窓口では{finished}件(削除{reported_purges}件)、"
            f"データベースでは{cases}件(削除{purged}件)"
        )
    print(
        f"  検証: 引継ぎ{len(stored)}件・読み取り{sum(stored.values())}回・案件{cases}件"
        f"(うち削除{purged}件) → "
        + ("データベースと窓口の記録がすべて一致" if not problems else "; ".join(problems))
    )
    return problems


def _percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]
