"""The YAML reader builds located data from the parser's events within limits: an alias
bomb, deep nesting or a value that contains itself is refused with a located code, in
bounded time and memory, and ordinary files read exactly as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.adapters.yaml_loading import YamlLoadError, load_text
from kakanai.benchmarks.bounded_runs import BoundedRunner, Sample
from kakanai.benchmarks.robustness_known import BILLION_LAUGHS
from kakanai.core.located import LList, LMap, LScalar, plain
from tests.conftest import QUESTIONNAIRES, ROOT

TREE_READER = "kakanai.benchmarks.robustness:read_tree"
ANSWERS_READER = "kakanai.benchmarks.robustness:read_answers"
TEMPLATE_READER = "kakanai.benchmarks.robustness:read_template"


def refusal(text: str) -> tuple[str, int, int]:
    with pytest.raises(YamlLoadError) as caught:
        load_text(text, "t.yaml")
    error = caught.value
    return error.code.code, error.line, error.col


@pytest.mark.parametrize("reader", [TREE_READER, ANSWERS_READER, TEMPLATE_READER])
def test_an_alias_bomb_is_refused_in_every_yaml_reader(bounded: BoundedRunner, reader: str) -> None:
    outcome = bounded.run(reader, Sample("laughs.yaml", BILLION_LAUGHS.encode()))
    assert (outcome.status, outcome.code) == ("refused", "INPUT_003"), outcome


def test_fifty_thousand_nested_brackets_are_refused_not_a_crash(bounded: BoundedRunner) -> None:
    outcome = bounded.run(TREE_READER, Sample("nested.yaml", b"[" * 50_000 + b"\n"))
    assert (outcome.status, outcome.code) == ("refused", "INPUT_004"), outcome


def test_nested_list_items_on_one_line_are_refused(bounded: BoundedRunner) -> None:
    outcome = bounded.run(TREE_READER, Sample("dashes.yaml", b"- " * 30_000 + b"x\n"))
    assert (outcome.status, outcome.code) == ("refused", "INPUT_004"), outcome


def test_the_refusal_points_at_the_first_level_too_deep() -> None:
    assert refusal("- " * 100 + "x\n") == ("INPUT_004", 1, 129)  # the 65th "- "


def test_aliases_count_as_the_values_they_repeat() -> None:
    row = "[" + ", ".join(["*a"] * 1000) + "]"
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [" + ", ".join([row] * 12) + "]\n"
    code, _line, _col = refusal(text)
    assert code == "INPUT_003"


def test_a_value_that_contains_its_own_alias_is_a_syntax_problem(bounded: BoundedRunner) -> None:
    outcome = bounded.run(TREE_READER, Sample("self.yaml", b"- &a [*a]\n"))
    assert (outcome.status, outcome.code) == ("refused", "TREE_YAML_001"), outcome


def test_a_second_document_is_a_syntax_problem_in_japanese() -> None:
    with pytest.raises(YamlLoadError) as caught:
        load_text("a: 1\n---\nb: 2\n", "t.yaml")
    assert "文書(---)は1つだけ" in caught.value.message


def test_an_alias_reads_as_the_value_it_names() -> None:
    node = load_text("base: &b {x: 1}\ncopy: *b\n", "t.yaml")
    assert plain(node) == {"base": {"x": 1}, "copy": {"x": 1}}


def test_scalars_resolve_as_yaml_1_2() -> None:
    text = "a: yes\nb: 0o17\nc: 1_000\nd: ~\ne: 2026-11-23\nf: '5'\ng: !!str 5\nh: 1.5\n"
    assert plain(load_text(text, "t.yaml")) == {
        "a": "yes",
        "b": 15,
        "c": 1000,
        "d": None,
        "e": dt.date(2026, 11, 23),
        "f": "5",
        "g": "5",
        "h": 1.5,
    }


def test_locations_point_at_keys_values_and_quoted_text() -> None:
    node = load_text('top:\n  - name: "x"\n', "t.yaml")
    assert isinstance(node, LMap)
    items = node.items["top"]
    assert isinstance(items, LList)
    first = items.items[0]
    assert isinstance(first, LMap)
    value = first.items["name"]
    assert isinstance(value, LScalar)
    assert (first.key_loc("name").line, first.key_loc("name").col) == (2, 5)
    assert (value.loc.line, value.loc.col, value.text_col) == (2, 11, 12)


def test_duplicate_keys_are_all_reported() -> None:
    with pytest.raises(YamlLoadError) as caught:
        load_text("a: 1\na: 2\nb: 1\nb: 2\n", "t.yaml")
    assert [(p.code.code, p.line) for p in caught.value.problems] == [
        ("TREE_YAML_002", 2),
        ("TREE_YAML_002", 4),
    ]


@pytest.mark.parametrize(
    "path",
    sorted([*QUESTIONNAIRES.glob("*.yaml"), *(ROOT / "forms_templates").glob("*.yaml")]),
    ids=lambda p: p.name,
)
def test_shipped_files_read_within_the_limits(path: Path) -> None:
    assert load_text(path.read_text(encoding="utf-8"), str(path)) is not None
