"""`kakanai check` for templates: the shipped ones pass; every file-level, sample-data and
cross-reference problem is reported at the line a supervisor has to change."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.forms.pdf_pages import join
from kakanai.services.forms import templates as form_templates
from kakanai.services.forms.checking import (
    check_templates,
    cross_problems,
)
from kakanai.services.forms.samples import sample_cases
from kakanai.services.forms.templates import split_paths
from kakanai.services.shipped_data import FORM_TEMPLATES
from kakanai.services.trees.checking import read_tree, tree_files
from tests.conftest import QUESTIONNAIRES, ROOT

SHIPPED = FORM_TEMPLATES
# every shipped tree: a template may read the answers of any life event's tree
TREES = [tree for tree, _ in map(read_tree, tree_files([QUESTIONNAIRES])) if tree is not None]
REFERENCE: dict[str, Any] = json.loads(
    (ROOT / "tests" / "fixtures" / "reference_case.json").read_text(encoding="utf-8")
)


def codes_at(report_problems: list[Any], path: Path) -> list[tuple[str, str]]:
    """(code, the text of the reported line) for each problem."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(p.code.code, lines[p.line - 1]) for p in report_problems]


def test_every_shipped_template_passes_its_checks_with_every_sample() -> None:
    files = form_templates.template_files([SHIPPED])
    reports = check_templates(files, TREES)
    assert len(reports) >= 3
    for report in reports:
        assert report.problems == [], [p.render() for p in report.problems]
        assert report.samples == len(sample_cases())


def copied(tmp_path: Path, name: str, old: str = "", new: str = "") -> Path:
    """A shipped template copied into ``tmp_path`` (with its backgrounds), optionally edited."""
    target = tmp_path / f"{name}.yaml"
    text = (SHIPPED / f"{name}.yaml").read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    if not (tmp_path / "backgrounds").exists():
        shutil.copytree(SHIPPED / "backgrounds", tmp_path / "backgrounds")
    return target


def check_one(
    path: Path, samples: list[tuple[str, dict[str, Any]]] | None = None
) -> list[tuple[str, str]]:
    (report,) = check_templates([path], TREES, samples if samples is not None else [])
    return codes_at(report.problems, path)


def test_a_template_whose_id_is_not_its_file_name_is_reported(tmp_path: Path) -> None:
    path = copied(tmp_path, "inu_touroku_henkou", "id: inu_touroku_henkou", "id: inu_touroku")
    assert check_one(path) == [("FORM_012", "  id: inu_touroku")]


def test_a_department_no_tree_defines_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    path = copied(tmp_path, "inu_touroku_henkou", "department: kankyou", "department: kankyo")
    (report,) = check_templates([path], TREES, [])
    assert [p.code.code for p in report.problems] == ["FORM_013"]
    assert "もしかして: kankyou" in report.problems[0].message


def test_a_missing_background_is_reported_at_its_line(tmp_path: Path) -> None:
    path = copied(
        tmp_path, "inu_touroku_henkou", "backgrounds/inu_touroku_henkou.pdf", "backgrounds/none.pdf"
    )
    assert check_one(path) == [("FORM_008", "  background: backgrounds/none.pdf")]


def test_a_background_with_the_wrong_page_count_is_reported(tmp_path: Path) -> None:
    path = copied(tmp_path, "inu_touroku_henkou")
    background = tmp_path / "backgrounds" / "inu_touroku_henkou.pdf"
    background.write_bytes(join([background.read_bytes()] * 2))
    assert [code for code, _ in check_one(path)] == ["FORM_009"]


def test_a_background_of_another_paper_size_is_reported(tmp_path: Path) -> None:
    path = copied(tmp_path, "inu_touroku_henkou")
    canvas = Canvas(str(tmp_path / "backgrounds" / "inu_touroku_henkou.pdf"), pagesize=A5)
    canvas.showPage()
    canvas.save()
    assert [code for code, _ in check_one(path)] == ["FORM_010"]


def test_sample_text_no_font_can_draw_is_reported_with_the_character_and_field(
    tmp_path: Path,
) -> None:
    path = copied(tmp_path, "inu_touroku_henkou")
    case = copy.deepcopy(REFERENCE)
    case["household"]["members"][0]["name"] = "山田\U000f0001太郎"
    (report,) = check_templates([path], TREES, [("private_use", case)])
    assert [p.code.code for p in report.problems] == ["FORM_016"]
    message = report.problems[0].message
    assert "private_use" in message
    assert "U+F0001" in message
    assert "飼い主の氏名" in message
    line = path.read_text(encoding="utf-8").splitlines()[report.problems[0].line - 1]
    assert "id: 飼い主の氏名" in line


def test_a_printed_text_for_a_choice_the_question_does_not_have_is_reported(
    tmp_path: Path,
) -> None:
    """``texts:`` keys are the bound question's choices: 後日交付 spelt 後日発行 is caught,
    and the message lists the choices."""
    path = copied(tmp_path, "juumin_idou_todoke", "texts: {後日交付:", "texts: {後日発行:")
    (report,) = check_templates([path], TREES, [])
    assert [p.code.code for p in report.problems] == ["TREE_REF_002"]
    assert "後日発行" in report.problems[0].message
    assert "選択肢: " in report.problems[0].message
    assert "後日交付" in report.problems[0].message
    line = path.read_text(encoding="utf-8").splitlines()[report.problems[0].line - 1]
    assert "title: 国籍等" in line


