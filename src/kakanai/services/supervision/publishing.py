"""Publishing a version of a question tree (公開) and withdrawing one (取り下げ).

A text is published only when it passes every check of ``kakanai check`` and its scenarios
(at least one, confirmed), with a version newer than every version of that tree the database
has (withdrawn ones too: slips carry them) and an effective date (施行日) no earlier than the
version in force. The version and the effective date are written into the text's
``questionnaire:`` block, touching nothing else, and the text is stored exactly so: what
``kakanai trees export`` writes back, byte for byte. Both actions are audited."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kakanai.adapters import yaml_editing
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import Loc
from kakanai.core.slip.case_payload import tree_fingerprint
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import TreeMeta
from kakanai.services.supervision.accounts import Supervisor, require_supervisor
from kakanai.services.trees import library, visits
from kakanai.services.trees.checking import TESTS_SUFFIX, TreeReport, check_texts
from kakanai.services.trees.diffing import next_version
from kakanai.store import tree_versions
from kakanai.store.audit import Who, audit
from kakanai.store.tables import TreeVersionRow

if TYPE_CHECKING:
    from kakanai.services.workspace import Workspace

MAX_VERSION = 12  # a visit joins several versions into the case's 32 characters
VERSION = re.compile(rf"[0-9A-Za-z][0-9A-Za-z._-]{{0,{MAX_VERSION - 1}}}")
EARLIEST_EFFECTIVE = dt.date(2000, 1, 1)
LATEST_EFFECTIVE = dt.date(2099, 12, 31)
DEFAULT_PATH = "questionnaire.yaml"


class PublishRefusedError(KakanaiError):
    """A text that may not be published, with every problem found (located in the text as
    the caller named it); nothing was stored."""

    def __init__(self, code: ErrorCode, message: str, problems: Sequence[Problem]) -> None:
        super().__init__(code, message)
        self.problems = list(problems)


@dataclass(frozen=True)
class Candidate:
    """A text that passed every check, with its version and effective date written in."""

    tree_id: str
    version: str
    effective_from: dt.date
    source: str
    tests: str
    runtime: TreeRuntime
    report: TreeReport  # the checks as they ran (warnings, scenario counts)


def check_candidate(  # noqa: PLR0913 - the text, its scenarios, version, date and names
    text: str,
    tests_text: str | None,
    *,
    effective_from: dt.date,
    version: str | None = None,
    path: str = DEFAULT_PATH,
    tests_path: str | None = None,
) -> Candidate:
    """Every check a publish makes of the text alone (not yet of the versions stored):
    PublishRefusedError with every problem, located in ``path`` and ``tests_path``."""
    check_effective(effective_from)
    tests_label = tests_path or path.removesuffix(".yaml") + TESTS_SUFFIX
    report = check_texts(text, tests_text, path=path, tests=tests_label, as_of=effective_from)
    tree = report.tree
    name = tree.meta.id if tree is not None and tree.meta.id else path
    if report.errors:
        message = ErrorCode.TREES_NOT_CHECKED.format(name=name, count=len(report.errors))
        raise PublishRefusedError(ErrorCode.TREES_NOT_CHECKED, message, report.errors)
    assert tree is not None
    if tests_text is None or report.scenarios_total == 0:
        code = ErrorCode.TREES_NO_SCENARIOS
        problem = Problem.at(Loc(tests_label, 1, 1), code, name=name, tests=tests_label)
        raise PublishRefusedError(code, problem.message, [problem])
    chosen = version or tree.meta.version
    check_version(chosen)
    source = stamped(text, tree.meta, version=chosen, effective_from=effective_from)
    runtime = _read_back(source, path, chosen, effective_from)
    return Candidate(tree.meta.id, chosen, effective_from, source, tests_text, runtime, report)


def publish(  # noqa: PLR0913 - the text, its scenarios, its version and date, who and where
    workspace: Workspace,
    supervisor: Supervisor,
    text: str,
    *,
    tests_text: str | None,
    effective_from: dt.date,
    version: str | None = None,
    path: str = DEFAULT_PATH,
    tests_path: str | None = None,
) -> library.PublishedVersion:
    """Check ``text`` and its scenarios and store it as ``version`` (default: the text's
    own) in force from ``effective_from``. PublishRefusedError with every problem when it does
    not pass; TREES_003/004/006 when the version or date does not follow the ones stored;
    SUPERVISE_ when ``supervisor`` may no longer publish."""
    candidate = check_candidate(
        text,
        tests_text,
        effective_from=effective_from,
        version=version,
        path=path,
        tests_path=tests_path,
    )
    return store_candidates(workspace, supervisor, [candidate], how="公開")[0]


def store_candidates(
    workspace: Workspace, supervisor: Supervisor, candidates: Sequence[Candidate], *, how: str
) -> list[library.PublishedVersion]:
    """Store checked candidates in one unit of work (all or none), audited as ``how``
    (公開, 取り込み)."""
    now = workspace.now()
    try:
        with workspace.session() as session:
            require_supervisor(session, supervisor)
            stored = []
            for candidate in candidates:
                row = _store(session, candidate, by=supervisor.name, now=now)
                detail = (
                    f"{row.tree_id} 版{row.version} 施行日{row.effective_from.isoformat()}"
                    f" {how} sha256={row.sha256[:16]}"
                )
                audit(
                    session,
                    "tree_published",
                    who=_as(workspace, supervisor),
                    now=now,
                    detail=detail,
                )
                stored.append(library.PublishedVersion.of(row))
            return stored
    except IntegrityError:  # another supervisor stored the same version a moment ago
        first = candidates[0]
        raise KakanaiError.of(
            ErrorCode.TREES_VERSION_EXISTS,
            id=first.tree_id,
            version=first.version,
            suggested=next_version(first.version, workspace.now().date()),
        ) from None


def withdraw(
    workspace: Workspace, supervisor: Supervisor, tree_id: str, version: str
) -> library.PublishedVersion:
    """Withdraw (roll back) a published version: from now on it is never in force, and the
    version before it is again (or the files, when there is none). Slips and cases made with
    it still open. TREES_008 for an unknown version, TREES_009 for one already withdrawn."""
    now = workspace.now()
    with workspace.session() as session:
        require_supervisor(session, supervisor)
        row = tree_versions.exact(session, tree_id, version)
        if row is None:
            raise KakanaiError.of(ErrorCode.TREES_VERSION_UNKNOWN, id=tree_id, version=version)
        if row.state == tree_versions.WITHDRAWN:
            at = f"{row.withdrawn_at:%Y-%m-%d %H:%M}" if row.withdrawn_at else "?"
            raise KakanaiError.of(
                ErrorCode.TREES_ALREADY_WITHDRAWN,
                id=tree_id,
                version=version,
                at=at,
                by=row.withdrawn_by or "?",
            )
        tree_versions.withdraw(session, row, by=supervisor.name, now=now)
        now_in_force = tree_versions.in_force(session, tree_id, now.date())
        then = f"版{now_in_force.version}" if now_in_force is not None else "ファイルの版"
        detail = f"{tree_id} 版{version} 取り下げ 本日の施行: {then}"
        audit(session, "tree_withdrawn", who=_as(workspace, supervisor), now=now, detail=detail)
        return library.PublishedVersion.of(row)


def check_effective(effective_from: dt.date) -> None:
    """TREES_007 unless ``effective_from`` is a day (not a time) kakanai can use."""
    if (
        isinstance(effective_from, dt.datetime)
        or not isinstance(effective_from, dt.date)
        or not EARLIEST_EFFECTIVE <= effective_from <= LATEST_EFFECTIVE
    ):
        raise KakanaiError.of(
            ErrorCode.TREES_EFFECTIVE_RANGE,
            effective=str(effective_from)[:40],
            earliest=EARLIEST_EFFECTIVE.isoformat(),
            latest=LATEST_EFFECTIVE.isoformat(),
        )


def check_version(version: str) -> None:
    """TREES_005 for a version a case, a slip or a visit cannot carry."""
    if not VERSION.fullmatch(version):
        raise KakanaiError.of(
            ErrorCode.TREES_VERSION_INVALID, version=version[:40], maximum=MAX_VERSION
        )


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Versions in order: numbers as numbers (2026.12 < 2027.1 < 2027.1.1 < 2027.10)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.findall(r"\d+|[^\d._-]+", version)
    )


def stamped(text: str, meta: TreeMeta, *, version: str, effective_from: dt.date) -> str:
    """``text`` (whose ``questionnaire:`` block says ``meta``) with its version and
    effective date set, every other character as it was; unchanged when they already
    say so."""
    where = ["questionnaire"]
    if meta.version != version:
        text = yaml_editing.set_key(text, where, "version", version)
    if meta.effective_from != effective_from:
        # A plain placeholder keeps the date unquoted: YAML reads a plain 2027-04-01 as a
        # date, and a quoted one as text the reader refuses.
        placeholder = "kakanai_effective_" + secrets.token_hex(8)
        text = yaml_editing.set_key(text, where, "effective_from", placeholder)
        text = text.replace(placeholder, effective_from.isoformat(), 1)
    return text


def _read_back(source: str, path: str, version: str, effective_from: dt.date) -> TreeRuntime:
    """The stamped text, read again: it must say what was asked and still check."""
    tree, runtime = library.check_text(source, path)
    meta = tree.meta
    assert meta.version == version, (meta.version, version)
    assert meta.effective_from == effective_from, (meta.effective_from, effective_from)
    return runtime


def _store(session: Session, candidate: Candidate, *, by: str, now: dt.datetime) -> TreeVersionRow:
    tree_id, version = candidate.tree_id, candidate.version
    stored = tree_versions.versions(session, tree_id)
    suggested = next_version(max([version, *(r.version for r in stored)], key=version_key))
    if any(row.version == version for row in stored):
        raise KakanaiError.of(
            ErrorCode.TREES_VERSION_EXISTS, id=tree_id, version=version, suggested=suggested
        )
    newest = max((row.version for row in stored), key=version_key, default=None)
    if newest is not None and version_key(version) <= version_key(newest):
        raise KakanaiError.of(
            ErrorCode.TREES_VERSION_LOWER, version=version, newest=newest, suggested=suggested
        )
    _check_effective_order(stored, candidate.effective_from)
    _check_same_as_files(candidate, suggested)
    row = TreeVersionRow(
        tree_id=tree_id,
        version=version,
        effective_from=candidate.effective_from,
        state=tree_versions.PUBLISHED,
        source=candidate.source,
        tests=candidate.tests,
        sha256=library.fingerprint(candidate.source),
        published_by=by,
        published_at=now,
    )
    return tree_versions.add_version(session, row)


def _check_effective_order(stored: Sequence[TreeVersionRow], effective_from: dt.date) -> None:
    """A version whose date is before a published one's would never be in force."""
    published = [r for r in stored if r.state == tree_versions.PUBLISHED]
    latest = max(published, key=lambda r: (r.effective_from, r.id), default=None)
    if latest is not None and effective_from < latest.effective_from:
        raise KakanaiError.of(
            ErrorCode.TREES_EFFECTIVE_EARLIER,
            effective=effective_from.isoformat(),
            version=latest.version,
            current=latest.effective_from.isoformat(),
        )


def _check_same_as_files(candidate: Candidate, suggested: str) -> None:
    """The files' own version may be published again only with the same questions: slips
    made from the file are then opened with the published text."""
    try:
        files = visits.questionnaire_runtime(candidate.tree_id)
    except KakanaiError:
        return  # no such file (or it does not check): nothing was made with it here
    if files.tree.meta.version != candidate.version:
        return
    if tree_fingerprint(files) != tree_fingerprint(candidate.runtime):
        raise KakanaiError.of(
            ErrorCode.TREES_VERSION_EXISTS,
            id=candidate.tree_id,
            version=candidate.version,
            suggested=suggested,
        )


def _as(workspace: Workspace, supervisor: Supervisor) -> Who:
    return Who(desk=workspace.who.desk, actor=supervisor.name)
