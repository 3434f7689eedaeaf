"""Sample visits for the statistics (`kakanai demo-data`, `kakanai bench stats`, the tests): a
year of a mid-size city drawn from the shipped trees' own test scenarios (the tests use the
moving tree's alone; the demo year mixes every life event the city ships). Each scenario is
interviewed once through the real engine and its forms counted by the real templates; the
year then repeats those visits at realistic dates, desks and interview lengths."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from kakanai.core.forms.prefill import FormFill
from kakanai.core.stats.periods import Period
from kakanai.core.trees.case import build_case, is_guidance
from kakanai.services import shipped_data
from kakanai.services.forms.rendering import form_fills
from kakanai.services.trees.checking import check_tree

JST = dt.timezone(dt.timedelta(hours=9), "JST")
RESIDENCE_FORM = "juumin_idou_todoke"  # printed at the counter itself
COUNTER_DESKS = tuple(f"窓口{n}" for n in range(1, 7))
# Department desks (連携課の端末): with the six counters, the twenty desks of the city hall.
DEPARTMENT_DESKS = {
    "shimin": ("市民課 証明・登録",),
    "hoken_center": ("保健センター",),
    "seikatsu_fukushi": ("生活福祉課",),
    "hoken_nenkin": ("保険年金課1", "保険年金課2", "保険年金課3"),
    "kaigo": ("介護保険課1", "介護保険課2"),
    "shougai": ("障がい者福祉課",),
    "kodomo": ("こども育成課1", "こども育成課2", "こども育成課3"),
    "zeimu": ("税務課",),
    "gakumu": ("学務課",),
    "kankyou": ("環境課",),
}
# Moves peak in March and April (年度替わり); the rest of the year is calmer.
MONTH_WEIGHTS = {4: 1.7, 5: 0.9, 6: 0.8, 7: 0.85, 8: 0.85, 9: 0.9, 10: 0.85, 11: 0.75,
                 12: 0.8, 1: 0.8, 2: 0.9, 3: 2.0}  # fmt: skip
# The mix of a year's visits at a 書かない窓口 by life event (moves dominate the counter;
# certificates come next; births, deaths, marriages, divorces and moves abroad after them).
# An assumption for sample data, not a measured figure; events a city does not ship drop out.
EVENT_SHARES = {"moving": 0.55, "certificates": 0.17, "birth": 0.08, "death": 0.08,
                "marriage": 0.06, "divorce": 0.03, "abroad": 0.03}  # fmt: skip
TARGET_PROCEDURES_PER_VISIT = 5.0  # 60,000 visits: about 300,000 procedures
HANDOFF_SHARE = 0.95  # residents who go on to a department the slip sends them to
RESCAN_SHARE = 0.12  # slips scanned again at the same department
REPRINT_SHARE = 0.05
SECONDS_PER_QUESTION = 24.0  # median time a question is on screen
OVERHEAD_S = 70.0  # greeting, identity check, the summary read back


@dataclass(frozen=True)
class Shape:
    """One kind of visit: a scenario's procedures, the departments it is handed to, its
    forms and the questions its interview asked."""

    name: str
    procedures: tuple[tuple[str, str, int | None], ...]  # id, department, member
    handoffs: tuple[str, ...]  # departments that scan the slip
    forms: tuple[FormFill, ...]
    questions: tuple[str, ...]
    event: str


@dataclass
class Visit:
    """One generated visit, everything statistics will count about it."""

    case_id: str
    shape: Shape
    desk: str
    started_at: dt.datetime
    created_at: dt.datetime
    question_seconds: dict[str, int]
    handoffs: list[tuple[str, str, dt.datetime, int]] = field(default_factory=list)
    forms: list[tuple[FormFill, str, int]] = field(default_factory=list)  # fill, desk, prints

    @property
    def as_of(self) -> dt.date:
        return self.created_at.date()

    @property
    def duration_s(self) -> int:
        return int((self.created_at - self.started_at).total_seconds())


def shapes(tree: str = "moving") -> list[Shape]:
    """The shipped tree's scenarios as visits (each interviewed and its forms counted); a
    handoff goes only to the city hall's own departments, not to an outside office."""
    path = shipped_data.questionnaire_file(tree)
    report = check_tree(path, dt.date(2026, 11, 23))
    if report.tree is None:
        return []
    outside = {d.id for d in report.tree.departments if d.external}
    found = []
    for run in report.scenario_runs:
        created = dt.datetime(2026, 11, 23, 10, tzinfo=JST)
        case = build_case(run.interview, case_id="SAMPLE", created_at=created)
        fills = tuple(form_fills(case))
        counter = {f.procedure_id for f in fills if f.form_id == RESIDENCE_FORM}
        procedures = tuple(
            (p["id"], p["department"], p.get("member"))
            for p in case["procedures"]
            if not is_guidance(p)  # statistics count procedures, not notices
        )
        departments = dict.fromkeys(
            d for i, d, _ in procedures if i not in counter and d not in outside
        )
        questions = tuple(q.id for q, _ in run.interview.path())
        found.append(Shape(run.name, procedures, tuple(departments), fills, questions, tree))
    return found


