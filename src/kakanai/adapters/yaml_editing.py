"""Edits a question tree's YAML the way a careful person would by hand: only the text of the
value that changes is replaced or a key added, so comments, order, quoting and the
supervisor's own layout of everything else stay exactly as they were (ruamel.yaml finds
where each value is; the edit itself is on the text)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kakanai.core.errors import ErrorCode, KakanaiError

Step = str | int | tuple[str, str]  # a key, a list index, or ("id", value) for a list item
Value = str | bool | int | float | dt.date
Item = str | Mapping[str, str]  # a list item: a text, or a choice's value and label
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#\n]*")
_RISKY = re.compile(r"(:\s|\s#|^\s|\s$)")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}


@dataclass(frozen=True)
class Span:
    """Where a value's text is: character offsets into the document, end exclusive."""

    start: int
    end: int


def replace_value(text: str, path: Sequence[Step], value: Value) -> str:
    """``text`` with the scalar at ``path`` set to ``value`` (quoted only if it must be)."""
    node = _find(_compose(text), path)
    if not isinstance(node, ScalarNode):
        raise KakanaiError.of(ErrorCode.EDIT_NOT_SCALAR, path=_shown(path))
    span = _span(text, node)
    return text[: span.start] + scalar(value) + text[span.end :]


def set_key(text: str, path: Sequence[Step], key: str, value: Value) -> str:
    """``text`` with ``key: value`` set in the mapping at ``path``: replaced where the key is,
    else added as a new line after the mapping's last key, at its indentation."""
    mapping = _find(_compose(text), path)
    if not isinstance(mapping, MappingNode) or mapping.flow_style:
        raise KakanaiError.of(ErrorCode.EDIT_NOT_MAPPING, path=_shown(path))
    if any(key_node.value == key for key_node, _ in mapping.value):
        return replace_value(text, [*path, key], value)
    return _append_lines(text, mapping, [f"{key}: {scalar(value)}"])


def _append_lines(text: str, mapping: MappingNode, lines: Sequence[str]) -> str:
    """``lines`` added after the mapping's last key, at the indentation of its keys."""
    indent = " " * mapping.value[0][0].start_mark.column
    end = _line_end(text, _content_end(text, mapping.value[-1][1]))
    return text[:end] + "".join(f"\n{indent}{line}" for line in lines) + text[end:]


def remove_key(text: str, path: Sequence[Step], key: str) -> str:
    """``text`` without ``key`` and its value (all its lines) in the mapping at ``path``."""
    mapping = _find(_compose(text), path)
    if not isinstance(mapping, MappingNode):
        raise KakanaiError.of(ErrorCode.EDIT_NOT_MAPPING, path=_shown(path))
    for key_node, value_node in mapping.value:
        if key_node.value == key:
            start = _offset(text, key_node.start_mark.line, 0)
            end = _line_end(text, _content_end(text, value_node))
            return text[:start] + text[end + 1 :]
    raise KakanaiError.of(ErrorCode.EDIT_NOT_FOUND, path=_shown([*path, key]))


def set_list(text: str, path: Sequence[Step], key: str, items: Sequence[Item]) -> str:
    """``text`` with the list ``key`` of the mapping at ``path`` set to ``items`` (texts, or
    ``{"value": …, "label": …}`` choices): in place, in the list's own style (``[a, b]`` or
    one ``- item`` a line); added when missing; removed when ``items`` is empty. Comments
    inside the list are not kept; everything around it is."""
    mapping = _find(_compose(text), path)
    if not isinstance(mapping, MappingNode) or mapping.flow_style:
        raise KakanaiError.of(ErrorCode.EDIT_NOT_MAPPING, path=_shown(path))
    found = next(((k, v) for k, v in mapping.value if k.value == key), None)
    if not items:
        return remove_key(text, path, key) if found else text
    if found is None:
        if _fits_one_line(items):
            return _append_lines(text, mapping, [f"{key}: {_flow(items)}"])
        return _append_lines(text, mapping, [f"{key}:", *_block(items, 2)])
    key_node, value_node = found
    if isinstance(value_node, SequenceNode) and not value_node.flow_style and value_node.value:
        first = value_node.value[0]
        dash = _dash_column(text, first)
        start = _offset(text, first.start_mark.line, 0)
        end = _line_end(text, _content_end(text, value_node))
        body = "\n".join(" " * dash + line for line in _block(items, 0))
        return text[:start] + body + text[end:]
    start = _offset(text, key_node.start_mark.line, key_node.start_mark.column)
    end = _line_end(text, _content_end(text, value_node))
    return text[:start] + f"{key}: {_flow(items)}" + text[end:]


