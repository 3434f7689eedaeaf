"""The trees a desk uses, on SQLite and PostgreSQL: the published version in force on a
day, else the files as before; a slip's exact version from the database, else the file of
that version; visits join their parts' versions; each text is checked once."""

from __future__ import annotations

import datetime as dt

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.supervision.publishing import publish
from kakanai.services.trees import library
from kakanai.services.workspace import Workspace
from tests.services.supervision.trees import PETS, PETS_TESTS
from tests.supervised_workspaces import day

FILE_VERSION = "2027.2"  # questionnaires/moving.yaml


def publish_pets(
    workspace: Workspace, supervisor: Supervisor, version: str, effective: str
) -> None:
    publish(
        workspace,
        supervisor,
        PETS,
        tests_text=PETS_TESTS,
        effective_from=day(effective),
        version=version,
        path="pets.yaml",
    )


def test_without_published_versions_the_files_are_used_as_before(workspace: Workspace) -> None:
    assert (
        library.in_force(workspace, "moving", day("2027-01-01")).tree.meta.version == FILE_VERSION
    )
    assert library.exact(workspace, "moving", FILE_VERSION).tree.meta.version == FILE_VERSION
    with pytest.raises(KakanaiError) as caught:
        library.exact(workspace, "moving", "2025.4")
    assert caught.value.code is ErrorCode.SLIP_QUESTIONNAIRE_VERSION
    assert "2025.4" in caught.value.message
    assert FILE_VERSION in caught.value.message
    assert library.in_force_version(workspace, "moving", day("2027-01-01")) is None


def test_a_version_not_yet_in_force_leaves_the_day_to_the_files(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    with pytest.raises(KakanaiError) as caught:
        library.in_force(workspace, "pets", day("2026-12-31"))
    assert caught.value.code is ErrorCode.SLIP_QUESTIONNAIRE_MISSING
    assert library.in_force(workspace, "pets", day("2027-01-01")).tree.meta.version == "2027.1"


def test_a_visit_joins_a_published_part_and_a_file_part(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    joined = library.in_force(workspace, "moving+pets", day("2027-01-02"))
    both = f"{FILE_VERSION}+2027.1"  # moving's file, pets' published version
    assert (joined.tree.meta.id, joined.tree.meta.version) == ("moving+pets", both)
    assert {"pet_dog", "move_type"} <= joined.question_ids
    assert library.exact(workspace, "moving+pets", both) is joined
    for wrong in (f"{FILE_VERSION}+2027.2", "2026.12+2027.1", "2027.1"):
        with pytest.raises(KakanaiError) as caught:
            library.exact(workspace, "moving+pets", wrong)
        assert caught.value.code is ErrorCode.SLIP_QUESTIONNAIRE_VERSION, wrong


def test_a_published_text_is_checked_once_however_often_it_is_looked_up(
    workspace: Workspace, supervisor: Supervisor, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    library._checked.clear()  # the cache under test starts empty
    checked: list[str] = []
    original = library.check_text

    def counting(text: str, where: str) -> tuple[object, TreeRuntime]:
        checked.append(where)
        return original(text, where)

    monkeypatch.setattr(library, "check_text", counting)
    found = [library.exact(workspace, "pets", "2027.1") for _ in range(20)]
    found.append(library.in_force(workspace, "pets", day("2027-06-01")))
    assert checked == ["pets@2027.1.yaml"]
    assert all(runtime is found[0] for runtime in found)


def test_a_session_can_be_the_source(workspace: Workspace, supervisor: Supervisor) -> None:
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    with workspace.session() as session:
        runtime = library.in_force(session, "pets", dt.date(2027, 1, 1))
        versions = library.versions(session)
    assert runtime.tree.meta.version == "2027.1"
    assert [(v.tree_id, v.version, v.state) for v in versions] == [("pets", "2027.1", "published")]
