"""The supervisor's tools on the command line: decision tables (`check --rules`), coverage,
warnings and `--strict`, `scenarios suggest` and `diff`, in real subprocesses."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import AS_OF, MOVING, MOVING_TESTS, assert_no_traceback, kakanai, summary
from tests.core.trees.samples import BASE, SCENARIOS, broken, write_tree


def test_rules_prints_numbered_rules_for_every_shipped_procedure() -> None:
    result = kakanai("check", "--rules", MOVING, "--as-of", AS_OF)
    assert result.returncode == 0, result.stdout + result.stderr
    rules = [line for line in result.stdout.splitlines() if re.match(r"^\t\d+\. .+ → 案内$", line)]
    firsts = [line for line in rules if line.startswith("\t1. ")]
    assert len(rules) == int(summary(result.stdout)["rules"])
    assert len(firsts) == int(summary(result.stdout)["procedures"])
    assert "\t1. move_type=転居 かつ has_gentsuki=はい → 案内" in result.stdout


def test_rules_as_json_give_each_procedures_rules_and_their_inputs() -> None:
    result = kakanai("check", "--rules", "--json", MOVING, "--as-of", AS_OF)
    (report,) = json.loads(result.stdout)
    table = {entry["procedure"]: entry for entry in report["rule_table"]}
    assert table["mynumber_card_keizoku"]["rules"][0]["when"] == {
        "move_type": ["転入", "転居"],
        "has_mynumber_card": ["はい"],
    }
    assert table["kokumin_nenkin"]["per"] == "member"


def test_coverage_lists_every_rule_with_the_scenarios_through_it() -> None:
    result = kakanai("check", "--coverage", MOVING, "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    assert re.search(
        r"^# シナリオの網羅: 規則 (\d+) のうち \1 をシナリオが通ります$",
        result.stdout,
        re.MULTILINE,
    )


def test_warnings_pass_a_check_unless_it_is_strict(tmp_path: Path) -> None:
    tree = write_tree(
        tmp_path,
        broken(('when: move_type == "転居"', 'when: move_type in ["転居", "転入", "転出"]')),
    )
    relaxed = kakanai("check", tree, "--as-of", AS_OF)
    strict = kakanai("check", "--strict", tree, "--as-of", AS_OF)
    assert relaxed.returncode == 0, relaxed.stdout
    assert "TREE_LOGIC_001 (警告) " in relaxed.stdout
    assert summary(relaxed.stdout)["status"] == "OK(警告 1件)"
    assert strict.returncode == 1


def test_scenarios_suggest_prints_unconfirmed_scenarios_for_missed_rules(tmp_path: Path) -> None:
    tree = write_tree(tmp_path, BASE, SCENARIOS)
    result = kakanai("scenarios", "suggest", tree, "--print", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    assert "confirmed: false" in result.stdout
    assert "name: '提案: tenshutsu 規則1" in result.stdout


def test_diff_of_two_files_reports_the_household_now_guided(tmp_path: Path) -> None:
    old, new = tmp_path / "old" / "moving.yaml", tmp_path / "new" / "moving.yaml"
    for path in (old, new):
        path.parent.mkdir()
        shutil.copy(MOVING_TESTS, path.with_name(MOVING_TESTS.name))
    text = MOVING.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(
        text.replace(
            '"転入" and (birthday(member.birth_date, 75)',
            '"転入" and (birthday(member.birth_date, 74)',
            1,
        ),
        encoding="utf-8",
    )
    result = kakanai("diff", old, new, "--as-of", AS_OF)
    assert result.returncode == 1  # the structure changed under the same version
    assert "kouki_shikaku_shutoku" in result.stdout
    assert "新たに案内される" in result.stdout
    assert "新しい版が必要です" in result.stdout
    report = json.loads(kakanai("diff", old, new, "--json", "--as-of", AS_OF).stdout)
    assert report["shifts"][0]["direction"] == "gained"


def test_diff_of_an_unknown_revision_says_so_without_a_traceback() -> None:
    result = kakanai("diff", "git:no-such-rev:questionnaires/moving.yaml", MOVING)
    assert result.returncode == 1
    assert "DIFF_002" in result.stderr
    assert_no_traceback(result)


def test_check_loads_no_database_camera_or_benchmark_library() -> None:
    """A supervisor's `kakanai check` starts fast: it never imports SQLAlchemy, OpenCV or the
    benchmarks (only the commands that use them do)."""
    probe = (
        "import sys, contextlib, io\n"
        "from kakanai.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(MOVING)!r}, '--as-of', {AS_OF!r}])\n"
        "loaded = [m for m in ('sqlalchemy', 'cv2', 'kakanai.benchmarks.forms',"
        " 'kakanai.benchmarks.scan') if m in sys.modules]\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
