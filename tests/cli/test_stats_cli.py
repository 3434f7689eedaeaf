"""`kakanai stats` writes what the statistics count: CSV in UTF-8 with a BOM and XLSX (read
back here and compared), JSON, the 公表用 table; mistakes are Japanese errors with a code,
never a traceback. `kakanai demo-data` refuses a database that already has cases."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from kakanai.benchmarks.stats_demo import write_visits
from kakanai.benchmarks.stats_visits import visits
from kakanai.cli import main
from kakanai.core.stats.periods import Grouping, fiscal_year
from kakanai.services.stats import source as stats
from kakanai.services.stats.tables import grouping_table, public_sheet
from kakanai.services.workspace import open_workspace

YEAR = fiscal_year(2025)
PERIOD = ["--from", "2025-04-01", "--to", "2026-03-31"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A desk's data folder whose database holds 150 sample visits."""
    folder = tmp_path_factory.mktemp("stats") / "data"
    monkeypatch = pytest.MonkeyPatch()
    for name in list(os.environ):
        if name.startswith("KAKANAI_") and name != "KAKANAI_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(folder))
    workspace = open_workspace(create_key=False)
    write_visits(workspace.engine, visits(150, YEAR, seed=5))
    workspace.close()
    yield folder
    monkeypatch.undo()


@pytest.fixture
def desk(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("KAKANAI_") and name != "KAKANAI_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(data_dir))
    return data_dir


def counted(grouping: Grouping) -> tuple[list[str], list[list[object]]]:
    workspace = open_workspace(create_key=False)
    try:
        table = grouping_table(stats.full_report(stats.open_source(workspace), YEAR, grouping))
    finally:
        workspace.close()
    return table.headings, table.rows


def test_csv_has_a_bom_and_reads_back_as_the_statistics(desk: Path, tmp_path: Path) -> None:
    out = tmp_path / "課別.csv"
    assert main(["stats", *PERIOD, "--by", "department", "--format", "csv", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    headings, body = counted(Grouping.DEPARTMENT)
    assert rows[0] == headings
    assert rows[1:] == [[str(cell) for cell in row] for row in body]


def test_xlsx_has_a_sheet_per_grouping_and_the_public_table(desk: Path, tmp_path: Path) -> None:
    out = tmp_path / "統計.xlsx"
    assert main(["stats", *PERIOD, "--format", "xlsx", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        *(g.title for g in Grouping), "連携の流れ", "設問別の時間", "公表用"
    ]  # fmt: skip
    headings, body = counted(Grouping.PROCEDURE)
    sheet = [list(r) for r in book["手続き別"].iter_rows(values_only=True)]
    start = sheet.index(headings)
    assert [
        [("" if c is None else c) for c in r] for r in sheet[start + 1 : start + 1 + len(body)]
    ] == body
    workspace = open_workspace(create_key=False)
    try:
        public = public_sheet(stats.public_table(stats.open_source(workspace), YEAR))
    finally:
        workspace.close()
    published = [list(r) for r in book["公表用"].iter_rows(values_only=True)]
    top = published.index(public.headings)
    assert published[top + 1 : top + 1 + len(public.rows)] == public.rows


def test_json_gives_ids_and_numbers(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", *PERIOD, "--by", "desk", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "kakanai.stats/1"
    assert document["total"]["来庁件数"] == 150
    assert sum(row["来庁件数"] for row in document["rows"]) == 150  # desks split the visits


def test_the_public_table_hides_small_counts(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    month = ["--from", "2025-06-01", "--to", "2025-06-30"]
    assert main(["stats", *month, "--public", "--suppress", "5"]) == 0
    shown = capsys.readouterr().out
    assert "書かない窓口 利用状況" in shown
    assert " X" in shown  # 150 visits a year leave small counts in a month
    assert main(["stats", *month, "--public", "--suppress", "0"]) == 0
    assert " X" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--from", "2026-03-31", "--to", "2025-04-01"], "STATS_001"),
        ([*PERIOD, "--format", "xlsx"], "STATS_006"),
        ([*PERIOD, "--suppress", "500"], "STATS_004"),
        ([*PERIOD, "--format", "csv", "--out", "/nonexistent/folder/x.csv"], "STATS_002"),
    ],
)
def test_mistakes_are_coded_japanese_errors(
    desk: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: str
) -> None:
    assert main(["stats", *args]) == 1
    error = capsys.readouterr().err
    assert error.startswith(code)
    assert "Traceback" not in error


def test_demo_data_refuses_a_database_with_cases(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--cases", "10"]) == 1
    assert capsys.readouterr().err.startswith("STATS_005")
