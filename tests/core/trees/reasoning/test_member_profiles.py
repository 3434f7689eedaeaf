"""Optional per-member questions: a member answers them or leaves them all blank, so six of
them make 65 profiles (not 3**6 = 729), the diagrams never recurse per profile, and a tree
with more profiles than the checker can take is refused with its own message."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from kakanai.benchmarks.synthetic_trees import optional_member_questions
from kakanai.core.trees.reasoning.diagrams import FALSE, Diagrams
from kakanai.core.trees.reasoning.profiles import MAX_PROFILES, Profiles
from kakanai.services.trees.checking import check_tree

AS_OF = dt.date(2026, 11, 23)


def checked(tmp_path: Path, count: int) -> tuple[list[str], float, object]:
    path = tmp_path / "members.yaml"
    path.write_text(optional_member_questions(count).text, encoding="utf-8")
    start = time.perf_counter()
    report = check_tree(path, AS_OF)
    elapsed = time.perf_counter() - start
    return [p.render() for p in report.problems], elapsed, report.analysis


def test_six_optional_member_questions_are_checked_in_bounded_time(tmp_path: Path) -> None:
    _problems, elapsed, analysis = checked(tmp_path, 6)
    assert elapsed < 10, elapsed  # ~0.5 s here; it used to stop with a RecursionError
    assert analysis is not None
    assert analysis.space.profiles.size == 2**6 + 1  # every answer, or all left blank


def test_reading_an_optional_member_answer_names_the_question(tmp_path: Path) -> None:
    problems, _, _ = checked(tmp_path, 6)
    flow = [p for p in problems if "TREE_FLOW_001" in p]
    assert len(flow) == 6
    assert "設問「q_0」" in flow[0]


def test_more_member_profiles_than_the_checker_takes_are_refused(tmp_path: Path) -> None:
    problems, _, _ = checked(tmp_path, 9)  # 2**9 + 1 profiles
    assert len(problems) == 1
    assert ":9:9: TREE_FLOW_010" in problems[0]  # at the household question
    assert f"{MAX_PROFILES}通りまで" in problems[0]


def test_diagram_operations_do_not_recurse_per_variable() -> None:
    dd = Diagrams()
    variables = [dd.add_variable(f"v{i}", 2) for i in range(3000)]
    chain = dd.any_of(dd.literal(v, [1]) for v in reversed(variables))  # 3000 levels deep
    none = dd.neg(chain)
    assert dd.conj(chain, none) == FALSE
    assert dd.pick(none) == dict.fromkeys(variables, 0)


def test_a_member_count_is_shown_with_its_profile_label(tmp_path: Path) -> None:
    _problems, _, analysis = checked(tmp_path, 2)
    space = analysis.space  # type: ignore[attr-defined]
    first = space.count_vars[0]
    assert space.variable_name(first) == f"{space.household_id}#0({space.profiles.labels[0]})"
    assert space.profiles.labels[0]  # labels are made when first read, never left empty


def test_profiles_equal_in_the_fields_read_share_a_representative() -> None:
    members: list[dict[str, object]] = [
        {"sex": "男", "flag": True},
        {"sex": "女", "flag": 1},  # 1 is not True: another value
        {"sex": "男", "flag": 1},
        {"sex": "女", "flag": True},
    ]
    profiles = Profiles(members, {}, lambda _m: ())
    assert profiles.representatives(frozenset({"sex"})) == [0, 1, 0, 1]
    assert profiles.representatives(frozenset({"flag"})) == [0, 1, 1, 0]
    assert profiles.representatives(frozenset({"sex", "flag"})) == [0, 1, 2, 3]
