"""Small counts are hidden in the 公表用 table, and so is one more cell wherever a hidden
count could be worked back from a total."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.core.stats.periods import Period
from kakanai.core.stats.publication import PublicRow, public_table
from kakanai.core.stats.suppression import HIDDEN, ZERO, suppressed

Q1 = Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))  # three months


def row_groups(width: int, rows: int) -> list[list[tuple[int, int]]]:
    """Each row's cells summing to its last cell."""
    return [[(r, c) for c in range(width)] for r in range(rows)]


@pytest.mark.parametrize(
    ("grid", "threshold", "hidden"),
    [
        # 3 is under 5: hidden; alone in its row it could be recomputed from the total
        # (20 - 10 - 7), so the smallest other count (7) goes with it.
        ([[10, 3, 7, 20]], 5, {(0, 1), (0, 2)}),
        # two small counts already protect each other
        ([[10, 3, 4, 17]], 5, {(0, 1), (0, 2)}),
        # zeros reveal nothing and are never hidden
        ([[0, 12, 8, 20]], 5, set()),
        # a small total is hidden too, and one of its parts with it
        ([[0, 3, 0, 3]], 5, {(0, 1), (0, 3)}),
        # threshold 1 (or 0): nothing is hidden
        ([[10, 3, 7, 20]], 1, set()),
    ],
)
def test_small_counts_and_what_would_reveal_them_are_hidden(
    grid: list[list[int]], threshold: int, hidden: set[tuple[int, int]]
) -> None:
    assert suppressed(grid, row_groups(len(grid[0]), len(grid)), threshold) == hidden


def test_no_group_is_left_with_a_single_hidden_cell() -> None:
    """Rows and a block's columns: after suppression no sum has exactly one unknown."""
    rows = [
        PublicRow("手続き", "A", [12, 2, 30], block="d"),
        PublicRow("手続き", "B", [9, 14, 3], block="d"),
        PublicRow("手続き", "課計", [21, 16, 33], block="d", subtotal=True),
    ]
    table = public_table("t", Q1, rows, threshold=5)
    width = 4  # three months and the total
    groups = [[(r, c) for c in range(width)] for r in range(3)]
    groups += [[(0, c), (1, c), (2, c)] for c in range(width)]
    for group in groups:
        assert sum(1 for cell in group if cell in table.hidden) != 1, group
    assert {(0, 1), (1, 2)} <= table.hidden  # the two small counts themselves


def test_the_published_cells_show_counts_dashes_and_marks() -> None:
    rows = [
        PublicRow("受付", "来庁件数", [0, 3, 40]),
        PublicRow("様式", "分", [1, 2, 3], private=False),
    ]
    cells = public_table("t", Q1, rows, threshold=5).cells()
    assert cells[0] == ["受付", "来庁件数", ZERO, HIDDEN, HIDDEN, 43]  # 40 hides with 3
    assert cells[1] == ["様式", "分", 1, 2, 3, 6]  # minutes are no count of residents


def test_a_row_must_have_one_value_per_month() -> None:
    with pytest.raises(ValueError, match="months"):
        public_table("t", Q1, [PublicRow("受付", "来庁件数", [1, 2])], threshold=5)
