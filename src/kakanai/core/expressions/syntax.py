"""Parsing of condition expressions: Python syntax cut down to a whitelist of safe shapes.

Whatever survives parsing is well-formed, so the type checker and the evaluator can trust it.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Final

from kakanai.core.errors import ErrorCode, did_you_mean
from kakanai.core.value_types import BOOL, DATE, NUMBER, Kind, ValueType


@dataclass(frozen=True)
class ExprIssue:
    """One problem in an expression, at a 0-based character offset into its source."""

    code: ErrorCode
    message: str
    offset: int

    @classmethod
    def of(cls, code: ErrorCode, offset: int, **fields: object) -> ExprIssue:
        return cls(code, code.format(**fields), offset)


class ExprSyntaxError(Exception):
    """An expression that cannot be parsed; ``issue`` is the first of ``issues``."""

    def __init__(self, issues: Sequence[ExprIssue]) -> None:
        super().__init__(issues[0].message)
        self.issue = issues[0]
        self.issues = tuple(issues)


class ArgForm(Enum):
    """How a function's arguments are written."""

    VALUE = "value"  # ordinary expressions of the parameter kinds
    QUESTION = "question"  # one bare question id; reads only whether it was answered
    ISO_DATE = "iso_date"  # one string literal holding a YYYY-MM-DD date
    PER_MEMBER = "per_member"  # one condition on `member`, evaluated per household member


@dataclass(frozen=True)
class Function:
    """A whitelisted function: parameter kinds (None: any), result type and a summary."""

    params: tuple[Kind | None, ...]
    result: ValueType
    summary: str
    arg_form: ArgForm = ArgForm.VALUE


FUNCTIONS: Final[Mapping[str, Function]] = MappingProxyType(
    {
        "age": Function((Kind.DATE,), NUMBER, "基準日時点の満年齢"),
        "age_on": Function((Kind.DATE, Kind.DATE), NUMBER, "2つ目の日付時点の満年齢"),
        "school_grade": Function(
            (Kind.DATE,), NUMBER, "基準日時点の学年(小1=1〜高3=12、未就学は0以下)"
        ),
        "days_between": Function((Kind.DATE, Kind.DATE), NUMBER, "1つ目から2つ目までの日数"),
        # Dates as the law counts them (core/japanese/law_dates.py says where each comes from).
        "legal_age": Function(
            (Kind.DATE,), NUMBER, "基準日時点の年齢(法律の数え方: 誕生日の前日に1つ増える)"
        ),
        "legal_age_on": Function(
            (Kind.DATE, Kind.DATE), NUMBER, "2つ目の日付時点の年齢(法律の数え方)"
        ),
        "attains": Function(
            (Kind.DATE, Kind.NUMBER), DATE, "生年月日から数えてその年齢に達する日(誕生日の前日)"
        ),
        "birthday": Function((Kind.DATE, Kind.NUMBER), DATE, "その年齢の誕生日当日"),
        "school_year_end": Function((Kind.DATE,), DATE, "その日以後の最初の3月31日"),
        "koseki_deadline": Function(
            (Kind.DATE, Kind.NUMBER), DATE, "戸籍の届の期限(当日を1日目に数え、閉庁日なら翌開庁日)"
        ),
        "koseki_deadline_months": Function(
            (Kind.DATE, Kind.NUMBER),
            DATE,
            "月で数える戸籍の届の期限(国外での出生3か月: 応当日の前日、閉庁日なら翌開庁日)",
        ),
        "juuki_deadline": Function(
            (Kind.DATE, Kind.NUMBER), DATE, "住民異動届の期限(翌日から数え、閉庁日なら翌開庁日)"
        ),
        "today": Function((), DATE, "基準日(受付日)"),
        "date": Function((Kind.TEXT,), DATE, '"YYYY-MM-DD" と書いた日付', ArgForm.ISO_DATE),
        "answered": Function((None,), BOOL, "設問が聞かれて回答されたか", ArgForm.QUESTION),
        "any_member": Function(
            (Kind.BOOL,), BOOL, "条件を満たす世帯員がいるか", ArgForm.PER_MEMBER
        ),
        "all_members": Function(
            (Kind.BOOL,), BOOL, "すべての世帯員が条件を満たすか", ArgForm.PER_MEMBER
        ),
        "count_members": Function(
            (Kind.BOOL,), NUMBER, "条件を満たす世帯員の人数", ArgForm.PER_MEMBER
        ),
        "len": Function((Kind.MULTI,), NUMBER, "複数選択で選ばれた数"),
    }
)

