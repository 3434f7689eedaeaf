"""Answer classes: a concrete answer is classified once per domain (a candidate never: its class
is known), and the memory of it keeps answers of different types apart."""

from __future__ import annotations

import datetime as dt

from kakanai.core.trees.reasoning.analysis import analyse
from kakanai.core.trees.reasoning.domains import Domain
from kakanai.services.trees.checking import load_runtime
from tests.conftest import QUESTIONNAIRES

AS_OF = dt.date(2026, 11, 23)


def moving_domains() -> dict[str, Domain]:
    return analyse(load_runtime(QUESTIONNAIRES / "moving.yaml"), AS_OF).space.domains


def counting(domain: Domain) -> list[object]:
    """Record every answer whose class is worked out from the conditions."""
    seen: list[object] = []
    key_of = domain.key_of

    def counted(value: object) -> tuple[object, ...]:
        seen.append(value)
        return key_of(value)

    domain.key_of = counted
    return seen


def test_an_answer_seen_again_is_not_classified_again() -> None:
    """Scenarios repeat the same answers; each costs an evaluation of every atom reading it."""
    domain = moving_domains()["move_date"]
    seen = counting(domain)
    first = domain.classify(dt.date(2026, 11, 20))
    assert domain.classify(dt.date(2026, 11, 20)) == first
    assert seen == [dt.date(2026, 11, 20)]


def test_an_answer_that_is_a_candidate_takes_the_class_it_was_given() -> None:
    """Options and yes/no answers were classified when the classes were made."""
    domain = moving_domains()["kokuho"]
    expected = domain.keyed.get(domain.key_of(True))
    seen = counting(domain)
    assert domain.classify(True) == expected
    assert seen == []


def test_answers_of_other_types_are_classified_on_their_own() -> None:
    """``True == 1`` in Python, but a remembered yes is not a remembered number."""
    domain = moving_domains()["kokuho"]
    seen = counting(domain)
    domain.classify(True)
    domain.classify(1)
    assert seen == [1]
