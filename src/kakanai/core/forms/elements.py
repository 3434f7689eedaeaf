"""Reads the elements of a form template page (labels, rules, fields, tables) from located
YAML, checking keys, boxes, styles and every binding against the case fields."""

from __future__ import annotations

from dataclasses import replace
from typing import TypedDict

from kakanai.core.errors import ErrorCode, did_you_mean
from kakanai.core.forms.model import (
    ALL_KINDS,
    CELL_KINDS,
    Binding,
    BlankField,
    Box,
    ChoiceField,
    ChoiceItem,
    CodeField,
    Column,
    Element,
    Label,
    Rule,
    TableField,
    TextField,
)
from kakanai.core.forms.reading import ValueReader
from kakanai.core.located import LList, LMap, Loc, LScalar
from kakanai.core.trees.reader import unknown_keys
from kakanai.core.value_types import Kind

COMMON = {"kind", "box", "when", "id"}
FIELD = COMMON | {"label", "label_size", "frame", "line"}
STYLE = {"size", "min_size", "font", "align", "valign", "wrap", "color"}
KEYS: dict[str, set[str]] = {
    "label": COMMON | STYLE | {"text", "frame", "fill", "line"},
    "box": COMMON | {"line", "fill", "dash", "color"},
    "line": {"kind", "id", "when", "from", "to", "line", "dash", "color"},
    "grid": COMMON | {"cols", "rows", "line", "fill"},
    "text": FIELD | STYLE | {"value", "prefix", "suffix", "empty", "texts"},
    "date": FIELD | STYLE | {"value", "style", "eras", "era_width", "gannen"},
    "name": FIELD | STYLE | {"value", "kana", "kana_size", "kana_height"},
    "digits": FIELD | {"value", "groups", "size", "font"},
    "check": FIELD | {"value", "text", "size", "font", "square"},
    "circle": FIELD | {"value"},
    "choice": FIELD | STYLE | {"value", "choices", "direction", "separator"},
    "table": COMMON
    | {"where", "columns", "header_height", "row_height", "header_size", "continuation", "line"},
    "signature": FIELD | {"text"},
    "blank": FIELD | {"text"},
    "seal": FIELD | {"text"},
    "code": COMMON | {"value", "type", "caption"},
    "number": FIELD | STYLE,
}
KEYS["note"] = KEYS["label"]
COLUMN_KEYS = {"title", "width"}
CHOICE_KEYS = {"value", "label", "when"}
DATE_STYLES = ("wareki", "seireki", "era", "short")
MIN_COLUMN = 3.0  # mm: the least a column without a width may be left
EXPECTED = {"date": Kind.DATE, "check": Kind.BOOL, "circle": Kind.BOOL, "name": Kind.TEXT}


class Common(TypedDict):
    """The keys every element has (see ``Element``)."""

    kind: str
    box: Box
    loc: Loc
    name: str
    when: Binding | None
    label: str
    label_size: float
    frame: bool
    line: float


