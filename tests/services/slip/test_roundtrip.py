"""Round trips over random interviews of the shipped questionnaire: any household and any
answers, sealed to digits and opened again, give back the very same case, also when the
digits went through a keyboard-wedge scanner."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kakanai.adapters.slip.aes_gcm import AesGcmCipher
from kakanai.core.slip.byte_codec import KANA_ALPHABET
from kakanai.core.slip.case_payload import decode_case, encode_case
from kakanai.core.slip.envelope import SealingKey, open_digits, seal
from kakanai.core.slip.values import PREFECTURES, RELATIONSHIPS
from kakanai.core.trees.case import build_case
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.member_answers import asked_members
from kakanai.core.trees.model import Per, Question, QuestionType
from kakanai.services.trees.checking import load_runtime
from tests.conftest import QUESTIONNAIRES

RUNTIME = load_runtime(QUESTIONNAIRES / "moving.yaml")
JST = dt.timezone(dt.timedelta(hours=9))
KEY = SealingKey("7A3C", AesGcmCipher(bytes(range(32))))
KANJI = "山田佐藤鈴木高橋渡辺伊太郎花子一桜髙﨑𠮷辻葛飾区常盤中央丁目番地号室市町村"
# 異体字 with a variation selector must survive exactly as typed.
NAMES = st.one_of(
    st.text(alphabet=KANJI, min_size=1, max_size=4),
    st.sampled_from(["辻\U000e0100", "葛\U000e0101飾", "ジョン・スミス"]),
)
KANA = st.text(alphabet=KANA_ALPHABET[1:], min_size=1, max_size=8)
TEXTS = st.text(
    alphabet=KANJI + "あいうアイウ0123456789-ー・ (),.　ABCxyz", min_size=1, max_size=30
).filter(str.strip)
PHONES = st.sampled_from(["090-1234-5678", "03-1234-5678", "042-123-4567", "0120-123-456"])
SETTINGS = settings(max_examples=40, deadline=None)


@st.composite
def members(draw: st.DrawFn, as_of: dt.date) -> list[dict[str, Any]]:
    """A household a 住民票 could record: the head 15 or older when others live with them,
    parents older and children younger than the head, spouses of marriageable age."""
    size = draw(st.integers(1, 10))
    head = draw(st.integers(-1, size - 1))  # -1: nobody is 世帯主, so the first member heads
    heading = max(head, 0)
    latest_head = as_of - dt.timedelta(days=366 * 15) if size > 1 else as_of
    head_birth = draw(st.dates(dt.date(1935, 1, 1), latest_head))
    rows = []
    for number in range(size):
        relationship = "世帯主" if number == head else draw(st.sampled_from(RELATIONSHIPS[1:]))
        if number == heading:
            born = head_birth
        elif relationship in ("父", "母", "祖父", "祖母"):
            born = draw(st.dates(dt.date(1915, 1, 1), head_birth - dt.timedelta(days=1)))
        elif relationship in ("子", "孫"):
            born = draw(st.dates(head_birth + dt.timedelta(days=1), as_of))
        elif relationship in ("夫", "妻"):
            born = draw(st.dates(dt.date(1915, 1, 1), as_of - dt.timedelta(days=366 * 18)))
        else:
            born = draw(st.dates(dt.date(1915, 1, 1), as_of))
        rows.append(
            {
                "name": f"{draw(NAMES)} {draw(NAMES)}",
                "kana": f"{draw(KANA)}　{draw(KANA)}",
                "birth_date": born,
                "sex": draw(st.sampled_from(["男", "女"])),
                "relationship": relationship,
            }
        )
    return rows


@st.composite
def addresses(draw: st.DrawFn) -> dict[str, str]:
    prefecture = draw(st.one_of(st.sampled_from(PREFECTURES), st.just(""), st.just("ハワイ州")))
    postal = draw(st.one_of(st.just(""), st.from_regex(r"\A[0-9]{3}-[0-9]{4}\Z")))
    address = {"postal_code": postal, "prefecture": prefecture}
    for key in ("municipality", "town", "block", "building"):
        address[key] = (
            draw(TEXTS) if key in ("municipality", "town") else draw(st.one_of(st.just(""), TEXTS))
        )
    return address


def answers_for(draw: st.DrawFn, interview: Interview, question: Question) -> object:
    """The answer to the current question: for a per-member one (health insurance), one
    answer per member asked and blank for the others, in household order."""
    as_of = interview.as_of
    if question.per is not Per.MEMBER:
        return answer_for(draw, question, as_of)
    asked = asked_members(question, interview.values())
    return [answer_for(draw, question, as_of) if is_asked else None for is_asked in asked]


def answer_for(draw: st.DrawFn, question: Question, as_of: dt.date) -> object:
    if not question.required and draw(st.booleans()):
        return None
    kind = question.type
    if kind is QuestionType.YESNO:
        return draw(st.booleans())
    if kind is QuestionType.CHOICE:
        return draw(st.sampled_from(question.choice_values()))
    if kind is QuestionType.DATE:
        return draw(st.dates(as_of - dt.timedelta(days=400), as_of + dt.timedelta(days=60)))
    if kind is QuestionType.PHONE:
        return draw(PHONES)
    if kind is QuestionType.ADDRESS:
        return draw(addresses())
    if kind is QuestionType.HOUSEHOLD:
        return draw(members(as_of))
    assert kind is QuestionType.TEXT, kind
    return draw(TEXTS)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    as_of = draw(st.dates(dt.date(2024, 4, 1), dt.date(2031, 3, 31)))
    interview = Interview(RUNTIME, as_of)
    while (question := interview.current) is not None:
        interview.answer(answers_for(draw, interview, question))
    case_id = draw(
        st.one_of(
            st.from_regex(r"\A[0-9A-F]{6}\Z").map(lambda tag: f"{as_of:%Y%m%d}-{tag}"),
            st.from_regex(r"\A[0-9]{8}-[0-9A-F]{6}\Z"),
            TEXTS,
        )
    )
    created = dt.datetime.combine(as_of, dt.time(8, 30), JST) + dt.timedelta(
        seconds=draw(st.integers(0, 12 * 3600))
    )
    return build_case(interview, case_id=case_id, created_at=created)


def sealed(case: dict[str, Any]) -> str:
    issued = dt.datetime.fromisoformat(case["created_at"])
    return seal(encode_case(case, RUNTIME), KEY, issued_at=issued, valid_days=30)


def opened(digits: str, case: dict[str, Any]) -> dict[str, Any]:
    now = dt.datetime.fromisoformat(case["created_at"]) + dt.timedelta(days=1)
    envelope = open_digits(digits, cipher_for={KEY.key_id: KEY.cipher}.get, now=now)
    return decode_case(envelope.body, lambda _header: RUNTIME)


@SETTINGS
@given(cases())
def test_any_interview_comes_back_whole_from_the_digits(case: dict[str, Any]) -> None:
    digits = sealed(case)
    assert digits.isascii()
    assert digits.isdigit()
    assert opened(digits, case) == case


WEDGE_NOISE = st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from([" ", "\n", "\r\n", "\t", "\u3000"])),
    max_size=6,
)


def through_wedge(digits: str, noise: list[tuple[int, str]], wide: bool, twice: bool) -> str:
    typed = list(
        digits.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}) if wide else digits
    )
    for at, extra in sorted(noise, reverse=True):
        typed.insert(at % (len(typed) + 1), extra)
    return ("87" if twice else "") + "".join(typed) + "\r\n"


@SETTINGS
@given(cases(), WEDGE_NOISE, st.booleans(), st.booleans())
def test_any_interview_survives_a_keyboard_wedge_scanner(
    case: dict[str, Any], noise: list[tuple[int, str]], wide: bool, twice: bool
) -> None:
    typed = through_wedge(sealed(case), noise, wide, twice)
    assert opened(typed, case) == case
