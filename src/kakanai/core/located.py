"""Plain data that remembers where in a file each value came from.

The YAML adapter turns documents into these, so the pure core can point every problem at
``path:line:col`` without importing a YAML library.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Loc:
    """A 1-based line and column in a source file."""

    path: str
    line: int
    col: int


@dataclass
class LScalar:
    """A scalar (string, number, bool, date or None) and where it starts.

    ``text_col`` is the column of the first character of the text itself (after an opening
    quote), so an offset inside an expression maps to the right column.
    """

    value: object
    loc: Loc
    text_col: int = 0
    raw: str = ""  # the text as written, e.g. "0123" for an extension YAML reads as 123

    def at_offset(self, offset: int) -> Loc:
        """Location of a character offset inside a single-line scalar."""
        base = self.text_col or self.loc.col
        return Loc(self.loc.path, self.loc.line, base + offset)


@dataclass
class LMap:
    """A mapping with its keys' and values' locations, in file order."""

    loc: Loc
    items: dict[str, LNode] = field(default_factory=dict)
    key_locs: dict[str, Loc] = field(default_factory=dict)

    def get(self, key: str) -> LNode | None:
        return self.items.get(key)

    def key_loc(self, key: str) -> Loc:
        return self.key_locs.get(key, self.loc)


@dataclass
class LList:
    """A sequence and where it starts."""

    loc: Loc
    items: list[LNode] = field(default_factory=list)


LNode = LScalar | LMap | LList


def plain(node: LNode | None) -> object:
    """Strip locations: the same data as ordinary dicts, lists and scalars."""
    if node is None:
        return None
    if isinstance(node, LScalar):
        return node.value
    if isinstance(node, LList):
        return [plain(item) for item in node.items]
    return {key: plain(value) for key, value in node.items.items()}
