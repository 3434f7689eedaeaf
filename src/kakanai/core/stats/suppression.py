"""Small-cell suppression for published tables: a count from 1 to below the threshold could
single out a resident, so it is hidden ("X"); and where a hidden cell could be worked back
from a total and the other cells of its row or block, one more cell is hidden with it (the
smallest one that still shows a count), until no hidden cell can be recomputed that way."""

from __future__ import annotations

from collections.abc import Sequence

DEFAULT_THRESHOLD = 5
HIDDEN = "X"  # as e-Stat marks 秘匿
ZERO = "-"

Cell = tuple[int, int]


def suppressed(
    grid: Sequence[Sequence[int]], sums: Sequence[Sequence[Cell]], threshold: int
) -> set[Cell]:
    """The cells of ``grid`` to hide. ``sums`` lists groups of cells whose last cell is the
    sum of the others (a row and its total, a department's procedures and its subtotal).
    A threshold of 1 or less hides nothing."""
    hidden = {
        (r, c) for r, row in enumerate(grid) for c, value in enumerate(row) if 0 < value < threshold
    }
    if not hidden:
        return hidden
    changed = True
    while changed:
        changed = False
        for group in sums:
            if sum(1 for cell in group if cell in hidden) != 1:
                continue
            shown = [cell for cell in group if cell not in hidden and grid[cell[0]][cell[1]] > 0]
            if shown:
                hidden.add(min(shown, key=lambda cell: (grid[cell[0]][cell[1]], cell)))
                changed = True
    return hidden


def cell_value(value: int, *, hidden: bool) -> int | str:
    """A published count: the number, ``ZERO`` for none or ``HIDDEN``."""
    if hidden:
        return HIDDEN
    return ZERO if value == 0 else value
