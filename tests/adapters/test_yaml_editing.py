"""Editing a tree's YAML in place: only the lines of what changes differ, comments and layout
of everything else stay, and the result reads back with the new value."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest

from kakanai.adapters.yaml_editing import (
    line_range,
    remove_key,
    replace_value,
    scalar,
    set_key,
    set_list,
)
from kakanai.adapters.yaml_loading import load_text
from kakanai.core.errors import KakanaiError
from kakanai.core.located import plain
from tests.conftest import QUESTIONNAIRES

MOVING = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
KOUKI = ("procedures", ("id", "kouki_shikaku_shutoku"))


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def read_back(text: str, *path: object) -> object:
    data = plain(load_text(text, "edited.yaml"))
    for step in path:
        if isinstance(step, tuple):
            data = next(item for item in data if item.get(step[0]) == step[1])  # type: ignore[union-attr]
        else:
            data = data[step]  # type: ignore[index]
    return data


OLD_KOUKI = (
    'move_type == "転入" and (birthday(member.birth_date, 75) <= today()'
    ' and member.health_insurance != "生活保護" or member.health_insurance == "後期高齢")'
    " and not same_prefecture and not shisetsu_nyusho"
)


def test_editing_a_condition_changes_only_its_own_line() -> None:
    edited = replace_value(MOVING, [*KOUKI, "when"], 'move_type == "転入" and member.age >= 74')
    assert changed_lines(MOVING, edited) == [
        f"-    when: {OLD_KOUKI}",
        '+    when: move_type == "転入" and member.age >= 74',
    ]
    assert read_back(edited, "procedures", ("id", "kouki_shikaku_shutoku"), "when") == (
        'move_type == "転入" and member.age >= 74'
    )


def test_a_value_yaml_would_misread_is_quoted() -> None:
    edited = replace_value(MOVING, [*KOUKI, "deadline"], "14日以内: 必ず")
    assert read_back(edited, "procedures", ("id", "kouki_shikaku_shutoku"), "deadline") == (
        "14日以内: 必ず"
    )


def test_comments_stay_where_they_were() -> None:
    edited = replace_value(MOVING, [*KOUKI, "name"], "後期高齢者医療 資格取得届")
    before = [line for line in MOVING.splitlines() if line.lstrip().startswith("#")]
    after = [line for line in edited.splitlines() if line.lstrip().startswith("#")]
    assert after == before


def test_a_new_key_is_added_as_one_line_at_the_mappings_indentation() -> None:
    edited = set_key(MOVING, ["procedures", ("id", "inkan_touroku")], "deadline", "即日")
    assert changed_lines(MOVING, edited) == ["+    deadline: 即日"]
    assert read_back(edited, "procedures", ("id", "inkan_touroku"), "deadline") == "即日"


def test_removing_a_key_removes_only_its_line() -> None:
    edited = remove_key(MOVING, [*KOUKI], "deadline")
    assert changed_lines(MOVING, edited) == ["-    deadline: 転入した日から14日以内"]


def test_an_unknown_place_is_a_clear_error() -> None:
    with pytest.raises(KakanaiError) as caught:
        replace_value(MOVING, ["procedures", ("id", "no_such_procedure"), "when"], "x")
    assert caught.value.code.code == "EDIT_001"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("転入届", "転入届"),
        ('move_type == "転入"', 'move_type == "転入"'),
        ("はい", "はい"),
        ("yes", '"yes"'),
        ("2026-12-01", '"2026-12-01"'),
        ("14", '"14"'),
        ("a: b", '"a: b"'),
        ("", '""'),
    ],
)
def test_a_scalar_is_plain_only_where_yaml_reads_it_back_as_text(value: str, written: str) -> None:
    assert scalar(value) == written


def test_a_key_added_after_a_block_list_goes_under_the_item_not_the_next_one() -> None:
    question = ["sections", ("id", "notification"), "questions", ("id", "tenshutsu_shoumei")]
    edited = set_key(MOVING, question, "reask_on_note", "x")
    assert changed_lines(MOVING, edited) == ["+        reask_on_note: x"]
    before = MOVING.splitlines()
    after = edited.splitlines()
    added = after.index("        reask_on_note: x")
    assert after[added - 1] == before[added - 1] == "            label: 国外から引っ越してきた"


def test_a_block_list_is_replaced_in_its_own_style_and_only_its_lines_change() -> None:
    bring = ["負担区分等証明書(前の市区町村で交付されたもの)", "本人確認書類", "印鑑"]
    edited = set_list(MOVING, [*KOUKI], "bring", bring)
    assert changed_lines(MOVING, edited) == ["+      - 印鑑"]
    assert read_back(edited, "procedures", ("id", "kouki_shikaku_shutoku"), "bring") == bring


def test_a_flow_list_stays_a_flow_list_and_quotes_what_it_must() -> None:
    edited = set_list(MOVING, [*KOUKI], "forms", ["kouki_koureisha_todoke", "a, b"])
    assert changed_lines(MOVING, edited) == [
        "-    forms: [kouki_koureisha_todoke]",
        '+    forms: [kouki_koureisha_todoke, "a, b"]',
    ]


def test_choices_are_written_as_values_with_labels_and_read_back() -> None:
    question = ["sections", ("id", "move"), "questions", ("id", "move_type")]
    edited = set_list(
        MOVING, question, "choices", [{"value": "転入", "label": "転入: 市外から"}, "転居"]
    )
    assert read_back(
        edited, "sections", ("id", "move"), "questions", ("id", "move_type"), "choices"
    ) == [
        {"value": "転入", "label": "転入: 市外から"},
        "転居",
    ]
    assert "# 転入・転居・転出の手続き案内 (サンプル市)" in edited


def test_a_missing_list_is_added_and_an_emptied_one_removed_with_all_its_lines() -> None:
    added = set_list(MOVING, ["procedures", ("id", "mynumber_card_keizoku")], "forms", ["a"])
    assert changed_lines(MOVING, added) == ["+    forms: [a]"]
    removed = set_list(MOVING, [*KOUKI], "bring", [])
    assert changed_lines(MOVING, removed) == [
        "-    bring:",
        "-      - 負担区分等証明書(前の市区町村で交付されたもの)",
        "-      - 本人確認書類",
    ]


def test_an_items_lines_run_from_its_dash_to_its_last_value() -> None:
    first, last = line_range(MOVING, KOUKI)
    lines = MOVING.splitlines()
    assert lines[first - 1] == "  - id: kouki_shikaku_shutoku"
    assert lines[last - 1] == "    due: juuki_deadline(move_date, 14)"


@pytest.mark.parametrize(
    ("value", "written"),
    [(True, "true"), (False, "false"), (300, "300"), (dt.date(2026, 12, 1), "2026-12-01")],
)
def test_yes_no_numbers_and_dates_are_written_as_yaml_reads_them(
    value: object, written: str
) -> None:
    assert scalar(value) == written  # type: ignore[arg-type]
