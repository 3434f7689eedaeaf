"""Dates as the law counts them: the day a person attains an age, birthdays, the school year a
date falls in, and the deadlines of 届出 under the two counting rules, moved past the days a
city hall is closed (calendar.py).

Sources (catalogue keys from the project's domain research, laws by name):
- 年齢計算ニ関スル法律 (明治35年法律第50号) with 民法143条: age counts from the day of birth,
  and a year ends at the end of the day before its anniversary; without an anniversary
  (29 February in a common year) at the end of that month, 28 February.
- 戸籍法の届 (出生14日, 死亡7日, 裁判離婚10日): the day of the event counts as day 1
  [S100][S259][S176].
- 住民基本台帳法の届 (転入・転居・転出 14日): counted from the next day [S38].
- 戸籍法の届 counted in months (出生 abroad 3 months, 戸籍法49条1項; 死亡 abroad 3 months,
  86条1項): from the day of the event (43条1項), ending the day before the day with the
  same number in the last month, or at that month's end when it has no such day (民法143条2項)
  [S100].
- A last day that falls on a closed day moves to the next open day [S101][S38].
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta

from kakanai.core.japanese.calendar import next_open_day


def attains(birth: date, years: int) -> date:
    """The day someone born on ``birth`` attains ``years`` of age: the day before the
    anniversary, or 28 February for a 29 February birth in a common year.

    介護保険の第1号被保険者 starts on this day for 65 (介護保険法9条, "65歳に達したとき");
    国民年金の第1号 starts on it for 20 and ends on it for 60.
    """
    year = birth.year + years
    if birth.month == 2 and birth.day == 29 and not _calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, birth.month, birth.day) - timedelta(days=1)


def legal_age(birth: date, on: date) -> int:
    """Age on ``on`` as the law counts it: one more on the day before each birthday.
    Someone not yet born is -1."""
    if on < birth:
        return -1
    years = on.year - birth.year
    while years > 0 and attains(birth, years) > on:
        years -= 1
    while attains(birth, years + 1) <= on:
        years += 1
    return years


def birthday(birth: date, years: int) -> date:
    """The ``years``-th birthday itself; a 29 February birthday falls on 1 March in a common
    year. 後期高齢者医療 starts on the 75th birthday itself (高齢者医療確保法52条, as cities
    apply it); for 29 February births the 1 March reading is **verify** (no source at hand)."""
    year = birth.year + years
    if birth.month == 2 and birth.day == 29 and not _calendar.isleap(year):
        return date(year, 3, 1)
    return date(year, birth.month, birth.day)


def school_year_end(day: date) -> date:
    """The first 31 March on or after ``day``: 児童手当 is paid for a child up to the first
    31 March after they attain 18 (児童手当法3条), i.e. ``school_year_end(attains(b, 18))``."""
    return date(day.year if day.month <= 3 else day.year + 1, 3, 31)


def koseki_deadline(event: date, days: int) -> date:
    """Last day of a 戸籍法 届: the day of the event is day 1 (出生 14, 死亡 7 …), moved to
    the next day the city hall is open."""
    return next_open_day(event + timedelta(days=days - 1))


def juuki_deadline(event: date, days: int) -> date:
    """Last day of a 住民基本台帳法 届: counted from the day after the event (転入 14 …),
    moved to the next day the city hall is open."""
    return next_open_day(event + timedelta(days=days))


def koseki_deadline_months(event: date, months: int) -> date:
    """Last day of a 戸籍法 届 whose period is in months: 出生 abroad "3箇月以内" (戸籍法49条1項,
    catalogue B1/B3). The period starts on the event day itself (戸籍法43条1項) and ends the
    day before the day with the same number ``months`` later (民法143条2項: 1月15日生まれ →
    4月14日); a last month without that day ends on its last day (11月30日 → 2月末日). Moved
    to the next open day like every 届 deadline."""
    index = event.month - 1 + months
    year, month = event.year + index // 12, index % 12 + 1
    last = _calendar.monthrange(year, month)[1]
    end = (
        date(year, month, last)
        if event.day > last
        else date(year, month, event.day) - timedelta(days=1)
    )
    return next_open_day(end)
