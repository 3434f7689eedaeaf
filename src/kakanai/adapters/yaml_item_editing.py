"""Edits items of a YAML list in place, as a person would by hand: replace one value's text,
set or drop a key of an item written as a flow mapping (``- {kind: text, box: [...]}``),
append an item after the last one, remove an item's lines. ruamel.yaml finds where each
node is; the edit is on the text, so comments, order and layout elsewhere stay as they were.
Used by the form-template editor; question-tree edits are ``adapters/yaml_editing``."""

from __future__ import annotations

from collections.abc import Sequence

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kakanai.core.errors import ErrorCode, KakanaiError

Step = str | int  # a mapping key or a list index


def node_lines(text: str, path: Sequence[Step]) -> tuple[int, int]:
    """The 1-based first and last line of the value at ``path``."""
    node = _find(text, path)
    return node.start_mark.line + 1, text.count("\n", 0, _content_end(text, node)) + 1


def replace_node(text: str, path: Sequence[Step], new_text: str) -> str:
    """``text`` with the whole value at ``path`` (a scalar or a flow collection) replaced by
    ``new_text``, written as YAML by the caller."""
    node = _find(text, path)
    start = _offset(text, node.start_mark.line, node.start_mark.column)
    return text[:start] + new_text + text[_content_end(text, node) :]


def set_key(text: str, path: Sequence[Step], key: str, value_text: str) -> str:
    """``text`` with ``key: value_text`` in the mapping at ``path``: the value replaced where
    the key is, else added (inside ``{…}`` before the closing brace, or as a new line after a
    block mapping's last key)."""
    mapping = _find(text, path)
    if not isinstance(mapping, MappingNode):
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=_shown(path))
    if any(k.value == key for k, _ in mapping.value):
        return replace_node(text, [*path, key], value_text)
    end = _content_end(text, mapping)
    if mapping.flow_style:
        close = text.rfind("}", 0, end)
        inside = text[_offset(text, mapping.start_mark.line, mapping.start_mark.column) + 1 : close]
        separator = ", " if inside.strip() else ""
        before = text[:close].rstrip(" ")
        return before + f"{separator}{key}: {value_text}" + text[close:]
    indent = " " * mapping.value[0][0].start_mark.column
    line_end = _line_end(text, _content_end(text, mapping.value[-1][1]))
    return text[:line_end] + f"\n{indent}{key}: {value_text}" + text[line_end:]


def remove_key(text: str, path: Sequence[Step], key: str) -> str:
    """``text`` without ``key`` and its value in the mapping at ``path`` (no change when the
    key is not there)."""
    mapping = _find(text, path)
    if not isinstance(mapping, MappingNode):
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=_shown(path))
    pairs = list(mapping.value)
    for index, (key_node, value_node) in enumerate(pairs):
        if key_node.value != key:
            continue
        key_start = _offset(text, key_node.start_mark.line, key_node.start_mark.column)
        value_end = _content_end(text, value_node)
        if not mapping.flow_style:
            start = _offset(text, key_node.start_mark.line, 0)
            return text[:start] + text[_line_end(text, value_end) + 1 :]
        if index > 0:  # drop the comma before the pair
            previous_end = _content_end(text, pairs[index - 1][1])
            return text[:previous_end] + text[value_end:]
        if len(pairs) > 1:  # the first pair: drop the comma after it
            next_start = pairs[1][0]
            return text[:key_start] + text[_offset_of(text, next_start) :]
        return text[:key_start] + text[value_end:]
    return text


def append_item(text: str, path: Sequence[Step], item_text: str) -> str:
    """``text`` with ``- item_text`` added after the last item of the block list at ``path``,
    at the items' indentation (further lines of ``item_text`` indented under the dash)."""
    items = _find(text, path)
    if _empty(items) and path and isinstance(path[-1], str):  # `elements: []` or nothing
        return _first_item(text, path, item_text)
    if not isinstance(items, SequenceNode) or items.flow_style or not items.value:
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=_shown(path))
    end = _line_end(text, _content_end(text, items.value[-1]))
    return (
        text[:end] + "\n" + _item_lines(item_text, _dash_column(text, items.value[0])) + text[end:]
    )


