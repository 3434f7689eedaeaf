"""What the desk tells its clerk when a slip cannot be used: a title, what happened (the
error's own words, with its dates and key ids) and what to do at this desk, in Japanese."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kakanai.core.errors import ErrorCode, KakanaiError


@dataclass(frozen=True)
class RejectionHelp:
    title: str
    happened: str
    todo: str
    code: str  # the stable error code, shown small


_RESCAN = "案内票の二次元コードをもう一度読み取ってください。"
_REISSUE = (
    "住民の方に案内票を発行した最初の窓口へ戻っていただき、案内票を作り直してもらってください。"
)
_ADMIN = "システム管理者に連絡してください。その間は、住民の方から手続きの内容をお聞きください。"

# code → (title, how many leading sentences of the message say what happened, what to do)
_HELP: dict[ErrorCode, tuple[str, int, str]] = {
    ErrorCode.SLIP_NO_CODE: (
        "二次元コードが見つかりません",
        1,
        "案内票の二次元コード全体がはっきり写るように、撮り直すか読み取り直してください。",
    ),
    ErrorCode.SCAN_BAD_IMAGE: (
        "画像を読み込めません",
        1,
        "PNG・JPEGなどの画像ファイルを選び直してください。",
    ),
    ErrorCode.SLIP_SCHEME: (
        "手続き案内票ではありません",
        1,
        "住民の方がお持ちの「手続き案内票」の二次元コードを読み取ってください。",
    ),
    ErrorCode.SLIP_VERSION: (
        "この窓口のkakanaiでは読めない形式です",
        1,
        "kakanaiを最新の版に更新するよう、システム管理者に依頼してください。",
    ),
    ErrorCode.SLIP_TRUNCATED: ("読み取りが途中で切れています", 1, _RESCAN),
    ErrorCode.SLIP_PADDED: (
        "余分な数字が続いています",
        1,
        "読み取り欄を空にしてから、案内票の二次元コードを1回だけ読み取ってください。",
    ),
    ErrorCode.SLIP_CHECK_DIGIT: (
        "読み取った数字に誤りがあります",
        2,
        _RESCAN + "何度読んでも同じときは、案内票が汚れているか書き換えられています。" + _REISSUE,
    ),
    ErrorCode.SLIP_UNKNOWN_KEY: (
        "この窓口の鍵で開けない案内票です",
        1,
        (
            "他の市区町村の案内票か、この窓口にまだ取り込んでいない鍵の案内票です。"
            "この市の案内票なら、システム管理者から鍵の書き出しファイルを受け取り、"
            "kakanai keys import で取り込んでから読み取り直してください。"
        ),
    ),
    ErrorCode.SLIP_WRONG_KEY: (
        "案内票を開けません(書き換えの疑い)",
        2,
        _REISSUE,
    ),
    ErrorCode.SLIP_EXPIRED: ("有効期限が切れた案内票です", 1, _REISSUE),
    ErrorCode.SLIP_QUESTIONNAIRE_MISSING: ("設問ツリーがこの窓口にありません", 1, _ADMIN),
    ErrorCode.SLIP_QUESTIONNAIRE_VERSION: ("設問ツリーの版が違います", 1, _ADMIN),
    ErrorCode.SLIP_CONTENT: ("案内票と設問ツリーが合いません", 2, _ADMIN),
}


def rejection_help(exc: KakanaiError) -> RejectionHelp:
    """Title, what happened and what to do for a rejected scan (any KakanaiError)."""
    known = _HELP.get(exc.code)
    if known is None:
        return RejectionHelp("この案内票は使えません", exc.message, _ADMIN, exc.code.code)
    title, count, todo = known
    return RejectionHelp(title, _leading_sentences(exc.message, count), todo, exc.code.code)


def wrong_counter_help(case: Mapping[str, Any], department_name: str) -> RejectionHelp:
    """A slip with nothing for this department: name the departments it lists."""
    listed = [_where(d) for d in case.get("departments") or []]
    return RejectionHelp(
        f"{department_name}の手続きはありません",
        f"この案内票(受付番号 {case.get('case_id', '')})には、{department_name}の手続きが"
        "書かれていません。",
        "住民の方を、案内票に書かれた課へご案内ください。\n" + "\n".join(f"・{d}" for d in listed)
        if listed
        else "この案内票には手続きがありません。住民の方を最初の窓口にご案内ください。",
        "",
    )


def _where(department: Mapping[str, Any]) -> str:
    place = " ".join(str(department.get(k) or "") for k in ("floor", "counter")).strip()
    name = str(department.get("name") or department.get("id") or "")
    return f"{name}({place})" if place else name


def _leading_sentences(message: str, count: int) -> str:
    sentences = [part + "。" for part in message.split("。") if part]
    return "".join(sentences[:count]) if sentences else message