class ElementReader(ValueReader):
    """Reads elements: labels, rules, fields, tables (with their columns)."""

    # -- elements --------------------------------------------------------------------------

    def element(self, node: LMap, *, cell: Box | None = None) -> Element | None:
        """One element; ``cell`` is the box of a table cell (columns have no box: key and
        are text unless they say otherwise)."""
        kind = self._kind(node, "text" if cell is not None else "?")
        allowed = CELL_KINDS if cell is not None else ALL_KINDS
        if kind not in allowed:
            self.report(
                node.key_loc("kind") if "kind" in node.items else node.loc,
                ErrorCode.FORM_KIND,
                kind=kind,
                suggestion=did_you_mean(kind, allowed),
                allowed="、".join(allowed),
            )
            return None
        keys = KEYS[kind] - ({"box"} if cell is not None else set())
        columns = COLUMN_KEYS if cell is not None else set()
        self.problems.extend(unknown_keys(node, f"要素({kind})", keys | columns))
        box = (
            cell
            if cell is not None
            else (self._line_box(node) if kind == "line" else self.box(node))
        )
        if box is None:
            return None
        member_ok = self.per_member or cell is not None
        common: Common = {
            "kind": kind,
            "box": box,
            "loc": node.loc,
            "name": _name(node, kind),
            "when": self.binding(node, "when", member_ok=member_ok, expect=Kind.BOOL),
            "label": self.text(node, "label"),
            "label_size": self.positive(node, "label_size", 6.5),
            "frame": self.flag(node, "frame", False),
            "line": self.positive(node, "line", 0.5),
        }
        return self._build(kind, node, common, member_ok=member_ok)

    def _build(self, kind: str, node: LMap, common: Common, *, member_ok: bool) -> Element | None:
        if kind in ("label", "note"):
            return self._label(kind, node, common)
        if kind in ("box", "line", "grid"):
            return self._rule(kind, node, common)
        if kind == "choice":
            return self._choice(node, common, member_ok=member_ok)
        if kind in ("signature", "seal", "blank"):
            default = "印" if kind == "seal" else ""
            return BlankField(**common, text=self.text(node, "text", default))
        if kind == "code":
            return self._code(node, common)
        if kind == "table":
            return self._table(node, common)
        return self._text_field(kind, node, common, member_ok=member_ok)

    def _label(self, kind: str, node: LMap, common: Common) -> Label:
        size = 7.5 if kind == "note" else 9.0
        style = self.style(node, family=self.label_family, size=size)
        if kind == "note" and "valign" not in node.items:
            style = replace(style, valign="top")
        if "text" not in node.items:
            self.report(node.loc, ErrorCode.KEY_MISSING, where=f"要素({kind})", key="text")
        return Label(**common, text=self.text(node, "text"), style=style, fill=self.fill(node))

    def _rule(self, kind: str, node: LMap, common: Common) -> Rule:
        rule = Rule(**common, fill=self.fill(node), dash=self.flag(node, "dash", False))
        rule.color = self.color(node) if "color" in node.items else rule.color
        if kind == "line":
            x1, y1 = self.numbers(node.get("from"), 2) or (0.0, 0.0)
            x2, y2 = self.numbers(node.get("to"), 2) or (0.0, 0.0)
            rule.start, rule.end = (x1, y1), (x2, y2)
        if kind == "grid":
            rule.cols = self._sizes(node, "cols", rule.box.w)
            rule.rows = self._sizes(node, "rows", rule.box.h)
        return rule

    def _sizes(self, node: LMap, key: str, total: float) -> tuple[float, ...]:
        value = node.get(key)
        if value is None:
            return (total,)
        if isinstance(value, LScalar) and isinstance(value.value, int) and value.value > 0:
            return (total / value.value,) * value.value
        sizes = self.numbers(value)
        if sizes is None or sum(sizes) > total + 0.01 or any(s <= 0 for s in sizes):
            hint = f"分ける数か、mm の一覧(合計 {total:g}mm 以下)で書いてください。"
            self.bad_value(value, key, hint, shown="…")
            return (total,)
        rest = total - sum(sizes)
        return (*sizes, rest) if rest > 0.01 else tuple(sizes)

    def _line_box(self, node: LMap) -> Box | None:
        ends = [self.numbers(node.get(key), 2) for key in ("from", "to")]
        for key, end in zip(("from", "to"), ends, strict=True):
            if end is None:
                where = node.items.get(key, node)
                self.bad_value(where, key, "[左, 上] の2つの数(mm)で書いてください。", shown="…")
        if ends[0] is None or ends[1] is None:
            return None
        (x1, y1), (x2, y2) = ends[0], ends[1]
        return Box(min(x1, x2), min(y1, y2), abs(x2 - x1) or 0.01, abs(y2 - y1) or 0.01)

    def _text_field(self, kind: str, node: LMap, common: Common, *, member_ok: bool) -> TextField:
        expect = EXPECTED.get(kind)
        size = {"check": 9.0, "digits": 11.0}.get(kind, 10.5)
        field = TextField(
            **common,
            value=self.binding(node, "value", member_ok=member_ok, expect=expect),
            style=self.style(node, family=self.value_family, size=size),
            prefix=self.text(node, "prefix"),
            suffix=self.text(node, "suffix"),
            empty=self.text(node, "empty"),
            text=self.text(node, "text"),
        )
        if kind == "text" and "texts" in node.items:
            field.texts = self._texts(node, field.value, member_ok=member_ok)
        if kind in ("text", "name", "date", "circle") and "value" not in node.items:
            self.report(node.loc, ErrorCode.KEY_MISSING, where=f"要素({kind})", key="value")
        if kind == "date":
            field.date_style = self.choice_of(node, "style", DATE_STYLES, "wareki")
            if field.date_style == "short":  # R8.11.23: not how a resident reads a date
                self.report(
                    node.key_loc("style"), ErrorCode.FORM_DATE_ABBREVIATED, field=field.name
                )
            field.eras = self.eras(node) or field.eras
            field.gannen = self.flag(node, "gannen", True)
            field.era_width = (
                self.positive(node, "era_width", 0.0) if "era_width" in node.items else 0.0
            )
        if kind == "name":
            field.kana = self.binding(node, "kana", member_ok=member_ok, expect=Kind.TEXT)
            field.kana_size = self.positive(node, "kana_size", 7.0)
            field.kana_height = self.positive(node, "kana_height", field.box.h / 3)
        if kind == "digits":
            field.groups = self.groups(node)
        if kind == "check":
            field.square = self.flag(node, "square", True)
        return field

    def _texts(self, node: LMap, value: Binding | None, *, member_ok: bool) -> dict[str, str]:
        """``texts:``, what to print for some values of a choice (``後日交付: 中長期在留者
        カード後日交付``); each key must be one of the bound question's choices."""
        raw = node.get("texts")
        if not isinstance(raw, LMap):
            hint = "「値: 印刷する文字」の組で書いてください(例: {後日交付: 中長期在留者})。"
            self.bad_value(raw if raw is not None else node, "texts", hint, shown="…")
            return {}
        typed = None
        if value is not None:
            typed, _ = value.expression.check(
                self.scope, member_allowed=member_ok, vocabulary=self.scope.vocabulary
            )
        choices = typed.choices if typed is not None and typed.kind is Kind.CHOICE else None
        texts: dict[str, str] = {}
        for key in raw.items:
            if choices is not None and key not in choices:
                self.report(
                    raw.key_loc(key),
                    ErrorCode.REF_CHOICE,
                    question=typed.owner if typed is not None else "",
                    value=key,
                    suggestion=did_you_mean(key, sorted(choices))
                    or "選択肢: " + "、".join(sorted(choices)),
                )
                continue
            texts[key] = self.text(raw, key)
        return texts

    def _choice(self, node: LMap, common: Common, *, member_ok: bool) -> ChoiceField:
        items: list[ChoiceItem] = []
        raw = node.get("choices")
        for item in raw.items if isinstance(raw, LList) else []:
            if isinstance(item, LScalar) and item.value is not None:
                text = item.raw or str(item.value)
                items.append(ChoiceItem(text, text))
            elif isinstance(item, LMap):
                self.problems.extend(unknown_keys(item, "選択肢(choices)", CHOICE_KEYS))
                value = self.text(item, "value")
                when = self.binding(item, "when", member_ok=member_ok, expect=Kind.BOOL)
                items.append(ChoiceItem(value, self.text(item, "label", value), when))
        if not items:
            where = raw.loc if raw is not None else node.loc
            self.report(where, ErrorCode.KEY_MISSING, where="要素(choice)", key="choices")
        return ChoiceField(
            **common,
            value=self.binding(node, "value", member_ok=member_ok),
            choices=tuple(items),
            style=self.style(node, family=self.value_family, size=9.0),
            direction=self.choice_of(node, "direction", ("horizontal", "vertical"), "horizontal"),
            separator=self.text(node, "separator", "・"),
        )

    def _code(self, node: LMap, common: Common) -> CodeField:
        return CodeField(
            **common,
            value=self.binding(node, "value", member_ok=self.per_member, expect=Kind.TEXT),
            symbology=self.choice_of(node, "type", ("qr", "code128"), "qr"),
            caption=self.flag(node, "caption", True),
        )

    def _table(self, node: LMap, common: Common) -> TableField:
        table = TableField(
            **common,
            where=self.binding(node, "where", member_ok=True, expect=Kind.BOOL),
            columns=[],
            header_height=self.positive(node, "header_height", 8.0),
            row_height=self.positive(node, "row_height", 10.0),
            header_size=self.positive(node, "header_size", 8.0),
        )
        continuation = node.get("continuation")
        if isinstance(continuation, LMap):
            self.problems.extend(unknown_keys(continuation, "continuation", {"box", "elements"}))
            if "box" in continuation.items:
                table.continuation_box = self.box(continuation)
            extra = continuation.get("elements")
            for item in extra.items if isinstance(extra, LList) else []:
                element = self.element(item) if isinstance(item, LMap) else None
                if element is not None:
                    table.continuation_elements.append(element)
        columns = node.get("columns")
        if not isinstance(columns, LList) or not columns.items:
            self.report(node.loc, ErrorCode.KEY_MISSING, where="要素(table)", key="columns")
            return table
        for item in columns.items:
            column = self._column(item, table) if isinstance(item, LMap) else None
            if column is not None:
                table.columns.append(column)
        total = sum(c.width for c in table.columns if c.width is not None)
        free = sum(1 for c in table.columns if c.width is None)
        if total > table.box.w + 0.01 or (free and total > table.box.w - free * MIN_COLUMN):
            self.report(
                node.key_loc("columns"),
                ErrorCode.FORM_COLUMNS_WIDE,
                total=f"{total:g}",
                width=f"{table.box.w:g}",
            )
        return table

    def _column(self, node: LMap, table: TableField) -> Column | None:
        width = self.positive(node, "width", 1.0) if "width" in node.items else None
        cell = self.element(node, cell=Box(0.0, 0.0, width or MIN_COLUMN, table.row_height))
        return None if cell is None else Column(self.text(node, "title"), width, cell)


def _name(node: LMap, kind: str) -> str:
    """How messages name an element: a field by its id, a column's title, its label or
    value (項目「…」); printed text by the text (文字「…」); else kind and line."""
    text = node.get("text")
    if kind in ("label", "note") and isinstance(text, LScalar) and text.value:
        shown = str(text.value)
        return f"文字「{shown[:20]}{'…' if len(shown) > 20 else ''}」"
    for key in ("id", "title", "label", "value", "text"):
        value = node.get(key)
        if isinstance(value, LScalar) and value.value not in (None, ""):
            return f"項目「{value.raw or value.value}」"
    return f"{kind}({node.loc.line}行目)"
