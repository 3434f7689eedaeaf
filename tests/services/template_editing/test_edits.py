"""Each edit of a template changes only the field's own lines of the YAML: comments, order
and every other element stay exactly as written."""

from __future__ import annotations

import difflib
from pathlib import Path

from kakanai.core.forms.model import Box
from kakanai.services.template_editing.checking import CheckContext
from kakanai.services.template_editing.fields import FieldRef
from kakanai.services.template_editing.session import TemplateSession
from tests.services.template_editing.conftest import SAMPLES, TREES, copied_template


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The removed and the added lines between two texts."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def field_named(session: TemplateSession, name: str) -> FieldRef:
    return next(f.ref for f in session.fields() if f.name == name)


def test_moving_a_field_rewrites_only_its_box(session: TemplateSession) -> None:
    before = session.text
    session.move_field(field_named(session, "犬の名前"), Box(64, 118, 58.5, 8))
    removed, added = changed_lines(before, session.text)
    rest = "value: answers.dog_name, size: 11, min_size: 7}"
    assert removed == [f"      - {{kind: text, id: 犬の名前, box: [63, 117.5, 58, 8], {rest}"]
    assert added == [f"      - {{kind: text, id: 犬の名前, box: [64, 118, 58.5, 8], {rest}"]


def test_adding_a_field_appends_one_line_after_the_last_element(
    session: TemplateSession,
) -> None:
    before = session.text
    binding = next(b for b in session.bindables() if b.source == "household.head.name")
    ref = session.add_field(0, "text", Box(20, 230, 60, 8), binding)
    assert session.text.startswith(before.rstrip("\n"))
    removed, added = changed_lines(before, session.text)
    assert removed == []
    assert added == [
        "      - {kind: text, id: 世帯主の氏名, box: [20, 230, 60, 8], value: household.head.name}"
    ]
    assert session.field(ref) is not None
    assert session.field(ref).value == "household.head.name"  # type: ignore[union-attr]


def test_deleting_a_block_table_removes_only_its_lines(tmp_path: Path) -> None:
    path = copied_template(tmp_path / "forms_templates", "juumin_idou_todoke")
    session = TemplateSession(path, CheckContext(TREES, SAMPLES[:1]))
    table = next(f for f in session.fields() if f.kind == "table")
    before = session.text
    session.delete_field(table.ref)
    removed, added = changed_lines(before, session.text)
    assert added == []
    assert len(removed) == table.last_line - table.first_line + 1 - _trailing_blank(
        before, table.last_line
    )
    assert removed[0] == "      - kind: table"
    assert not any(f.kind == "table" for f in session.fields())


def _trailing_blank(text: str, last_line: int) -> int:
    """Lines after the table's last value up to the next element (comments, blanks)."""
    lines = text.splitlines()
    count = 0
    for line in reversed(lines[:last_line]):
        if line.strip() and not line.strip().startswith("#"):
            break
        count += 1
    return count


def test_a_new_kind_drops_the_keys_it_does_not_have(session: TemplateSession) -> None:
    binding = next(b for b in session.bindables() if b.source == "household.head.name")
    ref = session.add_field(0, "name", Box(20, 230, 60, 12), binding)
    assert "kana: household.head.kana" in session.text
    session.set_kind(ref, "text")
    line = session.text.rstrip("\n").splitlines()[-1]
    assert line == (
        "      - {kind: text, id: 世帯主の氏名, box: [20, 230, 60, 12], value: household.head.name}"
    )


def test_a_condition_with_quotes_is_written_so_yaml_reads_it_back(
    session: TemplateSession,
) -> None:
    binding = next(b for b in session.bindables() if b.source == '"inu_tennyu" in case.procedures')
    ref = session.add_field(0, "check", Box(20, 230, 5, 5), binding)
    assert session.field(ref).value == '"inu_tennyu" in case.procedures'  # type: ignore[union-attr]
    assert session.check().problems == []


def test_a_choice_prints_the_choices_of_its_question(session: TemplateSession) -> None:
    binding = next(b for b in session.bindables() if b.source == "answers.move_type")
    ref = session.add_field(0, "choice", Box(20, 230, 60, 8), binding)
    assert session.text.rstrip("\n").endswith(
        "value: answers.move_type, choices: [転入, 転居, 転出]}"
    )
    assert session.field(ref).kind == "choice"  # type: ignore[union-attr]