MEMBER_NAME: Final = "member"
MAX_LENGTH: Final = 1000
MAX_DEPTH: Final = 60  # far beyond any readable condition; keeps every recursive walk safe

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STATEMENT = re.compile(
    r"(import|from|if|def|class|for|while|with|del|return|raise|try|assert"
    r"|global|nonlocal|pass)\b"
)
_NEWLINE = re.compile(r"\r\n|\r|\n")

_MEMBER_HINT = "世帯員について調べるには any_member(...) などを使ってください。"
_LIST_HINT = '一覧は in の右側でだけ使えます(例: move_type in ["転入", "転居"])。'
_FORBIDDEN: Final[Mapping[type[ast.AST], tuple[str, str]]] = {
    ast.Lambda: ("ラムダ式(lambda)", ""),
    ast.ListComp: ("内包表記", _MEMBER_HINT),
    ast.SetComp: ("内包表記", _MEMBER_HINT),
    ast.DictComp: ("内包表記", _MEMBER_HINT),
    ast.GeneratorExp: ("内包表記", _MEMBER_HINT),
    ast.Subscript: ("添字「[ ]」", '複数選択の設問は "犬" in pets のように in で調べてください。'),
    ast.JoinedStr: ("f文字列", '文字は "..." のように書いてください。'),
    ast.NamedExpr: ("代入式「:=」", "比較には == を使ってください。"),
    ast.Starred: ("「*」による展開", ""),
    ast.Dict: ("辞書「{ }」", _LIST_HINT),
    ast.Set: ("集合「{ }」", _LIST_HINT),
    ast.List: ("一覧「[ ]」", _LIST_HINT),
    ast.Tuple: ("一覧「( , )」", _LIST_HINT),
    ast.IfExp: ("「a if b else c」の形", "and / or を組み合わせて書いてください。"),
    ast.Await: ("await", ""),
    ast.Yield: ("yield", ""),
    ast.YieldFrom: ("yield from", ""),
}
_OPERATORS: Final[Mapping[type[ast.AST], str]] = {
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.MatMult: "@",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.Invert: "~",
    ast.Is: "is",
    ast.IsNot: "is",
}
_BIT_OPERATORS = (ast.BitAnd, ast.BitOr, ast.BitXor, ast.LShift, ast.RShift, ast.Invert)


class SourceMap:
    """Turns the parser's (line, UTF-8 byte column) positions into character offsets."""

    def __init__(self, source: str, start: int) -> None:
        self._start = start
        body = source[start:]
        starts = [0, *(match.end() for match in _NEWLINE.finditer(body))]
        ends = [*(match.start() for match in _NEWLINE.finditer(body)), len(body)]
        self._lines = [(s, body[s:e].encode("utf-8")) for s, e in zip(starts, ends, strict=True)]
        self._length = len(source)

    def at(self, lineno: int | None, byte_col: int | None) -> int:
        """Character offset of a 1-based line and a 0-based byte column, clamped to the text."""
        index = min(max((lineno or 1) - 1, 0), len(self._lines) - 1)
        line_start, encoded = self._lines[index]
        chars = len(encoded[: max(byte_col or 0, 0)].decode("utf-8", errors="ignore"))
        return min(self._start + line_start + chars, self._length)

    def char_at(self, lineno: int | None, char_col: int) -> int:
        """Character offset of a 1-based line and a 0-based character column."""
        index = min(max((lineno or 1) - 1, 0), len(self._lines) - 1)
        line_start, encoded = self._lines[index]
        chars = min(max(char_col, 0), len(encoded.decode("utf-8", errors="ignore")))
        return min(self._start + line_start + chars, self._length)

    def start(self, node: ast.expr | ast.keyword) -> int:
        return self.at(node.lineno, node.col_offset)

    def end(self, node: ast.expr) -> int:
        return self.at(node.end_lineno, node.end_col_offset)

    def attribute_name(self, node: ast.Attribute) -> int:
        """Offset of the name after the dot, which the parser does not record."""
        name_bytes = len(node.attr.encode("utf-8"))
        return self.at(node.end_lineno, (node.end_col_offset or 0) - name_bytes)


