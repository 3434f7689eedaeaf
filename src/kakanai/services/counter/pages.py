"""Which questions the wizard shows together. The questions of a section that follow each other
share a page (at most ``MAX_PER_PAGE``); an address, the household and a per-member question
(a row per member) always have a page of their own. A question appears on its page once it is
known to apply, given what is typed above it on the same page, so a follow-up (the dog's name)
shows as soon as its answer (はい) is chosen. The interview is still answered one question at a
time, in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from kakanai.core.errors import AnswerError, KakanaiError
from kakanai.core.trees.answers import parse_answer
from kakanai.core.trees.evaluation import TreeRuntime, Values
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.member_answers import parse_member_answer
from kakanai.core.trees.model import Question, QuestionType
from kakanai.services.counter.session import CounterSession

MAX_PER_PAGE = 5
PAGE_OF_ITS_OWN = frozenset({QuestionType.ADDRESS, QuestionType.HOUSEHOLD})


@dataclass(frozen=True)
class PageProblem:
    """The first answer on a page that could not be taken, and why."""

    question_id: str
    error: KakanaiError


def page_groups(runtime: TreeRuntime) -> dict[str, tuple[Question, ...]]:
    """Each question id → the questions of its page, in interview order."""
    groups: dict[str, tuple[Question, ...]] = {}
    for section in runtime.tree.sections:
        current: list[Question] = []
        for question in section.questions:
            alone = _own_page(question)
            if current and (alone or len(current) >= MAX_PER_PAGE or _alone(current)):
                _close(groups, current)
                current = []
            current.append(question)
        if current:
            _close(groups, current)
    return groups


def _alone(questions: list[Question]) -> bool:
    return _own_page(questions[-1])


def _own_page(question: Question) -> bool:
    return question.type in PAGE_OF_ITS_OWN or question.per_member


def parsed(question: Question, raw: object, values: Values, as_of: dt.date) -> object:
    """``raw`` as the interview would take it (AnswerError when it would not): a per-member
    answer is read against the household in ``values``."""
    if question.per_member:
        return parse_member_answer(question, raw, values, as_of=as_of)
    return parse_answer(question, raw, as_of=as_of)


def _close(groups: dict[str, tuple[Question, ...]], questions: list[Question]) -> None:
    group = tuple(questions)
    for question in group:
        groups[question.id] = group


def walk(
    interview: Interview, group: tuple[Question, ...], typed: Mapping[str, object]
) -> list[tuple[Question, Values]]:
    """The questions of ``group`` to show, each with the values it sees: the answers before
    the page and those ``typed`` above it on the page (question id → raw answer; one that
    cannot be read yet counts as unanswered)."""
    on_page = {q.id for q in group}
    answers = {k: v for k, v in interview.answers.items() if k not in on_page}
    found = []
    for question in group:
        values = interview.runtime.values(dict(answers), interview.as_of)
        if values.applies(question) is not True:
            continue
        found.append((question, values))
        try:
            answers[question.id] = parsed(question, typed.get(question.id), values, interview.as_of)
        except AnswerError:
            continue
    return found


def typed_values(
    interview: Interview, group: tuple[Question, ...], typed: Mapping[str, object]
) -> Values:
    """The answers so far with those typed on the page that can be read (the procedures
    that would apply if the page were handed in now)."""
    answers = dict(interview.answers)
    for question, values in walk(interview, group, typed):
        try:
            answers[question.id] = parsed(question, typed.get(question.id), values, interview.as_of)
        except AnswerError:
            answers.pop(question.id, None)
    return interview.runtime.values(answers, interview.as_of)


def shown(
    interview: Interview, group: tuple[Question, ...], typed: Mapping[str, object]
) -> list[Question]:
    """The questions of ``group`` to show (see ``walk``)."""
    return [question for question, _ in walk(interview, group, typed)]


def answer_page(
    session: CounterSession, questions: list[Question], typed: Mapping[str, object]
) -> PageProblem | None:
    """Answer the page's questions in order: the current one is answered, one answered
    before (the page came back) is changed when its answer was changed. Stops at the first
    answer the interview refuses and says which."""
    for question in questions:
        raw = typed.get(question.id)
        current = session.current
        try:
            if current is not None and current.id == question.id:
                session.answer(raw)
            elif question.id in session.interview.answers:
                interview = session.interview
                before = interview.answers[question.id]
                values = interview.runtime.values(dict(interview.answers), interview.as_of)
                if parsed(question, raw, values, interview.as_of) != before:
                    session.change(question.id, raw)
        except KakanaiError as exc:
            return PageProblem(question.id, exc)
    return None


def back_a_page(session: CounterSession, groups: Mapping[str, tuple[Question, ...]]) -> None:
    """Step back to the page before the one on screen (its last question becomes current;
    the page shows its earlier questions with their answers)."""
    current = session.current
    page = groups.get(current.id, ()) if current is not None else ()
    while (previous := session.back()) is not None and previous in page:
        pass
