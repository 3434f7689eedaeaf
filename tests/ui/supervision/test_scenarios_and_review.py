"""Scenarios and the review in the editor: running them shows a failing one's expected and
actual procedures and its difference, with coverage; missing ones are suggested unconfirmed
and confirmed one by one; the review is exported as PDF and as an Excel workbook."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
from pytestqt.qtbot import QtBot

from kakanai.ui.supervision.document import TESTS, TREE
from kakanai.ui.supervision.view import SupervisionView
from tests.conftest import KOUKI_75, KOUKI_76


def flags(tests: str | None, value: str) -> int:
    """Scenarios whose ``confirmed:`` line says ``value`` (descriptions mention it too)."""
    return len(re.findall(rf"^\s+confirmed: {value}$", tests or "", flags=re.MULTILINE))


def ran(qtbot: QtBot, view: SupervisionView) -> None:
    page = view.scenarios_page
    with qtbot.waitSignal(page.ran, timeout=30_000):
        view.tabs.setCurrentWidget(page)


def test_a_failing_scenario_shows_its_difference_and_the_coverage(
    qtbot: QtBot, view: SupervisionView
) -> None:
    document = view.document
    edited = document.text.replace(
        KOUKI_75,
        KOUKI_76,
        1,
    )
    document.apply(TREE, edited, "手続き kouki_shikaku_shutoku の条件を変更")
    ran(qtbot, view)
    page = view.scenarios_page
    assert page.summary.text().startswith("シナリオ 73/74 成功(未確認 0)・規則の網羅")
    row = page.table.currentRow()
    assert page.table.item(row, 0).text() == "失敗"
    assert "75歳の誕生日当日の夫は後期高齢者医療" in page.table.item(row, 2).text()
    details = page.details.toPlainText()
    assert "期待(シナリオ)" in details
    assert "kouki_shikaku_shutoku(林 正男)" in details
    assert "kouki_shikaku_shutoku の対象者が違います。期待: 林 正男 / 結果: なし" in details
    assert page.rules.rowCount() > 30


def test_missing_scenarios_are_suggested_unconfirmed_and_confirmed_one_by_one(
    qtbot: QtBot, view: SupervisionView
) -> None:
    document = view.document
    tests = document.tests_text or ""
    document.apply(
        TESTS, "\n  - name:".join(tests.split("\n  - name:")[:4]) + "\n", "シナリオを減らす"
    )
    ran(qtbot, view)
    page = view.scenarios_page
    missed = sum(1 for rule in page.result.rules if not rule.scenarios)  # type: ignore[union-attr]
    assert missed > 0
    with qtbot.waitSignal(page.ran, timeout=30_000):
        page.suggest_button.click()
    assert flags(document.tests_text, "false") == missed
    assert f"(未確認 {missed})" in page.summary.text()
    pending = next(i for i, o in enumerate(page.result.outcomes) if not o.confirmed)  # type: ignore[union-attr]
    page.table.setCurrentCell(pending, 2)
    assert "未確認のシナリオです" in page.details.toPlainText()
    with qtbot.waitSignal(page.ran, timeout=30_000):
        page.confirm_button.click()
    assert f"(未確認 {missed - 1})" in page.summary.text()
    assert flags(document.tests_text, "true") == 1
    assert flags(document.tests_text, "false") == missed - 1


def test_the_review_is_exported_as_pdf_and_excel(
    qtbot: QtBot, view: SupervisionView, tmp_path: Path
) -> None:
    page = view.review_page
    view.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(page.built, timeout=60_000):
        page.build_button.click()
    assert "設問ツリー決裁書" in page.view.toPlainText()
    assert page.xlsx_button.isEnabled()
    workbook = openpyxl.load_workbook(page.export(tmp_path / "決裁書.xlsx"))
    assert workbook.sheetnames == ["概要", "設問", "手続き", "変更の影響", "シナリオ", "規則の網羅"]
    procedures = list(workbook["手続き"].iter_rows(values_only=True))
    assert procedures[2][:3] == ("課", "ID", "手続き")
    pdf = pdfium.PdfDocument(str(page.export(tmp_path / "決裁書.pdf")))
    assert "起案" in pdf[0].get_textpage().get_text_range()
    assert not page.publish_button.isEnabled()  # publishing is not wired yet
