"""Dates as the law counts them, tested at their boundaries: the day before a birthday,
29 February births, the end of the school year, the two deadline rules and closed days."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.core.expressions.language import EvalContext, parse
from kakanai.core.japanese import law_dates as ld
from kakanai.core.japanese import values as jv
from kakanai.core.japanese.calendar import holidays, is_closed, next_open_day

D = dt.date


@pytest.mark.parametrize(
    ("birth", "years", "attained"),
    [
        (D(1961, 11, 23), 65, D(2026, 11, 22)),  # 介護保険 第1号: the day before the birthday
        (D(2008, 4, 2), 18, D(2026, 4, 1)),
        (D(1952, 2, 29), 75, D(2027, 2, 28)),  # no 29 Feb in 2027: the end of February
        (D(1952, 2, 29), 72, D(2024, 2, 28)),  # a leap year: the day before 29 February
        (D(2000, 3, 1), 24, D(2024, 2, 29)),  # the day before 1 March in a leap year
    ],
)
def test_a_person_attains_an_age_on_the_day_before_the_birthday(
    birth: dt.date, years: int, attained: dt.date
) -> None:
    assert ld.attains(birth, years) == attained


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (D(1961, 11, 23), D(2026, 11, 21), 64),
        (D(1961, 11, 23), D(2026, 11, 22), 65),  # one day before the birthday: already 65
        (D(1961, 11, 23), D(2026, 11, 23), 65),
        (D(1952, 2, 29), D(2027, 2, 27), 74),
        (D(1952, 2, 29), D(2027, 2, 28), 75),
        (D(2026, 11, 23), D(2026, 11, 23), 0),
        (D(2026, 11, 24), D(2026, 11, 23), -1),  # not yet born
    ],
)
def test_legal_age_counts_from_the_day_before_each_birthday(
    birth: dt.date, on: dt.date, age: int
) -> None:
    assert ld.legal_age(birth, on) == age


@pytest.mark.parametrize(
    ("birth", "years", "day"),
    [
        (D(1951, 11, 23), 75, D(2026, 11, 23)),  # 後期高齢者医療: the 75th birthday itself
        (D(1952, 2, 29), 75, D(2027, 3, 1)),
    ],
)
def test_a_birthday_is_the_anniversary_itself(birth: dt.date, years: int, day: dt.date) -> None:
    assert ld.birthday(birth, years) == day


@pytest.mark.parametrize(
    ("birth", "last_day"),
    [
        (D(2008, 4, 1), D(2026, 3, 31)),  # attains 18 on 31 March: paid to that very day
        (D(2008, 4, 2), D(2027, 3, 31)),  # attains 18 on 1 April: a year more
        (D(2008, 1, 15), D(2026, 3, 31)),
    ],
)
def test_child_allowance_runs_to_the_first_31_march_after_attaining_18(
    birth: dt.date, last_day: dt.date
) -> None:
    """児童手当法3条: 18歳に達する日以後の最初の3月31日まで."""
    assert ld.school_year_end(ld.attains(birth, 18)) == last_day


@pytest.mark.parametrize(
    ("event", "days", "rule", "last"),
    [
        (D(2026, 11, 2), 14, "koseki", D(2026, 11, 16)),  # 出生 on Monday 2 Nov: day 1 is 2 Nov
        (D(2026, 11, 2), 14, "juuki", D(2026, 11, 16)),  # 転入 on 2 Nov: day 1 is 3 Nov → 16 Nov
        (D(2026, 11, 3), 14, "koseki", D(2026, 11, 16)),
        (D(2026, 11, 3), 14, "juuki", D(2026, 11, 17)),
        (D(2026, 11, 23), 14, "koseki", D(2026, 12, 7)),  # 6 Dec is a Sunday → Monday 7 Dec
        (D(2026, 12, 20), 7, "koseki", D(2026, 12, 28)),  # 26 Dec is a Saturday → Monday 28th
        (D(2026, 12, 23), 7, "koseki", D(2027, 1, 4)),  # 死亡 23 Dec: day 7 is 29 Dec, 年末年始
    ],
)
def test_deadlines_count_by_their_own_rule_and_skip_closed_days(
    event: dt.date, days: int, rule: str, last: dt.date
) -> None:
    deadline = ld.koseki_deadline if rule == "koseki" else ld.juuki_deadline
    assert deadline(event, days) == last


@pytest.mark.parametrize(
    ("event", "last"),
    [
        # 戸籍法49条1項 (国外での出生: 3箇月以内), counted from the birth day (43条1項), ending
        # the day before the day with the same number (民法143条2項)
        (D(2026, 1, 15), D(2026, 4, 14)),  # Tuesday: the last day itself
        (D(2026, 3, 31), D(2026, 6, 30)),  # no 31 June: the end of June
        (D(2026, 11, 30), D(2027, 3, 1)),  # no 30 Feb: 28 Feb 2027, a Sunday → Monday 1 March
        (D(2026, 8, 15), D(2026, 11, 16)),  # 14 Nov is a Saturday → Monday 16 Nov
        (D(2026, 10, 1), D(2027, 1, 4)),  # 31 Dec is 年末年始 (closed to 3 Jan) → Monday 4 Jan
    ],
)
def test_a_deadline_in_months_ends_the_day_before_the_same_day(
    event: dt.date, last: dt.date
) -> None:
    assert ld.koseki_deadline_months(event, 3) == last


@pytest.mark.parametrize(("today", "late"), [(D(2026, 4, 14), False), (D(2026, 4, 15), True)])
def test_three_months_after_a_birth_abroad_the_same_day_is_late(today: dt.date, late: bool) -> None:
    """Born 15 January: 14 April is still in time, 15 April (the same day three months on)
    is past the deadline, as a tree's condition reads it."""
    ctx = EvalContext(
        values={"born_on": D(2026, 1, 15)},
        answered=lambda _name: True,
        members=None,
        as_of=today,
        age_on=jv.age_on,
        school_grade=jv.school_grade,
    )
    assert parse("today() > koseki_deadline_months(born_on, 3)").evaluate(ctx) is late