def year_shapes() -> list[Shape]:
    """Every shipped life event's scenarios (the demo year's visits)."""
    return [shape for event in EVENT_SHARES for shape in _shapes_if_shipped(event)]


def _shapes_if_shipped(event: str) -> list[Shape]:
    return shapes(event) if shipped_data.questionnaire_file(event).is_file() else []


def weights(found: list[Shape]) -> list[float]:
    """Each event its share of the year (EVENT_SHARES; a single event takes all). Within the
    moving tree, weights that bring its mean procedures per visit to the target: exp(t ×
    count), with t found by bisection (bigger households are rarer than single movers, but a
    city of families averages about five procedures a move); other events' scenarios are
    equally likely."""
    events = dict.fromkeys(shape.event for shape in found)
    shares = {e: EVENT_SHARES.get(e, 0.01) for e in events}
    total = sum(shares.values())
    result = [0.0] * len(found)
    for event in events:
        places = [i for i, shape in enumerate(found) if shape.event == event]
        group = [found[i] for i in places]
        within = _procedure_weights(group) if event == "moving" else [1.0] * len(group)
        scale = shares[event] / total / sum(within)
        for place, weight in zip(places, within, strict=True):
            result[place] = weight * scale
    return result


def _procedure_weights(found: list[Shape]) -> list[float]:
    counts = [len(s.procedures) for s in found]

    def mean(t: float) -> float:
        w = [math.exp(t * c) for c in counts]
        return sum(wi * c for wi, c in zip(w, counts, strict=True)) / sum(w)

    low, high = -2.0, 2.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if mean(middle) < TARGET_PROCEDURES_PER_VISIT else (low, middle)
    return [math.exp(low * c) for c in counts]


def working_days(period: Period) -> list[dt.date]:
    """Weekdays of the period, less the city hall's New Year closing (12/29–1/3)."""
    days = []
    day = period.start
    while day <= period.end:
        closed = (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3)
        if day.weekday() < 5 and not closed:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def visits(
    count: int, period: Period, *, seed: int = 14, found: list[Shape] | None = None
) -> Iterator[Visit]:
    """``count`` visits over ``period``, in date order; the same seed gives the same year."""
    rng = random.Random(seed)  # noqa: S311 - sample data, no secret
    kinds = found if found is not None else shapes()
    kind_weights = weights(kinds)
    days = working_days(period)
    day_weights = [MONTH_WEIGHTS[day.month] for day in days]
    chosen_days = sorted(rng.choices(days, day_weights, k=count))
    for number, day in enumerate(chosen_days):
        shape = rng.choices(kinds, kind_weights)[0]
        yield _visit(rng, number, day, shape)


def _visit(rng: random.Random, number: int, day: dt.date, shape: Shape) -> Visit:
    opened = dt.datetime(day.year, day.month, day.day, 8, 30, tzinfo=JST)
    started = opened + dt.timedelta(seconds=int(rng.triangular(0, 8 * 3600, 2.5 * 3600)))
    seconds = {
        q: max(int(rng.lognormvariate(math.log(SECONDS_PER_QUESTION), 0.6)), 2)
        for q in shape.questions
    }
    length = int(OVERHEAD_S * rng.uniform(0.6, 1.6)) + sum(seconds.values())
    created = started + dt.timedelta(seconds=length)
    desk = rng.choice(COUNTER_DESKS)
    visit = Visit(f"{day:%Y%m%d}-D{number:05X}", shape, desk, started, created, seconds)
    at = created
    for department in shape.handoffs:
        if rng.random() >= HANDOFF_SHARE:
            continue
        at += dt.timedelta(minutes=rng.uniform(3, 25))
        scans = 2 if rng.random() < RESCAN_SHARE else 1
        scanned_by = rng.choice(DEPARTMENT_DESKS.get(department, (department,)))
        visit.handoffs.append((department, scanned_by, at, scans))
    served = {department: desk for department, desk, _, _ in visit.handoffs}
    for fill in shape.forms:
        at_desk = desk if fill.form_id == RESIDENCE_FORM else served.get(fill.department)
        if at_desk is not None:
            visit.forms.append((fill, at_desk, 2 if rng.random() < REPRINT_SHARE else 1))
    return visit