def parse_tree(
    source: str, *, paths: bool = False
) -> tuple[ast.expr | None, SourceMap, list[ExprIssue]]:
    """Parse ``source`` and check its shape; the tree is None when any issue was found.

    ``paths`` admits dotted paths such as ``household.head.name`` (form bindings); without
    it the only attribute access is ``member.<field>`` (question trees).
    """
    body = source.lstrip()
    positions = SourceMap(source, len(source) - len(body))
    if not body.strip():
        return None, positions, [ExprIssue.of(ErrorCode.EXPR_EMPTY, 0)]
    if len(source) > MAX_LENGTH:
        detail = f"式が長すぎます({MAX_LENGTH}文字以内にして、計算値に分けてください)"
        return None, positions, [ExprIssue.of(ErrorCode.EXPR_SYNTAX, 0, detail=detail)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes in user text are not our warnings
            tree = ast.parse(body, mode="eval").body
    except SyntaxError as error:
        return None, positions, [_syntax_issue(error, source, positions)]
    except (ValueError, RecursionError, MemoryError):  # CPython's limits for odd input
        detail = "式が複雑すぎます。計算値に分けてください"
        return None, positions, [ExprIssue.of(ErrorCode.EXPR_SYNTAX, 0, detail=detail)]
    if _depth(tree) > MAX_DEPTH:
        detail = "括弧や演算の入れ子が深すぎます。計算値に分けてください"
        return None, positions, [ExprIssue.of(ErrorCode.EXPR_SYNTAX, 0, detail=detail)]
    validator = _Validator(source, positions, paths=paths)
    validator.visit(tree)
    return (None if validator.issues else tree), positions, validator.issues


def _depth(tree: ast.AST) -> int:
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _syntax_issue(error: SyntaxError, source: str, positions: SourceMap) -> ExprIssue:
    body_start = len(source) - len(source.lstrip())
    statement = _STATEMENT.match(source, body_start)
    if statement:
        keyword = "import" if statement.group(1) == "from" else statement.group(1)
        return ExprIssue.of(
            ErrorCode.EXPR_FORBIDDEN,
            body_start,
            construct=f"{keyword}文",
            hint="when: などには条件の式だけを書いてください。",
        )
    end = len(source.rstrip())
    if "\0" in source:
        end = source.index("\0")
    offset = end if not error.offset else positions.char_at(error.lineno, error.offset - 1)
    return ExprIssue.of(ErrorCode.EXPR_SYNTAX, offset, detail=_syntax_detail(error, source, offset))


def _syntax_detail(error: SyntaxError, source: str, offset: int) -> str:
    message = error.msg or ""
    char = source[offset] if offset < len(source) else ""
    if "null bytes" in message:
        return "使えない文字(NUL)があります"
    if "never closed" in message:
        return "括弧が閉じていません"
    if message.startswith("unmatched") or "does not match" in message:
        return f"閉じ括弧「{char}」に対応する開き括弧がありません"
    if "unterminated" in message or "EOF while scanning" in message:
        return "文字列の引用符が閉じていません"
    if "invalid character" in message or "invalid non-printable" in message:
        return f"使えない文字「{char}」があります。記号や数字は半角で書いてください"
    if offset >= len(source.rstrip()) or "unexpected EOF" in message:
        return "式が途中で終わっています"
    if char == "=":
        return "「=」は使えません。比較には == を使ってください"
    if char in "&|!":
        return f"「{char}」は使えません。and / or / not を使ってください"
    return f"「{source[offset : offset + 10]}」の付近が正しくありません"


class _Validator:
    """Collects every construct outside the whitelist; does not descend into rejected ones."""

    def __init__(self, source: str, positions: SourceMap, *, paths: bool = False) -> None:
        self.issues: list[ExprIssue] = []
        self._source = source
        self._positions = positions
        self._paths = paths

    def visit(self, node: ast.expr) -> None:
        if isinstance(node, ast.Constant):
            self._constant(node)
        elif isinstance(node, ast.Name):
            self._name(node)
        elif isinstance(node, ast.Attribute):
            self._attribute(node)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self.visit(value)
        elif isinstance(node, ast.UnaryOp):
            self._unary(node)
        elif isinstance(node, ast.BinOp):
            self._binary(node)
        elif isinstance(node, ast.Compare):
            self._compare(node)
        elif isinstance(node, ast.Call):
            self._call(node)
        else:
            construct, hint = _FORBIDDEN.get(type(node), (type(node).__name__, ""))
            self._forbid(self._positions.start(node), construct, hint)

    def _forbid(self, offset: int, construct: str, hint: str = "") -> None:
        self.issues.append(
            ExprIssue.of(ErrorCode.EXPR_FORBIDDEN, offset, construct=construct, hint=hint)
        )

    def _constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, bool | int | float | str):
            return
        if node.value is None:
            hint = "未回答かどうかは answered(...) で調べてください。"
            self._forbid(self._positions.start(node), "None", hint)
        else:
            self._forbid(self._positions.start(node), f"値 {self._text(node)}")

    def _name(self, node: ast.Name) -> None:
        if node.id.startswith("_"):
            self._dunder(self._positions.start(node), node.id)

    def _dunder(self, offset: int, name: str) -> None:
        construct = f"「{name}」のような _ で始まる名前(特殊属性)"
        self._forbid(offset, construct, "世帯員の項目は member.age のように書いてください。")

    def _attribute(self, node: ast.Attribute) -> None:
        offset = self._positions.attribute_name(node)
        base = node.value
        if node.attr.startswith("_"):
            self._dunder(offset, node.attr)
        elif isinstance(base, ast.Name) and base.id == MEMBER_NAME:
            return
        elif self._paths and isinstance(base, ast.Name | ast.Attribute):
            self.visit(base)  # every name along a dotted path is checked the same way
        else:
            hint = "「.」が使えるのは member.age のような世帯員の項目だけです。"
            self._forbid(offset, f"属性「.{node.attr}」", hint)

    def _unary(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Invert):
            self._forbid(
                self._positions.start(node), "ビット演算子「~」", "否定には not を使ってください。"
            )
        else:
            self.visit(node.operand)

    def _binary(self, node: ast.BinOp) -> None:
        if isinstance(node.op, ast.Add | ast.Sub):
            self.visit(node.left)
            self.visit(node.right)
            return
        symbol = _OPERATORS.get(type(node.op), "?")
        offset = self._operator_offset(node.left, node.right, symbol)
        if isinstance(node.op, _BIT_OPERATORS):
            self._forbid(offset, f"ビット演算子「{symbol}」", "and / or / not を使ってください。")
        else:
            self._forbid(offset, f"演算子「{symbol}」", "使える計算は + と - だけです。")

    def _operator_offset(self, left: ast.expr, right: ast.expr, symbol: str) -> int:
        start = self._positions.end(left)
        found = self._source.find(symbol, start, self._positions.start(right))
        return found if found >= 0 else start

    def _compare(self, node: ast.Compare) -> None:
        self.visit(node.left)
        left = node.left
        last = len(node.comparators) - 1
        for index, (op, right) in enumerate(zip(node.ops, node.comparators, strict=True)):
            if isinstance(op, ast.Is | ast.IsNot):
                offset = self._operator_offset(left, right, "is")
                self._forbid(offset, "「is」「is not」", "比較には == か != を使ってください。")
            if isinstance(right, ast.List | ast.Tuple) and isinstance(op, ast.In | ast.NotIn):
                self._literal_list(right, allowed=index == last)
            else:
                self.visit(right)
            left = right

    def _literal_list(self, node: ast.List | ast.Tuple, *, allowed: bool) -> None:
        if not allowed:
            self._forbid(self._positions.start(node), "一覧「[ ]」", _LIST_HINT)
            return
        for element in node.elts:
            if literal_values(element) is None:
                hint = '一覧の中には "転入" や 3 のような値だけを書けます。'
                self._forbid(self._positions.start(element), "一覧の中の式", hint)

    def _call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in FUNCTIONS:
            self._known_call(node, func.id, FUNCTIONS[func.id])
        elif isinstance(func, ast.Attribute) and func.attr.startswith("_"):
            self._dunder(self._positions.attribute_name(func), func.attr)
        else:
            name = func.id if isinstance(func, ast.Name) else self._text(func)
            plain = func.attr if isinstance(func, ast.Attribute) else name
            self.issues.append(
                ExprIssue.of(
                    ErrorCode.EXPR_CALL,
                    self._positions.start(func),
                    name=name,
                    allowed="、".join(FUNCTIONS),
                    suggestion=did_you_mean(plain, FUNCTIONS),
                )
            )

    def _known_call(self, node: ast.Call, name: str, function: Function) -> None:
        for keyword in node.keywords:
            hint = f"引数は {name}(...) のように名前を付けずに書いてください。"
            self._forbid(self._positions.start(keyword), "キーワード引数", hint)
        if node.keywords:
            return
        if len(node.args) != len(function.params):
            detail = f"引数は{len(function.params)}個です(今は{len(node.args)}個)"
            self._args_issue(node, name, detail)
        elif function.arg_form is ArgForm.QUESTION:
            self._question_arg(node, name)
        elif function.arg_form is ArgForm.ISO_DATE:
            self._iso_date_arg(node, name)
        else:
            for arg in node.args:
                self.visit(arg)

    def _args_issue(self, node: ast.expr, name: str, detail: str) -> None:
        self.issues.append(
            ExprIssue.of(ErrorCode.TYPE_ARGS, self._positions.start(node), name=name, detail=detail)
        )

    def _question_arg(self, node: ast.Call, name: str) -> None:
        arg = node.args[0]
        if not isinstance(arg, ast.Name) or arg.id == MEMBER_NAME or arg.id.startswith("_"):
            detail = f"設問のIDをそのまま書いてください(例: {name}(move_date))"
            self._args_issue(arg, name, detail)

    def _iso_date_arg(self, node: ast.Call, name: str) -> None:
        arg = node.args[0]
        if iso_date(arg) is None:
            detail = f'"2024-04-01" のような実在する日付を書いてください(今は {self._text(arg)})'
            self._args_issue(arg, name, detail)

    def _text(self, node: ast.expr) -> str:
        text = self._source[self._positions.start(node) : self._positions.end(node)]
        return text if len(text) <= 30 else text[:29] + "…"


def iso_date(node: ast.expr) -> dt.date | None:
    """The date a ``"YYYY-MM-DD"`` literal names, or None if it is not one."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return None
    if not _ISO_DATE.fullmatch(node.value):
        return None
    try:
        return dt.date.fromisoformat(node.value)
    except ValueError:
        return None


def literal_values(node: ast.expr) -> list[object] | None:
    """The constant values a literal denotes (several for a list), or None if not constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, bool | int | float | str):
        return [node.value]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = node.operand
        if isinstance(inner, ast.Constant) and isinstance(inner.value, int | float):
            if isinstance(inner.value, bool):
                return None
            return [-inner.value if isinstance(node.op, ast.USub) else inner.value]
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "date":
        day = iso_date(node.args[0]) if len(node.args) == 1 and not node.keywords else None
        return None if day is None else [day]
    if isinstance(node, ast.List | ast.Tuple):
        values: list[object] = []
        for element in node.elts:
            inner_values = literal_values(element)
            if inner_values is None or isinstance(element, ast.List | ast.Tuple):
                return None
            values.extend(inner_values)
        return values
    return None
