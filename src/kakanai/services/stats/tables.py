"""The report as tables (core/stats/sheets), shared by the screen, CSV, XLSX, JSON and the
terminal: the grouping's figures, the handoff matrix, the time per question and the 公表用
table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kakanai.core.stats.durations import minutes_text
from kakanai.core.stats.figures import GroupFigures, HandoffMatrix, QuestionTime, Report
from kakanai.core.stats.publication import PublicTable
from kakanai.core.stats.sheets import Cell, Table
from kakanai.services.stats.names import COUNTER_LABEL


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[GroupFigures], Cell]


def _per_case(figures: GroupFigures) -> Cell:
    per = figures.writings_per_case
    return "" if per is None else round(per, 1)


def _seconds(value: int | None) -> Cell:
    return "" if value is None else value


# The figures a supervisor reads first come first (they fit a 1366-pixel screen); the
# details of the forms follow.
COLUMNS = (
    Column("来庁件数", lambda f: f.cases),
    Column("手続き件数", lambda f: f.procedures),
    Column("連携件数", lambda f: f.handoffs),
    Column("面談時間 中央値(秒)", lambda f: _seconds(f.durations.median)),
    Column("面談時間 90%(秒)", lambda f: _seconds(f.durations.p90)),
    Column("事前印字した様式", lambda f: f.forms.forms),
    Column("1来庁あたりの記入回避", _per_case),
    Column("記入時間の削減(分)", lambda f: round(f.minutes_saved)),
    Column("読取回数", lambda f: f.scans),
    Column("印刷・保存回数", lambda f: f.forms.prints),
    Column("事前記入した項目", lambda f: f.forms.prefill.fields),
    Column("氏名の記入回避", lambda f: f.forms.prefill.names),
    Column("住所の記入回避", lambda f: f.forms.prefill.addresses),
    Column("生年月日の記入回避", lambda f: f.forms.prefill.birth_dates),
)


def grouping_table(report: Report) -> Table:
    rows = [[f.label, *(c.value(f) for c in COLUMNS)] for f in report.rows]
    rows.append([report.total.label, *(c.value(report.total) for c in COLUMNS)])
    title = [f"{report.grouping.title}の集計", f"期間: {report.period.label}"]
    notes = [
        "面談時間は、最初の設問から案件の保存まで(10秒単位)。",
        "手続き別・課別の来庁件数と合計は重なりを数えないため、行の和と合計は一致しません。",
    ]
    return Table(report.grouping.title, [report.grouping.heading, *(c.heading for c in COLUMNS)],
                 rows, title, notes, total_rows=1)  # fmt: skip


def text_cell(heading: str, value: Cell) -> str:
    """How the terminal and the screen show a cell: seconds as 分秒, numbers grouped."""
    if heading.endswith("(秒)") and isinstance(value, int):
        return minutes_text(value)
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return value


def matrix_table(matrix: HandoffMatrix) -> Table:
    targets = list(matrix.departments)
    rows: list[list[Cell]] = []
    for source in matrix.sources:
        label = COUNTER_LABEL if source == matrix.COUNTER else matrix.labels[source]
        counts = [matrix.count(source, target) for target in targets]
        rows.append([label, *counts, sum(counts)])
    totals = [sum(matrix.count(s, t) for s in matrix.sources) for t in targets]
    rows.append(["計", *totals, sum(totals)])
    headings = ["移動元 \\ 移動先", *(matrix.labels[t] for t in targets), "計"]
    notes = [
        "窓口(案内票)の行: 案内票を受け取った住民が最初に向かった課。",
        "課の行: その課の次に案内票を読み取った課(読み取った順)。",
    ]
    return Table("連携の流れ", headings, rows, ["連携の流れ(件)"], notes, total_rows=1)


def questions_table(found: list[QuestionTime]) -> Table:
    rows: list[list[Cell]] = [
        [q.label, q.question, q.answers, round(q.mean_seconds, 1), q.seconds] for q in found
    ]
    headings = ["設問", "設問ID", "回答数", "平均(秒)", "合計(秒)"]
    return Table("設問別の時間", headings, rows, ["設問ごとの回答時間"])


def public_sheet(table: PublicTable) -> Table:
    body: list[list[Cell]] = [list(row) for row in table.cells()]
    return Table("公表用", table.headings, body, [table.title, table.period.label], table.notes)
