"""The life events a visit may combine (転入 + 出生, 婚姻 + 証明書): every question tree this desk
can run (the city's files, the shipped ones and the versions published to the database), each
with a short Japanese name, the ones the desk's settings name chosen by default."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.visit import SEPARATOR
from kakanai.services.shipped_data import QUESTIONNAIRES, city_questionnaires
from kakanai.services.trees import library
from kakanai.services.trees.visits import MAX_PARTS, QUESTIONNAIRE_ID
from kakanai.services.workspace import Workspace

# The order events are listed and joined in when several are chosen: what changes the
# household or the address first, so the later events (a certificate, a birth into the
# new household) see it. Trees not named here follow in id order.
EVENT_ORDER = ("moving", "abroad", "birth", "death", "marriage", "divorce", "certificates")
_TITLE_ENDING = re.compile(r"(に伴う|の)?(手続き)?案内$")


@dataclass(frozen=True)
class LifeEvent:
    """One tree a visit may include: its id and its name as the counter lists it."""

    id: str
    title: str


def available_events(workspace: Workspace) -> list[LifeEvent]:
    """Every tree this desk can interview with, in ``EVENT_ORDER``; a tree that does not
    load (a city's file with a mistake) is left out rather than blocking the counter."""
    today = workspace.now().date()
    found = []
    for tree_id in _tree_ids(workspace):
        try:
            runtime = workspace.runtime_for(tree_id, today)
        except KakanaiError:
            continue
        found.append(LifeEvent(tree_id, short_title(runtime.tree.meta.title)))
    return found


def default_events(workspace: Workspace, events: Sequence[LifeEvent]) -> list[str]:
    """The events checked when the list opens: the desk's questionnaire (``moving``, or a
    visit ``moving+birth``) as far as it is listed, else the first event."""
    listed = {event.id for event in events}
    chosen = [i for i in workspace.questionnaire.split(SEPARATOR) if i in listed]
    return chosen or [event.id for event in events[:1]]


def visit_id(chosen: Sequence[str]) -> str:
    """The questionnaire id of a visit of the ``chosen`` events, joined in ``EVENT_ORDER``
    (COUNTER_004 for none, or more than a visit has)."""
    if not chosen or len(chosen) > MAX_PARTS:
        raise KakanaiError.of(ErrorCode.COUNTER_NO_EVENT, most=MAX_PARTS)
    return SEPARATOR.join(sorted(dict.fromkeys(chosen), key=_order_key))


def visit_title(titles: Sequence[str]) -> str:
    """``転入・転居・転出 + 出生・死産``: the events of a visit for its heading."""
    return " + ".join(titles)


def short_title(title: str) -> str:
    """「婚姻に伴う手続き案内」→「婚姻」, 「出生・死産の手続き案内」→「出生・死産」."""
    return _TITLE_ENDING.sub("", title) or title


def _tree_ids(workspace: Workspace) -> list[str]:
    ids: set[str] = set()
    for folder in (city_questionnaires(), QUESTIONNAIRES):
        if folder.is_dir():
            ids |= {p.stem for p in folder.glob("*.yaml") if "." not in p.stem}
    ids |= {v.tree_id for v in library.versions(workspace) if not v.withdrawn}
    ids |= set(workspace.questionnaire.split(SEPARATOR))
    return sorted((i for i in ids if QUESTIONNAIRE_ID.fullmatch(i)), key=_order_key)


def _order_key(tree_id: str) -> tuple[int, str]:
    known = EVENT_ORDER.index(tree_id) if tree_id in EVENT_ORDER else len(EVENT_ORDER)
    return (known, tree_id)
