"""`kakanai check` for form templates: structure and bindings, paper and overlaps, the
background PDF, the department, the shipped sample data (characters no font can draw, text
that does not fit), and the procedures' ``forms:`` lists against the templates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kakanai.adapters.forms import pdf_pages as form_pdf_pages
from kakanai.adapters.pdf.fonts import font_book
from kakanai.adapters.yaml_loading import YamlLoadError, load_file
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.forms.binding import FormScope, bound, case_view
from kakanai.core.forms.checks import (
    FormReference,
    department_problems,
    geometry_problems,
    reference_problems,
)
from kakanai.core.forms.ink import TextInk
from kakanai.core.forms.layout import FormLayout
from kakanai.core.forms.model import FormTemplate, TableField
from kakanai.core.located import LList, LMap, Loc, LScalar
from kakanai.core.trees.model import QuestionTree
from kakanai.services.forms import templates as form_templates
from kakanai.services.forms.samples import printings, sample_cases
from kakanai.services.trees.checking import read_tree, tree_files

Sample = tuple[str, Mapping[str, Any]]


@dataclass
class TemplateReport:
    """Everything `kakanai check` knows about one template file."""

    path: str
    template: FormTemplate | None = None
    problems: list[Problem] = field(default_factory=list)
    samples: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> dict[str, object]:
        template = self.template
        return {
            "kind": "form",
            "path": self.path,
            "id": template.id if template else "",
            "title": template.title if template else "",
            "version": template.version if template else "",
            "department": template.department if template else "",
            "pages": len(template.pages) if template else 0,
            "fields": sum(1 for _, e in template.elements() if e.is_field) if template else 0,
            "samples": self.samples,
            "problems": len(self.problems),
        }


def check_templates(
    files: Sequence[Path],
    trees: Sequence[QuestionTree],
    samples: Sequence[Sample] | None = None,
) -> list[TemplateReport]:
    """Check each template against the trees' answers and departments and the samples."""
    scope = FormScope.of_trees(trees)
    departments = [d.id for tree in trees for d in tree.departments]
    cases = list(sample_cases()) if samples is None else list(samples)
    return [check_template(path, scope, departments, cases) for path in files]


def check_template(
    path: Path,
    scope: FormScope,
    departments: Sequence[str],
    samples: Sequence[Sample],
    text: str | None = None,
) -> TemplateReport:
    """Every check of ``kakanai check`` on one template; ``text`` is the file's text as
    being edited (the template editor checks before saving)."""
    report = TemplateReport(str(path))
    template, report.problems = form_templates.read(path, scope, text)
    report.template = template
    if template is None:
        return report
    if template.id and template.id != path.stem and template.id_loc is not None:
        report.problems.append(
            Problem.at(template.id_loc, ErrorCode.FORM_ID_FILE, id=template.id, file=path.name)
        )
    report.problems.extend(geometry_problems(template))
    report.problems.extend(department_problems(template, departments))
    report.problems.extend(background_problems(template))
    if not report.problems:
        report.problems.extend(sample_problems(template, samples))
        report.samples = len(samples)
    return report


def background_problems(template: FormTemplate) -> list[Problem]:
    """The background PDF exists, has one page per template page, of the paper's size."""
    if not template.background:
        return []
    where = template.background_loc or Loc(template.path, 1, 1)
    file = Path(template.path).parent / template.background
    sizes = form_pdf_pages.page_sizes(file) if file.is_file() else None
    if sizes is None:
        return [Problem.at(where, ErrorCode.FORM_BACKGROUND_MISSING, file=template.background)]
    if len(sizes) != len(template.pages):
        return [
            Problem.at(
                where,
                ErrorCode.FORM_BACKGROUND_PAGES,
                file=template.background,
                actual=len(sizes),
                expected=len(template.pages),
            )
        ]
    width, height = template.size
    for number, (page_width, page_height) in enumerate(sizes, start=1):
        if abs(page_width - width) > 1 or abs(page_height - height) > 1:
            return [
                Problem.at(
                    where,
                    ErrorCode.FORM_BACKGROUND_SIZE,
                    file=template.background,
                    page=number,
                    actual=f"{page_width:.0f}×{page_height:.0f}mm",
                    expected=f"{width:g}×{height:g}mm",
                )
            ]
    return []


class _RecordingMetrics:
    """Font metrics that never fail: characters no font has get a nominal width, and the
    checker reports them afterwards with the sample and field."""

    def char_width(self, char: str, family: str, field: str) -> float:
        try:
            return font_book().width(char, 1.0, family, field=field)
        except KakanaiError:
            return 1.0