def line_range(text: str, path: Sequence[Step]) -> tuple[int, int]:
    """The 1-based first and last line of the value at ``path`` (an item of a list: its
    ``- `` line to the end of its last value)."""
    node = _find(_compose(text), path)
    first = node.start_mark.line + 1
    last = text.count("\n", 0, _content_end(text, node)) + 1
    return first, last


def _dash_column(text: str, first: Node) -> int:
    """The column of the ``-`` before a block list's first item."""
    line_start = _offset(text, first.start_mark.line, 0)
    found = text.rfind("-", line_start, line_start + first.start_mark.column)
    return found - line_start if found >= 0 else max(first.start_mark.column - 2, 0)


def _fits_one_line(items: Sequence[Item]) -> bool:
    return all(isinstance(i, str) for i in items) and len(_flow(items)) <= 60


def _flow(items: Sequence[Item]) -> str:
    return "[" + ", ".join(_flow_item(i) for i in items) + "]"


def _flow_item(item: Item) -> str:
    if isinstance(item, str):
        text = scalar(item)
        return _quoted(item) if any(ch in text for ch in ",[]{}") else text
    return "{" + ", ".join(f"{k}: {_flow_item(v)}" for k, v in item.items()) + "}"


def _block(items: Sequence[Item], indent: int) -> list[str]:
    """One ``- item`` a line (a choice's further keys under its first, two columns in)."""
    lines: list[str] = []
    pad = " " * indent
    for item in items:
        if isinstance(item, str):
            lines.append(f"{pad}- {scalar(item)}")
            continue
        for number, (key, value) in enumerate(item.items()):
            lead = "- " if number == 0 else "  "
            lines.append(f"{pad}{lead}{key}: {scalar(value)}")
    return lines


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def scalar(value: Value) -> str:
    """A YAML scalar for ``value``: a yes/no, number or date as YAML writes one; a text plain
    where YAML reads it back as the same text, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if (
        value
        and _PLAIN.fullmatch(value)
        and not _RISKY.search(value)
        and value.lower() not in _RESERVED
        and not _looks_typed(value)
    ):
        return value
    return _quoted(value)


def _looks_typed(value: str) -> bool:
    """Plain text YAML would read as something else: numbers, dates, times."""
    return bool(
        re.fullmatch(r"[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|\d{4}-\d\d-\d\d.*", value)
    )


_composed: list[tuple[str, Node]] = []  # the last text composed (an edit reads it twice)


def _compose(text: str) -> Node:
    # Only where each node is and its style matter, not comments: libyaml's composer gives
    # the same nodes ten times faster than the round-trip one (30 ms on the largest tree).
    if _composed and _composed[0][0] == text:
        return _composed[0][1]
    root = YAML(typ="safe", pure=False).compose(text)
    if root is None:
        raise KakanaiError.of(ErrorCode.EDIT_NOT_FOUND, path="(文書)")
    _composed[:] = [(text, root)]
    return root  # type: ignore[no-any-return]


def _find(node: Node, path: Sequence[Step]) -> Node:
    for step in path:
        found: Node | None = None
        if isinstance(step, str) and isinstance(node, MappingNode):
            found = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(step, int) and isinstance(node, SequenceNode):
            found = node.value[step] if 0 <= step < len(node.value) else None
        elif isinstance(step, tuple) and isinstance(node, SequenceNode):
            key, wanted = step
            found = next((item for item in node.value if _field(item, key) == wanted), None)
        if found is None:
            raise KakanaiError.of(ErrorCode.EDIT_NOT_FOUND, path=_shown(path))
        node = found
    return node


def _field(item: Node, key: str) -> object:
    if isinstance(item, MappingNode):
        return next((v.value for k, v in item.value if k.value == key), None)
    return None


def _content_end(text: str, node: Node) -> int:
    """Where a value's own text ends: a block collection's end mark is the next token (often
    lines further down), so it ends where its last scalar or flow collection does."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    if isinstance(node, ScalarNode):
        return _span(text, node).end
    return _offset(text, node.end_mark.line, node.end_mark.column)


def _span(text: str, node: ScalarNode) -> Span:
    start = _offset(text, node.start_mark.line, node.start_mark.column)
    end = _offset(text, node.end_mark.line, node.end_mark.column)
    return Span(start, end)


def _offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(lines[i]) + 1 for i in range(line)) + column


def _line_end(text: str, offset: int) -> int:
    found = text.find("\n", offset)
    return len(text) if found < 0 else found


def _shown(path: Sequence[Step]) -> str:
    parts = [f"{s[0]}={s[1]}" if isinstance(s, tuple) else str(s) for s in path]
    return " > ".join(parts)
