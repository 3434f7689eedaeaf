"""`kakanai forms` on hand-edited or crafted case files: a broken case is refused with the
field it concerns instead of printing forms silently, a case from another questionnaire
version prints with a warning, file names stay in --out, carry no resident's name unless
asked and fit in 255 bytes, and huge households or names are refused in bounded time."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from kakanai.benchmarks.bounded_runs import BoundedRunner, Sample
from kakanai.cli import main
from tests.conftest import ROOT

CASE = ROOT / "tests" / "fixtures" / "reference_case.json"
REFERENCE: dict[str, Any] = json.loads(CASE.read_text(encoding="utf-8"))
FORMS_READER = "kakanai.benchmarks.robustness:read_case_forms"
Edit = Callable[[dict[str, Any]], None]


def edited(tmp_path: Path, edit: Edit) -> Path:
    case = copy.deepcopy(REFERENCE)
    edit(case)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


def member(index: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda case: case["household"]["members"][index]


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


BROKEN: list[tuple[str, Edit, str, str]] = [
    ("name missing", lambda c: member(1)(c).pop("name"), "CASE_002", "2人目の氏名"),
    ("name empty", lambda c: member(1)(c).update(name=""), "CASE_002", "2人目の氏名"),
    ("name a number", lambda c: member(0)(c).update(name=123), "INPUT_009", "1人目の氏名"),
    ("name with NUL", lambda c: member(0)(c).update(name="山田\x00太郎"), "INPUT_008", "U+0000"),
    ("name with U+202E", lambda c: member(0)(c).update(name="\u202e山田"), "INPUT_008", "U+202E"),
    ("name 100,000 long", lambda c: member(0)(c).update(name="山" * 100_000), "INPUT_007", "100"),
    ("kana missing", lambda c: member(2)(c).pop("kana"), "CASE_002", "3人目のフリガナ"),
    ("birth date missing", lambda c: member(3)(c).pop("birth_date"), "CASE_002", "生年月日"),
    ("birth date not a date", lambda c: member(3)(c).update(birth_date="R4.8.20"), "CASE_002",
     "birth_date"),
    ("birth date before 明治", lambda c: member(3)(c).update(birth_date="1800-01-01"), "INPUT_010",
     "1800年"),
    ("birth date after as_of", lambda c: member(3)(c).update(birth_date="2027-01-01"), "CASE_002",
     "面談日"),
    ("age not the birth date's", lambda c: member(3)(c).update(age=5000), "CASE_002", "年齢(4)"),
    ("wareki not the birth date's", lambda c: member(3)(c).update(birth_date_wareki="平成1年"),
     "CASE_002", "birth_date_wareki"),
    ("sex unknown", lambda c: member(0)(c).update(sex="?"), "CASE_002", "sex"),
    ("relationship unknown", lambda c: member(1)(c).update(relationship="友人"), "CASE_002",
     "relationship"),
    ("index out of order", lambda c: member(1)(c).update(index=0), "CASE_002", "index"),
    ("head out of range", lambda c: c["household"].update(head=99), "CASE_002", "household.head"),
    ("head not a number", lambda c: c["household"].update(head="0"), "CASE_002", "household.head"),
    ("is_head disagrees", lambda c: member(1)(c).update(is_head=True), "CASE_002", "is_head"),
    ("no members", lambda c: c["household"].update(members=[]), "CASE_002", "世帯員がいません"),
    ("60 members", lambda c: c["household"].update(members=[member(0)(c)] * 60), "INPUT_006",
     "60人"),
    ("as_of year 1", lambda c: c.update(as_of="0001-01-01"), "INPUT_010", "as_of"),
    ("created_at not a time", lambda c: c.update(created_at="昨日"), "CASE_002", "created_at"),
    ("questionnaire id a path", lambda c: c["questionnaire"].update(id="../moving"), "CASE_002",
     "questionnaire.id"),
    ("procedure not a mapping", lambda c: c["procedures"].append("x"), "CASE_002",
     f"procedures[{len(REFERENCE['procedures'])}]"),
    ("procedure member out of range", lambda c: c["procedures"][4].update(member=9), "CASE_002",
     "procedures[4].member"),
    ("procedure department unknown", lambda c: c["procedures"][0].update(department="zeimu"),
     "CASE_002", "departments"),
    ("department not a mapping", lambda c: c["departments"].append(7), "CASE_002",
     f"departments[{len(REFERENCE['departments'])}]"),
    ("address not a mapping", lambda c: c["addresses"].update(new_address=5), "CASE_002",
     "addresses.new_address"),
    ("answer not a mapping", lambda c: c["answers"].append(5), "CASE_002",
     f"answers[{len(REFERENCE['answers'])}]"),  # the one appended
]  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "code", "fragment"), [pytest.param(e, c, f, id=i) for i, e, c, f in BROKEN]
)
def test_a_broken_case_is_refused_with_the_field_it_concerns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, edit: Edit, code: str, fragment: str
) -> None:
    path = edited(tmp_path, edit)
    status, out, err = run(capsys, "forms", path, "--all", "--out", tmp_path / "out")
    assert (status, out) == (1, "")
    assert err.startswith(f"{path}:1:1: {code} "), err
    assert fragment in err
    assert not (tmp_path / "out").exists()


def test_a_case_from_another_questionnaire_version_prints_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = edited(tmp_path, lambda c: c["questionnaire"].update(version="2025.04"))
    status, out, err = run(capsys, "forms", path, "--department", "kankyou", "--out", tmp_path)
    assert status == 0
    assert out.strip().endswith(".pdf")
    assert f"{path}: 警告 CASE_003 " in err
    assert "版2025.04" in err
    shipped = YAML(typ="safe").load(
        (ROOT / "questionnaires" / "moving.yaml").read_text(encoding="utf-8")
    )
    assert f"版{shipped['questionnaire']['version']}" in err


def test_a_crafted_case_id_never_writes_outside_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "a" / "b"
    out.mkdir(parents=True)
    path = edited(tmp_path, lambda c: c.update(case_id="../../escaped"))
    status, printed, _ = run(capsys, "forms", path, "--all", "--merge", "--out", out)
    assert status == 0
    written = list(tmp_path.rglob("*.pdf"))
    assert [p.parent for p in written] == [out]
    assert printed.strip() == str(written[0])


def test_a_long_case_id_still_gives_a_file_name_of_at_most_255_bytes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = edited(tmp_path, lambda c: c.update(case_id="番" * 200))
    status, printed, _ = run(capsys, "forms", path, "--all", "--merge", "--out", tmp_path / "o")
    assert status == 0
    assert len(Path(printed.strip()).name.encode("utf-8")) <= 255


def test_file_names_carry_residents_names_only_with_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, plain, _ = run(capsys, "forms", CASE, "--department", "kodomo", "--out", tmp_path / "a")
    _, named, _ = run(
        capsys, "forms", CASE, "--department", "kodomo", "--out", tmp_path / "b", "--names"
    )
    assert "山田" not in plain
    assert "_山田一郎.pdf" in named


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("members-10000.json", lambda c: c["household"].update(members=[member(0)(c)] * 10_000)),
        ("name-100000.json", lambda c: member(0)(c).update(name="山" * 100_000)),
    ],
)
def test_huge_households_and_names_are_refused_in_bounded_time(
    bounded: BoundedRunner, tmp_path: Path, name: str, change: Edit
) -> None:
    """They took 23 s and more than 30 s in `kakanai forms`; the runner's cap fails a hang."""
    data = edited(tmp_path, change).read_bytes()
    outcome = bounded.run(FORMS_READER, Sample(name, data))
    assert outcome.status == "refused", outcome
