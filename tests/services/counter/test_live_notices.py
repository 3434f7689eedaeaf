"""The counter's live list of procedures shows guidance (kind: guidance) apart and first."""

from __future__ import annotations

from kakanai.core.trees.interview import Interview
from kakanai.services.counter.display import NOTICES, live_procedures
from tests.core.trees.test_guidance import AS_OF, TREE, checked


def test_the_live_list_at_the_counter_puts_notices_first_and_apart() -> None:
    """During the interview the clerk sees a refusal under 「ご確認ください」, not among 市民課's
    procedures."""
    runtime, _ = checked(TREE)
    interview = Interview(runtime, AS_OF)
    interview.answer("いいえ")
    interview.answer("はい")
    groups = live_procedures(interview.values())
    assert [(g.department, g.procedures, g.notice) for g in groups] == [
        (NOTICES, ("住民票の写しを請求できません",), True),
        ("税務課", ("課税証明書の交付",), False),
    ]
