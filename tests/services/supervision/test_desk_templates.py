"""On a desk, the 様式 tab checks the templates against the tree versions the desk uses: a
version published to the database and in force today in place of the file of the same id
(issue 12). Renaming a question a template reads, in a published version, is reported; the
files' question of the same name no longer counts. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kakanai.services import shipped_data
from kakanai.services.forms.checking import check_template
from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.supervision.publishing import publish
from kakanai.services.template_editing.shelf import TemplateShelf
from kakanai.services.workspace import Workspace
from tests.conftest import QUESTIONNAIRES

MOVING = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
MOVING_TESTS = (QUESTIONNAIRES / "moving.tests.yaml").read_text(encoding="utf-8")
FORM = shipped_data.FORM_TEMPLATES / "juumin_idou_todoke.yaml"  # 旧世帯主: answers.previous_head
TODAY = dt.date(2026, 12, 7)


def problems_at(workspace: Workspace, path: Path) -> list[tuple[str, str]]:
    """(code, the reported line) of the desk's check of the template at ``path``."""
    context = TemplateShelf.desk(workspace, lambda: TODAY).context()
    assert context is not None
    report = check_template(path, context.scope, context.departments, [])
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(p.code.code, lines[p.line - 1].strip()) for p in report.problems]


def publish_moving(workspace: Workspace, supervisor: Supervisor, text: str, on: dt.date) -> None:
    publish(
        workspace,
        supervisor,
        text,
        tests_text=MOVING_TESTS,
        effective_from=on,
        version="2027.9",
        path="moving.yaml",
    )


def test_a_question_renamed_in_the_published_version_in_force_is_reported(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    assert MOVING.count("previous_head") == 1
    assert "previous_head" not in MOVING_TESTS
    assert problems_at(workspace, FORM) == []  # the files: moving asks previous_head
    renamed = MOVING.replace("previous_head", "former_head")
    publish_moving(workspace, supervisor, renamed, TODAY)
    found = problems_at(workspace, FORM)
    assert [code for code, _ in found] == ["FORM_003"]
    assert "answers.previous_head" in found[0][1]


def test_a_version_published_for_a_later_day_is_not_checked_against_yet(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    renamed = MOVING.replace("previous_head", "former_head")
    publish_moving(workspace, supervisor, renamed, TODAY + dt.timedelta(days=1))
    assert problems_at(workspace, FORM) == []
