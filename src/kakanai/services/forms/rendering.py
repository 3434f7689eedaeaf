"""Prefilled forms for a case (`kakanai forms`, and the desk app after a scan): pick the
forms a department (or procedure) needs, lay them out, paint them, lay them over the
municipality's own blank form when the template has one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kakanai.adapters.forms import pdf as form_pdf
from kakanai.adapters.forms import pdf_pages as form_pdf_pages
from kakanai.adapters.forms.qr import qr_modules
from kakanai.core.errors import ErrorCode, KakanaiError, did_you_mean
from kakanai.core.forms.binding import CaseView, bound, case_view
from kakanai.core.forms.ink import FormPlan
from kakanai.core.forms.layout import FormLayout
from kakanai.core.forms.model import FormTemplate, Per
from kakanai.core.forms.prefill import FormFill, count_prefill
from kakanai.core.forms.selection import (
    FormJob,
    asking,
    file_name,
    form_ids,
    jobs,
    select_procedures,
    unique,
)
from kakanai.services import shipped_data
from kakanai.services.forms import templates as form_templates


@dataclass
class RenderedForm:
    """One printed form: its PDF and the warnings a clerk should see before printing."""

    file_name: str
    form_id: str
    title: str
    member: int | None
    pdf: bytes
    warnings: list[str] = field(default_factory=list)
    fill: FormFill | None = None  # what it filled in, for statistics


def render_forms(
    case: Mapping[str, Any],
    *,
    department: str | None = None,
    procedure: str | None = None,
    templates: Path | None = None,
    names: bool = False,
) -> list[RenderedForm]:
    """The forms for a department (id or name), one procedure id, or (neither) every
    procedure of the case. Raises FORM_022–025 when there is nothing to print or a template
    is missing; text that did not fit is a warning on its form. ``names`` puts residents'
    names into the file names (see ``selection.file_name``)."""
    procedures = select_procedures(case, department=department, procedure=procedure)
    loaded = load_templates(form_ids(procedures), templates)
    missing = [form_id for form_id, template in loaded.items() if template is None]
    if missing:
        raise KakanaiError.of(ErrorCode.FORM_TEMPLATES_MISSING, ids="、".join(missing))
    available = {k: v for k, v in loaded.items() if v is not None}
    selected = jobs(case, procedures, lambda form_id: available[form_id].per is Per.MEMBER)
    return render_jobs(case, selected, available, names=names)


def render_form(
    case: Mapping[str, Any],
    form_id: str,
    *,
    member: int | None = None,
    templates: Path | None = None,
    names: bool = False,
) -> RenderedForm:
    """One template for the case whether or not a procedure asks for it (previewing a
    template while writing it)."""
    template = load_templates([form_id], templates)[form_id]
    if template is None:
        known = _index(templates)
        raise KakanaiError.of(
            ErrorCode.FORM_UNKNOWN_FORM, id=form_id, suggestion=did_you_mean(form_id, known)
        )
    job = form_job(case, template, member)
    return render_jobs(case, [job], {form_id: template}, names=names)[0]


def form_job(case: Mapping[str, Any], template: FormTemplate, member: int | None) -> FormJob:
    """The job printing ``template`` for the case as the desk would: for ``member`` (by
    default a per-member form's first member concerned), asked by the first procedure that
    asks for it (FORM_025 when the case has no such member)."""
    asked = asking(case, template.id)
    members = [m.get("index") for m in case["household"]["members"]]
    if member is not None and member not in members:
        raise KakanaiError.of(ErrorCode.FORM_NO_MEMBER, member=member, last=len(members) - 1)
    if member is None and template.per is Per.MEMBER:
        member = next((p.get("member") for p in asked if p.get("member") is not None), 0)
    chosen: Mapping[str, Any] = next((p for p in asked if p.get("member") in (member, None)), {})
    departments = {d.get("id"): d for d in case["departments"]}
    department = departments.get(template.department, {"id": template.department})
    return FormJob(template.id, member, chosen, department)


def load_templates(
    ids: Sequence[str], folder: Path | None = None
) -> dict[str, FormTemplate | None]:
    """The templates for ``ids`` (None for those without a file) from ``folder``, or by
    default the desk's: the shipped ones and the city's own (services/shipped_data)."""
    known = _index(folder)
    return {i: form_templates.load(known[i]) if i in known else None for i in ids}


def _index(folder: Path | None) -> dict[str, Path]:
    return form_templates.index(folder) if folder is not None else shipped_data.template_index()


def render_jobs(
    case: Mapping[str, Any],
    selected: Sequence[FormJob],
    templates: Mapping[str, FormTemplate],
    *,
    names: bool = False,
) -> list[RenderedForm]:
    view = case_view(case)
    forms = []
    for job in selected:
        template = templates[job.form_id]
        plan = plan_form(template, view, job)
        pdf = paint(template, plan)
        name = file_name(case, job, template.department, with_name=names)
        warnings = [note.render() for note in plan.notes]
        fill = form_fill(template, view, job)
        forms.append(
            RenderedForm(name, job.form_id, template.title, job.member, pdf, warnings, fill)
        )
    for form, name in zip(forms, unique([f.file_name for f in forms]), strict=True):
        form.file_name = name
    return forms


def plan_form(template: FormTemplate, view: CaseView, job: FormJob) -> FormPlan:
    """Lay out one form for a job (no PDF yet)."""
    member = view.member(job.member)
    job_view = bound(view, procedure=job.procedure, department=job.department)
    if template.per is Per.HOUSEHOLD:  # printed for one member: that member is its person
        return layout_for(template).plan(job_view, person=member)
    return layout_for(template).plan(job_view, member)


def form_fill(template: FormTemplate, view: CaseView, job: FormJob) -> FormFill:
    """What the form fills in for the job, bound as ``plan_form`` binds it."""
    member = view.member(job.member)
    job_view = bound(view, procedure=job.procedure, department=job.department)
    layout = layout_for(template)
    if template.per is Per.HOUSEHOLD:
        prefill = count_prefill(template, layout.person_view(job_view, person=member))
    else:
        prefill = count_prefill(template, layout.person_view(job_view, member), member)
    procedure = str(job.procedure.get("id") or "")
    return FormFill(job.form_id, template.department, procedure, job.member, prefill)


def form_fills(case: Mapping[str, Any]) -> list[FormFill]:
    """What every form of the case would fill in, without laying out or painting them
    (the statistics' sample visits); none for a case whose procedures have no forms."""
    if not any(p.get("forms") for p in case["procedures"]):
        return []
    procedures = select_procedures(case)
    loaded = load_templates(form_ids(procedures))
    available = {k: v for k, v in loaded.items() if v is not None}
    selected = jobs(case, procedures, lambda form_id: _per_member(available.get(form_id)))
    view = case_view(case)
    return [
        form_fill(available[job.form_id], view, job) for job in selected if job.form_id in available
    ]


def _per_member(template: FormTemplate | None) -> bool:
    return template is not None and template.per is Per.MEMBER


_LAYOUTS: dict[int, tuple[FormTemplate, FormLayout]] = {}


def layout_for(template: FormTemplate) -> FormLayout:
    """One layout per loaded template, so character widths are measured once. Templates
    are cached per file version (services/forms/templates), so this stays small."""
    known = _LAYOUTS.get(id(template))
    if known is None or known[0] is not template:
        known = (template, FormLayout(template, form_pdf.FontMetrics()))
        _LAYOUTS[id(template)] = known
    return known[1]


def paint(template: FormTemplate, plan: FormPlan) -> bytes:
    printed = form_pdf.paint(plan.pages, title=template.title, modules=qr_modules)
    if not template.background:
        return printed
    background = Path(template.path).parent / template.background
    if not background.is_file():
        raise KakanaiError.of(ErrorCode.FORM_BACKGROUND_MISSING, file=template.background)
    return form_pdf_pages.overlay(background, printed, [p.background for p in plan.pages])


def merged(forms: Sequence[RenderedForm]) -> bytes:
    """All forms in one PDF, in order (``kakanai forms --merge``)."""
    return form_pdf_pages.join([form.pdf for form in forms])


def write(forms: Sequence[RenderedForm], out: Path, *, merge_as: str | None = None) -> list[Path]:
    """Write each form (or, with ``merge_as``, one merged file) into ``out``; a name that
    would put a file anywhere but directly in ``out`` is refused (FORM_026)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        if merge_as is not None:
            target = _inside(out, merge_as)
            target.write_bytes(merged(forms))
            return [target]
        written = []
        for form in forms:
            target = _inside(out, form.file_name)
            target.write_bytes(form.pdf)
            written.append(target)
    except OSError as exc:
        raise KakanaiError.of(ErrorCode.FORM_OUTPUT, path=out, detail=exc.strerror or exc) from None
    return written


def _inside(out: Path, name: str) -> Path:
    target = out / name
    if Path(name).name != name or target.resolve().parent != out.resolve():
        detail = "ファイル名が出力先のフォルダの外を指しています"
        raise KakanaiError.of(ErrorCode.FORM_OUTPUT, path=out, detail=detail)
    return target
