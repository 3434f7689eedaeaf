"""The draft's scenarios: each with what it expects and what the draft gives, coverage of the
rules, unconfirmed scenarios from a preview or for the rules none reaches, and confirming."""

from __future__ import annotations

import datetime as dt

from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import Question
from kakanai.services.tree_editing import scenarios
from kakanai.services.trees.scenario_coverage import with_scenarios
from tests.conftest import AS_OF, KOUKI_75, KOUKI_76, QUESTIONNAIRES

MOVING = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
TESTS = (QUESTIONNAIRES / "moving.tests.yaml").read_text(encoding="utf-8")
FIRST_THREE = "\n  - name:".join(TESTS.split("\n  - name:")[:4]) + "\n"
TODAY = dt.date(2026, 12, 6)


def run(text: str = MOVING, tests: str | None = TESTS) -> scenarios.DraftScenarios:
    return scenarios.run_scenarios(text, "moving.yaml", tests, "moving.tests.yaml", TODAY)


def test_the_shipped_scenarios_pass_and_cover_every_rule_on_their_own_day() -> None:
    result = run()
    assert result.as_of == AS_OF
    assert all(o.passed for o in result.outcomes)
    assert result.summary == "シナリオ 74/74 成功(未確認 0)・規則の網羅 55/55"


def test_a_failing_scenario_shows_what_it_expects_beside_what_the_draft_gives() -> None:
    result = run(
        MOVING.replace(
            KOUKI_75,
            KOUKI_76,
            1,
        )
    )
    (failed,) = [o for o in result.outcomes if o.passed is False]
    assert "kouki_shikaku_shutoku(林 正男)" in failed.expected
    assert not any(p.startswith("kouki_shikaku_shutoku") for p in failed.actual)
    assert "該当しなかった手続き: kouki_shikaku_shutoku" in failed.differences[0]


def test_a_draft_with_errors_lists_its_scenarios_without_running_them() -> None:
    result = run(MOVING.replace("and kaigo_nintei", "and kaigo_nintie", 1))
    assert result.coverage is None
    assert result.problems[0].code.code == "TREE_REF_001"
    assert all(o.passed is None for o in result.outcomes)
    assert result.outcomes


def test_a_finished_preview_becomes_an_unconfirmed_scenario_that_passes_once_confirmed() -> None:
    runtime, _ = scenarios.checked_runtime(MOVING, "moving.yaml")
    assert runtime is not None
    interview = Interview(runtime, AS_OF)
    given = {"move_type": "転出", "move_date": "R8.12.20", "household": [
        {"name": "北 一郎", "kana": "キタ イチロウ", "birth_date": "1950-01-02", "sex": "男",
         "relationship": "世帯主"},
    ], "health_insurance": ["後期高齢"], "kaigo_nintei": "いいえ",
       "has_gentsuki": "はい"}  # fmt: skip
    while interview.current is not None:
        interview.answer(given.get(interview.current.id, _blank(interview.current)))
    made = scenarios.from_preview(interview, "転出 75歳以上の単身者")
    tests = with_scenarios(TESTS, [made], tree_id="moving", where="moving.tests.yaml")
    (added,) = [o for o in run(tests=tests).outcomes if o.name == "転出 75歳以上の単身者"]
    assert not added.confirmed
    assert added.passed is None
    assert "kouki_shikaku_soushitsu(北 一郎)" in added.actual
    confirmed = scenarios.confirmed(tests, added.index)
    assert "confirmed: true" in confirmed
    (now,) = [o for o in run(tests=confirmed).outcomes if o.name == "転出 75歳以上の単身者"]
    assert now.passed is True


def test_suggested_scenarios_cover_the_rules_no_scenario_reaches() -> None:
    result = run(tests=FIRST_THREE)
    made = scenarios.suggested(result)
    assert len(made) == sum(1 for r in result.rules if not r.scenarios) > 0
    tests = with_scenarios(FIRST_THREE, made, tree_id="moving", where="moving.tests.yaml")
    after = run(tests=tests)
    assert sum(1 for o in after.outcomes if not o.confirmed) == len(made)


def _blank(question: Question) -> object:
    """A plain answer to a question the scenario does not care about (the first choice)."""
    choices = question.choice_values()
    if choices:
        return choices[0]
    return {"yesno": "いいえ", "address": {"postal_code": "100-0001", "prefecture": "東京都",
            "municipality": "サンプル市", "town": "中央一丁目", "block": "1番", "building": ""},
            "phone": "090-1234-5678"}.get(question.type.value, "記録")  # fmt: skip