def test_the_holidays_of_2026_are_the_published_ones() -> None:
    """内閣府「国民の祝日について」, 2026: 振替休日 5/6 and 国民の休日 9/22 included."""
    assert sorted(holidays(2026)) == [
        D(2026, 1, 1),
        D(2026, 1, 12),
        D(2026, 2, 11),
        D(2026, 2, 23),
        D(2026, 3, 20),
        D(2026, 4, 29),
        D(2026, 5, 3),
        D(2026, 5, 4),
        D(2026, 5, 5),
        D(2026, 5, 6),
        D(2026, 7, 20),
        D(2026, 8, 11),
        D(2026, 9, 21),
        D(2026, 9, 22),
        D(2026, 9, 23),
        D(2026, 10, 12),
        D(2026, 11, 3),
        D(2026, 11, 23),
    ]


@pytest.mark.parametrize(
    ("day", "closed"),
    [
        (D(2026, 12, 4), False),  # a Friday
        (D(2026, 12, 5), True),  # a Saturday
        (D(2026, 12, 28), False),  # the last open day of the year
        (D(2026, 12, 29), True),
        (D(2027, 1, 3), True),
        (D(2027, 1, 4), False),
        (D(2026, 11, 23), True),  # 勤労感謝の日, a Monday
    ],
)
def test_a_city_hall_is_closed_on_weekends_holidays_and_at_the_year_end(
    day: dt.date, closed: bool
) -> None:
    assert is_closed(day) is closed


def test_the_next_open_day_of_an_open_day_is_itself() -> None:
    assert next_open_day(D(2026, 12, 4)) == D(2026, 12, 4)
