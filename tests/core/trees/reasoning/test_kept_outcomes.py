"""Outcomes of atoms that read only the member are kept across checks (domains.py,
``_PURE_OUTCOMES``): an editor re-checks after every edit. Keeping them must change no
result: not for another tree, another day, or an atom whose value also reads the tree."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kakanai.cli.tree_reports import rules_json
from kakanai.core.trees.reasoning import domains
from kakanai.services.shipped_data import QUESTIONNAIRES
from kakanai.services.trees.checking import check_tree, tree_files

DAY = dt.date(2026, 11, 23)


def rules(path: Path, day: dt.date) -> str:
    report = check_tree(path, day, scenarios=False)
    assert report.analysis is not None, [p.render() for p in report.problems]
    return json.dumps(rules_json(report.analysis.tables()), ensure_ascii=False)


def test_every_tree_checked_after_the_others_on_another_day_has_its_fresh_rules() -> None:
    files = tree_files([QUESTIONNAIRES])
    domains._PURE_OUTCOMES.clear()
    fresh = [rules(path, DAY) for path in files]
    for path in files:
        rules(path, DAY - dt.timedelta(days=400))
    assert [rules(path, DAY) for path in files] == fresh


def tree(tmp_path: Path, limit: int) -> Path:
    path = tmp_path / "limit.yaml"
    path.write_text(
        f"""questionnaire: {{id: limit, title: 年齢, version: "1"}}
departments:
  - {{id: fukushi, name: 福祉課}}
sections:
  - id: main
    title: 設問
    questions:
      - {{id: household, type: household, text: 世帯全員を教えてください。}}
computed:
  - {{id: limit, title: 年齢の境, value: {limit}}}
procedures:
  - {{id: base, name: 基本の届出, department: fukushi, because: 全員。}}
  - id: older
    name: 年齢で決まる手続き
    department: fukushi
    per: member
    when: member.age >= limit
    because: 年齢のため。
""",
        encoding="utf-8",
    )
    return path


def test_an_atom_that_reads_a_computed_value_follows_an_edit_of_that_value(
    tmp_path: Path,
) -> None:
    first = rules(tree(tmp_path, 65), DAY)
    second = rules(tree(tmp_path, 75), DAY)
    assert "65" in first
    assert "75" not in first
    assert "75" in second
    assert "65" not in second
