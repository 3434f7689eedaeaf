"""Reads YAML files with ruamel.yaml into located data, reporting syntax errors and duplicate
keys with their line and column instead of raising library exceptions. Nodes are built from
the parser's events without recursion, within limits on nesting and on values (aliases
expanded), so that no file can crash the process or make it expand without end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import ScalarNode

from kakanai.adapters.input_files import read_text
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import LList, LMap, LNode, Loc, LScalar

MAX_FILE_BYTES = 2 * 1024 * 1024
"""The shipped tree is 35 kB; no questionnaire, template or answers file comes near this."""
MAX_VALUES = 100_000
"""Values in one file, an alias counting as every value it repeats ("billion laughs")."""
MAX_DEPTH = 64
"""Nesting of lists and mappings; trees and templates need about ten."""


class YamlLoadError(KakanaiError):
    """The file is not valid YAML, or repeats a key; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(first.code, first.message, path=first.path, line=first.line, col=first.col)
        self.problems = problems


def load_file(path: Path | str) -> LNode | None:
    """Load one YAML document from a file into located data (None for an empty file)."""
    shown = str(path)
    try:
        text = read_text(Path(path), limit=MAX_FILE_BYTES)
    except KakanaiError as exc:  # not a regular file, or too large
        raise YamlLoadError([_problem_of(exc, shown)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        problem = Problem(
            shown,
            1,
            1,
            ErrorCode.FILE_UNREADABLE,
            ErrorCode.FILE_UNREADABLE.format(detail=type(exc).__name__),
        )
        raise YamlLoadError([problem]) from None
    return load_text(text, shown)


def load_text(text: str, path: str) -> LNode | None:
    """Load one YAML document from text; ``path`` is used in locations and messages."""
    # The C parser (ruamel.yaml.clib) is about 8x faster; ruamel falls back to pure Python.
    # Only its events are used: its composer recurses per level and can overflow the C stack.
    yaml = YAML(typ="safe", pure=False)
    composer = _Composer(path, yaml)
    try:
        root = composer.compose(yaml.parse(text))
    except MarkedYAMLError as exc:
        raise YamlLoadError([_syntax_problem(exc, path)]) from None
    except YAMLError as exc:  # errors without a mark still get a location
        problem = Problem(
            path,
            1,
            1,
            ErrorCode.YAML_SYNTAX,
            ErrorCode.YAML_SYNTAX.format(detail=str(exc).splitlines()[0]),
        )
        raise YamlLoadError([problem]) from None
    if composer.problems:
        raise YamlLoadError(composer.problems)
    return root


def _problem_of(error: KakanaiError, path: str) -> Problem:
    return Problem(path, error.line or 1, error.col or 1, error.code, error.message)


_PROBLEM_WORDS = {
    "mapping values are not allowed": "ここでは「キー: 値」を書けません(値の中にコロンがあるなら引用符で囲んでください)",
    "could not find expected ':'": "コロン(:)が見つかりません",
    "found character '\\t' that cannot start any token": "タブ文字は使えません。空白で字下げしてください",
    "found character that cannot start any token": "使えない文字があります(タブ文字で字下げしていませんか)",
    "found undefined alias": "未定義のエイリアスです",
    "did not find expected key": "キーがあるべき場所にありません(字下げがずれていませんか)",
    "did not find expected '-' indicator": "一覧の「- 」があるべき場所にありません(字下げがずれていませんか)",
    "found unexpected end of stream": "ファイルが途中で終わっています(引用符や括弧が閉じていません)",
    "found unknown escape character": "引用符の中に使えない \\ の組み合わせがあります",
    "expected <block end>": "字下げがずれています(同じ階層の行は同じ位置から始めてください)",
    "while parsing a flow": "[ ] や { } が閉じていません",
}


def _syntax_problem(exc: MarkedYAMLError, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    raw = (exc.problem or exc.context or "").strip()
    detail = next((ja for en, ja in _PROBLEM_WORDS.items() if raw.startswith(en)), raw)
    return Problem(
        path, line, col, ErrorCode.YAML_SYNTAX, ErrorCode.YAML_SYNTAX.format(detail=detail)
    )


class _RefusedError(Exception):
    """A limit was met or the stream cannot be one document; carries the problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class _Open:
    """A list or mapping whose items are still arriving."""

    node: LList | LMap
    anchor: str | None
    values: int = 1  # itself and everything in it, aliases expanded
    key: LNode | None = None  # a mapping's key waiting for its value


@dataclass
class _Composer:
    """Builds located nodes from parser events with an explicit stack (no recursion)."""

    path: str
    yaml: YAML
    problems: list[Problem] = field(default_factory=list)
    _stack: list[_Open] = field(default_factory=list)
    _anchors: dict[str, tuple[LNode, int]] = field(default_factory=dict)
    _values: int = 0
    _root: LNode | None = None
    _resolved: dict[tuple[str, object], object] = field(default_factory=dict)

    def compose(self, events: Iterable[Event]) -> LNode | None:
        try:
            for event in events:
                self._take(event)
        except _RefusedError as refused:
            raise YamlLoadError([refused.problem]) from None
        return self._root

    def _take(self, event: Event) -> None:
        if isinstance(event, ScalarEvent):  # the most frequent event first
            self._count(event, 1)
            node = self._scalar(event)
            self._remember(event.anchor, node, 1)
            self._attach(node, 1)
        elif isinstance(event, DocumentStartEvent) and self._root is not None:
            detail = "1つのファイルに書ける文書(---)は1つだけです"
            raise self._refuse(event, ErrorCode.YAML_SYNTAX, detail=detail)
        elif isinstance(event, AliasEvent):
            self._alias(event)
        elif isinstance(event, SequenceStartEvent | MappingStartEvent):
            self._count(event, 1)
            if len(self._stack) >= MAX_DEPTH:
                raise self._refuse(event, ErrorCode.INPUT_TOO_DEEP, limit=MAX_DEPTH)
            loc = self._loc(event)
            opened = LList(loc) if isinstance(event, SequenceStartEvent) else LMap(loc)
            self._stack.append(_Open(opened, event.anchor))
        elif isinstance(event, CollectionEndEvent):
            done = self._stack.pop()
            self._remember(done.anchor, done.node, done.values)
            self._attach(done.node, done.values)

    def _alias(self, event: AliasEvent) -> None:
        found = self._anchors.get(str(event.anchor))
        if found is None:
            open_anchors = {frame.anchor for frame in self._stack}
            detail = (
                "エイリアスが、それ自身を含む値を指しています"
                if event.anchor in open_anchors
                else "未定義のエイリアスです"
            )
            raise self._refuse(event, ErrorCode.YAML_SYNTAX, detail=detail)
        node, values = found
        self._count(event, values)
        self._attach(node, values)

    def _count(self, event: Event, values: int) -> None:
        self._values += values
        if self._values > MAX_VALUES:
            raise self._refuse(event, ErrorCode.INPUT_TOO_MANY_VALUES, limit=MAX_VALUES)

    def _remember(self, anchor: str | None, node: LNode, values: int) -> None:
        if anchor is not None:
            self._anchors[anchor] = (node, values)

    def _attach(self, node: LNode, values: int) -> None:
        if not self._stack:
            self._root = node
            return
        parent = self._stack[-1]
        parent.values += values
        if isinstance(parent.node, LList):
            parent.node.items.append(node)
        elif parent.key is None:
            parent.key = node
        else:
            self._add_item(parent.node, parent.key, node)
            parent.key = None

    def _add_item(self, mapping: LMap, key_node: LNode, value: LNode) -> None:
        key = str(key_node.value) if isinstance(key_node, LScalar) else "?"
        key_loc = key_node.loc
        if key in mapping.items:
            self.problems.append(
                Problem.at(key_loc, ErrorCode.YAML_DUPLICATE_KEY, key=key),
            )
            return
        mapping.items[key] = value
        mapping.key_locs[key] = key_loc

    def _scalar(self, event: ScalarEvent) -> LScalar:
        loc = self._loc(event)
        text = str(event.value)
        quoted = event.style in ("'", '"')
        if event.style in _TEXT_STYLES:  # text whatever its tag: nothing to resolve
            return LScalar(text, loc, text_col=loc.col + (1 if quoted else 0), raw=text)
        tag = event.ctag
        if tag is None or str(tag) == "!":
            # Keys and short values repeat (id, when, はい): each is resolved once per file.
            key = (text, event.implicit)
            tag = self._resolved.get(key)
            if tag is None:
                tag = self._resolved[key] = self.yaml.resolver.resolve(
                    ScalarNode, text, event.implicit
                )
        value = _scalar_value(text, event.style, str(getattr(tag, "value", tag) or ""))
        return LScalar(value, loc, text_col=loc.col, raw=text)

    def _loc(self, event: Event) -> Loc:
        mark = event.start_mark
        return Loc(self.path, mark.line + 1, mark.column + 1)

    def _refuse(self, event: Event, code: ErrorCode, **fields: object) -> _RefusedError:
        return _RefusedError(Problem.at(self._loc(event), code, **fields))


_TEXT_STYLES = ("'", '"', "|", ">")  # quoted and block scalars are text


def _scalar_value(text: str, style: str | None, tag: str) -> object:
    """Turn a scalar into a Python value by the tag the YAML 1.2 resolver gave it."""
    if style in _TEXT_STYLES:
        return text
    kind = tag.rsplit(":", 1)[-1]
    converters = {
        "int": _to_int,
        "float": _to_float,
        "bool": _to_bool,
        "null": _to_none,
        "timestamp": _to_date,
    }
    convert = converters.get(kind)
    if convert is None:
        return text
    try:
        return convert(text)
    except ValueError:
        return text


def _to_int(text: str) -> int:
    return int(text.replace("_", ""), 0) if text.startswith(("0x", "0o")) else int(text)


def _to_float(text: str) -> float:
    return float(text)


def _to_bool(text: str) -> bool:
    return text.lower() == "true"


def _to_none(_text: str) -> None:
    return None


def _to_date(text: str) -> dt.date | dt.datetime:
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text.replace(" ", "T", 1))
