"""Writes YAML for people to read and edit (ruamel.yaml): suggested test scenarios, appended to
a tree's tests file in the file's own layout."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq


def scenarios_text(
    scenarios: Sequence[Mapping[str, object]], *, tree_id: str, whole_file: bool, indent: int = 2
) -> str:
    """The scenarios as YAML: a whole tests file, or list items to append under
    ``scenarios:`` indented by ``indent`` spaces."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=indent + 2, offset=indent)
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.representer.ignore_aliases = lambda _data: True  # every scenario reads on its own
    document = CommentedMap()
    if whole_file:
        document["questionnaire"] = tree_id
    document["scenarios"] = CommentedSeq(_block(s) for s in scenarios)
    stream = io.StringIO()
    yaml.dump(document, stream)
    text = stream.getvalue()
    if whole_file:
        return text
    return text.split("\n", 1)[1] if "\n" in text else ""


def _block(scenario: Mapping[str, object]) -> CommentedMap:
    """One scenario; household members and addresses in flow style, one per line."""
    block = CommentedMap()
    for key, value in scenario.items():
        block[key] = _value(value, top=key in ("answers", "expect"))
    return block


def _value(value: object, *, top: bool = False) -> object:
    if isinstance(value, Mapping):
        mapped = CommentedMap((k, _value(v)) for k, v in value.items())
        if not top:
            mapped.fa.set_flow_style()
        return mapped
    if isinstance(value, list):
        items = CommentedSeq(_value(v) for v in value)
        if all(not isinstance(v, Mapping) for v in value):
            items.fa.set_flow_style()
        return items
    return value
