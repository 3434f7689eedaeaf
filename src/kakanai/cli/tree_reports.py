"""How `kakanai check` shows a tree's report: located problems, the summary line, and on
request the decision table (--rules), the path table (--paths) and scenario coverage
(--coverage), as text for people or JSON for tools."""

from __future__ import annotations

from kakanai.core.errors import Problem
from kakanai.core.trees.reasoning.coverage import Coverage
from kakanai.core.trees.reasoning.rules import Table
from kakanai.services.trees.checking import TreeReport


def print_report(
    report: TreeReport,
    *,
    show_paths: bool,
    show_rules: bool,
    coverage: Coverage | None,
) -> None:
    for problem in sorted(report.problems, key=lambda p: (p.path, p.line, p.col)):
        print(problem.render())
    if show_rules and report.analysis is not None:
        print_rules(report.path, report.analysis.tables())
    if show_paths and report.exploration is not None:
        print_paths(report)
    if coverage is not None:
        print_coverage(coverage)
    print(summary_line(report))


def summary_line(report: TreeReport) -> str:
    summary = report.summary()
    if report.tree is None:
        return f"{report.path}: 読み込めませんでした (問題 {len(report.problems)}件)"
    rules = summary["rules"] if summary["rules"] is not None else "-"
    paths = f"経路 {summary['paths']}、" if summary["paths"] is not None else ""
    unconfirmed = (
        f"(未確認 {summary['scenarios_unconfirmed']})" if summary["scenarios_unconfirmed"] else ""
    )
    errors, warnings = len(report.errors), len(report.warnings)
    if errors:
        status = f"問題 {errors}件" + (f"、警告 {warnings}件" if warnings else "")
    else:
        status = f"OK(警告 {warnings}件)" if warnings else "OK"
    return (
        f"{report.path}: {summary['id']} 版{summary['version']} — 設問 {summary['questions']}、"
        f"手続き {summary['procedures']}、課 {summary['departments']}、規則 {rules}、{paths}"
        f"シナリオ {summary['scenarios_passed']}/{summary['scenarios']} 成功{unconfirmed}"
        f" — {status}"
    )


def print_rules(path: str, tables: list[Table]) -> None:
    print(f"# 決定表 {path}: 手続きごとの規則(どれか1つに当てはまれば案内します)")
    for table in tables:
        procedure = table.procedure
        per = "・世帯員ごと" if procedure.per.value == "member" else ""
        print(f"{procedure.id}\t{procedure.name}({procedure.department_id}{per})")
        if not table.rules:
            print("\t(該当なし)")
        for number, rule in enumerate(table.rules, start=1):
            print(f"\t{number}. {rule.text()} → 案内")
        if table.truncated:
            print("\t(規則が多すぎるため一部だけを示しています)")


def rules_json(tables: list[Table]) -> list[dict[str, object]]:
    return [
        {
            "procedure": t.procedure.id,
            "name": t.procedure.name,
            "department": t.procedure.department_id,
            "per": t.procedure.per.value,
            "truncated": t.truncated,
            "rules": [
                {
                    "text": rule.text(),
                    "when": {e.input: list(e.values) for e in rule.entries},
                    "accepts": {e.input: list(e.accepts) for e in rule.entries if e.accepts},
                }
                for rule in t.rules
            ],
        }
        for t in tables
    ]


def print_paths(report: TreeReport) -> None:
    assert report.exploration is not None
    print("# 経路の表: 経路番号\t回答(分岐する設問のみ)\t→ 手続き\t世帯員ごとの手続き")
    seen: dict[str, set[str]] = {}
    for row in report.exploration.rows:
        for question_id, label in row.steps:
            seen.setdefault(question_id, set()).add(label)
    branching = {q for q, labels in seen.items() if len(labels) > 1}
    for number, row in enumerate(report.exploration.rows, start=1):
        answers = "、".join(f"{q}={label}" for q, label in row.steps if q in branching)
        members = "; ".join(f"{label}: {', '.join(ids)}" for label, ids in row.member_procedures)
        print(f"{number}\t{answers}\t→ {', '.join(row.procedures) or '(なし)'}\t{members}")


def print_coverage(coverage: Coverage) -> None:
    total = len(coverage.uses)
    covered = total - len(coverage.missed)
    print(f"# シナリオの網羅: 規則 {total} のうち {covered} をシナリオが通ります")
    for use in coverage.uses:
        mark = "○" if use.scenarios else "×"
        detail = f"({len(use.scenarios)}件)" if use.scenarios else "(どのシナリオも通りません)"
        print(f"{mark}\t{use.label}\t{use.rule.text()}\t{detail}")
    if coverage.missed:
        print("通らない規則のシナリオは kakanai scenarios suggest で作れます。")


def coverage_json(coverage: Coverage) -> list[dict[str, object]]:
    return [
        {
            "procedure": use.table.procedure.id,
            "rule": use.number,
            "text": use.rule.text(),
            "scenarios": use.scenarios,
        }
        for use in coverage.uses
    ]


def problem_json(problem: Problem) -> dict[str, object]:
    return {
        "path": problem.path,
        "line": problem.line,
        "col": problem.col,
        "code": problem.code.code,
        "severity": problem.code.severity,
        "message": problem.message,
    }


def report_json(
    report: TreeReport, *, show_rules: bool, coverage: Coverage | None
) -> dict[str, object]:
    result = report.summary()
    result["ok"] = report.ok
    result["problem_list"] = [problem_json(p) for p in report.problems]
    if report.exploration is not None and report.exploration.rows:
        result["decision_table"] = [
            {
                "answers": dict(row.steps),
                "procedures": row.procedures,
                "member_procedures": dict(row.member_procedures),
            }
            for row in report.exploration.rows
        ]
    if show_rules and report.analysis is not None:
        result["rule_table"] = rules_json(report.analysis.tables())
    if coverage is not None:
        result["coverage"] = coverage_json(coverage)
    return result
