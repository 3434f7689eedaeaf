"""Export and import of published versions: the files hold the text exactly as published, an
import checks every file as a publish does and stores all of them or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.supervision.accounts import Supervisor
from kakanai.services.supervision.exchange import export_versions, import_files
from kakanai.services.supervision.publishing import PublishRefusedError, publish, withdraw
from kakanai.services.trees import library
from kakanai.services.workspace import Workspace
from tests.services.supervision.trees import PETS, PETS_TESTS, line_of, replaced
from tests.supervised_workspaces import day

BIRDS = replaced(PETS.replace("pets", "birds"), "title: ペットの手続き", "title: 鳥の手続き")
BIRDS_TESTS = PETS_TESTS.replace("pets", "birds")


def write(folder: Path, name: str, text: str, tests: str | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_bytes(text.encode("utf-8"))
    if tests is not None:
        (folder / f"{name}.tests.yaml").write_bytes(tests.encode("utf-8"))
    return path


def test_export_then_import_keeps_the_text_byte_for_byte(
    workspace: Workspace, supervisor: Supervisor, tmp_path: Path
) -> None:
    """Comments, CRLF line ends and the stamped version survive the round trip; a second
    export of the imported version writes the same bytes."""
    text = PETS.replace("\n", "\r\n")
    publish(
        workspace,
        supervisor,
        text,
        tests_text=PETS_TESTS,
        effective_from=day("2027-03-01"),
        version="2027.3",
        path="pets.yaml",
    )
    first = export_versions(workspace, tmp_path / "first")
    assert [(e.version.version, [p.name for p in e.files]) for e in first] == [
        ("2027.3", ["pets.yaml", "pets.tests.yaml"])
    ]
    exported = (tmp_path / "first" / "pets.yaml").read_bytes()
    assert exported == library.version_texts(workspace, "pets", "2027.3").source.encode("utf-8")
    assert "# このコメントも、公開したとおりに残ります。\r\n".encode() in exported
    assert exported.count(b"\r\n") == PETS.count("\n")
    withdraw(workspace, supervisor, "pets", "2027.3")  # the row is taken back ...
    with pytest.raises(KakanaiError):
        export_versions(workspace, tmp_path / "none")  # ... so nothing is newest
    imported = import_files(
        workspace,
        supervisor,
        [tmp_path / "first" / "pets.yaml"],
        effective_from=day("2027-03-01"),
        version="2027.4",
    )
    assert [v.version for v in imported] == ["2027.4"]
    export_versions(workspace, tmp_path / "second", tree_id="pets", version="2027.3")
    assert (tmp_path / "second" / "pets.yaml").read_bytes() == exported
    assert (tmp_path / "second" / "pets.tests.yaml").read_bytes() == PETS_TESTS.encode("utf-8")


def test_an_import_with_the_files_own_version_and_date_stores_the_file_unchanged(
    workspace: Workspace, supervisor: Supervisor, tmp_path: Path
) -> None:
    path = write(tmp_path, "pets", PETS, PETS_TESTS)
    import_files(workspace, supervisor, [path], effective_from=day("2027-01-01"))
    assert library.version_texts(workspace, "pets", "2027.1").source == PETS


def test_a_broken_tree_among_several_is_refused_with_its_messages_and_nothing_is_stored(
    workspace: Workspace, supervisor: Supervisor, tmp_path: Path
) -> None:
    good = write(tmp_path, "pets", PETS, PETS_TESTS)
    text = replaced(BIRDS, "when: pet_dog\n    because", "when: pet_dgo\n    because")
    broken = write(tmp_path, "birds", text, BIRDS_TESTS)
    with pytest.raises(PublishRefusedError) as caught:
        import_files(workspace, supervisor, [good, broken], effective_from=day("2027-01-01"))
    rendered = [p.render() for p in caught.value.problems]
    line = line_of(text, "pet_dgo")
    message = "「pet_dgo」という設問や計算値はありません。もしかして: pet_dog、pet_count"
    assert rendered == [f"{broken}:{line}:11: TREE_REF_001 {message}"]
    assert "birds" in caught.value.message
    assert library.versions(workspace) == []


def test_a_missing_file_and_an_unreadable_one_are_located_problems(
    workspace: Workspace, supervisor: Supervisor, tmp_path: Path
) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("questionnaire: {id: caf\xe9}".encode("latin-1"))
    with pytest.raises(PublishRefusedError) as caught:
        import_files(
            workspace,
            supervisor,
            [tmp_path / "nowhere.yaml", latin],
            effective_from=day("2027-01-01"),
        )
    assert [(p.path, p.code) for p in caught.value.problems] == [
        (str(tmp_path / "nowhere.yaml"), ErrorCode.FILE_UNREADABLE),
        (str(latin), ErrorCode.FILE_UNREADABLE),
    ]


def test_one_version_for_several_files_and_one_tree_twice_are_refused(
    workspace: Workspace, supervisor: Supervisor, tmp_path: Path
) -> None:
    pets = write(tmp_path / "a", "pets", PETS, PETS_TESTS)
    birds = write(tmp_path / "a", "birds", BIRDS, BIRDS_TESTS)
    with pytest.raises(KakanaiError) as many:
        import_files(
            workspace, supervisor, [pets, birds], effective_from=day("2027-01-01"), version="9"
        )
    assert many.value.code is ErrorCode.TREES_ONE_VERSION_MANY_FILES
    again = write(tmp_path / "b", "pets", PETS, PETS_TESTS)
    with pytest.raises(PublishRefusedError) as twice:
        import_files(workspace, supervisor, [pets, again], effective_from=day("2027-01-01"))
    assert [p.code for p in twice.value.problems] == [ErrorCode.TREES_SAME_TREE_TWICE]
    assert library.versions(workspace) == []


def test_several_trees_import_together_and_export_each_newest(
    workspace: Workspace, supervisor: Supervisor, tmp_path: Path
) -> None:
    files = [
        write(tmp_path, "pets", PETS, PETS_TESTS),
        write(tmp_path, "birds", BIRDS, BIRDS_TESTS),
    ]
    stored = import_files(workspace, supervisor, files, effective_from=day("2027-01-01"))
    assert sorted(v.tree_id for v in stored) == ["birds", "pets"]
    out = export_versions(workspace, tmp_path / "out")
    assert sorted(p.name for e in out for p in e.files) == [
        "birds.tests.yaml",
        "birds.yaml",
        "pets.tests.yaml",
        "pets.yaml",
    ]
    with pytest.raises(KakanaiError) as unknown:
        export_versions(workspace, tmp_path / "x", tree_id="pets", version="1999.1")
    assert unknown.value.code is ErrorCode.TREES_VERSION_UNKNOWN
