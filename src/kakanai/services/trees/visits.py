"""The question tree a case or slip names, ready for an interview: one tree (``moving``) or a
visit of several joined in the order the counter chose them (``moving+birth``, see
core/trees/visit.py). Each file is checked once per version: a scanner may offer many
candidates a second."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import QuestionTree
from kakanai.core.trees.visit import MAX_TREES, SEPARATOR, join, visit_problems
from kakanai.services.shipped_data import questionnaire_file
from kakanai.services.trees.checking import read_and_check

QUESTIONNAIRE_ID = re.compile(r"[a-z][a-z0-9_]*")
MAX_PARTS = MAX_TREES  # core/trees/case_document.py agrees

_Stamp = tuple[Path, int, int]
RuntimeLookup = Callable[[str, str], TreeRuntime]
"""The checked tree (or joined visit) of an id and an exact version: how a slip or a case
finds the questionnaire it was made with (``exact_in_files``, or the database's
``services/trees/library.exact``)."""


def questionnaire_runtime(questionnaire_id: str) -> TreeRuntime:
    """The checked tree (or joined visit) ``questionnaire_id`` names, the city's own files
    first; SLIP_010 when a tree is missing, the first problem when one does not check."""
    return visit_runtime(questionnaire_id.split(SEPARATOR))


def exact_in_files(questionnaire_id: str, version: str) -> TreeRuntime:
    """The files' tree (or visit) when it is ``version``; SLIP_011 when the files hold
    another version, SLIP_010 when a tree is missing."""
    runtime = questionnaire_runtime(questionnaire_id)
    local = runtime.tree.meta.version
    if version != local:
        raise KakanaiError.of(
            ErrorCode.SLIP_QUESTIONNAIRE_VERSION,
            id=questionnaire_id[:200],
            slip_version=version[:64],
            local_version=local,
        )
    return runtime


def visit_runtime(ids: Sequence[str]) -> TreeRuntime:
    """The trees ``ids`` joined as one visit (one id: that tree alone)."""
    check_parts(ids)
    return _runtime(tuple(file_stamp(i) for i in ids))


def check_parts(ids: Sequence[str]) -> None:
    """SLIP_010 for a visit of no tree or of more trees than a visit has."""
    if not ids or len(ids) > MAX_PARTS:
        raise KakanaiError.of(
            ErrorCode.SLIP_QUESTIONNAIRE_MISSING, id=SEPARATOR.join(ids)[:200], path="-"
        )


def joined_runtime(trees: Sequence[QuestionTree]) -> TreeRuntime:
    """Checked trees joined as one visit and checked as one; the first problem otherwise."""
    problems = visit_problems(trees)
    if problems:
        raise KakanaiError.from_problem(problems[0])
    checker = StaticChecker(join(trees))
    runtime = checker.run()
    if checker.problems:
        raise KakanaiError.from_problem(checker.problems[0])
    return runtime


def file_stamp(questionnaire_id: str) -> _Stamp:
    """The tree file of ``questionnaire_id`` as it is now (its path, time and size: the
    cache key of its checked tree); SLIP_010 when there is none."""
    path = questionnaire_file(questionnaire_id)
    if not QUESTIONNAIRE_ID.fullmatch(questionnaire_id) or not path.is_file():
        raise KakanaiError.of(
            ErrorCode.SLIP_QUESTIONNAIRE_MISSING, id=questionnaire_id[:200], path=path
        )
    stat = path.stat()
    return (path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _runtime(stamps: tuple[_Stamp, ...]) -> TreeRuntime:
    trees = []
    for path, _mtime, _size in stamps:
        tree, runtime, problems = read_and_check(path)
        if runtime is None or tree is None:
            raise KakanaiError.from_problem(problems[0])
        if len(stamps) == 1:
            return runtime
        trees.append(tree)
    return joined_runtime(trees)
