"""The question tree a case or slip names, ready for an interview: one tree (``moving``) or a
visit of several joined in the order the counter chose them (``moving+birth``, see
core/trees/visit.py). Each file is checked once per version: a scanner may offer many
candidates a second."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.checks import StaticChecker
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.visit import SEPARATOR, join, visit_problems
from kakanai.services.shipped_data import questionnaire_file
from kakanai.services.trees.checking import read_and_check

QUESTIONNAIRE_ID = re.compile(r"[a-z][a-z0-9_]*")
MAX_PARTS = 8  # more life events than a visit has (core/trees/case_document.py agrees)

_Stamp = tuple[Path, int, int]


def questionnaire_runtime(questionnaire_id: str) -> TreeRuntime:
    """The checked tree (or joined visit) ``questionnaire_id`` names, the city's own files
    first; SLIP_010 when a tree is missing, the first problem when one does not check."""
    return visit_runtime(questionnaire_id.split(SEPARATOR))


def visit_runtime(ids: Sequence[str]) -> TreeRuntime:
    """The trees ``ids`` joined as one visit (one id: that tree alone)."""
    if not ids or len(ids) > MAX_PARTS:
        raise KakanaiError.of(
            ErrorCode.SLIP_QUESTIONNAIRE_MISSING, id=SEPARATOR.join(ids)[:200], path="-"
        )
    return _runtime(tuple(_stamp(i) for i in ids))


def _stamp(questionnaire_id: str) -> _Stamp:
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
    problems = visit_problems(trees)
    if problems:
        raise KakanaiError.from_problem(problems[0])
    checker = StaticChecker(join(trees))
    runtime = checker.run()
    if checker.problems:
        raise KakanaiError.from_problem(checker.problems[0])
    return runtime
