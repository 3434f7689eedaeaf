"""The days a city hall is open: not Saturdays, Sundays, 国民の祝日 (国民の祝日に関する法律,
with 振替休日 and 国民の休日) or the year-end days 12月29日〜1月3日 (市の休日を定める条例, as
most cities set them). Holidays are computed for 2000–2099 (the equinox formula's range)."""

from __future__ import annotations

import functools
from datetime import date, timedelta

FIRST_YEAR, LAST_YEAR = 2000, 2099

# Fixed-date holidays: (month, day, first year, last year).
_FIXED = (
    (1, 1, 1949, 9999),  # 元日
    (2, 11, 1967, 9999),  # 建国記念の日
    (2, 23, 2020, 9999),  # 天皇誕生日 (令和)
    (12, 23, 1989, 2018),  # 天皇誕生日 (平成)
    (4, 29, 1949, 9999),  # 昭和の日 (2007〜; みどりの日 before)
    (5, 3, 1949, 9999),  # 憲法記念日
    (5, 4, 2007, 9999),  # みどりの日
    (5, 5, 1949, 9999),  # こどもの日
    (11, 3, 1948, 9999),  # 文化の日
    (11, 23, 1948, 9999),  # 勤労感謝の日
)
# Happy Monday holidays: (month, which Monday, first year).
_MONDAYS = ((1, 2, 2000), (7, 3, 2003), (9, 3, 2003), (10, 2, 2000))
# Years the law moved a holiday for the Tokyo Olympics, and 2019's enthronement days.
_MOVED = {
    2019: {date(2019, 4, 30), date(2019, 5, 1), date(2019, 5, 2), date(2019, 10, 22)},
    2020: {date(2020, 7, 23), date(2020, 7, 24), date(2020, 8, 10)},
    2021: {date(2021, 7, 22), date(2021, 7, 23), date(2021, 8, 9)},
}
_MOVED_AWAY = {2020: {(7, 3), (10, 2)}, 2021: {(7, 3), (10, 2)}}  # Mondays moved in those years


@functools.cache
def holidays(year: int) -> frozenset[date]:
    """国民の祝日 of ``year`` with 振替休日 and 国民の休日 (2000–2099)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"holidays are known for {FIRST_YEAR}–{LAST_YEAR}, not {year}")
    days = {date(year, m, d) for m, d, first, last in _FIXED if first <= year <= last}
    if year >= 2016 and year not in (2020, 2021):
        days.add(date(year, 8, 11))  # 山の日
    for month, nth, first in _MONDAYS:
        if year >= first and (month, nth) not in _MOVED_AWAY.get(year, set()):
            days.add(_nth_monday(year, month, nth))
    days |= _MOVED.get(year, set())
    days |= {_equinox(year, spring=True), _equinox(year, spring=False)}
    return frozenset(days | _substitutes(days) | _sandwiched(days))


def _nth_monday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (nth - 1))


def _equinox(year: int, *, spring: bool) -> date:
    """春分の日 / 秋分の日 by the formula valid 1980–2099 (the cabinet fixes them each year
    from the observatory's almanac; the formula agrees with every year published so far)."""
    base = 20.8431 if spring else 23.2488
    day = int(base + 0.242194 * (year - 1980) - (year - 1980) // 4)
    return date(year, 3 if spring else 9, day)


def _substitutes(days: set[date]) -> set[date]:
    """振替休日: a holiday on a Sunday moves to the next day that is not a holiday."""
    found = set()
    for day in days:
        if day.weekday() == 6:
            following = day + timedelta(days=1)
            while following in days or following in found:
                following += timedelta(days=1)
            found.add(following)
    return found


def _sandwiched(days: set[date]) -> set[date]:
    """国民の休日: a weekday between two holidays is a holiday too."""
    return {
        day + timedelta(days=1)
        for day in days
        if day + timedelta(days=2) in days
        and day + timedelta(days=1) not in days
        and (day + timedelta(days=1)).weekday() != 6
    }


def is_closed(day: date) -> bool:
    """Whether a city hall is closed: weekend, 国民の祝日 or 12月29日〜1月3日."""
    if day.weekday() >= 5:
        return True
    if (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3):
        return True
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return day in holidays(day.year)
    return False


def next_open_day(day: date) -> date:
    """``day`` itself if the city hall is open then, else the next day it is."""
    while is_closed(day):
        day += timedelta(days=1)
    return day
