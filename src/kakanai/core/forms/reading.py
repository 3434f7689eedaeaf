"""The value readers form templates share: bindings (parsed and checked against the case
fields), boxes and numbers in millimetres, styles, colours and fixed choices."""

from __future__ import annotations

import re

from kakanai.core.errors import ErrorCode, did_you_mean
from kakanai.core.forms.binding import FormScope
from kakanai.core.forms.model import FAMILIES, GOTHIC, MINCHO, Binding, Box, TextStyle
from kakanai.core.located import LList, LMap, LScalar
from kakanai.core.trees.reader import TreeReader
from kakanai.core.value_types import Kind

_COLOR = re.compile(r"#([0-9a-fA-F]{6})")
ERAS = ("明治", "大正", "昭和", "平成", "令和", "明", "大", "昭", "平", "令")


class ValueReader(TreeReader):
    """TreeReader's located-YAML helpers plus the values of form templates.

    ``value_family`` and ``label_family`` are the template's fonts; ``per_member`` whether
    ``member`` may be read outside tables.
    """

    def __init__(self, path: str, scope: FormScope) -> None:
        super().__init__(path)
        self.scope = scope
        self.value_family = MINCHO
        self.label_family = GOTHIC
        self.per_member = False

    # -- values ----------------------------------------------------------------------------

    def binding(
        self,
        node: LMap,
        key: str,
        *,
        member_ok: bool,
        expect: Kind | tuple[Kind, ...] | None = None,
    ) -> Binding | None:
        parsed = self.expression(node, key, "式", paths=True)
        if parsed is None:
            return None
        value, expression = parsed
        if expression is None:
            return None
        typed, issues = expression.check(
            self.scope, member_allowed=member_ok, vocabulary=self.scope.vocabulary
        )
        self.report_issues(value, issues)
        if issues:
            return None
        kinds = (expect,) if isinstance(expect, Kind) else expect
        if typed is not None and kinds is not None and typed.kind not in kinds:
            self.report(
                value.loc,
                ErrorCode.FORM_VALUE_TYPE,
                field=f"{key}:",
                expected="・".join(kind.value for kind in kinds),
                actual=typed.describe(),
            )
        return Binding(expression, value)

    def box(self, node: LMap, key: str = "box") -> Box | None:
        value = node.get(key)
        if value is None:
            self.report(node.loc, ErrorCode.KEY_MISSING, where=f"要素({self._kind(node)})", key=key)
            return None
        numbers = self.numbers(value, 4)
        if numbers is None or numbers[2] <= 0 or numbers[3] <= 0:
            hint = (
                "[左, 上, 幅, 高さ] の4つの数(mm、用紙の左上から)で、"
                "幅と高さは0より大きく書いてください。"
            )
            self.bad_value(value, key, hint, shown="…")
            return None
        return Box(*numbers)

    def numbers(self, value: object, count: int | None = None) -> list[float] | None:
        if not isinstance(value, LList):
            return None
        found = [
            float(item.value)
            for item in value.items
            if isinstance(item, LScalar)
            and isinstance(item.value, int | float)
            and not isinstance(item.value, bool)
        ]
        if len(found) != len(value.items) or (count is not None and len(found) != count):
            return None
        return found

    def positive(self, node: LMap, key: str, default: float) -> float:
        number = self.number(node, key)
        if number is None:
            return default
        if number <= 0:
            self.bad_value(node.items[key], key, "0より大きい数で書いてください。")
            return default
        return number

    def choice_of(self, node: LMap, key: str, allowed: tuple[str, ...], default: str) -> str:
        text = self.text(node, key, default)
        if text in allowed:
            return text
        hint = f"{' / '.join(allowed)} のどれかです。{did_you_mean(text, allowed)}"
        self.bad_value(node.items[key], key, hint)
        return default

    def color(self, node: LMap) -> tuple[float, float, float]:
        text = self.text(node, "color", "#000000")
        match = _COLOR.fullmatch(text)
        if match is None:
            self.bad_value(node.items["color"], "color", '"#c00000" のように書いてください。')
            return (0.0, 0.0, 0.0)
        rgb = int(match[1], 16)
        return ((rgb >> 16) / 255, ((rgb >> 8) & 0xFF) / 255, (rgb & 0xFF) / 255)

    def fill(self, node: LMap) -> float | None:
        number = self.number(node, "fill")
        if number is not None and not 0 <= number <= 1:
            self.bad_value(node.items["fill"], "fill", "0(黒)から1(白)までの数で書いてください。")
            return None
        return number

    def style(self, node: LMap, *, family: str, size: float = 10.5) -> TextStyle:
        chosen = self.choice_of(node, "font", FAMILIES, family) if "font" in node.items else family
        size = self.positive(node, "size", size)
        return TextStyle(
            size=size,
            min_size=min(self.positive(node, "min_size", min(7.0, size)), size),
            family=chosen,
            align=self.choice_of(node, "align", ("left", "center", "right"), "left"),
            valign=self.choice_of(node, "valign", ("top", "middle", "bottom"), "middle"),
            wrap=self.flag(node, "wrap", True),
            color=self.color(node) if "color" in node.items else (0.0, 0.0, 0.0),
        )

    def eras(self, node: LMap) -> tuple[str, ...]:
        eras = tuple(self.strings(node, "eras"))
        wrong = [era for era in eras if era not in ERAS]
        if wrong:
            hint = "明治・大正・昭和・平成・令和(または 明・大・昭・平・令)です。"
            hint += did_you_mean(wrong[0], ERAS)
            self.bad_value(node.items["eras"], "eras", hint, shown=wrong[0])
            return ()
        return eras

    def groups(self, node: LMap) -> tuple[int, ...]:
        value = node.get("groups")
        if value is None:
            self.report(node.loc, ErrorCode.KEY_MISSING, where="要素(digits)", key="groups")
            return (1,)
        numbers = self.numbers(value)
        if not numbers or any(n < 1 or not n.is_integer() for n in numbers):
            hint = "枠の数の一覧で書いてください(郵便番号なら [3, 4])。"
            self.bad_value(value, "groups", hint, shown="…")
            return (1,)
        return tuple(int(n) for n in numbers)

    def _kind(self, node: LMap, default: str = "?") -> str:
        return self.text(node, "kind") or default
