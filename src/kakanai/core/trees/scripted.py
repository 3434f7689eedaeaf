"""Drives an interview from a prepared set of answers (an answers file or a test scenario),
pointing every bad, missing or superfluous answer at its line in the file."""

from __future__ import annotations

import datetime as dt

from kakanai.core.errors import AnswerError, ErrorCode, KakanaiError, Problem, did_you_mean
from kakanai.core.located import LList, LMap, LNode, Loc, plain
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.member_answers import MemberAnswerError


def run_answers(runtime: TreeRuntime, answers: LMap, as_of: dt.date) -> Interview:
    """Answer questions in interview order from ``answers``; raise KakanaiError located at
    the offending answer (or at the mapping when an answer is missing)."""
    interview = Interview(runtime, as_of)
    used: set[str] = set()
    while interview.current is not None:
        question = interview.current
        node = answers.get(question.id)
        if node is None and question.required:
            raise _located(ErrorCode.ANSWER_MISSING, answers.loc, question=question.id)
        try:
            interview.answer(plain(node))
        except AnswerError as exc:
            loc = _answer_loc(node, exc) if node is not None else answers.loc
            raise KakanaiError.from_problem(Problem.said(loc, exc.code, exc.message)) from None
        used.add(question.id)
    for key in answers.items:
        if key in used:
            continue
        loc = answers.key_loc(key)
        if runtime.tree.question(key) is None:
            raise _located(
                ErrorCode.ANSWER_UNKNOWN,
                loc,
                question=key,
                suggestion=did_you_mean(key, runtime.question_ids),
            )
        raise _located(ErrorCode.ANSWER_NOT_ASKED, loc, question=key)
    return interview


def _located(code: ErrorCode, loc: Loc, **fields: object) -> KakanaiError:
    return KakanaiError.from_problem(Problem.at(loc, code, **fields))


def _answer_loc(node: LNode, error: AnswerError) -> Loc:
    """Where a bad answer is: one member's entry of a per-member answer, else the answer."""
    if not (isinstance(error, MemberAnswerError) and isinstance(node, LList)):
        return node.loc
    return node.items[error.index].loc if error.index < len(node.items) else node.loc
