"""The review (決裁) document as an Excel workbook: sheets for the summary, questions,
procedures with their rules, the impact against the version in force, the scenarios and the
coverage, with Japanese headings, printed landscape and one page wide; read back."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from kakanai.services.trees.review_document import write_review
from tests.conftest import AS_OF, KOUKI_75, KOUKI_76, QUESTIONNAIRES

MOVING = QUESTIONNAIRES / "moving.yaml"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    folder = tmp_path_factory.mktemp("review")
    tree = folder / "moving.yaml"
    shutil.copy(QUESTIONNAIRES / "moving.tests.yaml", folder / "moving.tests.yaml")
    text = MOVING.read_text(encoding="utf-8")
    tree.write_text(
        text.replace(
            KOUKI_75,
            KOUKI_76,
            1,
        ),
        encoding="utf-8",
    )
    out = write_review(tree, folder / "決裁書.xlsx", AS_OF, against=str(MOVING))
    return openpyxl.load_workbook(out)


def rows(sheet: object) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_the_workbook_has_a_sheet_for_each_part_of_the_review(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["概要", "設問", "手続き", "変更の影響", "シナリオ", "規則の網羅"]


def test_every_sheet_prints_landscape_one_page_wide_with_its_headings_repeated(
    workbook: openpyxl.Workbook,
) -> None:
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows


def test_questions_and_procedures_are_listed_with_japanese_headings_and_rules(
    workbook: openpyxl.Workbook,
) -> None:
    questions = rows(workbook["設問"])
    assert questions[2][:4] == ["セクション", "ID", "設問", "種類"]
    move_type = next(r for r in questions if r[1] == "move_type")
    assert move_type[2] == "今回のお手続きはどれですか。"
    procedures = rows(workbook["手続き"])
    kokuho = next(r for r in procedures if r[1] == "kokuho_kanyu")
    assert kokuho[0] == "保険年金課"
    assert kokuho[4] == (
        "1. move_type=転入 かつ shisetsu_nyusho=いいえ"
        " かつ any_member(member.health_insurance == '国保')=はい"
    )


def test_the_impact_names_the_households_no_longer_guided_and_the_failing_scenario(
    workbook: openpyxl.Workbook,
) -> None:
    impact = rows(workbook["変更の影響"])
    kinds = [r[0] for r in impact]
    assert "案内されなくなる" in kinds  # 75-year-olds moving in, with the edit to 76
    assert "現行版のシナリオ" in kinds
    scenarios = rows(workbook["シナリオ"])
    failed = [r for r in scenarios if r[1] == "失敗"]
    assert len(failed) == 1
    assert "kouki_shikaku_shutoku の対象者が違います" in str(failed[0][3])


def test_the_summary_has_the_approval_rows(workbook: openpyxl.Workbook) -> None:
    summary = rows(workbook["概要"])
    assert [r[0] for r in summary if r[0] in ("起案", "係長", "課長")] == ["起案", "係長", "課長"]
