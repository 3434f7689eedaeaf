"""How one scenario's result reads: its status word, and what it expects beside what the draft
gives, the procedures only on one side marked, then the differences the checker found."""

from __future__ import annotations

import html

from kakanai.services.tree_editing.scenarios import Outcome


def status_of(outcome: Outcome) -> str:
    if not outcome.confirmed:
        return "未確認"
    if outcome.passed is None:
        return "未実行"
    return "成功" if outcome.passed else "失敗"


def difference_html(outcome: Outcome) -> str:
    """Expected and actual side by side; a procedure on one side only is marked."""
    expected = [e for e in outcome.expected if not e.startswith("✕")]
    rows = []
    for index in range(max(len(outcome.expected), len(outcome.actual))):
        left = outcome.expected[index] if index < len(outcome.expected) else ""
        right = outcome.actual[index] if index < len(outcome.actual) else ""
        left_only = bool(left) and not any(_same(left, a) for a in outcome.actual)
        right_only = bool(right) and not any(_same(e, right) for e in expected)
        rows.append(
            f"<tr><td>{_cell(left, left_only)}</td><td>{_cell(right, right_only)}</td></tr>"
        )
    parts = [
        f"<h3>{html.escape(status_of(outcome))}: {html.escape(outcome.name)}</h3>",
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>",
        "<tr><th>期待(シナリオ)</th><th>結果(この下書き)</th></tr>",
        *rows,
        "</table>",
    ]
    if outcome.differences:
        parts.append("<h4>違い</h4><ul>")
        parts += [f"<li style='color:#c62828'>{html.escape(d)}</li>" for d in outcome.differences]
        parts.append("</ul>")
    if not outcome.confirmed:
        parts.append(
            "<p style='color:#b26a00'>未確認のシナリオです(confirmed: false)。結果の手続きが正しい"
            "ことを確かめてから「確認済みにする」を押すと、テストとして実行されます。</p>"
        )
    return "".join(parts)


def _procedure_id(shown: str) -> str:
    return shown.removeprefix("✕ ").split("(", 1)[0].strip()


def _same(expected: str, actual: str) -> bool:
    """The same procedure; the same members too when the scenario names them."""
    if expected.startswith("✕"):
        return False
    if "(" in expected:
        return expected == actual
    return _procedure_id(expected) == _procedure_id(actual)


def _cell(text: str, only_here: bool) -> str:
    if not text:
        return ""
    escaped = html.escape(text)
    if only_here and not text.startswith("✕"):  # an exclusion is met when absent
        return f"<b style='color:#c62828'>{escaped} ←</b>"
    return escaped
