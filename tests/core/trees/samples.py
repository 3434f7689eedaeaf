"""A small, clean question tree used by the checker and engine tests, and a way to break it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kakanai.core.errors import Problem
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.services.trees.checking import TreeReport, check_tree, read_tree

AS_OF = dt.date(2026, 11, 23)

BASE = """\
questionnaire:
  id: mini
  title: テスト用ツリー
  version: "1"
  effective_from: 2026-10-01
departments:
  - id: shimin
    name: 市民課
    floor: 1階
  - id: kodomo
    name: こども育成課
sections:
  - id: basics
    title: 基本
    questions:
      - id: move_type
        type: choice
        text: 手続きの種類は?
        choices: [転入, 転居, 転出]
      - id: household
        type: household
        text: 世帯全員を教えてください。
      - id: has_dog
        type: yesno
        text: 犬を飼っていますか。
        when: move_type != "転出"
      - id: children_count
        type: number
        text: 就学前のお子さんは何人ですか。
        when: has_child
      - id: memo
        type: text
        text: メモ
        required: false
        record_only: true
computed:
  - id: has_child
    title: 18歳未満の子がいる
    value: any_member(member.age < 18)
procedures:
  - id: tennyu
    name: 転入届
    department: shimin
    when: move_type == "転入"
    because: 他の市区町村から引っ越してきたため。
  - id: tenkyo
    name: 転居届
    department: shimin
    when: move_type == "転居"
    because: 市内で引っ越したため。
  - id: tenshutsu
    name: 転出届
    department: shimin
    when: move_type == "転出"
    because: 市外へ引っ越すため。
  - id: dog
    name: 犬の登録事項変更
    department: shimin
    when: move_type != "転出" and has_dog
    because: 犬を飼っているため。
  - id: iryou
    name: 子ども医療証
    department: kodomo
    per: member
    when: move_type == "転入" and member.age < 18
    because: "{member.name}さんが18歳未満のため。"
  - id: hoiku
    name: 保育所の相談
    department: kodomo
    when: has_child and children_count >= 2
    because: 就学前のお子さんが2人以上いるため。
"""

SCENARIOS = """\
questionnaire: mini
scenarios:
  - name: 子どもと犬のいる転入
    as_of: 2026-11-23
    answers:
      move_type: 転入
      household:
        - name: 山田 太郎
          kana: やまだ たろう
          birth_date: S57.5.10
          sex: 男
          relationship: 世帯主
        - {name: 山田 一郎, kana: ヤマダ イチロウ, birth_date: R2.6.1, sex: 男, relationship: 子}
      has_dog: はい
      children_count: 1
    expect:
      procedures: [tennyu, dog, iryou]
      members:
        iryou: [山田 一郎]
"""


def write_tree(tmp_path: Path, text: str, scenarios: str | None = None) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    if scenarios is not None:
        (tmp_path / "mini.tests.yaml").write_text(scenarios, encoding="utf-8")
    return path


def run_check(
    tmp_path: Path, text: str, scenarios: str | None = None, *, paths: bool = False
) -> TreeReport:
    return check_tree(write_tree(tmp_path, text, scenarios), AS_OF, collect_paths=paths)


def broken(*replacements: tuple[str, str]) -> str:
    """BASE with each (old, new) replaced once; fails loudly if ``old`` is not there."""
    text = BASE
    for old, new in replacements:
        assert old in text, f"sample does not contain {old!r}"
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def codes(problems: list[Problem]) -> list[str]:
    return [p.code.code for p in problems]


# Household rows as a clerk would type them (hiragana kana on purpose: it must be normalised).
FATHER = {
    "name": "山田 太郎",
    "kana": "やまだ たろう",
    "birth_date": "S57.5.10",
    "sex": "男",
    "relationship": "世帯主",
}
MOTHER = {**FATHER, "name": "山田 花子", "kana": "ヤマダ ハナコ", "sex": "女", "relationship": "妻"}
SON = {**FATHER, "name": "山田 一郎", "kana": "ヤマダ イチロウ", "birth_date": "R2.6.1"}
SON["relationship"] = "子"


def clean_runtime(directory: Path, text: str) -> TreeRuntime:
    """A checked runtime of ``text``; the tree must have no problems at all."""
    path = directory / "tree.yaml"
    path.write_text(text, encoding="utf-8")
    tree, problems = read_tree(path)
    assert tree is not None
    checker = StaticChecker(tree)
    runtime = checker.run()
    assert [p.render() for p in [*problems, *checker.problems]] == []
    return runtime


# A tree whose conditions take ages of a date question (move date after or before the
# interview date); tests add the procedures they need after AGE_TREE_PROCEDURES.
AGE_TREE_QUESTIONS = """\
questionnaire: {id: ages, title: 年齢の計算, version: "1"}
departments: [{id: shimin, name: 市民課}]
sections:
  - id: only
    title: 設問
    questions:
      - id: move_date
        type: date
        text: 引っ越しの日はいつですか。
      - id: household
        type: household
        text: 世帯全員を教えてください。
"""
MOVED_LONG_AGO = """\
  - id: moved_long_ago
    name: 1年以上前の引っ越し
    department: shimin
    when: age(move_date) >= 1
    because: 1年以上前に引っ越したため。
"""
SENIOR_ON_MOVE = """\
  - id: senior_on_move
    name: 引っ越しの日に65歳以上
    department: shimin
    per: member
    when: age_on(member.birth_date, move_date) >= 65
    because: "{member.name}さんは引っ越しの日に65歳以上でした。"
"""
