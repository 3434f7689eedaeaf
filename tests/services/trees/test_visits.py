"""A visit of several life events as a slip names it (``move+birth``): the trees are found
like any tree (the city's first), joined in the order named, and a slip made at such a visit
opens at a desk with the same trees."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.keys import Keyring, SlipKey
from kakanai.core.trees.case import build_case
from kakanai.core.trees.interview import Interview
from kakanai.services.slip.sealing import open_slip_details, seal_case
from kakanai.services.trees.visits import questionnaire_runtime
from tests.core.trees.test_visit import BIRTH, MOVE

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
KEYRING = Keyring((SlipKey("F00D", bytes(range(32)), NOW - dt.timedelta(days=1)),), "F00D")
FAMILY = [
    {
        "name": "山田 花子",
        "kana": "ヤマダ ハナコ",
        "birth_date": "1990-01-01",
        "sex": "女",
        "relationship": "世帯主",
    },
    {
        "name": "山田 光",
        "kana": "ヤマダ ヒカル",
        "birth_date": "2026-11-01",
        "sex": "男",
        "relationship": "子",
    },
]


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "questionnaires"
    folder.mkdir(parents=True)
    (folder / "move.yaml").write_text(MOVE, encoding="utf-8")
    (folder / "birth.yaml").write_text(BIRTH, encoding="utf-8")
    return folder


def test_a_visit_joins_the_trees_it_names_in_order(city: Path) -> None:
    runtime = questionnaire_runtime("move+birth")
    assert runtime.tree.meta.id == "move+birth"
    assert runtime.tree.meta.version == "2026.12+2026.1"
    assert [q.id for q in runtime.questions] == ["household", "phone", "low_weight"]


def test_a_slip_made_at_a_visit_opens_at_the_desk(city: Path) -> None:
    runtime = questionnaire_runtime("move+birth")
    interview = Interview(runtime, NOW.date())
    for answer in (FAMILY, "03-1234-5678", "はい"):
        interview.answer(answer)
    case = build_case(interview, case_id="20261123-ABC123", created_at=NOW)
    assert [p["id"] for p in case["procedures"]] == ["tennyu", "jidou_teate", "low_weight_notice"]
    sealed = seal_case(case, now=NOW, keyring=KEYRING)
    opened = open_slip_details(sealed.digits, now=NOW, keyring=KEYRING)
    assert opened.case == case


@pytest.mark.parametrize(
    "named",
    ["move+okuyami_x", "move+" * 8 + "birth", "move+../birth", "move+"],
)
def test_a_visit_naming_a_tree_the_desk_lacks_is_refused(city: Path, named: str) -> None:
    with pytest.raises(KakanaiError) as caught:
        questionnaire_runtime(named)
    assert caught.value.code is ErrorCode.SLIP_QUESTIONNAIRE_MISSING


def test_trees_that_disagree_about_a_shared_question_are_no_visit(city: Path) -> None:
    (city / "birth.yaml").write_text(
        BIRTH.replace(
            "      - {id: low_weight",
            "      - {id: phone, type: text, text: 電話, record_only: true}\n"
            "      - {id: low_weight",
        ),
        encoding="utf-8",
    )
    with pytest.raises(KakanaiError) as caught:
        questionnaire_runtime("move+birth")
    assert caught.value.code is ErrorCode.VISIT_DIFFERS
