"""The trees' test scenarios as sample cases for the preview: each confirmed scenario whose
procedures ask for the form, interviewed as ``kakanai check`` runs it (its own ``as_of``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kakanai.adapters.input_files import read_text
from kakanai.adapters.yaml_loading import MAX_FILE_BYTES, YamlLoadError, load_file
from kakanai.core.errors import KakanaiError
from kakanai.core.forms.selection import asking
from kakanai.core.located import LList, LMap, plain
from kakanai.core.trees.case import build_case
from kakanai.core.trees.scenarios import scenario_name
from kakanai.core.trees.scripted import run_answers
from kakanai.services.forms.checking import Sample
from kakanai.services.shipped_data import QUESTIONNAIRES
from kakanai.services.trees.checking import load_runtime, tests_path, tree_files

JST = dt.timezone(dt.timedelta(hours=9), "JST")
DEFAULT_DAY = dt.date(2026, 11, 23)  # the shipped scenarios' day, for one that names none


def scenario_samples(form_id: str, questionnaires: Path, *, limit: int = 30) -> list[Sample]:
    """(「シナリオ「…」」, case) for up to ``limit`` scenarios that print ``form_id``; trees
    whose text never names the form are not run, and a tree that fails its checks gives
    none (``kakanai check`` says why)."""
    found: list[Sample] = []
    folders = [questionnaires] if questionnaires.is_dir() else []
    for tree_path in tree_files(folders):
        tests = tests_path(tree_path)
        if len(found) >= limit or not tests.is_file() or not _names(tree_path, form_id):
            continue
        try:
            found.extend(_cases(tree_path, tests, form_id, limit - len(found)))
        except (KakanaiError, YamlLoadError):
            continue
    return found


def _names(tree_path: Path, form_id: str) -> bool:
    try:
        return form_id in read_text(tree_path, limit=MAX_FILE_BYTES)
    except (OSError, UnicodeDecodeError, KakanaiError):
        return False


def _cases(tree_path: Path, tests: Path, form_id: str, limit: int) -> list[Sample]:
    runtime = load_runtime(tree_path)
    root = load_file(tests)
    scenarios = root.get("scenarios") if isinstance(root, LMap) else None
    found: list[Sample] = []
    for number, node in enumerate(scenarios.items if isinstance(scenarios, LList) else []):
        if len(found) >= limit:
            break
        answers = node.get("answers") if isinstance(node, LMap) else None
        if not isinstance(node, LMap) or not isinstance(answers, LMap):
            continue
        if plain(node.get("confirmed")) is False:
            continue
        written = plain(node.get("as_of"))
        day = written if isinstance(written, dt.date) else DEFAULT_DAY
        try:
            interview = run_answers(runtime, answers, day)
        except KakanaiError:
            continue
        created = dt.datetime.combine(day, dt.time(10, 0), JST)
        case = build_case(interview, case_id=f"{day:%Y%m%d}-{number:06X}", created_at=created)
        if asking(case, form_id):
            found.append((f"シナリオ「{scenario_name(node)}」", case))
    return found


def questionnaires_near(template: Path) -> Path:
    """The ``questionnaires/`` beside the template's folder (as ``kakanai check`` finds the
    trees), else the shipped one."""
    near = template.resolve().parent.parent / "questionnaires"
    return near if near.is_dir() else QUESTIONNAIRES
