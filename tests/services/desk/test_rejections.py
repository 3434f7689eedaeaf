"""Rejected scans explained: each rejection code has its own title, what happened in the
error's own words (dates, key ids) and what to do at the desk."""

from __future__ import annotations

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.desk.rejections import rejection_help, wrong_counter_help
from tests.desk_slips import reference_case


@pytest.mark.parametrize(
    ("code", "fields", "title", "happened", "todo"),
    [
        (ErrorCode.SLIP_CHECK_DIGIT, {}, "誤り", "検査数字", "もう一度読み取って"),
        (ErrorCode.SLIP_TRUNCATED, {"missing": 12}, "途中で切れて", "12桁", "もう一度"),
        (
            ErrorCode.SLIP_EXPIRED,
            {"expires": "令和8年12月23日 10時15分"},
            "有効期限",
            "令和8年12月23日 10時15分",
            "作り直して",
        ),
        (ErrorCode.SLIP_UNKNOWN_KEY, {"key_id": "1B89"}, "鍵", "1B89", "kakanai keys import"),
        (ErrorCode.SLIP_WRONG_KEY, {"key_id": "1B89"}, "書き換え", "1B89", "作り直して"),
        (ErrorCode.SLIP_QUESTIONNAIRE_MISSING, {"id": "moving"}, "設問ツリー", "moving", "管理者"),
        (
            ErrorCode.SLIP_QUESTIONNAIRE_VERSION,
            {"id": "moving", "slip_version": "2026.12", "local_version": "2026.11"},
            "版",
            "2026.12",
            "管理者",
        ),
        (
            ErrorCode.SLIP_SCHEME,
            {"detail": "先頭が87ではなく12です"},
            "ではありません",
            "12",
            "手続き案内票",
        ),
        (
            ErrorCode.SLIP_NO_CODE,
            {"detail": "photo.png"},
            "見つかりません",
            "photo.png",
            "撮り直す",
        ),
    ],
)
def test_each_rejection_says_what_happened_and_what_to_do(
    code: ErrorCode, fields: dict[str, object], title: str, happened: str, todo: str
) -> None:
    help_ = rejection_help(KakanaiError.of(code, **fields))
    assert title in help_.title
    assert happened in help_.happened
    assert todo in help_.todo
    assert help_.code == code.code


def test_what_happened_leaves_out_the_cli_instructions() -> None:
    help_ = rejection_help(KakanaiError.of(ErrorCode.SLIP_EXPIRED, expires="令和8年12月23日"))
    assert help_.happened == "この案内票は有効期限(令和8年12月23日)を過ぎています。"


def test_an_unexpected_code_still_gets_its_message() -> None:
    error = KakanaiError.of(ErrorCode.FORM_TEMPLATES_MISSING, ids="kodomo_iryou_shinsei")
    help_ = rejection_help(error)
    assert "kodomo_iryou_shinsei" in help_.happened
    assert help_.code == "FORM_024"


def test_the_wrong_counter_names_every_department_on_the_slip() -> None:
    help_ = wrong_counter_help(reference_case(), "税務課")
    for name in ("市民課", "保険年金課", "こども育成課", "学務課", "環境課"):
        assert name in help_.todo
    assert "20261123-3FA2C1" in help_.happened