def test_sample_text_that_does_not_fit_is_reported_at_the_field(tmp_path: Path) -> None:
    path = copied(
        tmp_path,
        "inu_touroku_henkou",
        "box: [63, 117.5, 58, 8], value: answers.dog_name, size: 11, min_size: 7",
        "box: [63, 117.5, 5, 8], value: answers.dog_name, size: 11, min_size: 9, wrap: false",
    )
    (report,) = check_templates([path], TREES, [("reference", REFERENCE)])
    assert [p.code.code for p in report.problems] == ["FORM_017"]
    assert report.problems[0].message.startswith("サンプルデータ「reference」: 項目「犬の名前」")
    line = path.read_text(encoding="utf-8").splitlines()[report.problems[0].line - 1]
    assert "id: 犬の名前" in line


def test_procedures_asking_for_forms_without_templates_are_reported_at_their_forms_line(
    tmp_path: Path,
) -> None:
    copied(tmp_path, "juumin_idou_todoke")
    tree = tmp_path / "moving.yaml"
    text = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    tree.write_text(
        text.replace("forms: [inu_touroku_henkou]", "forms: [inu_touroku_henko]", 1),
        encoding="utf-8",
    )
    problems = cross_problems([tree], [tmp_path])
    reported = codes_at(problems, tree)
    assert reported
    assert all(code == "FORM_011" for code, _ in reported)
    assert all(re.match(r"\s+forms: \[", line) for _, line in reported)
    assert not any("juumin_idou_todoke" in line for _, line in reported)
    referenced = len(re.findall(r"forms: \[(?!juumin_idou_todoke)\w+", text))
    assert len(reported) == referenced
    assert all(p.path == str(tree) for p in problems)


def test_a_misspelt_form_id_suggests_the_template(tmp_path: Path) -> None:
    copied(tmp_path, "inu_touroku_henkou")
    tree = tmp_path / "moving.yaml"
    text = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    tree.write_text(
        text.replace("forms: [inu_touroku_henkou]", "forms: [inu_touroku_henko]", 1),
        encoding="utf-8",
    )
    messages = [
        p.message for p in cross_problems([tree], [tmp_path]) if "inu_touroku_henko」" in p.message
    ]
    assert messages
    assert "もしかして: inu_touroku_henkou" in messages[0]


def test_the_shipped_trees_ask_only_for_templates_that_exist_or_are_still_to_be_written() -> None:
    """Phase 1 ships three of the 23 templates; every problem names one of the others."""
    problems = cross_problems([QUESTIONNAIRES / "moving.yaml"], [SHIPPED])
    existing = set(form_templates.index(SHIPPED))
    assert all(p.code.code == "FORM_011" for p in problems)
    assert not any(f"「{form_id}」" in p.message for p in problems for form_id in existing)


@pytest.mark.parametrize(
    ("paths", "trees", "templates"),
    [
        (["questionnaires"], ["questionnaires"], []),
        (["forms_templates"], [], ["forms_templates"]),
        (
            ["forms_templates/juumin_idou_todoke.yaml", "questionnaires/moving.yaml"],
            ["questionnaires/moving.yaml"],
            ["forms_templates/juumin_idou_todoke.yaml"],
        ),
    ],
)
def test_check_paths_are_split_into_trees_and_templates(
    paths: list[str], trees: list[str], templates: list[str]
) -> None:
    found = split_paths([ROOT / p for p in paths])
    assert found == ([ROOT / p for p in trees], [ROOT / p for p in templates])


def test_the_example_in_the_format_documentation_is_a_clean_template(tmp_path: Path) -> None:
    """docs/form-template-format.md promises a copyable example: it must pass every check."""
    doc = (ROOT / "docs" / "form-template-format.md").read_text(encoding="utf-8")
    found = re.search(r"## A complete example to copy\n\n```yaml\n(.*?)```", doc, re.DOTALL)
    assert found is not None
    path = tmp_path / "my_form.yaml"
    path.write_text(found.group(1), encoding="utf-8")
    (report,) = check_templates([path], TREES)
    assert report.problems == [], [p.render() for p in report.problems]
    assert report.summary()["fields"] == 11


def test_a_sample_that_never_prints_a_form_reports_only_what_does_not_fit(tmp_path: Path) -> None:
    """The 転出 sample does not ask for the 障害者手帳 form (転入・転居 only): its 転出 is not
    a choice the form lacks, but a box too small for its address still is."""
    samples = dict(sample_cases())
    moving_out = [("tenshutsu", samples["tenshutsu"])]
    path = copied(tmp_path, "shintai_techo_kyojuuchi")
    assert check_one(path, moving_out) == []
    narrow = copied(
        tmp_path,
        "shintai_techo_kyojuuchi",
        "box: [44, 108, 151, 9.5], value: answers.previous_address, size: 11, min_size: 8}",
        "box: [44, 108, 20, 9.5], value: answers.previous_address, size: 11, min_size: 10}",
    )
    assert [code for code, _ in check_one(narrow, moving_out)] == ["FORM_017"]
