"""Held-back broken trees: small random edits of the shipped moving.yaml, the kind a supervisor
makes by accident, never crash `kakanai check`; they are reported at a line and column in
Japanese, and nearly all of them are reported at all."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kakanai.core.errors import Problem
from kakanai.services.trees.checking import check_tree
from tests.conftest import QUESTIONNAIRES, ROOT
from tests.core.trees.samples import AGE_TREE_QUESTIONS, MOVED_LONG_AGO, SENIOR_ON_MOVE

AS_OF = dt.date(2026, 11, 23)
SEED = 20261123
PER_KIND = 13
MIN_REPORTED = 0.8
CLI_SAMPLE = 10

RENDERED = re.compile(
    r"(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z_]+_\d{3}) (?P<message>.+)", re.DOTALL
)
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
IDENTIFIER = re.compile(r"\b[a-z_][a-z0-9_]*\b")
KEYWORDS = {"and", "or", "not", "in"}

Mutation = Callable[[random.Random, list[str]], str]


# --- mutations: each edits the lines in place and says what it did --------------------------


def content_lines(lines: list[str]) -> list[int]:
    """Lines that mean something: deleting a blank or comment line is no mistake."""
    return [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]


def when_lines(lines: list[str]) -> list[int]:
    """``when:`` lines with a name in their condition (not ``when: >-``, whose condition is
    on the lines below)."""
    return [
        i
        for i, line in enumerate(lines)
        if line.lstrip().startswith("when: ") and names_in_condition(line)
    ]


def names_in_condition(line: str) -> list[re.Match[str]]:
    """Identifiers in the condition of a ``when:`` line, outside string literals."""
    start = line.index("when:") + len("when:")
    return [
        m
        for m in IDENTIFIER.finditer(line, start)
        if m.group() not in KEYWORDS and line[: m.start()].count('"') % 2 == 0
    ]


def delete_line(rng: random.Random, lines: list[str]) -> str:
    i = rng.choice(content_lines(lines))
    del lines[i]
    return f"{i + 1}行目を削除"


def duplicate_line(rng: random.Random, lines: list[str]) -> str:
    i = rng.choice(content_lines(lines))
    lines.insert(i, lines[i])
    return f"{i + 1}行目を複製"


def swap_lines(rng: random.Random, lines: list[str]) -> str:
    i, j = rng.sample(content_lines(lines), 2)
    lines[i], lines[j] = lines[j], lines[i]
    return f"{i + 1}行目と{j + 1}行目を入れ替え"


def reindent(rng: random.Random, lines: list[str]) -> str:
    i = rng.choice(content_lines(lines))
    shift = rng.choice([-2, -1, 1, 2])
    indent = len(lines[i]) - len(lines[i].lstrip())
    shift = max(shift, -indent) or 1
    lines[i] = " " * (indent + shift) + lines[i].lstrip()
    return f"{i + 1}行目の字下げを{shift:+d}"


def near_miss_name(rng: random.Random, lines: list[str]) -> str:
    i = rng.choice(when_lines(lines))
    match = rng.choice(names_in_condition(lines[i]))
    word, k = match.group(), rng.randrange(len(match.group()))
    if len(word) > 1 and rng.random() < 0.5:
        new = word[:k] + word[k + 1 :]
    else:
        new = word[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz_") + word[k:]
    lines[i] = lines[i][: match.start()] + new + lines[i][match.end() :]
    return f"{i + 1}行目の {word} を {new} に"


def comparison(rng: random.Random, lines: list[str]) -> str:
    swaps = [("==", "="), ("<", "<<"), ("!=", "=!"), (">=", "=>")]
    found = [(i, old, new) for i in when_lines(lines) for old, new in swaps if old in lines[i]]
    i, old, new = rng.choice(found)
    lines[i] = lines[i].replace(old, new, 1)
    return f"{i + 1}行目の {old} を {new} に"


def stray_character(rng: random.Random, lines: list[str]) -> str:
    i = rng.choice(content_lines(lines))
    char = rng.choice([":", '"', "\t"])
    indent = len(lines[i]) - len(lines[i].lstrip())
    at = rng.choice([indent, rng.randrange(indent, len(lines[i]) + 1)])
    lines[i] = lines[i][:at] + char + lines[i][at:]
    return f"{i + 1}行目の{at + 1}桁目に {char!r}"


def unknown_choice(rng: random.Random, lines: list[str]) -> str:
    i = rng.choice([i for i in when_lines(lines) if '"' in lines[i]])
    value = rng.choice(re.findall(r'"([^"]+)"', lines[i]))
    lines[i] = lines[i].replace(f'"{value}"', f'"{value}届"', 1)
    return f'{i + 1}行目の "{value}" を "{value}届" に'


def truncate(rng: random.Random, lines: list[str]) -> str:
    text = "\n".join(lines)
    at = rng.randrange(len(text))
    lines[:] = text[:at].split("\n")
    return f"{at}文字目で切断"


def department(rng: random.Random, lines: list[str]) -> str:
    i = rng.choice([i for i, line in enumerate(lines) if line.lstrip().startswith("department:")])
    lines[i] = lines[i].rstrip() + rng.choice(["x", "_ka", "s"])
    return f"{i + 1}行目の課を {lines[i].split(':')[1].strip()} に"


def dunder_attribute(rng: random.Random, lines: list[str]) -> str:
    i = rng.choice(when_lines(lines))
    match = rng.choice(names_in_condition(lines[i]))
    lines[i] = lines[i][: match.end()] + ".__class__" + lines[i][match.end() :]
    return f"{i + 1}行目の {match.group()} に .__class__"


def import_os(rng: random.Random, lines: list[str]) -> str:
    if rng.random() < 0.5:
        i = rng.choice(when_lines(lines))
        lines[i] = lines[i][: lines[i].index("when:")] + "when: import os"
        return f"{i + 1}行目の条件を import os に"
    i = rng.randrange(len(lines) + 1)
    lines.insert(i, "import os")
    return f"{i + 1}行目に import os"


MUTATIONS: list[Mutation] = [
    delete_line,
    duplicate_line,
    swap_lines,
    reindent,
    near_miss_name,
    comparison,
    stray_character,
    unknown_choice,
    truncate,
    department,
    dunder_attribute,
    import_os,
]


def mutants(original: str) -> list[tuple[str, str]]:
    """(description, text) of every generated mutant that differs from ``original``."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible mutants, not secrets
    found = []
    for number in range(PER_KIND * len(MUTATIONS)):
        mutation = MUTATIONS[number % len(MUTATIONS)]
        lines = original.split("\n")
        what = mutation(rng, lines)
        text = "\n".join(lines)
        if text != original:
            found.append((f"#{number:03d} {mutation.__name__}: {what}", text))
    return found


