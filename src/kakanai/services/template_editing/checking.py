"""The edited template checked exactly as ``kakanai check`` checks it (the same checker, the
same trees, the same sample cases, the same located Japanese messages), with each problem
put under the field whose lines it points at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kakanai.core.errors import KakanaiError, Problem
from kakanai.core.forms.binding import FormScope
from kakanai.core.forms.model import FormTemplate
from kakanai.core.trees.model import QuestionTree
from kakanai.services import shipped_data
from kakanai.services.forms.checking import Sample, check_template, trees_near
from kakanai.services.forms.samples import sample_cases
from kakanai.services.shipped_data import QUESTIONNAIRES
from kakanai.services.template_editing.fields import FieldRef, Outline
from kakanai.services.trees import library
from kakanai.services.trees.checking import read_tree, tree_files


@dataclass(frozen=True)
class CheckContext:
    """What a template is checked against: the trees beside it and the sample cases."""

    trees: Sequence[QuestionTree]
    samples: Sequence[Sample]

    @classmethod
    def near(cls, template: Path, samples: Sequence[Sample] | None = None) -> CheckContext:
        """The trees in ``questionnaires/`` beside the template's folder (as ``kakanai check
        forms_templates/x.yaml`` reads them), else the shipped trees; the shipped samples."""
        trees = trees_near([template]) or _shipped_trees()
        return cls(trees, list(sample_cases()) if samples is None else list(samples))

    @classmethod
    def of_desk(
        cls, source: library.Source | None = None, on: dt.date | None = None
    ) -> CheckContext:
        """The question trees a desk uses on ``on`` and the shipped samples: what the 様式 tab
        of the supervisor's mode checks the desk's templates against. A tree is the version
        published to ``source``'s database and in force that day where there is one
        (services/trees/library, as the counter and the desk use it), else its file
        (``shipped_data``: the city's in place of the shipped one with the same id); a tree
        published with no file counts from the day a version of it is in force. No
        ``source``: the files only."""
        ids = set(shipped_data.questionnaire_ids())
        if source is not None:
            ids |= {v.tree_id for v in library.versions(source) if not v.withdrawn}
        trees = []
        for tree_id in sorted(ids):
            tree = None
            if source is not None:
                tree = _published_in_force(source, tree_id, on or dt.date.today())
            if tree is None:
                tree = _file_tree(tree_id)
            if tree is not None:
                trees.append(tree)
        return cls(trees, list(sample_cases()))

    @property
    def scope(self) -> FormScope:
        return FormScope.of_trees(self.trees)

    @property
    def departments(self) -> list[str]:
        return [d.id for tree in self.trees for d in tree.departments]


def _published_in_force(source: library.Source, tree_id: str, on: dt.date) -> QuestionTree | None:
    """The published version of ``tree_id`` in force on ``on``; None: the file's is used."""
    if library.in_force_version(source, tree_id, on) is None:
        return None
    try:
        return library.in_force(source, tree_id, on).tree
    except KakanaiError:  # checked when published; a stored text that no longer reads
        return None


def _file_tree(tree_id: str) -> QuestionTree | None:
    path = shipped_data.questionnaire_file(tree_id)
    if not path.is_file():
        return None
    tree, _ = read_tree(path)
    return tree


def _shipped_trees() -> list[QuestionTree]:
    found = []
    for path in tree_files([QUESTIONNAIRES]) if QUESTIONNAIRES.is_dir() else []:
        tree, _ = read_tree(path)
        if tree is not None:
            found.append(tree)
    return found


@dataclass(frozen=True)
class Checked:
    """The problems of one text of the template, by field."""

    problems: list[Problem]
    template: FormTemplate | None = None  # as read from the text (None: unreadable YAML)
    by_field: dict[FieldRef, list[Problem]] = field(default_factory=dict)
    general: list[Problem] = field(default_factory=list)  # about the form, not one field

    def of(self, ref: FieldRef) -> list[Problem]:
        return self.by_field.get(ref, [])


def check_text(path: Path, text: str, context: CheckContext, outline: Outline) -> Checked:
    """Every problem ``kakanai check`` reports for the template with this text."""
    report = check_template(path, context.scope, context.departments, context.samples, text=text)
    checked = Checked(report.problems, report.template)
    for problem in report.problems:
        found = outline.at_line(problem.line)
        if found is None:
            checked.general.append(problem)
        else:
            checked.by_field.setdefault(found.ref, []).append(problem)
    return checked
