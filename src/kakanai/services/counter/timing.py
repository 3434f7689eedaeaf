"""How long each question of an interview was on screen, for statistics: the time from one
step of the interview to the next is charged to the question the clerk was on (summed when
they come back to it). Only question ids and seconds; never an answer."""

from __future__ import annotations

import datetime as dt


class QuestionClock:
    def __init__(self, now: dt.datetime) -> None:
        self._mark = now
        self.seconds: dict[str, float] = {}

    def charge(self, question: str | None, now: dt.datetime) -> None:
        """The time since the last step was spent on ``question`` (None: on no question,
        e.g. the summary); the next step counts from ``now``."""
        if question is not None:
            spent = max((now - self._mark).total_seconds(), 0.0)
            self.seconds[question] = self.seconds.get(question, 0.0) + spent
        self._mark = now