def _empty(node: Node) -> bool:
    if isinstance(node, SequenceNode):
        return not node.value
    return isinstance(node, ScalarNode) and str(node.tag).endswith(":null")


def _first_item(text: str, path: Sequence[Step], item_text: str) -> str:
    """The empty list at ``path`` written as a block list holding one item."""
    mapping = _find(text, path[:-1])
    if not isinstance(mapping, MappingNode) or mapping.flow_style:
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=_shown(path))
    key_node, value = next((k, v) for k, v in mapping.value if k.value == path[-1])
    start = _offset_of(text, key_node)
    # an empty value ends at the key's colon, `[]` at its bracket (a comment after stays)
    key_end = _offset(text, key_node.end_mark.line, key_node.end_mark.column)
    end = (
        text.index(":", key_end) + 1 if isinstance(value, ScalarNode) else _content_end(text, value)
    )
    lines = _item_lines(item_text, key_node.start_mark.column + 2)
    return text[:start] + f"{path[-1]}:\n" + lines + text[end:]


def _item_lines(item_text: str, dash: int) -> str:
    lines = item_text.split("\n")
    body = " " * dash + "- " + lines[0]
    return body + "".join(f"\n{' ' * (dash + 2)}{line}" if line else "\n" for line in lines[1:])


def remove_item(text: str, path: Sequence[Step]) -> str:
    """``text`` without the lines of the block-list item at ``path`` (from its dash to the end
    of its last value)."""
    node = _find(text, path)
    start = _offset(text, node.start_mark.line, 0)
    end = _line_end(text, _content_end(text, node))
    return text[:start] + text[min(end + 1, len(text)) :]


def _find(text: str, path: Sequence[Step]) -> Node:
    try:
        node: Node | None = YAML(typ="rt").compose(text)
    except YAMLError:
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=_shown(path)) from None
    for step in path:
        found: Node | None = None
        if isinstance(step, str) and isinstance(node, MappingNode):
            found = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(step, int) and isinstance(node, SequenceNode):
            found = node.value[step] if 0 <= step < len(node.value) else None
        if found is None:
            raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=_shown(path))
        node = found
    if node is None:
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=_shown(path))
    return node


def _content_end(text: str, node: Node) -> int:
    """Where a value's own text ends: a block collection's end mark lies past the comments
    and blank lines after it, so take its last child's end instead."""
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return _content_end(text, node.value[-1][1])
    if isinstance(node, SequenceNode) and not node.flow_style and node.value:
        return _content_end(text, node.value[-1])
    end = _offset(text, node.end_mark.line, node.end_mark.column)
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        return end - 1 if text[end - 1 : end] == "\n" else end
    return end


def _dash_column(text: str, first: Node) -> int:
    line_start = _offset(text, first.start_mark.line, 0)
    found = text.rfind("-", line_start, line_start + first.start_mark.column)
    return found - line_start if found >= 0 else max(first.start_mark.column - 2, 0)


def _offset_of(text: str, node: Node) -> int:
    return _offset(text, node.start_mark.line, node.start_mark.column)


def _offset(text: str, line: int, column: int) -> int:
    position = 0
    for _ in range(line):
        position = text.index("\n", position) + 1
    return position + column


def _line_end(text: str, offset: int) -> int:
    found = text.find("\n", offset)
    return len(text) if found < 0 else found


def _shown(path: Sequence[Step]) -> str:
    return " > ".join(str(step) for step in path)


def item_count(text: str, path: Sequence[Step]) -> int:
    """How many items the list at ``path`` has."""
    node = _find(text, path)
    if not isinstance(node, SequenceNode):
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=_shown(path))
    return len(node.value)
