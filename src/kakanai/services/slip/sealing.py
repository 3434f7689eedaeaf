"""Sealing a case into the guidance slip's digits and opening scanned digits back into the
full case (docs/slip-payload.md). The questionnaire named in the slip comes from
``questionnaires/<id>.yaml`` (the city's own, else the shipped one), or for a visit of several
life events the trees it names joined (``moving+birth``), and must be the version the slip
was made with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.case_payload import ContentHeader, decode_case, encode_case
from kakanai.core.slip.envelope import SealingKey, as_jst, open_digits, seal
from kakanai.core.slip.keys import Keyring
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.services.case_files import check_case
from kakanai.services.keys import cipher_of, current_keyring
from kakanai.services.trees.visits import questionnaire_runtime

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
) -> SealedSlip:
    """Seal ``case`` with the desk's active key (or ``keyring``'s); valid for ``valid_days``
    from ``now``.

    KEY_001 when the desk has no keys (run `kakanai keys init`), SLIP_013 when the case is
    not what its questionnaire makes of its answers, SLIP_015 when it cannot fit a QR code.
    """
    check_case(case)
    keyring = keyring if keyring is not None else current_keyring()
    questionnaire = case["questionnaire"]
    runtime = questionnaire_runtime(str(questionnaire.get("id")))
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


def open_slip(text: str, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """The full case in a scanned or typed slip; KakanaiError with the SLIP_ code of the
    first problem otherwise (never part of a case)."""
    return open_slip_details(text, now=now).case


def open_slip_details(
    text: str, *, now: dt.datetime | None = None, keyring: Keyring | None = None
) -> OpenedSlip:
    """``open_slip`` with the key id and validity; pass ``keyring`` to open many slips."""
    ring = keyring if keyring is not None else current_keyring()
    opened = open_digits(text, cipher_for=lambda key_id: cipher_of(ring, key_id), now=as_jst(now))
    case = decode_case(opened.body, _runtime_for_slip)
    return OpenedSlip(case, opened.key_id, opened.issued_at, opened.expires_at)


def _runtime_for_slip(header: ContentHeader) -> TreeRuntime:
    runtime = questionnaire_runtime(header.questionnaire_id)
    local = runtime.tree.meta.version
    if header.questionnaire_version != local:
        raise KakanaiError.of(
            ErrorCode.SLIP_QUESTIONNAIRE_VERSION,
            id=header.questionnaire_id,
            slip_version=header.questionnaire_version,
            local_version=local,
        )
    return runtime