# --- checking them ------------------------------------------------------------------------


@dataclass
class Checked:
    """One mutant on disk (next to a copy of the scenarios) and what `check` made of it."""

    what: str
    path: Path
    problems: list[Problem]
    error: str = ""  # the traceback, when an exception escaped


def write_tree(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True)
    path = directory / "moving.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copy(QUESTIONNAIRES / "moving.tests.yaml", directory / "moving.tests.yaml")
    return path


def check_quietly(what: str, path: Path) -> Checked:
    try:
        return Checked(what, path, check_tree(path, AS_OF).problems)
    except Exception:  # noqa: BLE001 - the exception is the finding
        return Checked(what, path, [], traceback.format_exc())


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> list[Checked]:
    root = tmp_path_factory.mktemp("mutants")
    original = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
    clean = check_quietly("original", write_tree(root / "original", original))
    assert clean.error == ""
    assert [p.render() for p in clean.problems] == [], "the shipped tree must be clean first"
    return [
        check_quietly(what, write_tree(root / f"mutant_{n:03d}", text))
        for n, (what, text) in enumerate(mutants(original))
    ]


def test_enough_distinct_mutants_are_generated(checked: list[Checked]) -> None:
    assert len(checked) >= 140
    assert len({c.what.split(":")[0].split()[1] for c in checked}) == len(MUTATIONS)


def test_no_exception_escapes_check_tree(checked: list[Checked]) -> None:
    crashed = [f"{c.what}\n{c.error}" for c in checked if c.error]
    assert crashed == []


def assert_well_located(problem: Problem, tree: Path) -> None:
    """``path:line:col: CODE message`` inside the mutant or its scenarios, in Japanese."""
    match = RENDERED.fullmatch(problem.render())
    assert match, problem.render()
    path = Path(match["path"])
    assert path in (tree, tree.with_name("moving.tests.yaml")), problem.render()
    line_count = len(path.read_text(encoding="utf-8").split("\n"))
    assert 1 <= int(match["line"]) <= line_count + 1, problem.render()
    assert int(match["col"]) >= 1, problem.render()
    assert JAPANESE.search(match["message"]), problem.render()


def test_every_problem_renders_as_path_line_col_code_message(checked: list[Checked]) -> None:
    bad = []
    for mutant in checked:
        for problem in mutant.problems:
            try:
                assert_well_located(problem, mutant.path)
            except AssertionError as exc:
                bad.append(f"{mutant.what}: {exc}")
    assert bad == []


def test_at_least_80_percent_of_mutants_are_reported(checked: list[Checked]) -> None:
    missed = [c.what for c in checked if not c.problems]
    rate = 1 - len(missed) / len(checked)
    assert rate >= MIN_REPORTED, f"{rate:.0%} reported; missed:\n" + "\n".join(missed)


def test_reported_mutants_fail_the_cli_without_a_traceback(checked: list[Checked]) -> None:
    """One reported mutant of each kind (up to ten), run through the real command at once."""
    sample: dict[str, Checked] = {}
    for mutant in checked:
        kind = mutant.what.split(":")[0].split()[1]
        if mutant.problems and kind not in sample and len(sample) < CLI_SAMPLE:
            sample[kind] = mutant
    assert len(sample) == CLI_SAMPLE
    command = [sys.executable, "-m", "kakanai", "check", "--as-of", AS_OF.isoformat()]
    running = [
        (
            mutant,
            subprocess.Popen(
                [*command, str(mutant.path)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            ),
        )
        for mutant in sample.values()
    ]
    failures = []
    for mutant, process in running:
        stdout, stderr = process.communicate(timeout=120)
        if process.returncode != 1 or "Traceback" in stdout + stderr:
            failures.append(f"{mutant.what}: exit {process.returncode}\n{stdout}{stderr}")
    assert failures == []


# --- trees that are not broken must not crash or be reported either ------------------------

AGE_TREE = (
    AGE_TREE_QUESTIONS
    + """\
        record_only: true
procedures:
  - id: always
    name: 届出
    department: shimin
    because: いつも必要です。
"""
)


def test_check_tree_survives_age_of_a_date_question(tmp_path: Path) -> None:
    path = tmp_path / "ages.yaml"
    path.write_text(AGE_TREE + MOVED_LONG_AGO, encoding="utf-8")
    assert [p.render() for p in check_tree(path, AS_OF).problems] == []


def test_age_on_the_move_date_is_not_reported_unreachable(tmp_path: Path) -> None:
    path = tmp_path / "ages.yaml"
    path.write_text(AGE_TREE + SENIOR_ON_MOVE, encoding="utf-8")
    assert [p.render() for p in check_tree(path, AS_OF).problems] == []
