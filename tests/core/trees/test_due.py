"""A procedure's ``due:`` is the last day of its 届出, a date expression counted as the law
counts it. The case carries the day and whether it has passed; the slip prints the day with
its weekday and, once it has passed, that a late 届 is still accepted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.core.slip.content import slip_content
from kakanai.core.trees.case import build_case
from kakanai.core.trees.interview import Interview
from kakanai.services.trees.checking import check_source
from tests.core.trees.samples import clean_runtime

TREE = """\
questionnaire: {id: birth, title: 出生, version: "1"}
departments: [{id: shimin, name: 市民課}]
sections:
  - id: s
    title: 出生
    questions:
      - {id: household, type: household, text: 世帯, record_only: true}
      - {id: born_on, type: date, text: 生まれた日}
procedures:
  - id: shussei_todoke
    name: 出生届
    department: shimin
    because: お子さんが生まれました。
    deadline: 生まれた日を含めて14日以内
    # 戸籍法49条: the day of birth is day 1 [S100]
    due: koseki_deadline(born_on, 14)
"""
MOTHER = {
    "name": "山田 花子",
    "kana": "ヤマダ ハナコ",
    "birth_date": "1990-01-01",
    "sex": "女",
    "relationship": "世帯主",
}
CREATED = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def case_on(tmp_path: Path, as_of: dt.date, born_on: str) -> dict[str, object]:
    interview = Interview(clean_runtime(tmp_path, TREE), as_of)
    interview.answer([MOTHER])
    interview.answer(born_on)
    return build_case(interview, case_id="20261124-ABC123", created_at=CREATED)


@pytest.mark.parametrize(
    ("born_on", "as_of", "due", "overdue"),
    [
        # Born Tue 2026-11-10: day 14 is Mon 11-23 (勤労感謝の日), so the last day is Tue 11-24.
        ("2026-11-10", dt.date(2026, 11, 24), "2026-11-24", False),
        ("2026-11-10", dt.date(2026, 11, 25), "2026-11-24", True),
        # Born Wed 2026-11-11: day 14 is Tue 11-24, an open day.
        ("2026-11-11", dt.date(2026, 11, 24), "2026-11-24", False),
        ("2026-11-11", dt.date(2026, 11, 25), "2026-11-24", True),
    ],
)
def test_the_case_carries_the_last_day_and_whether_it_has_passed(
    tmp_path: Path, born_on: str, as_of: dt.date, due: str, overdue: bool
) -> None:
    case = case_on(tmp_path, as_of, born_on)
    procedures = case["procedures"]
    assert isinstance(procedures, list)
    (procedure,) = procedures
    assert (procedure["due"], procedure["overdue"]) == (due, overdue)


def test_a_procedure_without_due_carries_neither_field(tmp_path: Path) -> None:
    text = TREE.replace("    due: koseki_deadline(born_on, 14)\n", "").replace(
        "      - {id: born_on, type: date, text: 生まれた日}\n",
        "      - {id: born_on, type: date, text: 生まれた日, record_only: true}\n",
    )
    interview = Interview(clean_runtime(tmp_path, text), dt.date(2026, 11, 24))
    interview.answer([MOTHER])
    interview.answer("2026-11-11")
    case = build_case(interview, case_id="20261124-ABC123", created_at=CREATED)
    assert {"due", "overdue"}.isdisjoint(case["procedures"][0])


def test_the_slip_prints_the_day_with_its_weekday(tmp_path: Path) -> None:
    case = case_on(tmp_path, dt.date(2026, 11, 24), "2026-11-11")
    content = slip_content(case, issued_at=CREATED, expires_at=CREATED, lang="ja", desk="")
    (row,) = [r for r in content.departments[0].procedures[0].rows if r.label == "期限"]
    assert row.texts == ("令和8年11月24日(火)まで", "生まれた日を含めて14日以内")


def test_the_slip_says_a_late_notification_is_still_accepted(tmp_path: Path) -> None:
    case = case_on(tmp_path, dt.date(2026, 11, 25), "2026-11-11")
    content = slip_content(case, issued_at=CREATED, expires_at=CREATED, lang="ja", desk="")
    (row,) = [r for r in content.departments[0].procedures[0].rows if r.label == "期限"]
    assert "届出はできます" in row.texts[-1]


def test_due_must_be_a_date() -> None:
    text = TREE.replace("due: koseki_deadline(born_on, 14)", "due: born_on == today()")
    problems = check_source(text, "birth.yaml", dt.date(2026, 11, 24))
    assert [(p.code.code, p.line) for p in problems] == [("TREE_TYPE_007", 16)]
