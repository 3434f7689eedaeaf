"""The real console command in a subprocess: `kakanai check`, `kakanai interview` and
`kakanai bench` print what a supervisor or clerk needs, and never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from kakanai.core.trees.model import QuestionType
from kakanai.services.trees.checking import read_tree
from tests.conftest import QUESTIONNAIRES, ROOT
from tests.core.trees.samples import BASE, broken

MOVING = QUESTIONNAIRES / "moving.yaml"
MOVING_TESTS = QUESTIONNAIRES / "moving.tests.yaml"
AS_OF = "2026-11-23"
PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: [A-Z_]+_\d{3} .+")
SUMMARY_LINE = re.compile(
    r"^(?P<path>.+): (?P<id>\S+) 版\S+ — 設問 (?P<questions>\d+)、手続き (?P<procedures>\d+)、"
    r"課 (?P<departments>\d+)、規則 (?P<rules>\d+)、(?:経路 (?P<paths>\d+)、)?"
    r"シナリオ (?P<passed>\d+)/(?P<total>\d+) 成功(?:\(未確認 \d+\))? — (?P<status>.+)$"
)


def kakanai(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kakanai`` from the repository root, as a supervisor would."""
    return subprocess.run(
        [sys.executable, "-m", "kakanai", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        timeout=120,
        check=False,
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr


def summaries(stdout: str) -> dict[str, dict[str, str]]:
    """The fields of the summary line `kakanai check` prints for each tree, by tree id."""
    found = [m.groupdict() for m in map(SUMMARY_LINE.match, stdout.splitlines()) if m]
    assert found, stdout
    return {fields["id"]: fields for fields in found}


def summary(stdout: str, tree: str | None = None) -> dict[str, str]:
    """The fields of one tree's summary line (the only one unless ``tree`` names it)."""
    found = summaries(stdout)
    if tree is None:
        assert len(found) == 1, stdout
        (fields,) = found.values()
        return fields
    return found[tree]


# --- check --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def checked() -> subprocess.CompletedProcess[str]:
    return kakanai("check", "questionnaires/", "--as-of", AS_OF)


def test_check_of_the_shipped_trees_passes(checked: subprocess.CompletedProcess[str]) -> None:
    assert checked.returncode == 0, checked.stdout + checked.stderr
    trees = summaries(checked.stdout)
    assert {"moving", "certificates", "birth", "marriage", "divorce"} <= set(trees)
    for fields in trees.values():
        assert fields["status"] == "OK"
        assert fields["passed"] == fields["total"]


def test_check_summary_counts_procedures_departments_and_scenarios(
    checked: subprocess.CompletedProcess[str],
) -> None:
    for tree in ("moving", "birth"):
        fields = summaries(checked.stdout)[tree]
        assert int(fields["procedures"]) >= 17
        assert int(fields["departments"]) >= 6
        assert int(fields["passed"]) >= 25


def test_check_json_reports_the_same_counts(checked: subprocess.CompletedProcess[str]) -> None:
    result = kakanai("check", "questionnaires/", "--json", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    trees = summaries(checked.stdout)
    assert len(reports) == len(trees)
    for report in reports:
        fields = trees[report["id"]]
        assert report["ok"] is True
        assert report["problem_list"] == []
        assert (
            report["procedures"],
            report["departments"],
            report["rules"],
            report["scenarios_passed"],
            report["scenarios"],
        ) == tuple(
            int(fields[k]) for k in ("procedures", "departments", "rules", "passed", "total")
        )


@pytest.fixture(scope="module")
def decision_table(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """--paths of a small tree (the shipped ones have more than the 20,000 paths it lists)."""
    tree = tmp_path_factory.mktemp("paths") / "small.yaml"
    tree.write_text(BASE, encoding="utf-8")
    return kakanai("check", "--paths", tree, "--as-of", AS_OF)


def test_check_paths_prints_one_row_per_path(
    decision_table: subprocess.CompletedProcess[str], checked: subprocess.CompletedProcess[str]
) -> None:
    assert decision_table.returncode == 0, decision_table.stderr
    rows = [line for line in decision_table.stdout.splitlines() if re.match(r"^\d+\t", line)]
    paths = int(summary(decision_table.stdout)["paths"])
    assert len(rows) == paths
    # paths are listed only when asked for
    assert all(fields["paths"] is None for fields in summaries(checked.stdout).values())
    assert [int(row.split("\t")[0]) for row in rows] == list(range(1, paths + 1))
    assert all("\t→ " in row for row in rows)


def test_check_of_a_broken_tree_prints_located_problems_and_exits_1(tmp_path: Path) -> None:
    tree = tmp_path / "mini.yaml"
    tree.write_text(
        broken(
            ('when: move_type == "転居"', 'when: move_typ == "転居"'),
            ("    department: kodomo\n    per", "    department: kodomoo\n    per"),
        ),
        encoding="utf-8",
    )
    result = kakanai("check", tree, "--as-of", AS_OF)
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if PROBLEM_LINE.match(line)]
    assert {line.split(" ")[1] for line in problems} == {"TREE_REF_001", "TREE_REF_004"}
    assert all(line.startswith(f"{tree}:") for line in problems)
    assert_no_traceback(result)


def test_check_of_several_trees_in_workers_prints_what_one_process_prints(
    tmp_path: Path,
) -> None:
    tree = tmp_path / "mini.yaml"
    tree.write_text(
        broken(('when: move_type == "転居"', 'when: move_typ == "転居"')), encoding="utf-8"
    )
    trees = [MOVING, tree, QUESTIONNAIRES / "marriage.yaml"]
    in_workers = kakanai("check", *trees, "--as-of", AS_OF, KAKANAI_CHECK_WORKERS="2")
    one_process = kakanai("check", *trees, "--as-of", AS_OF, KAKANAI_CHECK_WORKERS="1")
    assert in_workers.returncode == one_process.returncode == 1
    assert in_workers.stdout == one_process.stdout
    starts = [in_workers.stdout.find(f"{t}:") for t in trees]
    assert -1 not in starts
    assert starts == sorted(starts)  # in the order given, the broken one included
    assert_no_traceback(in_workers)


@pytest.mark.parametrize("output", [[], ["--json"]], ids=["text", "json"])
def test_a_failing_scenario_is_reported_alike_in_workers_and_in_one_process(
    tmp_path: Path, output: list[str]
) -> None:
    """A plain check runs a tree's reasoning and its scenarios in two jobs: a failing
    scenario of a clean tree must come out as a single process reports it."""
    tree = tmp_path / "marriage.yaml"
    tree.write_text((QUESTIONNAIRES / "marriage.yaml").read_text("utf-8"), encoding="utf-8")
    tests = (QUESTIONNAIRES / "marriage.tests.yaml").read_text("utf-8")
    failing = tests.replace(
        "procedures: [konin_todoke, konin_nenrei]", "procedures: [konin_todoke]", 1
    )
    assert failing != tests
    (tmp_path / "marriage.tests.yaml").write_text(failing, encoding="utf-8")
    trees = [MOVING, tree]
    in_workers = kakanai("check", *trees, *output, "--as-of", AS_OF, KAKANAI_CHECK_WORKERS="2")
    one_process = kakanai("check", *trees, *output, "--as-of", AS_OF, KAKANAI_CHECK_WORKERS="1")
    assert in_workers.returncode == one_process.returncode == 1
    assert in_workers.stdout == one_process.stdout
    assert "TREE_TEST_001" in in_workers.stdout
    assert_no_traceback(in_workers)


# --- interview ----------------------------------------------------------------------------


def richest_scenario() -> dict[str, Any]:
    """The shipped scenario that expects the most procedures (read fresh: the file may change)."""
    scenarios = YAML(typ="safe").load(MOVING_TESTS.read_text(encoding="utf-8"))["scenarios"]
    on_our_date = [s for s in scenarios if str(s.get("as_of", AS_OF)) == AS_OF]
    return max(on_our_date, key=lambda s: len(s["expect"].get("procedures", [])))


def write_answers(path: Path, answers: dict[str, Any]) -> Path:
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump({"answers": answers}, stream)
    return path


def locate_answer(path: Path, question_id: str) -> tuple[int, int]:
    """Line and column of ``question_id:`` in an answers file written by ``write_answers``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(f"{question_id}:"):
            return number, len(line) - len(line.lstrip()) + 1
    raise AssertionError(f"{question_id} not in {path}")


def test_interview_prints_the_case_with_the_scenario_procedures(tmp_path: Path) -> None:
    scenario = richest_scenario()
    answers = write_answers(tmp_path / "answers.yaml", scenario["answers"])
    result = kakanai("interview", MOVING, "--answers", answers, "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    case = json.loads(result.stdout)
    assert case["schema"] == "kakanai.case/1"
    assert case["as_of"] == AS_OF
    assert len(case["household"]["members"]) == len(scenario["answers"]["household"])
    assert {p["id"] for p in case["procedures"]} == set(scenario["expect"]["procedures"])


def test_interview_with_a_missing_answers_file_points_at_it(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.yaml"
    result = kakanai("interview", MOVING, "--answers", missing, "--as-of", AS_OF)
    assert result.returncode != 0
    assert f"{missing}:1:1: TREE_FILE_001 " in result.stderr
    assert_no_traceback(result)


def test_interview_with_a_bad_date_names_the_question_at_its_line(tmp_path: Path) -> None:
    scenario = richest_scenario()
    tree, _ = read_tree(MOVING)
    assert tree is not None
    date_question = next(
        q for q in tree.questions if q.type is QuestionType.DATE and q.id in scenario["answers"]
    )
    answers = write_answers(
        tmp_path / "answers.yaml", {**scenario["answers"], date_question.id: "平成31年5月1日"}
    )
    result = kakanai("interview", MOVING, "--answers", answers, "--as-of", AS_OF)
    assert result.returncode != 0
    line, col = locate_answer(answers, date_question.id)
    value_col = col + len(f"{date_question.id}: ")
    expected = f"{answers}:{line}:{value_col}: ANSWER_001 設問「{date_question.text}」の回答が"
    assert any(row.startswith(expected) for row in result.stderr.splitlines()), result.stderr
    assert "存在しません" in result.stderr
    assert_no_traceback(result)


def test_interview_with_an_unknown_question_suggests_the_close_one(tmp_path: Path) -> None:
    scenario = richest_scenario()
    answers = write_answers(tmp_path / "answers.yaml", {**scenario["answers"], "has_dogg": "はい"})
    result = kakanai("interview", MOVING, "--answers", answers, "--as-of", AS_OF)
    assert result.returncode != 0
    line, col = locate_answer(answers, "has_dogg")
    assert f"{answers}:{line}:{col}: ANSWER_003 " in result.stderr
    assert "もしかして: has_dog" in result.stderr
    assert_no_traceback(result)


# --- bench --------------------------------------------------------------------------------


def test_bench_engine_reports_the_rules_it_found(
    checked: subprocess.CompletedProcess[str],
) -> None:
    result = kakanai("bench", "engine", "--repeat", "1")
    assert result.returncode == 0, result.stderr
    match = re.search(r"^rules found: (\d+)$", result.stdout, re.MULTILINE)
    assert match, result.stdout
    rules = sum(int(fields["rules"]) for fields in summaries(checked.stdout).values())
    assert int(match.group(1)) == rules
