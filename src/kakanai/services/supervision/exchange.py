"""Moving published versions to and from files: ``kakanai trees export`` writes a version's
YAML and scenarios exactly as published (byte for byte, for git or another city), and
``kakanai trees import`` publishes files after every check a publish makes, all of them or
none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kakanai.adapters.input_files import read_text
from kakanai.adapters.yaml_loading import MAX_FILE_BYTES
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.supervision.publishing import (
    Candidate,
    PublishRefusedError,
    check_candidate,
    store_candidates,
    version_key,
)
from kakanai.services.trees import library
from kakanai.services.trees.checking import TESTS_SUFFIX, tests_path, tree_files
from kakanai.services.trees.visits import QUESTIONNAIRE_ID

if TYPE_CHECKING:
    from kakanai.services.workspace import Workspace


@dataclass(frozen=True)
class Exported:
    """One version written out: the tree's file and its scenarios' (when it had any)."""

    version: library.PublishedVersion
    files: list[Path]


def export_versions(
    source: library.Source,
    out: Path,
    *,
    tree_id: str | None = None,
    version: str | None = None,
) -> list[Exported]:
    """Write ``<id>.yaml`` and ``<id>.tests.yaml`` into ``out`` for ``version`` of
    ``tree_id`` (withdrawn or not), or else for the newest version not withdrawn of
    ``tree_id`` or of every tree. TREES_010 when there is nothing to write."""
    if tree_id is not None and not QUESTIONNAIRE_ID.fullmatch(tree_id):
        raise KakanaiError.of(ErrorCode.TREES_ID_INVALID, id=tree_id[:64])
    if version is not None:
        if tree_id is None:
            raise KakanaiError.of(
                ErrorCode.TREES_NOTHING_TO_EXPORT, what="(--version には IDが必要です)"
            )
        chosen = [(tree_id, version)]
    else:
        chosen = _newest(library.versions(source, tree_id))
    if not chosen:
        what = f"(設問ツリー「{tree_id}」)" if tree_id else ""
        raise KakanaiError.of(ErrorCode.TREES_NOTHING_TO_EXPORT, what=what)
    texts = [library.version_texts(source, i, v) for i, v in chosen]
    try:
        out.mkdir(parents=True, exist_ok=True)
        return [_write(out, found) for found in texts]
    except OSError as exc:
        raise KakanaiError.of(
            ErrorCode.TREES_EXPORT_FAILED, path=out, detail=type(exc).__name__
        ) from None


def read_candidates(
    files: Sequence[Path], *, effective_from: dt.date, version: str | None = None
) -> list[Candidate]:
    """Every tree file (its ``.tests.yaml`` beside it) checked as a publish checks it.
    PublishRefusedError with the problems of every file when any fails (nothing stored)."""
    trees = tree_files(list(files))
    if version is not None and len(trees) > 1:
        raise KakanaiError.of(ErrorCode.TREES_ONE_VERSION_MANY_FILES)
    candidates: list[Candidate] = []
    problems: list[Problem] = []
    names: list[str] = []
    for path in trees:
        try:
            candidate = _candidate(path, effective_from, version)
        except PublishRefusedError as exc:
            problems.extend(exc.problems)
            names.append(path.name.removesuffix(".yaml"))
            continue
        except KakanaiError as exc:
            problems.append(Problem(str(path), 1, 1, exc.code, exc.message))
            names.append(path.name.removesuffix(".yaml"))
            continue
        if any(c.tree_id == candidate.tree_id for c in candidates):
            code = ErrorCode.TREES_SAME_TREE_TWICE
            problems.append(Problem(str(path), 1, 1, code, code.format(id=candidate.tree_id)))
            names.append(candidate.tree_id)
            continue
        candidates.append(candidate)
    if problems:
        count = len([p for p in problems if not p.is_warning])
        message = ErrorCode.TREES_NOT_CHECKED.format(name="、".join(names), count=count)
        raise PublishRefusedError(ErrorCode.TREES_NOT_CHECKED, message, problems)
    return candidates


def import_files(
    workspace: Workspace,
    supervisor: Supervisor,
    files: Sequence[Path],
    *,
    effective_from: dt.date,
    version: str | None = None,
) -> list[library.PublishedVersion]:
    """Publish tree files (with their scenarios) in one unit of work: all or none."""
    candidates = read_candidates(files, effective_from=effective_from, version=version)
    return store_candidates(workspace, supervisor, candidates, how="取り込み")


def _candidate(path: Path, effective_from: dt.date, version: str | None) -> Candidate:
    text = _read(path)
    tests = tests_path(path)
    tests_text = _read(tests) if tests.exists() else None
    return check_candidate(
        text,
        tests_text,
        effective_from=effective_from,
        version=version,
        path=str(path),
        tests_path=str(tests),
    )


def _read(path: Path) -> str:
    """The file's text exactly (no newline translation: what is stored is what was given)."""
    try:
        return read_text(path, limit=MAX_FILE_BYTES)
    except (OSError, UnicodeDecodeError) as exc:
        raise KakanaiError.of(ErrorCode.FILE_UNREADABLE, detail=type(exc).__name__) from None


def _newest(found: Sequence[library.PublishedVersion]) -> list[tuple[str, str]]:
    """Per tree, the newest version not withdrawn."""
    newest: dict[str, str] = {}
    for version in found:
        if version.withdrawn:
            continue
        current = newest.get(version.tree_id)
        if current is None or version_key(version.version) > version_key(current):
            newest[version.tree_id] = version.version
    return sorted(newest.items())


def _write(out: Path, found: library.VersionTexts) -> Exported:
    tree_id = found.version.tree_id
    tree_file = out / f"{tree_id}.yaml"
    tree_file.write_bytes(found.source.encode("utf-8"))
    written = [tree_file]
    if found.tests is not None:
        tests_file = out / f"{tree_id}{TESTS_SUFFIX}"
        tests_file.write_bytes(found.tests.encode("utf-8"))
        written.append(tests_file)
    return Exported(found.version, written)
