"""The draft a supervisor edits: a tree's YAML text and its scenarios' text, where they were
opened from, where they are saved, and whether they changed since.

A draft of the tree a counter uses is kept in ``<data folder>/drafts``, never over the tree
in use: saving a draft changes no counter (publishing does, through the review)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kakanai.adapters.data_folder import data_dir
from kakanai.adapters.input_files import read_text
from kakanai.adapters.yaml_loading import MAX_FILE_BYTES, YamlLoadError, load_text
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import LNode
from kakanai.core.trees.model import QuestionTree, TreeMeta
from kakanai.core.trees.reader import TreeReader
from kakanai.services.shipped_data import questionnaire_file
from kakanai.services.trees.checking import tests_path

DRAFTS_FOLDER = "drafts"


@dataclass
class Draft:
    """The texts being edited and the files they are saved to."""

    path: Path  # the tree file it is saved to
    text: str
    tests_text: str | None  # None: the tree has no scenarios file yet
    source: Path  # the tree it is a draft of (the one in use), or ``path`` for any other file
    saved_text: str | None = None  # as saved (or as copied, for a new draft): None: unsaved
    saved_tests: str | None = None

    @property
    def tests_path(self) -> Path:
        return tests_path(self.path)

    @property
    def modified(self) -> bool:
        return self.text != self.saved_text or (
            self.tests_text is not None and self.tests_text != self.saved_tests
        )

    @property
    def on_disk(self) -> bool:
        """Saved to ``path`` as it is (a new draft is not, until its first save)."""
        return not self.modified and self.path.is_file()

    @property
    def name(self) -> str:
        return self.path.name

    def save(self) -> None:
        """Write the tree and its scenarios (EDIT_004 when they cannot be written)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(self.text, encoding="utf-8")
            if self.tests_text is not None:
                self.tests_path.write_text(self.tests_text, encoding="utf-8")
        except OSError as exc:
            detail = exc.strerror or type(exc).__name__
            raise KakanaiError.of(ErrorCode.EDIT_SAVE, path=self.path, detail=detail) from None
        self.saved_text, self.saved_tests = self.text, self.tests_text


def drafts_folder() -> Path:
    return data_dir() / DRAFTS_FOLDER


def open_draft(path: Path) -> Draft:
    """A tree file opened as it is; saving writes it back to the same file."""
    text = _read(path)
    tests = tests_path(path)
    tests_text = _read(tests) if tests.is_file() else None
    return Draft(path, text, tests_text, path, text, tests_text)


def draft_of(questionnaire_id: str, in_use: Path | None = None) -> Draft:
    """The supervisor's draft of a tree in use: the one saved in the drafts folder, else a
    new draft copied from ``in_use`` (the version in force; by default the tree file the
    counters read), saved to the drafts folder."""
    saved = drafts_folder() / f"{questionnaire_id}.yaml"
    in_use = in_use or questionnaire_file(questionnaire_id)
    if saved.is_file():
        draft = open_draft(saved)
        draft.source = in_use
        return draft
    copied = open_draft(in_use)  # unchanged until edited; written by the first save
    return Draft(saved, copied.text, copied.tests_text, in_use, copied.text, copied.tests_text)


@dataclass
class Reading:
    """A draft's text read as far as it goes: the located data (None when the YAML itself is
    broken), the tree as structure, and the YAML problems."""

    root: LNode | None
    tree: QuestionTree
    problems: list[Problem]

    @property
    def broken(self) -> bool:
        """The YAML cannot be read, so the forms cannot be trusted: edit the text."""
        return self.root is None


def read_draft(text: str, path: str) -> Reading:
    try:
        root = load_text(text, path)
    except YamlLoadError as exc:
        return Reading(None, QuestionTree(path, TreeMeta("", "", "", None)), exc.problems)
    reader = TreeReader(path)
    return Reading(root, reader.read(root), reader.problems)


def _read(path: Path) -> str:
    try:
        return read_text(path, limit=MAX_FILE_BYTES)
    except KakanaiError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        detail = getattr(exc, "strerror", None) or type(exc).__name__
        raise KakanaiError.of(ErrorCode.EDIT_OPEN, path=path, detail=detail) from None
