"""The interview (一問一答): one question at a time over a checked tree, with back, change of an
earlier answer, progress and the live list of procedures that apply."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.answer_limits import check_interview_date
from kakanai.core.trees.answers import parse_answer, raw_value
from kakanai.core.trees.evaluation import AppliedProcedure, TreeRuntime, Values, applied_procedures
from kakanai.core.trees.member_answers import (
    asked_members,
    fits,
    parse_member_answer,
    realigned,
)
from kakanai.core.trees.model import Question


@dataclass(frozen=True)
class Progress:
    answered: int
    remaining: int  # questions that may still be asked (unknown conditions count)

    @property
    def fraction(self) -> float:
        total = self.answered + self.remaining
        return 1.0 if total == 0 else self.answered / total


class Interview:
    """One resident's interview. Answers are validated; a bad answer changes nothing.

    Questions are asked in tree order. A question whose conditions do not hold is skipped;
    its answer, if it had one from before a change, is dropped. A per-member question is
    answered with a list, one entry per household member (``None`` for those it is not asked
    of); when the household or an earlier answer changes so that the list no longer fits, the
    question is asked again with each remaining member's answer remembered. A question whose
    ``reask_on`` answer changes is asked again too, its old answer filled in.
    """

    def __init__(self, runtime: TreeRuntime, as_of: dt.date) -> None:
        check_interview_date(as_of)  # every date an interview computes must be printable
        self.runtime = runtime
        self.as_of = as_of
        self._answers: dict[str, object] = {}
        self._kept: dict[str, object] = {}
        self._current: Question | None = None
        self._asked: list[Question] = []
        self._stale: set[str] = set()  # answers to ask again: a reask_on answer changed
        # Whether each question is asked, with the answers that decided it: a question's
        # conditions are evaluated again only when an answer they read is another object.
        self._decided: dict[str, tuple[tuple[object, ...], object]] = {}
        self._refresh()

    @property
    def version(self) -> str:
        return self.runtime.tree.meta.version

    @property
    def current(self) -> Question | None:
        """The question to ask now, or None when the interview is finished."""
        return self._current

    @property
    def finished(self) -> bool:
        return self._current is None

    @property
    def answers(self) -> dict[str, object]:
        """Answers of the questions asked so far (not those remembered beyond the current)."""
        return dict(self._kept)

    def path(self) -> list[tuple[Question, object]]:
        """Questions answered so far, in order, with their answers."""
        return [(q, self._kept[q.id]) for q in self._asked if q.id in self._kept]

    def remembered(self, question_id: str) -> object:
        """An answer given before (kept after back or a change), to prefill the question."""
        return self._answers.get(question_id)

    def asked_members(self, question: Question) -> list[bool]:
        """For a per-member question, whether it is asked of each member (household order)."""
        return asked_members(question, self._values_before(question))

    def answer(self, raw: object) -> None:
        """Answer the current question."""
        question = self._current
        if question is None:
            raise KakanaiError.of(ErrorCode.INTERVIEW_FINISHED)
        self._store(question, self._parse(question, raw, self.values()))

    def change(self, question_id: str, raw: object) -> None:
        """Change an earlier answer; later answers stay where they still apply."""
        question = self.runtime.tree.question(question_id)
        if question is None or question not in self._asked:
            raise KakanaiError.of(ErrorCode.ANSWER_NOT_ASKED, question=question_id)
        self._store(question, self._parse(question, raw, self._values_before(question)))

    def _parse(self, question: Question, raw: object, values: Values) -> object:
        if question.per_member:
            return parse_member_answer(question, raw, values, as_of=self.as_of)
        return parse_answer(question, raw, as_of=self.as_of)

    def _store(self, question: Question, value: object) -> None:
        if question.id in self._answers and self._answers[question.id] != value:
            self._stale |= {
                q.id for q in self.runtime.questions if question.id in q.reask_on
            } & set(self._answers)
        self._stale.discard(question.id)
        if question.id == self.runtime.household_id:
            before = self._answers.get(question.id)
            for member_question in self.runtime.tree.member_questions:
                if member_question.id in self._answers:
                    self._answers[member_question.id] = realigned(
                        self._answers[member_question.id], _rows(before), _rows(value)
                    )
        fresh = question is self._current and question.id not in self._answers
        self._answers[question.id] = value
        if fresh and question.id != self.runtime.household_id:
            self._refresh_from(question)
        else:
            self._refresh()

    @staticmethod
    def _asks_nobody(question: Question, values: Values) -> bool:
        return question.per_member and not any(asked_members(question, values))

    def _values_before(self, question: Question) -> Values:
        """The values a question's conditions see: the kept answers asked before it."""
        earlier = self._asked[: self._asked.index(question)] if question in self._asked else []
        kept = {q.id: self._kept[q.id] for q in earlier if q.id in self._kept}
        return self.runtime.values(kept, self.as_of)

    def back(self) -> Question | None:
        """Step back to the previous answered question. It becomes the current question again;
        its answer and the later ones stay available through ``remembered``."""
        answered = [q for q in self._asked if q.id in self._kept]
        if not answered:
            return None
        previous = answered[-1]
        self._refresh(stop_at=previous)
        return previous

    def saved_state(self) -> tuple[dict[str, object], str | None]:
        """What ``restore`` needs to rebuild this interview exactly, as JSON-ready data: every
        answer it holds (kept and remembered, blank optional ones included) and, after
        ``back``, the current question (whose answer is remembered, not kept)."""
        current = self._current
        stopped_at = current.id if current is not None and current.id in self._answers else None
        return {key: raw_value(value) for key, value in self._answers.items()}, stopped_at

    def restore(self, answers: Mapping[str, object], stopped_at: str | None = None) -> None:
        """Rebuild a saved interview from ``saved_state``; answers are validated again (a
        bad one raises AnswerError and leaves the interview as it was)."""
        parsed: dict[str, object] = {}
        for question_id in answers:
            if self.runtime.tree.question(question_id) is None:
                raise KakanaiError.of(ErrorCode.ANSWER_UNKNOWN, question=question_id)
        # Tree order, so that a per-member answer is read with the household before it.
        for question in self.runtime.questions:
            if question.id in answers:
                values = self.runtime.values(parsed, self.as_of)
                parsed[question.id] = self._parse(question, answers[question.id], values)
        stop = self.runtime.tree.question(stopped_at) if stopped_at in parsed else None
        self._answers = parsed
        self._stale = set()
        self._refresh(stop_at=stop)

    def progress(self) -> Progress:
        values = self.values()
        answered = len(self._kept)
        start = self._current.order if self._current else len(self.runtime.questions)
        remaining = sum(1 for q in self.runtime.questions[start:] if values.applies(q) is not False)
        return Progress(answered, remaining)

    def values(self) -> Values:
        return self.runtime.values(self._kept, self.as_of)

    def procedures(self) -> list[AppliedProcedure]:
        """Procedures that apply given the answers so far (the final result once finished)."""
        return applied_procedures(self.values())

    def _applies(self, question: Question, values: Values, kept: Mapping[str, object]) -> object:
        """``values.applies(question)``, where ``values`` sees ``kept``: reused while every
        answer its conditions can read is the very same object as when it was decided (the
        entry holds those objects, so none is mistaken for a newer one)."""
        inputs = tuple(kept.get(qid, _ABSENT) for qid in self.runtime.asked_inputs(question))
        found = self._decided.get(question.id)
        if found is not None and all(a is b for a, b in zip(found[0], inputs, strict=True)):
            return found[1]
        applies = values.applies(question)
        self._decided[question.id] = (inputs, applies)
        return applies

    def _refresh(self, stop_at: Question | None = None) -> None:
        """Walk the tree from the start: keep answers of questions that still apply, drop
        those that no longer do, and find the first unanswered question. Answers beyond
        it are remembered while their conditions cannot be decided yet."""
        self._walk(0, {}, [], {}, stop_at)

    def _refresh_from(self, answered: Question) -> None:
        """``_refresh`` after the current question got its first answer: the walk before it
        would come out as it did (the questions there read only answers before them, which
        did not change), so it resumes at that question with what the walk had kept there."""
        start = self.runtime.questions.index(answered)
        before = {q.id for q in self.runtime.questions[:start]}
        kept = dict(self._kept)
        asked = self._asked[: self._asked.index(answered)]
        remembered = {
            qid: value for qid, value in self._answers.items() if qid in before and qid not in kept
        }
        self._walk(start, kept, asked, remembered, None)

    def _walk(
        self,
        start: int,
        kept: dict[str, object],
        asked: list[Question],
        remembered: dict[str, object],
        stop_at: Question | None,
    ) -> None:
        self._asked = asked
        self._current = None
        values = self.runtime.values(kept, self.as_of)  # sees ``kept`` as it grows
        for question in self.runtime.questions[start:]:
            applies = self._applies(question, values, kept)
            has_answer = (
                question.id in self._answers
                and question is not stop_at
                and question.id not in self._stale
            )
            if applies is False:
                continue
            if applies is True and self._current is None and self._asks_nobody(question, values):
                kept[question.id] = [None] * len(values.members or [])  # skipped, not asked
                values.invalidate()
                continue
            if applies is True:
                self._asked.append(question)
            if has_answer and question.per_member and applies is True:
                has_answer = fits(question, self._answers[question.id], values)
            if applies is True and self._current is None:
                if has_answer:
                    kept[question.id] = self._answers[question.id]
                    values.invalidate()
                else:
                    self._current = question
                    if question.id in self._answers:  # a member answer that no longer fits
                        remembered[question.id] = self._answers[question.id]
            elif question.id in self._answers:
                remembered[question.id] = self._answers[question.id]
        if stop_at is not None and stop_at.id in self._answers:
            remembered[stop_at.id] = self._answers[stop_at.id]
        self._kept = kept
        self._answers = {**kept, **remembered}


_ABSENT = object()  # no answer kept (distinct from an answer of None)


def _rows(value: object) -> list[dict[str, object]] | None:
    return value if isinstance(value, list) else None
