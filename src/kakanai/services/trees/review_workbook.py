"""The review (決裁) document as an Excel workbook: a summary with the approval rows, then one
sheet each for the questions, the procedures with their minimal rules, the impact against the
version in force, the scenario results and the coverage of the rules — Japanese headings,
printed landscape and one page wide (adapters/spreadsheets)."""

from __future__ import annotations

from pathlib import Path

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.stats.sheets import Cell, Table
from kakanai.core.trees.model import Per, Question, QuestionTree
from kakanai.core.trees.reasoning.changes import SHOWN
from kakanai.core.trees.review import TYPE_NAMES
from kakanai.services.trees.review_document import ReviewInputs, document_of

APPROVALS = ("起案", "係長", "課長")


def review_tables(inputs: ReviewInputs) -> list[Table]:
    """The workbook's sheets, in order."""
    title = [document_of(inputs).title]
    return [
        _summary(inputs, title),
        _questions(inputs.tree, title),
        _procedures(inputs, title),
        _impact(inputs, title),
        _scenarios(inputs, title),
        _coverage(inputs, title),
    ]


def write_workbook(inputs: ReviewInputs, out: Path) -> None:
    """Write the workbook (EDIT_006 when it cannot be written)."""
    from kakanai.adapters.spreadsheets import write_workbook as write  # noqa: PLC0415 - openpyxl loads only here

    try:
        write(out, review_tables(inputs))
    except OSError as exc:
        detail = exc.strerror or type(exc).__name__
        raise KakanaiError.of(ErrorCode.EDIT_REVIEW_OUTPUT, path=out, detail=detail) from None


def _summary(inputs: ReviewInputs, title: list[str]) -> Table:
    rows: list[list[Cell]] = [["", line] for line in document_of(inputs).summary]
    rows += [[role, ""] for role in APPROVALS]
    notes = ["起案・係長・課長の欄に、確認した日付と氏名を記入してください。"]
    return Table("概要", ["項目", "内容"], rows, title=title, notes=notes)


def _questions(tree: QuestionTree, title: list[str]) -> Table:
    rows: list[list[Cell]] = []
    for section in tree.sections:
        shown = section.title + (f"\n(聞く条件: {section.when.source})" if section.when else "")
        for question in section.questions:
            rows.append(_question_row(shown, question))
    headings = [
        "セクション",
        "ID",
        "設問",
        "種類",
        "選択肢",
        "聞く条件",
        "聞く世帯員",
        "回答",
        "補足",
    ]
    return Table("設問", headings, rows, title=title)


def _question_row(section: str, question: Question) -> list[Cell]:
    kind = TYPE_NAMES[question.type] + ("(世帯員ごと)" if question.per is Per.MEMBER else "")
    return [
        section,
        question.id,
        question.text,
        kind,
        "\n".join(c.label for c in question.choices),
        question.when.source if question.when else "",
        question.member_when.source if question.member_when else "",
        "必須" if question.required else "任意",
        question.help,
    ]


def _procedures(inputs: ReviewInputs, title: list[str]) -> Table:
    tree = inputs.tree
    analysis = inputs.report.analysis
    tables = {t.procedure.id: t for t in analysis.tables()} if analysis else {}
    names = {d.id: d.name for d in tree.departments}
    rows: list[list[Cell]] = []
    for procedure in tree.procedures:
        table = tables.get(procedure.id)
        rules = [f"{i}. {r.text()}" for i, r in enumerate(table.rules, 1)] if table else []
        rows.append(
            [
                names.get(procedure.department_id, procedure.department_id),
                procedure.id,
                procedure.name,
                "世帯員ごと" if procedure.per is Per.MEMBER else "世帯ごと",
                "\n".join(rules) or "(どの回答でも案内されません)",
                procedure.because,
                "\n".join(procedure.bring),
                "\n".join(procedure.forms),
                procedure.deadline,
                procedure.due.source if procedure.due else "",
                procedure.fee if procedure.fee is not None else "",
            ]
        )
    headings = [
        *("課", "ID", "手続き", "単位", "案内する規則", "理由"),
        *("持ち物", "様式", "期限", "期限日の式", "手数料(円)"),
    ]
    return Table("手続き", headings, rows, title=title)


def _impact(inputs: ReviewInputs, title: list[str]) -> Table:
    diff = inputs.diff
    headings = ["区分", "手続き・項目", "内容"]
    if diff is None:
        rows: list[list[Cell]] = [["", "", "比較する現行版が指定されていません。"]]
        return Table("変更の影響", headings, rows, title=title)
    rows = [["変更点", f"{e.item} {e.id}", e.text()] for e in diff.edits]
    rows += [
        [
            SHOWN[s.direction],
            f"{s.procedure.name}({s.procedure.id})",
            _shift_text(s.example, s.rules),
        ]
        for s in diff.shifts
    ]
    rows += [["現行版のシナリオ", name, " / ".join(d)] for name, d in diff.failing.items()]
    if diff.compatibility is not None:
        rows.append(["案内票の互換性", "", diff.compatibility.advice])
    note = f"現行版: {diff.old.spec}(版 {diff.old.version}) → 新版: 版 {diff.new.version}"
    return Table(
        "変更の影響", headings, rows or [["", "", "変更はありません"]], title=[*title, note]
    )


def _shift_text(example: str, rules: list[str]) -> str:
    return example + ("\n規則: " + " / ".join(rules) if rules else "")


def _scenarios(inputs: ReviewInputs, title: list[str]) -> Table:
    report = inputs.report
    rows: list[list[Cell]] = []
    ran = set()
    for run in report.scenario_runs:
        ran.add(run.name)
        failed = report.scenario_failures.get(run.name, [])
        given = list(dict.fromkeys(a.procedure.id for a in run.interview.procedures()))
        rows.append([run.name, "失敗" if failed else "成功", "\n".join(given), "\n".join(failed)])
    for name, failed in report.scenario_failures.items():
        if name not in ran:
            rows.append([name, "失敗", "", "\n".join(failed)])
    notes = [
        f"{report.scenarios_passed}/{report.scenarios_total} 件が成功",
        f"未確認(confirmed: false)のシナリオ {report.scenarios_unconfirmed}件は実行していません",
    ]
    headings = ["シナリオ", "結果", "案内された手続き", "違い"]
    return Table("シナリオ", headings, rows, title=title, notes=notes)


def _coverage(inputs: ReviewInputs, title: list[str]) -> Table:
    coverage = inputs.coverage
    uses = coverage.uses if coverage else []
    rows: list[list[Cell]] = [
        [u.label, u.table.procedure.name, u.rule.text(), len(u.scenarios)] for u in uses
    ]
    missed = sum(1 for u in uses if not u.scenarios)
    notes = [f"シナリオが通らない規則: {missed}件(kakanai scenarios suggest で提案できます)"]
    headings = ["規則", "手続き", "条件", "通るシナリオ数"]
    return Table("規則の網羅", headings, rows, title=title, notes=notes)
