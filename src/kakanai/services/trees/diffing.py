"""`kakanai diff OLD NEW`: the impact of a change to a question tree in a supervisor's terms —
what was edited, who is now guided differently (with a household that shows it), which
scenarios now fail, and whether slips issued under OLD still open under NEW."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from kakanai.adapters import git_files
from kakanai.adapters.yaml_loading import YamlLoadError, load_text
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.located import LMap
from kakanai.core.slip.case_payload import tree_fingerprint
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.edits import Edit, edits
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.reader import TreeReader
from kakanai.core.trees.reasoning.changes import ChangeFinder, Shift
from kakanai.core.trees.scenarios import ScenarioReport, ScenarioRunner
from kakanai.services.trees.checking import TESTS_SUFFIX, TreeReport


@dataclass
class Version:
    """One side of the comparison: where it came from, the checked tree, its scenarios."""

    spec: str
    runtime: TreeRuntime
    tests_spec: str = ""
    tests_text: str | None = None

    @property
    def version(self) -> str:
        return self.runtime.tree.meta.version


@dataclass
class Compatibility:
    """Whether slips sealed under OLD open at a desk that has NEW, and what version NEW needs."""

    same_structure: bool
    slips_open: bool
    advice: str
    suggested_version: str = ""


@dataclass
class TreeDiff:
    old: Version
    new: Version
    edits: list[Edit]
    shifts: list[Shift]
    failing: dict[str, list[str]] = field(default_factory=dict)  # scenario → what now differs
    scenarios_checked: int = 0
    compatibility: Compatibility | None = None


def compare(
    old_spec: str, new_spec: str, as_of: dt.date, *, checked: TreeReport | None = None
) -> TreeDiff:
    """``checked``: ``new_spec`` already checked on ``as_of`` with its scenarios (the review
    checks it first). Its tree is not read again, and its scenario run stands for the old
    scenarios run on the new version when both scenario files say the same."""
    old = load_version(old_spec, "旧版")
    new = load_version(new_spec, "新版", checked.runtime if checked else None)
    finder = ChangeFinder(old.runtime, new.runtime, as_of)
    result = TreeDiff(old, new, edits(old.runtime.tree, new.runtime.tree), finder.shifts())
    if old.tests_text is not None:
        before = _run_scenarios(old, old.runtime, as_of)
        same_run = checked.scenario_report if checked else None
        if same_run is None or new.tests_text != old.tests_text:
            same_run = _run_scenarios(old, new.runtime, as_of)
        result.scenarios_checked = before.total
        result.failing = {n: d for n, d in same_run.failed.items() if n not in before.failed}
    result.compatibility = compatibility(old, new)
    return result


def load_version(spec: str, which: str, runtime: TreeRuntime | None = None) -> Version:
    """A checked tree from a file or ``git:REV:path``, with its scenarios when it has any
    (``runtime``: the tree already checked from that same text)."""
    if git_files.is_revision_path(spec):
        text = git_files.read_at_revision(spec)
        name = git_files.split(spec)[1].rsplit("/", 1)[-1]
        tests_spec = git_files.sibling(spec, name.removesuffix(".yaml") + TESTS_SUFFIX)
        try:
            tests_text: str | None = git_files.read_at_revision(tests_spec)
        except KakanaiError:
            tests_text = None
    else:
        path = Path(spec)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KakanaiError.of(
                ErrorCode.FILE_UNREADABLE, detail=f"{spec}: {type(exc).__name__}"
            ) from None
        tests = path.with_name(path.name.removesuffix(".yaml") + TESTS_SUFFIX)
        tests_spec = str(tests)
        tests_text = tests.read_text(encoding="utf-8") if tests.is_file() else None
    return Version(spec, runtime or _checked(text, spec, which), tests_spec, tests_text)


def _checked(text: str, spec: str, which: str) -> TreeRuntime:
    try:
        root = load_text(text, spec)
    except YamlLoadError as exc:
        raise KakanaiError.from_problem(exc.problems[0]) from None
    reader = TreeReader(spec)
    tree = reader.read(root)
    checker = StaticChecker(tree)
    runtime = checker.run()
    problems = [*reader.problems, *checker.problems]
    if problems:
        first = problems[0]
        raise KakanaiError(
            ErrorCode.DIFF_NOT_CHECKED,
            ErrorCode.DIFF_NOT_CHECKED.format(which=which) + f"({first.render()})",
        )
    return runtime


def _run_scenarios(source: Version, runtime: TreeRuntime, as_of: dt.date) -> ScenarioReport:
    assert source.tests_text is not None
    try:
        root = load_text(source.tests_text, source.tests_spec)
    except YamlLoadError:
        return ScenarioReport()
    if not isinstance(root, LMap):
        return ScenarioReport()
    return ScenarioRunner(runtime, as_of).run(root)


def compatibility(old: Version, new: Version) -> Compatibility:
    """Slips carry answers by position and the tree's fingerprint; a desk opens a slip only
    with the same version and the same structure (SLIP_011, SLIP_012)."""
    same = tree_fingerprint(old.runtime) == tree_fingerprint(new.runtime)
    same_version = old.version == new.version
    if same and same_version:
        advice = "設問の構造は同じです。版を変えずに公開でき、旧版の案内票もそのまま開けます。"
        return Compatibility(True, True, advice)
    if same:
        advice = (
            f"設問の構造は同じですが、版を {old.version} から {new.version} に変えたため、"
            "旧版の案内票は新版の窓口では開けません(SLIP_011)。文言だけの変更なら版を変えずに"
            "公開できます。"
        )
        return Compatibility(True, False, advice)
    suggested = next_version(old.version)
    if same_version:
        advice = (
            f"設問・選択肢・条件・手続きの並びが変わったので、新しい版が必要です(今は両方とも版"
            f'{old.version})。例: version: "{suggested}"。旧版の案内票は新版の窓口では開けません。'
        )
        return Compatibility(False, False, advice, suggested)
    advice = (
        f"設問・選択肢・条件・手続きの並びが変わりました。版 {old.version} → {new.version} "
        "で正しく、旧版の案内票は新版の窓口では開けません(有効期限が切れるまで、旧版で"
        "発行した案内票は窓口で手続きを確かめてください)。"
    )
    return Compatibility(False, False, advice, "")


def next_version(version: str, today: dt.date | None = None) -> str:
    """A version after ``version``: this month's ``YYYY.M`` when later, else one more."""
    day = today or dt.date.today()
    found = re.fullmatch(r"(\d{4})\.(\d{1,2})(?:\.(\d+))?", version)
    if found is not None:
        year, month = int(found.group(1)), int(found.group(2))
        if (day.year, day.month) > (year, month):
            return f"{day.year}.{day.month}"
        return f"{year}.{month}.{int(found.group(3) or 0) + 1}"
    trailing = re.search(r"(\d+)$", version)
    if trailing is not None:
        return version[: trailing.start()] + str(int(trailing.group(1)) + 1)
    return f"{version}.2"
