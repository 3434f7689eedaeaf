"""The department-limited summary and the scan's header as rich text for the desk screen
(Qt renders the HTML subset); every value is escaped."""

from __future__ import annotations

from html import escape

from kakanai.core.slip.envelope import format_moment
from kakanai.services.desk.session import DeskScan
from kakanai.services.desk.summary import DeskSummary


def summary_html(summary: DeskSummary) -> str:
    counted = sum(1 for p in summary.procedures if not p.notice)
    parts = [f"<h3>この課の手続き({counted}件)</h3>"]
    for procedure in summary.procedures:
        who = f"({escape(procedure.member_name)}さん)" if procedure.member_name else ""
        # A notice (kind: guidance: a refusal, a check of the input) is no procedure here.
        mark = "※ 案内(手続きではありません): " if procedure.notice else "■ "
        name = f"<b>{mark}{escape(procedure.name)}</b>{who}"
        parts.append(f"<p>{name}<br>{escape(procedure.because)}")
        if procedure.deadline:
            parts.append(f"<br>期限: {escape(procedure.deadline)}")
        parts.append("</p>")
        if procedure.bring:
            items = "".join(f"<li>{escape(item)}</li>" for item in procedure.bring)
            parts.append(f"<p style='margin:0'>お持ちいただくもの:</p><ul>{items}</ul>")
    if summary.members:
        parts.append("<h3>様式に印刷される世帯員</h3><table cellpadding='3'>")
        for member in summary.members:
            cells = "".join(
                f"<td><span style='color:#666'>{escape(label)}</span> {escape(value)}</td>"
                for label, value in member.fields
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    if summary.answers:
        parts.append("<h3>この課で使う回答</h3><table cellpadding='3'>")
        for answer in summary.answers:
            parts.append(
                f"<tr><td style='color:#444'>{escape(answer.text)}</td>"
                f"<td><b>{escape(answer.display)}</b></td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


def validity_text(scan: DeskScan) -> str:
    return f"発行 {format_moment(scan.issued_at)}\n有効期限 {format_moment(scan.expires_at)}"


def handoff_text(scan: DeskScan) -> tuple[str, bool]:
    """The banner under the header and whether it warns (already handled)."""
    handoff = scan.handoff
    if handoff is None:
        return "", False
    if handoff.already_handled:
        first = format_moment(handoff.first_scanned_at)
        text = (
            f"処理済み: この案内票は{first}に{handoff.desk}で読み取り済みです"
            f"(今回で{handoff.scans}回目)。様式を二重に発行しないよう確認してください。"
        )
        return text, True
    return f"{scan.department_name}への引継ぎとして記録しました。", False
