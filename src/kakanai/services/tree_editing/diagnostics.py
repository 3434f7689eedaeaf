"""The problems of a draft where the supervisor looks: those inside one condition as marks
at their column (what the condition editor underlines), those of one item (what its form
lists), and every problem in file order (the problems list)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kakanai.adapters.yaml_editing import Step
from kakanai.core.errors import Problem
from kakanai.core.located import LMap, LNode, LScalar
from kakanai.services.tree_editing.places import Place, node_at

_TOKEN = re.compile(r'[A-Za-z_][A-Za-z0-9_.]*|"[^"]*"?|\d+|\S')


@dataclass(frozen=True)
class Mark:
    """A problem inside a condition: where it is (offsets into the condition's text, end
    exclusive) and what it says."""

    start: int
    end: int
    problem: Problem

    @property
    def message(self) -> str:
        note = "(警告) " if self.problem.is_warning else ""
        return f"{note}{self.problem.message} [{self.problem.code.code}]"


def marks(
    root: LNode | None, path: Sequence[Step], condition: str, problems: Sequence[Problem]
) -> list[Mark]:
    """The problems located in the condition written at ``path`` (its own line), each
    marked on the word it points at; a problem at the start of the line marks it all."""
    node = node_at(root, path)
    if not isinstance(node, LScalar):
        return []
    start_col = node.text_col or node.loc.col
    inside = [
        (problem.col - start_col, problem)
        for problem in problems
        if problem.line == node.loc.line and problem.col >= node.loc.col
    ]
    return at_offsets(condition, inside)


def at_offsets(condition: str, found: Sequence[tuple[int, Problem]]) -> list[Mark]:
    """Problems at offsets into ``condition``, each marked on the word it points at, errors
    before warnings."""
    marked = []
    for offset, problem in found:
        start = max(0, min(offset, max(len(condition) - 1, 0)))
        marked.append(Mark(start, _token_end(condition, start), problem))
    return sorted(marked, key=lambda m: (m.problem.is_warning, m.start))


def by_item(
    root: LNode | None, places: Sequence[Place], problems: Sequence[Problem]
) -> dict[tuple[str, str], list[Problem]]:
    """Each problem under the item it is written in: the last item that starts on or before
    its line (an item's own keys and values come before the next item)."""
    starts = sorted(
        (node.loc.line, place.key)
        for place in places
        if isinstance(node := node_at(root, place.path), LMap)
    )
    lines = [line for line, _ in starts]
    found: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        index = bisect.bisect_right(lines, problem.line) - 1
        if index >= 0:
            found.setdefault(starts[index][1], []).append(problem)
    return found


def ordered(problems: Sequence[Problem]) -> list[Problem]:
    """Errors before warnings, each in file order."""
    return sorted(problems, key=lambda p: (p.is_warning, p.line, p.col))


def summary(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if not p.is_warning)
    warnings = len(problems) - errors
    if not problems:
        return "問題はありません"
    return f"問題 {errors}件・警告 {warnings}件"


def _token_end(text: str, offset: int) -> int:
    if not text:
        return 0
    found = _TOKEN.match(text, offset)
    return found.end() if found else min(offset + 1, len(text))
