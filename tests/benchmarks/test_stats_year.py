"""The demo year (`kakanai demo-data`) mixes every shipped life event in its share, and hands a
slip only to the city hall's own departments, never to an outside office."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.benchmarks.stats_visits import EVENT_SHARES, Shape, visits, year_shapes
from kakanai.core.stats.periods import fiscal_year
from kakanai.services import shipped_data
from kakanai.services.stats.names import names_of
from kakanai.services.stats.source import shipped_trees
from kakanai.services.trees.checking import read_tree


@pytest.fixture(scope="module")
def year() -> list[Shape]:
    return year_shapes()


def test_every_shipped_life_event_has_visits(year: list[Shape]) -> None:
    shipped = set(shipped_data.questionnaire_ids())
    assert {shape.event for shape in year} == shipped & set(EVENT_SHARES)
    assert {"moving", "birth", "certificates"} <= shipped


def test_no_visit_is_handed_to_an_outside_office(year: list[Shape]) -> None:
    outside = set()
    for tree_id in shipped_data.questionnaire_ids():
        tree, _ = read_tree(shipped_data.questionnaire_file(tree_id))
        assert tree is not None
        outside |= {d.id for d in tree.departments if d.external}
    assert outside  # the trees do name outside offices
    assert not {d for shape in year for d in shape.handoffs} & outside


def test_each_event_takes_about_its_share_of_the_year(year: list[Shape]) -> None:
    drawn = list(visits(4000, fiscal_year(2025), seed=3, found=year))
    shipped = {shape.event for shape in year}
    total = sum(EVENT_SHARES[e] for e in shipped)
    for event in shipped:
        share = sum(v.shape.event == event for v in drawn) / len(drawn)
        assert share == pytest.approx(EVENT_SHARES[event] / total, abs=0.02), event


def test_statistics_name_every_shipped_event() -> None:
    names = names_of(shipped_trees())
    assert set(names.events) == set(shipped_data.questionnaire_ids())
    assert names.events["moving"] != "moving"


def test_visits_fall_within_the_period(year: list[Shape]) -> None:
    period = fiscal_year(2025)
    drawn = list(visits(200, period, seed=5, found=year))
    assert all(period.start <= v.as_of <= period.end + dt.timedelta(days=1) for v in drawn)
