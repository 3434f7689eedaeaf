"""A condition that compares a 届 deadline with today (``today() > koseki_deadline(born_on,
14)``) has no constant beside it to split the dates on; the checker still finds the event
days whose deadline has passed and those whose has not (candidates.deadline_starts), on
every kind of day, including around closed days (年末年始, 祝日)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.core.trees.reasoning.candidates import DEADLINE_FUNCTIONS, deadline_starts
from kakanai.services.trees.checking import check_tree

DAYS = [
    dt.date(2026, 11, 23),  # 勤労感謝の日, a Monday
    dt.date(2026, 12, 1),  # an ordinary Tuesday
    dt.date(2027, 1, 4),  # the first open day after 年末年始
    dt.date(2027, 5, 6),  # the day after ゴールデンウィーク
    dt.date(2028, 2, 29),  # a leap day
]
DEADLINES = [
    ("koseki_deadline", 14),  # 出生届 (戸籍法49条)
    ("koseki_deadline", 7),  # 死亡届 (戸籍法86条)
    ("juuki_deadline", 14),  # 転入届 (住基法22条)
    ("koseki_deadline_months", 3),  # 国外での出生届 (戸籍法49条1項)
]


def tree(tmp_path: Path, function: str, period: int) -> Path:
    path = tmp_path / "deadline.yaml"
    path.write_text(
        f"""questionnaire: {{id: deadline, title: 期限, version: "1"}}
departments:
  - {{id: shimin, name: 市民課}}
sections:
  - id: main
    title: 設問
    questions:
      - {{id: event_day, type: date, text: 届の事由が起きた日を教えてください。}}
procedures:
  - id: in_time
    name: 期間内の届出
    department: shimin
    when: today() <= {function}(event_day, {period})
    because: 期間内のため。
  - id: late
    name: 期間経過の届出
    department: shimin
    when: today() > {function}(event_day, {period})
    because: 期間を過ぎたため。
""",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("function", "period"), DEADLINES)
@pytest.mark.parametrize("day", DAYS, ids=str)
def test_a_deadline_compared_with_today_is_found_both_passed_and_to_come(
    tmp_path: Path, function: str, period: int, day: dt.date
) -> None:
    report = check_tree(tree(tmp_path, function, period), day)
    assert [p.render() for p in report.problems] == []
    assert report.rule_count == 2


@pytest.mark.parametrize(("function", "period"), DEADLINES)
@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_candidates_stand_for_every_side_of_the_deadline_near_today(
    function: str, period: int, day: dt.date
) -> None:
    deadline = DEADLINE_FUNCTIONS[function]

    def side(event: dt.date) -> int:
        return (deadline(event, period) > day) - (deadline(event, period) < day)

    found = deadline_starts(day, function, period)
    near = [day - dt.timedelta(days=k) for k in range(130)]
    assert {side(e) for e in near} <= {side(e) for e in found}
    assert {side(e) for e in found} == {-1, 1} | ({0} & {side(e) for e in near})
