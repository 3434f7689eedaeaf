"""Reads YAML files with ruamel.yaml into located data, reporting syntax errors and duplicate
keys with their line and column instead of raising library exceptions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import LList, LMap, LNode, Loc, LScalar


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
        text = Path(path).read_text(encoding="utf-8")
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
    yaml = YAML(typ="safe", pure=False)
    try:
        root = yaml.compose(text)
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
    if root is None:
        return None
    problems: list[Problem] = []
    node = _convert(root, path, problems)
    if problems:
        raise YamlLoadError(problems)
    return node


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


def _loc(node: Node, path: str) -> Loc:
    return Loc(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: Node, path: str, problems: list[Problem]) -> LNode:
    if isinstance(node, MappingNode):
        return _convert_mapping(node, path, problems)
    if isinstance(node, SequenceNode):
        return LList(_loc(node, path), [_convert(item, path, problems) for item in node.value])
    assert isinstance(node, ScalarNode)
    return _convert_scalar(node, path)


def _convert_mapping(node: MappingNode, path: str, problems: list[Problem]) -> LMap:
    result = LMap(_loc(node, path))
    for key_node, value_node in node.value:
        key = str(_scalar_value(key_node)) if isinstance(key_node, ScalarNode) else "?"
        key_loc = _loc(key_node, path)
        if key in result.items:
            problems.append(
                Problem(
                    path,
                    key_loc.line,
                    key_loc.col,
                    ErrorCode.YAML_DUPLICATE_KEY,
                    ErrorCode.YAML_DUPLICATE_KEY.format(key=key),
                )
            )
            continue
        result.items[key] = _convert(value_node, path, problems)
        result.key_locs[key] = key_loc
    return result


def _convert_scalar(node: ScalarNode, path: str) -> LScalar:
    loc = _loc(node, path)
    quoted = node.style in ("'", '"')
    return LScalar(
        _scalar_value(node), loc, text_col=loc.col + (1 if quoted else 0), raw=str(node.value)
    )


def _scalar_value(node: ScalarNode) -> object:
    """Turn a scalar into a Python value by the tag the YAML 1.2 resolver gave it."""
    text = str(node.value)
    if node.style in ("'", '"', "|", ">"):
        return text
    tag = str(getattr(node.tag, "value", node.tag) or "")
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
