"""In-place edits of list items: each changes only the text it must, and the result reads
back as intended (comments, quoting and the other items untouched)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from ruamel.yaml import YAML

from kakanai.adapters import yaml_item_editing as edit
from kakanai.core.errors import KakanaiError

DOC = """\
pages:
  - elements:
      # 見出し
      - {kind: text, id: 氏名, box: [1, 2, 3, 4], value: household.head.name}
      - kind: table   # 表
        id: 表
        columns:
          - {title: 氏名}

      # 最後
      - {kind: date, value: case.as_of}
"""
ITEM = ["pages", 0, "elements"]

Edit = Callable[[str], str]
CASES: list[tuple[str, Edit, str, str]] = [
    (
        "replace a flow list",
        lambda t: edit.replace_node(t, [*ITEM, 0, "box"], "[5, 6, 7, 8]"),
        "      - {kind: text, id: 氏名, box: [1, 2, 3, 4], value: household.head.name}",
        "      - {kind: text, id: 氏名, box: [5, 6, 7, 8], value: household.head.name}",
    ),
    (
        "add a key to a flow mapping",
        lambda t: edit.set_key(t, [*ITEM, 2], "style", "short"),
        "      - {kind: date, value: case.as_of}",
        "      - {kind: date, value: case.as_of, style: short}",
    ),
    (
        "drop a middle key",
        lambda t: edit.remove_key(t, [*ITEM, 0], "id"),
        "      - {kind: text, id: 氏名, box: [1, 2, 3, 4], value: household.head.name}",
        "      - {kind: text, box: [1, 2, 3, 4], value: household.head.name}",
    ),
    (
        "drop the first key",
        lambda t: edit.remove_key(t, [*ITEM, 2], "kind"),
        "      - {kind: date, value: case.as_of}",
        "      - {value: case.as_of}",
    ),
    (
        "drop the last key",
        lambda t: edit.remove_key(t, [*ITEM, 2], "value"),
        "      - {kind: date, value: case.as_of}",
        "      - {kind: date}",
    ),
]


@pytest.mark.parametrize(("name", "change", "before", "after"), CASES, ids=[c[0] for c in CASES])
def test_a_flow_edit_changes_only_its_line(
    name: str, change: Edit, before: str, after: str
) -> None:
    del name
    assert before in DOC
    assert change(DOC) == DOC.replace(before, after)


def test_a_block_mapping_gets_a_key_after_its_last() -> None:
    changed = edit.set_key(DOC, [*ITEM, 1], "row_height", "12")
    assert changed == DOC.replace(
        "          - {title: 氏名}\n", "          - {title: 氏名}\n        row_height: 12\n"
    )


def test_an_item_is_appended_after_the_last_one() -> None:
    changed = edit.append_item(DOC, ITEM, "{kind: check, value: true}")
    assert changed == DOC + "      - {kind: check, value: true}\n"


def test_a_block_item_is_removed_with_its_lines_only() -> None:
    changed = edit.remove_item(DOC, [*ITEM, 1])
    assert changed == DOC.replace(
        "      - kind: table   # 表\n        id: 表\n        columns:\n          - {title: 氏名}\n",
        "",
    )
    assert [e["kind"] for e in YAML(typ="safe").load(changed)["pages"][0]["elements"]] == [
        "text",
        "date",
    ]


@pytest.mark.parametrize(
    "empty", ["  - elements: []\n", "  - elements:\n", "  - elements: [] # 空\n"]
)
def test_an_empty_list_gets_its_first_item(empty: str) -> None:
    changed = edit.append_item("pages:\n" + empty, ITEM, "{kind: text}")
    assert YAML(typ="safe").load(changed) == {"pages": [{"elements": [{"kind": "text"}]}]}
    assert ("# 空" in changed) == ("# 空" in empty)


def test_a_path_that_is_not_there_is_a_located_message() -> None:
    with pytest.raises(KakanaiError) as raised:
        edit.set_key(DOC, [*ITEM, 9], "id", "x")
    assert raised.value.code.code == "FORM_EDIT_001"
    assert "pages > 0 > elements > 9" in raised.value.message


def test_node_lines_span_a_block_item() -> None:
    assert edit.node_lines(DOC, [*ITEM, 1]) == (5, 8)
