"""The payload benchmark (`kakanai bench payload`): bytes, digits and QR versions of the sealed
slip for the reference case, 1-, 6- and 10-member households and a visit of two life events
(the reference family's 転入 + a newborn's 出生), next to the naive payload (the case JSON as
UTF-8 in a byte-mode QR). Uses a throwaway key, never the desk's keyring."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import statistics
import time
from collections.abc import Callable
from typing import Any

from kakanai.adapters.qr.sizing import qr_version
from kakanai.adapters.slip.aes_gcm import AesGcmCipher
from kakanai.benchmarks.counter_visits import EVENTS, move_in_with_birth
from kakanai.core.slip.case_payload import decode_case, encode_case
from kakanai.core.slip.dictionary import compress
from kakanai.core.slip.digits import unframe
from kakanai.core.slip.envelope import (
    FORMAT_VERSION,
    KNOWN_VERSIONS,
    SealingKey,
    open_digits,
    seal,
)
from kakanai.core.trees.case import build_case
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.member_answers import asked_members
from kakanai.core.trees.model import Question, QuestionType
from kakanai.services.case_files import load_case
from kakanai.services.shipped_data import REFERENCE_CASE
from kakanai.services.slip.sealing import questionnaire_runtime
from kakanai.services.trees.visits import visit_runtime

ISSUED = dt.datetime(2026, 11, 23, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=9)))
# (name, kana, birth date, sex, relationship): three generations, so more procedures apply.
_PEOPLE = [
    ("佐藤 健一", "サトウ　ケンイチ", "1979-07-14", "男", "世帯主"),
    ("佐藤 美穂", "サトウ　ミホ", "1981-03-02", "女", "妻"),
    ("佐藤 大輝", "サトウ　ダイキ", "2009-10-05", "男", "子"),
    ("佐藤 結衣", "サトウ　ユイ", "2015-01-22", "女", "子"),
    ("佐藤 茂", "サトウ　シゲル", "1949-11-30", "男", "父"),
    ("佐藤 和子", "サトウ　カズコ", "1952-05-18", "女", "母"),
    ("佐藤 陽翔", "サトウ　ハルト", "2021-04-09", "男", "子"),
    ("佐藤 さくら", "サトウ　サクラ", "2023-12-01", "女", "子"),
    ("髙橋 ハル", "タカハシ　ハル", "1938-02-11", "女", "祖母"),
    ("佐藤 翔太", "サトウ　ショウタ", "2006-08-27", "男", "子"),
]


def bench_payload(repeat: int) -> int:
    reference = load_case(REFERENCE_CASE)
    runtime = questionnaire_runtime(reference["questionnaire"]["id"])
    visit = visit_case(reference)
    cases = [("参照ケース", reference, runtime)]
    cases += [(f"{n}人世帯", household_case(reference, runtime, n), runtime) for n in (1, 6, 10)]
    cases.append((VISIT_NAME, visit, questionnaire_runtime(visit["questionnaire"]["id"])))
    cipher = AesGcmCipher(secrets.token_bytes(32))
    key = SealingKey("0001", cipher)
    print(
        "ケース\t世帯\t回答\t手続き\t配置B\t圧縮B\t封筒B\t数字桁\tQR版M\tQR版Q"
        "\t| JSON B\tJSON QR版M\tJSON QR版Q"
    )
    seal_times: list[float] = []
    open_times: list[float] = []
    versions: dict[str, int] = {}
    for name, case, runtime in cases:
        layout = encode_case(case, runtime)
        digits = ""
        for _ in range(max(1, repeat)):
            start = time.perf_counter()
            digits = seal(layout, key, issued_at=ISSUED, valid_days=30)
            middle = time.perf_counter()
            opened = open_digits(digits, cipher_for=lambda _id: cipher, now=ISSUED)
            decode_case(opened.body, _always(runtime))
            open_times.append(time.perf_counter() - middle)
            seal_times.append(middle - start)
        naive = json.dumps(case, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        versions[name] = qr_version(digits, "Q") or 41
        print(
            f"{name}\t{len(case['household']['members'])}人\t{len(case['answers'])}"
            f"\t{len(case['procedures'])}\t{len(layout)}\t{len(compress(layout, FORMAT_VERSION))}"
            f"\t{_envelope_bytes(digits)}\t{len(digits)}\t{_version(digits, 'M')}"
            f"\t{_version(digits, 'Q')}\t| {len(naive)}\t{_version(naive, 'M')}"
            f"\t{_version(naive, 'Q')}"
        )
    print(
        f"seal (圧縮+暗号化+数字化): median {statistics.median(seal_times) * 1000:.2f} ms; "
        f"open (検査+復号+展開+回答の再生+案件の再構成): median "
        f"{statistics.median(open_times) * 1000:.2f} ms"
    )
    for name, target in (("参照ケース", TARGET_VERSION), (VISIT_NAME, VISIT_TARGET_VERSION)):
        verdict = "達成" if versions[name] <= target else "未達"
        print(
            f"目標: {name}が誤り訂正Qで QR 版{target}以下(数字のみ・数字モード) → "
            f"版{versions[name]}: {verdict}"
        )
    return 0


TARGET_VERSION = 15  # one life event (issue 12)
VISIT_TARGET_VERSION = 18  # two life events in one visit (issue 12)
VISIT_NAME = "転入+出生(5人)"


def visit_case(reference: dict[str, Any]) -> dict[str, Any]:
    """The reference family's 転入 with a newborn's 出生 in the same visit, on the reference
    case's day (the answers the counter's clerk types, benchmarks/counter_visits)."""
    answers = move_in_with_birth()
    runtime = visit_runtime(answers[EVENTS])
    interview = Interview(runtime, dt.date.fromisoformat(reference["as_of"]))
    while (question := interview.current) is not None:
        interview.answer(answers.get(question.id))
    created = dt.datetime.fromisoformat(reference["created_at"])
    return build_case(interview, case_id=reference["case_id"], created_at=created)


def _always(runtime: TreeRuntime) -> Callable[[object], TreeRuntime]:
    """The runtime a slip names, whatever its header: the bench knows which it sealed."""
    return lambda _header: runtime


def _envelope_bytes(digits: str) -> int:
    return len(unframe(digits, KNOWN_VERSIONS).data)


def _version(data: str | bytes, level: str) -> str:
    version = qr_version(data, level)
    return "入りません(版40超)" if version is None else str(version)


def household_case(reference: dict[str, Any], runtime: TreeRuntime, size: int) -> dict[str, Any]:
    """The reference case's answers with a household of ``size`` from ``_PEOPLE``; questions
    the reference did not answer get a plain default."""
    given: dict[str, object] = {a["question"]: a["value"] for a in reference["answers"]}
    given[runtime.household_id] = [
        dict(zip(("name", "kana", "birth_date", "sex", "relationship"), person, strict=True))
        for person in _PEOPLE[:size]
    ]
    as_of = dt.date.fromisoformat(reference["as_of"])
    interview = Interview(runtime, as_of)
    while (question := interview.current) is not None:
        interview.answer(_answer(interview, question, given))
    created = dt.datetime.fromisoformat(reference["created_at"])
    return build_case(interview, case_id=reference["case_id"], created_at=created)


def _answer(interview: Interview, question: Question, given: dict[str, object]) -> object:
    """The reference's answer; for a per-member question (health insurance) one per member of
    this household, the reference's own in order and its first for the members it lacks."""
    raw = given[question.id] if question.id in given else _default(question)
    if not question.per_member:
        return raw
    known = raw if isinstance(raw, list) else []
    first = next((v for v in known if v is not None), _default(question))
    asked = asked_members(question, interview.values())
    return [
        (known[i] if i < len(known) and known[i] is not None else first) if is_asked else None
        for i, is_asked in enumerate(asked)
    ]


def _default(question: Question) -> object:
    if question.type is QuestionType.YESNO:
        return False
    if question.choices:
        return question.choices[0].value
    return None if not question.required else "なし"