# What a sample that does not ask for a template can say about it: only whether its
# texts fit and can be printed. Its answers (a 転出 on a form for 転入 and 転居, an adult's
# 昭和 on a child's form) are not ones the form is ever printed with.
FIT_CODES = frozenset(
    {
        ErrorCode.FORM_TEXT_CUT,
        ErrorCode.FORM_DIGITS_CUT,
        ErrorCode.FORM_ERA_CROWDED,
    }
)


def sample_problems(template: FormTemplate, samples: Sequence[Sample]) -> list[Problem]:
    """Lay the template out for every sample case; report characters no font can draw and
    everything the layout noted (text cut, choices or eras not printed)."""
    layout = FormLayout(template, _RecordingMetrics())
    places = _field_locs(template)
    found: dict[tuple[str, int, int, str], Problem] = {}
    for name, case in samples:
        view = case_view(case)
        for printing in printings(template, case):
            member = view.member(printing.member)
            plan = layout.plan(bound(view, procedure=printing.procedure), member)
            for note in plan.notes:
                if not printing.asked and note.code not in FIT_CODES:
                    continue
                problem = Problem.said(
                    note.loc or Loc(template.path, 1, 1),
                    note.code,
                    f"サンプルデータ「{name}」: {note.message}",
                )
                found.setdefault((problem.message, problem.line, problem.col, ""), problem)
            for ink in (i for page in plan.pages for i in page.inks if isinstance(i, TextInk)):
                for char in font_book().missing(ink.text, ink.family):
                    where = places.get(ink.field, Loc(template.path, 1, 1))
                    problem = Problem.at(
                        where,
                        ErrorCode.FORM_SAMPLE_GLYPH,
                        sample=name,
                        field=ink.field,
                        char=char,
                        codepoint=f"U+{ord(char):04X}",
                    )
                    found.setdefault((ink.field, where.line, where.col, char), problem)
    return list(found.values())


def _field_locs(template: FormTemplate) -> dict[str, Loc]:
    places: dict[str, Loc] = {}
    for _, element in template.elements():
        places.setdefault(element.name, element.loc)
        if isinstance(element, TableField):
            for column in element.columns:
                places.setdefault(column.cell.name, column.cell.loc)
    return places


def form_references(tree_path: Path) -> list[FormReference]:
    """Every ``forms:`` entry of the procedures in a question-tree file, located."""
    try:
        root = load_file(tree_path)
    except YamlLoadError:
        return []  # the tree check reports it
    procedures = root.get("procedures") if isinstance(root, LMap) else None
    references = []
    for node in procedures.items if isinstance(procedures, LList) else []:
        if not isinstance(node, LMap):
            continue
        forms = node.get("forms")
        entries = forms.items if isinstance(forms, LList) else [forms] if forms else []
        for entry in entries:
            if isinstance(entry, LScalar) and entry.value:
                references.append(
                    FormReference(
                        str(entry.value),
                        entry.loc,
                        _plain(node, "id"),
                        _plain(node, "department"),
                        _plain(node, "per") == "member",
                    )
                )
    return references


def _plain(node: LMap, key: str) -> str:
    value = node.get(key)
    return str(value.value) if isinstance(value, LScalar) and value.value is not None else ""


def trees_near(template_paths: Sequence[Path]) -> list[QuestionTree]:
    """The question trees in ``questionnaires/`` beside a template folder, for checking
    templates on their own (``kakanai check forms_templates/``)."""
    folders = {
        (p if p.is_dir() else p.parent).resolve().parent / "questionnaires" for p in template_paths
    }
    trees = []
    for path in tree_files([f for f in sorted(folders) if f.is_dir()]):
        tree, _ = read_tree(path)
        if tree is not None:
            trees.append(tree)
    return trees


def template_folders(template_paths: Sequence[Path]) -> list[Path]:
    return list(dict.fromkeys(p if p.is_dir() else p.parent for p in template_paths))


def cross_problems(tree_paths: Sequence[Path], template_folders: Sequence[Path]) -> list[Problem]:
    """Procedures' ``forms:`` entries with no (or a mismatching) template in the folders."""
    templates: dict[str, FormTemplate | None] = {}
    for folder in template_folders:
        for form_id, path in form_templates.index(folder).items():
            templates.setdefault(form_id, form_templates.read(path, FormScope())[0])
    problems = []
    for path in tree_paths:
        problems.extend(reference_problems(form_references(path), templates))
    return problems
