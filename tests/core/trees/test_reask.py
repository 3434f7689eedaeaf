"""Changing an answer mid-interview keeps every later answer that means the same, and asks
again, with the old answer filled in, those whose meaning depends on it (``reask_on``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kakanai.core.trees.interview import Interview
from kakanai.services.trees.checking import check_source
from tests.core.trees.samples import clean_runtime

AS_OF = dt.date(2026, 11, 23)
TREE = """\
questionnaire: {id: move, title: 異動, version: "1"}
departments: [{id: shimin, name: 市民課}]
sections:
  - id: s
    title: 異動
    questions:
      - {id: move_type, type: choice, text: 異動の種類, choices: [転入, 転居]}
      - id: previous_address
        type: text
        text: 前の住所
        record_only: true
        reask_on: [move_type]
      - {id: phone, type: phone, text: 電話, record_only: true}
procedures:
  - {id: tennyu, name: 転入届, department: shimin, when: move_type == "転入", because: 転入}
  - {id: tenkyo, name: 転居届, department: shimin, when: move_type == "転居", because: 転居}
"""


def finished(tmp_path: Path) -> Interview:
    interview = Interview(clean_runtime(tmp_path, TREE), AS_OF)
    for answer in ("転入", "みなと市常盤一丁目2番", "090-1234-5678"):
        interview.answer(answer)
    assert interview.finished
    return interview


def test_a_changed_answer_asks_again_what_depends_on_it(tmp_path: Path) -> None:
    interview = finished(tmp_path)
    interview.change("move_type", "転居")
    assert interview.current is not None
    assert interview.current.id == "previous_address"
    assert interview.remembered("previous_address") == "みなと市常盤一丁目2番"


def test_answering_again_keeps_the_later_answers(tmp_path: Path) -> None:
    interview = finished(tmp_path)
    interview.change("move_type", "転居")
    interview.answer("サンプル市中央一丁目2番")
    assert interview.finished
    assert interview.answers["phone"] == "090-1234-5678"


def test_the_same_answer_given_again_asks_nothing_again(tmp_path: Path) -> None:
    interview = finished(tmp_path)
    interview.change("move_type", "転入")
    assert interview.finished


def test_going_back_and_answering_differently_asks_again_too(tmp_path: Path) -> None:
    interview = finished(tmp_path)
    while interview.back() is not None and interview.current is not None:
        if interview.current.id == "move_type":
            break
    interview.answer("転居")
    assert interview.current is not None
    assert interview.current.id == "previous_address"


@pytest.mark.parametrize(
    ("reask_on", "fragment"),
    [
        ("[move_typ]", "「move_typ」は、この設問より前"),
        ("[phone]", "「phone」は、この設問より前"),
    ],
)
def test_reask_on_must_name_an_earlier_question(reask_on: str, fragment: str) -> None:
    problems = check_source(TREE.replace("[move_type]", reask_on), "move.yaml", AS_OF)
    assert [p.code.code for p in problems] == ["TREE_REF_009"]
    assert fragment in problems[0].message
