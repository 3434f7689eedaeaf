"""Putting the slip's blocks onto A4 pages: runs kept together, headings repeated, and
separators never at the top of a page."""

from __future__ import annotations

from kakanai.adapters.slip.blocks import Block
from kakanai.adapters.slip.pdf import paginate


def block(height: float, *, keep: bool = False, **extra: object) -> Block:
    return Block(height, lambda _canvas, _x, _top: None, keep_with_next=keep, **extra)  # type: ignore[arg-type]


def heights(pages: list[list[Block]]) -> list[list[float]]:
    return [[b.height for b in page] for page in pages]


def test_blocks_fill_a_page_before_the_next() -> None:
    pages = paginate([block(40), block(40), block(40)], lambda _n: 100)
    assert heights(pages) == [[40, 40], [40]]


def test_a_run_kept_together_moves_whole_to_the_next_page() -> None:
    pages = paginate([block(50), block(20, keep=True), block(40)], lambda _n: 100)
    assert heights(pages) == [[50], [20, 40]]


def test_a_run_taller_than_a_page_is_split_rather_than_lost() -> None:
    pages = paginate([block(10), block(60, keep=True), block(60)], lambda _n: 100)
    assert heights(pages) == [[10, 60], [60]]


def test_later_pages_can_have_less_room() -> None:
    pages = paginate([block(60), block(60), block(60)], lambda n: 100 if n == 0 else 70)
    assert heights(pages) == [[60], [60], [60]]


def test_a_heading_is_repeated_above_a_run_that_starts_a_page() -> None:
    heading = block(5)
    pages = paginate([block(80), block(30, repeat=heading)], lambda _n: 100)
    assert pages[1][0] is heading
    assert heights(pages) == [[80], [5, 30]]


def test_a_separator_is_left_out_at_the_top_of_a_page() -> None:
    separator = block(3, keep=True, skip_at_top=True)
    pages = paginate([block(90), separator, block(30)], lambda _n: 100)
    assert heights(pages) == [[90], [30]]
    pages = paginate([block(50), separator, block(30)], lambda _n: 100)
    assert heights(pages) == [[50, 3, 30]]
