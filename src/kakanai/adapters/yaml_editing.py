"""Edits a question tree's YAML the way a careful person would by hand: only the text of the
value that changes is replaced or a key added, so comments, order, quoting and the
supervisor's own layout of everything else stay exactly as they were (ruamel.yaml finds
where each value is; the edit itself is on the text)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kakanai.core.errors import ErrorCode, KakanaiError

Step = str | int | tuple[str, str]  # a key, a list index, or ("id", value) for a list item
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#\n]*")
_RISKY = re.compile(r"(:\s|\s#|^\s|\s$)")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}


@dataclass(frozen=True)
class Span:
    """Where a value's text is: character offsets into the document, end exclusive."""

    start: int
    end: int


def replace_value(text: str, path: Sequence[Step], value: str) -> str:
    """``text`` with the scalar at ``path`` set to ``value`` (quoted only if it must be)."""
    node = _find(_compose(text), path)
    if not isinstance(node, ScalarNode):
        raise KakanaiError.of(ErrorCode.EDIT_NOT_SCALAR, path=_shown(path))
    span = _span(text, node)
    return text[: span.start] + scalar(value) + text[span.end :]


def set_key(text: str, path: Sequence[Step], key: str, value: str) -> str:
    """``text`` with ``key: value`` set in the mapping at ``path``: replaced where the key is,
    else added as a new line after the mapping's last key, at its indentation."""
    mapping = _find(_compose(text), path)
    if not isinstance(mapping, MappingNode) or mapping.flow_style:
        raise KakanaiError.of(ErrorCode.EDIT_NOT_MAPPING, path=_shown(path))
    if any(key_node.value == key for key_node, _ in mapping.value):
        return replace_value(text, [*path, key], value)
    first_key = mapping.value[0][0]
    indent = " " * first_key.start_mark.column
    last_value = mapping.value[-1][1]
    end = _line_end(
        text,
        _span(text, last_value).end
        if isinstance(last_value, ScalarNode)
        else _offset(text, last_value.end_mark.line, last_value.end_mark.column),
    )
    return text[:end] + f"\n{indent}{key}: {scalar(value)}" + text[end:]


def remove_key(text: str, path: Sequence[Step], key: str) -> str:
    """``text`` without the single-line ``key: value`` of the mapping at ``path``."""
    mapping = _find(_compose(text), path)
    if not isinstance(mapping, MappingNode):
        raise KakanaiError.of(ErrorCode.EDIT_NOT_MAPPING, path=_shown(path))
    for key_node, value_node in mapping.value:
        if key_node.value == key and isinstance(value_node, ScalarNode):
            start = _offset(text, key_node.start_mark.line, 0)
            end = _line_end(text, _span(text, value_node).end)
            return text[:start] + text[end + 1 :]
    raise KakanaiError.of(ErrorCode.EDIT_NOT_FOUND, path=_shown([*path, key]))


def scalar(value: str) -> str:
    """A YAML scalar for ``value``: plain where YAML reads it back as the same text."""
    if (
        value
        and _PLAIN.fullmatch(value)
        and not _RISKY.search(value)
        and value.lower() not in _RESERVED
        and not _looks_typed(value)
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _looks_typed(value: str) -> bool:
    """Plain text YAML would read as something else: numbers, dates, times."""
    return bool(
        re.fullmatch(r"[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|\d{4}-\d\d-\d\d.*", value)
    )


def _compose(text: str) -> Node:
    root = YAML(typ="rt").compose(text)
    if root is None:
        raise KakanaiError.of(ErrorCode.EDIT_NOT_FOUND, path="(文書)")
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
