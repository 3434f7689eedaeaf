"""What the preview says beside the wizard: why the question on screen is asked, and for every
procedure (for each member, if it is per member) whether it applies and why — in the words of
core/trees/explain, with the answers each part read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kakanai.core.errors import KakanaiError
from kakanai.core.trees import explain
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import Per, Question, TreeMeta


@dataclass(frozen=True)
class Why:
    """One explanation: a heading, whether it holds (True, False or None: not decided yet),
    and the reasons."""

    heading: str
    holds: bool | None
    text: str

    @property
    def verdict(self) -> str:
        return {True: "該当する", False: "該当しない", None: "まだ決まらない"}[self.holds]


def asked_because(interview: Interview, question: Question) -> str:
    """「聞く理由: …」 for the question on screen."""
    found = explain.question(interview.values(), question)
    if not found.reasons:
        return "この設問には条件がないため、必ず聞きます。"
    return f"聞く理由: {found.text()}"


def procedures(interview: Interview) -> list[Why]:
    """Every procedure of the tree, those that apply first, then the undecided, then those
    that do not; a per-member one once per member once the household is known."""
    values = interview.values()
    tree = interview.runtime.tree
    names = {d.id: d.name for d in tree.departments}
    found: list[Why] = []
    for procedure in tree.procedures:
        department = names.get(procedure.department_id, procedure.department_id)
        if procedure.per is Per.MEMBER and values.members:
            for member in values.members:
                reason = explain.procedure(values, procedure, member)
                heading = f"{procedure.name}({member.get('name', '')})"
                found.append(_why(heading, reason.holds, reason.text(), department))
        else:
            reason = explain.procedure(values, procedure)
            found.append(_why(procedure.name, reason.holds, reason.text(), department))
    order = {True: 0, None: 1, False: 2}
    return sorted(found, key=lambda why: order[why.holds])


def preview_date(meta: TreeMeta, today: dt.date) -> dt.date:
    """The preview's interview date: today, or the draft's effective date when later (a draft
    for a law that starts next month is previewed as of then)."""
    effective = meta.effective_from
    return effective if effective is not None and effective > today else today


def _why(heading: str, holds: object, text: str, department: str) -> Why:
    decided = holds if isinstance(holds, bool) else None
    verb = {True: "案内する理由", False: "案内しない理由", None: "決まらない理由"}[decided]
    return Why(f"{heading} — {department}", decided, f"{verb}: {text}")


def go_back_to(interview: Interview, question_id: str) -> None:
    """Step back to an earlier answered question, to answer it again (the path panel)."""
    if question_id not in {q.id for q, _ in interview.path()}:
        return
    current = interview.current
    while current is None or current.id != question_id:
        current = interview.back()
        if current is None:
            return


def carried_over(old: Interview | None, new: Interview) -> Interview:
    """``new`` with ``old``'s answers, where the edited draft still takes them (else as new):
    an edit shows in the preview without answering everything again."""
    if old is None:
        return new
    answers, stopped_at = old.saved_state()
    try:
        new.restore(answers, stopped_at)
    except KakanaiError:
        return Interview(new.runtime, new.as_of)
    return new
