"""Periods (inclusive dates), Japan's fiscal year (April to March) and the groupings the
statistics can be cut by, with their Japanese names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from kakanai.core.japanese import values as jv

FISCAL_YEAR_START_MONTH = 4


class Grouping(Enum):
    """What the rows of a statistics table are."""

    MONTH = ("month", "月別", "月")
    EVENT = ("event", "ライフイベント別", "ライフイベント")
    PROCEDURE = ("procedure", "手続き別", "手続き")
    DEPARTMENT = ("department", "課別", "課")
    DESK = ("desk", "窓口別", "窓口・端末")

    def __init__(self, key: str, title: str, heading: str) -> None:
        self.key = key
        self.title = title  # a sheet's or tab's name
        self.heading = heading  # the first column's header

    @classmethod
    def of(cls, key: str) -> Grouping:
        return next(g for g in cls if g.key == key)


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included (interview dates, Japan time)."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends before it starts")

    @property
    def label(self) -> str:
        return f"{jv.format_wareki(self.start)}〜{jv.format_wareki(self.end)}"

    def months(self) -> list[str]:
        """The months the period touches, as ``YYYY-MM``, in order."""
        found = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            found.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found


def fiscal_year_of(day: dt.date) -> int:
    """The fiscal year (年度) a day falls in: 2026-04-01 to 2027-03-31 is 2026."""
    return day.year if day.month >= FISCAL_YEAR_START_MONTH else day.year - 1


def fiscal_year(year: int) -> Period:
    return Period(dt.date(year, FISCAL_YEAR_START_MONTH, 1), dt.date(year + 1, 3, 31))


def fiscal_year_label(year: int) -> str:
    """``令和8年度`` for 2026 (the era of the fiscal year's first day)."""
    era, era_year = jv.era_of(dt.date(year, FISCAL_YEAR_START_MONTH, 1))
    return f"{era}{'元' if era_year == 1 else era_year}年度"


def month_period(month: str) -> Period:
    """The whole month ``YYYY-MM``."""
    year, number = (int(part) for part in month.split("-"))
    start = dt.date(year, number, 1)
    following = dt.date(year + 1, 1, 1) if number == 12 else dt.date(year, number + 1, 1)
    return Period(start, following - dt.timedelta(days=1))


def month_label(month: str, *, short: bool = False) -> str:
    """``令和8年4月`` (or ``4月`` with ``short``) for ``2026-04``."""
    year, number = (int(part) for part in month.split("-"))
    if short:
        return f"{number}月"
    era, era_year = jv.era_of(dt.date(year, number, 1))
    return f"{era}{'元' if era_year == 1 else era_year}年{number}月"
