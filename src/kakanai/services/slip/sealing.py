"""Sealing a case into the guidance slip's digits and opening scanned digits back into the
full case (docs/slip-payload.md). The questionnaire named in the slip must be the version the
slip was made with; ``trees`` finds it: a desk passes ``Workspace.exact_runtime`` (the
versions published to the database, withdrawn ones too, then the files); without it the
files alone: ``questionnaires/<id>.yaml`` (the city's own, else the shipped one), or for a
visit of several life events the trees it names joined (``moving+birth``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.case_payload import ContentHeader, decode_case, encode_case
from kakanai.core.slip.envelope import SealingKey, as_jst, open_digits, seal
from kakanai.core.slip.keys import Keyring
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.services.case_files import check_case
from kakanai.services.keys import cipher_of, current_keyring
from kakanai.services.trees.visits import RuntimeLookup, exact_in_files, questionnaire_runtime

__all__ = [
    "OpenedSlip",
    "SealedSlip",
    "open_slip",
    "open_slip_details",
    "questionnaire_runtime",
    "seal_case",
]


@dataclass(frozen=True)
class SealedSlip:
    """What the slip prints: the QR text (digits only) and its validity."""

    digits: str
    issued_at: dt.datetime
    expires_at: dt.datetime
    key_id: str


@dataclass(frozen=True)
class OpenedSlip:
    """A slip that passed every check: the full case and what the envelope said."""

    case: dict[str, Any]
    key_id: str
    issued_at: dt.datetime
    expires_at: dt.datetime


def seal_case(
    case: dict[str, Any],
    *,
    now: dt.datetime | None = None,
    valid_days: int = 30,
    keyring: Keyring | None = None,
    trees: RuntimeLookup = exact_in_files,
) -> SealedSlip:
    """Seal ``case`` with the desk's active key (or ``keyring``'s); valid for ``valid_days``
    from ``now``; ``trees`` finds the questionnaire version the case was made with.

    KEY_001 when the desk has no keys (run `kakanai keys init`), SLIP_013 when the case is
    not what its questionnaire makes of its answers, SLIP_015 when it cannot fit a QR code.
    """
    check_case(case)
    keyring = keyring if keyring is not None else current_keyring()
    questionnaire = case["questionnaire"]
    runtime = _case_runtime(str(questionnaire.get("id")), str(questionnaire.get("version")), trees)
    meta = runtime.tree.meta
    if questionnaire.get("version") != meta.version:
        detail = f"案件は版{questionnaire.get('version')}、設問ツリーは版{meta.version}"
        raise KakanaiError.of(
            ErrorCode.SLIP_CASE_MISMATCH, id=meta.id, version=meta.version, detail=detail
        )
    body = encode_case(case, runtime)
    issued_at = as_jst(now).replace(microsecond=0)
    key = keyring.active
    cipher = cipher_of(keyring, key.key_id)
    assert cipher is not None
    digits = seal(body, SealingKey(key.key_id, cipher), issued_at=issued_at, valid_days=valid_days)
    return SealedSlip(digits, issued_at, issued_at + dt.timedelta(days=valid_days), key.key_id)


def _case_runtime(questionnaire_id: str, version: str, trees: RuntimeLookup) -> TreeRuntime:
    """The version the case was made with; a desk without it cannot vouch for the case."""
    try:
        return trees(questionnaire_id, version)
    except KakanaiError as exc:
        if exc.code is not ErrorCode.SLIP_QUESTIONNAIRE_VERSION:
            raise
        detail = f"案件は版{version}ですが、この窓口にその版の設問ツリーがありません"
        raise KakanaiError.of(
            ErrorCode.SLIP_CASE_MISMATCH, id=questionnaire_id, version=version, detail=detail
        ) from None


def open_slip(
    text: str, *, now: dt.datetime | None = None, trees: RuntimeLookup = exact_in_files
) -> dict[str, Any]:
    """The full case in a scanned or typed slip; KakanaiError with the SLIP_ code of the
    first problem otherwise (never part of a case)."""
    return open_slip_details(text, now=now, trees=trees).case


def open_slip_details(
    text: str,
    *,
    now: dt.datetime | None = None,
    keyring: Keyring | None = None,
    trees: RuntimeLookup = exact_in_files,
) -> OpenedSlip:
    """``open_slip`` with the key id and validity; pass ``keyring`` to open many slips and
    ``trees`` to find the questionnaire versions (SLIP_011 when it has not the slip's)."""
    ring = keyring if keyring is not None else current_keyring()
    opened = open_digits(text, cipher_for=lambda key_id: cipher_of(ring, key_id), now=as_jst(now))
    case = decode_case(opened.body, _runtime_for_slip(trees))
    return OpenedSlip(case, opened.key_id, opened.issued_at, opened.expires_at)


def _runtime_for_slip(trees: RuntimeLookup) -> Callable[[ContentHeader], TreeRuntime]:
    """The tree version the slip's header names, exactly (never the one in force now)."""

    def runtime(header: ContentHeader) -> TreeRuntime:
        return trees(header.questionnaire_id, header.questionnaire_version)

    return runtime
