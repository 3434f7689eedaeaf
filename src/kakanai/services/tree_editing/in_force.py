"""The version in force, as the editor needs it: which one it is (published in the database, or
the files'), and a file with its text and scenarios for a new draft to start from and for
the review to compare the draft with (`kakanai diff` reads files)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.shipped_data import questionnaire_file
from kakanai.services.trees import library
from kakanai.services.trees.checking import tests_path
from kakanai.services.workspace import Workspace

IN_FORCE_FOLDER = "in-force"  # under the drafts folder: copies of published versions


@dataclass(frozen=True)
class InForce:
    tree_id: str
    published: library.PublishedVersion | None  # None: no version in force in the database
    path: Path  # the text in force (a copy of the published one, or the tree file)

    @property
    def label(self) -> str:
        """「版 2026.12(施行日 2026-12-01、公開済み)」 or 「ファイル moving.yaml」."""
        published = self.published
        if published is None:
            return f"ファイル {self.path.name}(公開された版はありません)"
        day = published.effective_from.isoformat()
        return f"版 {published.version}(施行日 {day}、{published.published_by} が公開)"


def in_force(workspace: Workspace, tree_id: str, on: dt.date, drafts: Path) -> InForce:
    """The version of ``tree_id`` in force on ``on``; a published one is copied (text and
    scenarios, as published) to ``drafts/in-force/<version>/<id>.yaml``."""
    published = library.in_force_version(workspace, tree_id, on)
    if published is None:
        return InForce(tree_id, None, questionnaire_file(tree_id))
    texts = library.version_texts(workspace, tree_id, published.version)
    path = drafts / IN_FORCE_FOLDER / published.version / f"{tree_id}.yaml"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts.source, encoding="utf-8", newline="")
        if texts.tests is not None:
            tests_path(path).write_text(texts.tests, encoding="utf-8", newline="")
    except OSError as exc:
        detail = exc.strerror or type(exc).__name__
        raise KakanaiError.of(ErrorCode.EDIT_SAVE, path=path, detail=detail) from None
    return InForce(tree_id, published, path)
