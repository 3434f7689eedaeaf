"""Static checks of a form template that need no files and no fonts: every element on the
paper, fields that overlap, and the cross-references between question-tree procedures
(``forms:``) and templates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, Problem, did_you_mean
from kakanai.core.forms.model import Element, FormTemplate, Per, TableField
from kakanai.core.located import Loc


def geometry_problems(template: FormTemplate) -> list[Problem]:
    """Elements outside the paper, and fields that overlap another field on their page."""
    problems: list[Problem] = []
    width, height = template.size
    paper = f"{template.paper}{'横' if template.landscape else '縦'}"
    for _, element in template.elements():
        boxes = [(element, element.box)]
        if isinstance(element, TableField):
            if element.continuation_box is not None:
                boxes.append((element, element.continuation_box))
            boxes.extend((extra, extra.box) for extra in element.continuation_elements)
        for owner, box in boxes:
            if box.x < 0 or box.y < 0 or box.right > width + 0.01 or box.bottom > height + 0.01:
                problems.append(
                    Problem.at(
                        owner.loc,
                        ErrorCode.FORM_OUTSIDE_PAGE,
                        field=owner.name,
                        paper=paper,
                        width=f"{width:g}",
                        height=f"{height:g}",
                        right=f"{box.right:g}",
                        bottom=f"{box.bottom:g}",
                    )
                )
    for page in template.pages:
        problems.extend(_overlaps([e for e in page.elements if e.is_field]))
    return problems


def _overlaps(fields: Sequence[Element]) -> list[Problem]:
    problems = []
    for later_index, later in enumerate(fields):
        for earlier in fields[:later_index]:
            if later.box.overlaps(earlier.box) and not _conditional_pair(earlier, later):
                problems.append(
                    Problem.at(
                        later.loc,
                        ErrorCode.FORM_OVERLAP,
                        field=later.name,
                        other=earlier.name,
                        line=earlier.loc.line,
                    )
                )
    return problems


def _conditional_pair(first: Element, second: Element) -> bool:
    """Two fields that each print only under a condition may share a place (e.g. one
    for 転入 and one for 転出); the author states so by giving both a ``when:``."""
    return first.when is not None and second.when is not None


@dataclass(frozen=True)
class FormReference:
    """One ``forms:`` entry of a procedure, where it is written."""

    form_id: str
    loc: Loc
    procedure: str
    department: str
    per_member: bool


def reference_problems(
    references: Sequence[FormReference], templates: Mapping[str, FormTemplate | None]
) -> list[Problem]:
    """Procedures asking for forms with no template (or an unreadable one: None), or whose
    template is per member while the procedure is per household, or belongs to another
    department."""
    problems = []
    for ref in references:
        if ref.form_id not in templates:
            suggestion = did_you_mean(ref.form_id, templates)
            problems.append(
                Problem.at(ref.loc, ErrorCode.FORM_NOT_FOUND, id=ref.form_id, suggestion=suggestion)
            )
            continue
        template = templates[ref.form_id]
        if template is None:
            continue  # its own problems are reported with the template
        if template.per is Per.MEMBER and not ref.per_member:
            problems.append(
                Problem.at(
                    ref.loc, ErrorCode.FORM_PER_MISMATCH, id=ref.form_id, procedure=ref.procedure
                )
            )
        if template.department and template.department != ref.department:
            problems.append(
                Problem.at(
                    ref.loc,
                    ErrorCode.FORM_DEPARTMENT_MISMATCH,
                    id=ref.form_id,
                    form_department=template.department,
                    procedure=ref.procedure,
                    department=ref.department,
                )
            )
    return problems


def department_problems(template: FormTemplate, departments: Sequence[str]) -> list[Problem]:
    """The template's department must be one the question trees define."""
    if not departments or template.department in departments:
        return []
    where = template.department_loc or template.loc or Loc(template.path, 1, 1)
    return [
        Problem.at(
            where,
            ErrorCode.FORM_DEPARTMENT,
            name=template.department,
            suggestion=did_you_mean(template.department, departments),
        )
    ]
