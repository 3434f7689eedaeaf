"""The 公表用 table of a period from the database: visits, handoffs per department, procedures
per department with subtotals, forms prefilled, writings avoided and minutes saved, one
column per month, with small counts hidden."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from kakanai.core.stats.periods import Grouping, Period
from kakanai.core.stats.publication import PublicRow, PublicTable, month_values, public_table
from kakanai.core.stats.suppression import HIDDEN, ZERO
from kakanai.services.stats.names import Names
from kakanai.services.stats.preferences import StatsPreferences
from kakanai.store.statistics import counting


def publication(
    session: Session, period: Period, names: Names, preferences: StatsPreferences, city: str
) -> PublicTable:
    months = period.months()
    counted = counting.count_all(session, period, Grouping.MONTH)
    rows = [PublicRow("受付", "来庁件数(世帯)", month_values(counted.cases, months))]
    handoffs = counting.monthly_handoffs(session, period)
    for department in names.ordered(Grouping.DEPARTMENT, {d for _, d in handoffs}):
        values = _row(handoffs, months, department)
        rows.append(PublicRow("連携(案内票の読取)", names.department(department), values))
    rows.extend(_procedure_rows(counting.monthly_procedures(session, period), months, names))
    rows.extend(_form_rows(counted, months, preferences))
    notes = [
        f"期間: {period.label}。件数は面談日(受付日)の月に数えています。",
        f"「{HIDDEN}」は1件以上{preferences.threshold}件未満のため秘匿(個人が特定されないよう)、"
        f"また合計から逆算できないよう、あわせて秘匿したものを含みます。「{ZERO}」は0件。"
        if preferences.threshold > 1
        else f"秘匿はしていません。「{ZERO}」は0件。",
        "削減時間は、様式1枚あたり(課ごと)と記入項目1つあたりの目安から計算した推計です。",
    ]
    title = f"{city} 書かない窓口 利用状況"
    return public_table(title, period, rows, preferences.threshold, notes)


def _row(found: Mapping[tuple[str, str], int], months: list[str], key: str) -> list[int]:
    return [found.get((month, key), 0) for month in months]


def _procedure_rows(
    found: Mapping[tuple[str, str], int], months: list[str], names: Names
) -> list[PublicRow]:
    rows = []
    procedures = names.ordered(Grouping.PROCEDURE, {p for _, p in found})
    by_department: dict[str, list[str]] = {}
    for procedure in procedures:
        department = names.procedure_departments.get(procedure, "")
        by_department.setdefault(department, []).append(procedure)
    for department in names.ordered(Grouping.DEPARTMENT, by_department):
        section = f"手続き({names.department(department)})"
        members = [_row(found, months, p) for p in by_department[department]]
        for procedure, values in zip(by_department[department], members, strict=True):
            rows.append(PublicRow(section, names.procedures.get(procedure, procedure), values,
                                  block=department))  # fmt: skip
        subtotal = [sum(column) for column in zip(*members, strict=True)]
        rows.append(PublicRow(section, "課計", subtotal, block=department, subtotal=True))
    return rows


def _form_rows(
    counted: counting.Counted, months: list[str], preferences: StatsPreferences
) -> list[PublicRow]:
    forms = dict.fromkeys(months, 0)
    writings = dict.fromkeys(months, 0)
    minutes = dict.fromkeys(months, 0.0)
    for (month, department), sums in counted.forms.items():
        if month in forms:
            forms[month] += sums.forms
            writings[month] += sums.names + sums.addresses + sums.birth_dates
            model = preferences.model
            minutes[month] += model.minutes_saved(department, sums.forms, sums.fields)
    return [
        PublicRow("様式", "事前印字した様式(枚)", list(forms.values())),
        PublicRow("様式", "記入を省いた氏名・住所・生年月日(回)", list(writings.values())),
        PublicRow(
            "様式", "記入時間の削減(推計・分)", [round(m) for m in minutes.values()], private=False
        ),
    ]
