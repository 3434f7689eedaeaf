"""The clerk `kakanai bench counter` drives: where its keys go (per field), and the shorter
ways of typing it uses (the city's towns, short 和暦 dates)."""

from __future__ import annotations

from kakanai.ui.counter.clerk import MOVING_ON, Clerk, shortest_date
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import ANSWERS


def test_every_key_is_charged_to_the_field_it_was_for(view: CounterView) -> None:
    """The per-field breakdown adds up to the totals, an address per part, the household
    per column, and Enter to moving on."""
    clerk = Clerk(view)
    clerk.answer_all(ANSWERS)
    by_field = clerk.keys.by_field
    assert sum(typed for typed, _ in by_field.values()) == clerk.keys.typed
    assert sum(other for _, other in by_field.values()) == clerk.keys.other
    assert by_field["previous_address.postal_code"] == [7, 0]  # 3300061
    assert by_field["household.name"][0] == len("山田 太郎") + len("花子一郎桜")
    assert by_field[MOVING_ON][1] >= clerk.screens - 1  # an Enter per question page


def test_the_clerk_types_a_date_in_its_shortest_form_only_when_it_is_the_same_day() -> None:
    assert shortest_date("1984-02-03") == "S590203"
    assert shortest_date("S57.5.10") == "S570510"
    assert shortest_date("R4.8.20") == "R040820"  # as long: the whole form moves on
    assert shortest_date("R1.5.1") == "R1.5.1"  # shorter than R010501
    assert shortest_date("1984-02-30") == "1984-02-30"  # unreadable: typed as heard
