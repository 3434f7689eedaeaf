"""The edited template filled with a sample case, as the desk would print it: the background
form, the drawn parts and the values, as a PDF (and its pages as images for the screen)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kakanai.adapters.forms import pdf as form_pdf
from kakanai.adapters.pdf.raster import rasterize_all
from kakanai.core.errors import KakanaiError
from kakanai.core.forms.binding import FormScope, bound, case_view
from kakanai.core.forms.layout import FormLayout
from kakanai.core.forms.model import FormTemplate, Per
from kakanai.services.forms import templates as form_templates
from kakanai.services.forms.checking import Sample
from kakanai.services.forms.rendering import form_job, paint


@dataclass(frozen=True)
class SampleCase:
    """A sample to fill the preview with, and how the picker names it."""

    name: str
    label: str
    case: Mapping[str, Any]


def sample_choices(samples: Sequence[Sample]) -> list[SampleCase]:
    """The samples with a label naming the household: 「long_name(田中 一郎さんほか3人)」."""
    return [SampleCase(name, f"{name}({_household(case)})", case) for name, case in samples]


def fitting_first(samples: Sequence[SampleCase], form_id: str) -> list[SampleCase]:
    """The samples whose case prints the form first (a 出生連絡票 is previewed with a birth,
    not with a move that leaves its boxes empty or fills them with the wrong person), each
    group in its own order."""
    return sorted(samples, key=lambda sample: not _prints(sample.case, form_id))


def _prints(case: Mapping[str, Any], form_id: str) -> bool:
    return any(form_id in (p.get("forms") or ()) for p in case.get("procedures") or ())


def _household(case: Mapping[str, Any]) -> str:
    members = case.get("household", {}).get("members", [])
    head_index = case.get("household", {}).get("head")
    head = next((m for m in members if m.get("index") == head_index), members[0] if members else {})
    others = len(members) - 1
    name = str(head.get("name") or "")
    return f"{name}さんほか{others}人" if others > 0 else f"{name}さん"


@dataclass
class Preview:
    """The filled form, or why it could not be made; warnings as the desk would show them."""

    pdf: bytes | None
    warnings: list[str] = field(default_factory=list)
    error: str = ""


def render_preview(path: Path, text: str, sample: SampleCase, member: int | None = None) -> Preview:
    """The template with this text printed for ``sample`` (for ``member`` on a per-member
    form; by default the first member a procedure concerns). A template that cannot be read
    at all has no preview; a field with a problem prints nothing, like a skipped answer."""
    template, problems = form_templates.read(path, FormScope(), text)
    if template is None:
        return Preview(None, error=problems[0].message if problems else "")
    try:
        return _rendered(template, sample, member)
    except KakanaiError as exc:
        return Preview(None, error=exc.message)


def _rendered(template: FormTemplate, sample: SampleCase, member: int | None) -> Preview:
    job = form_job(sample.case, template, member)
    view = case_view(sample.case)
    person = view.member(job.member)
    job_view = bound(view, procedure=job.procedure, department=job.department)
    layout = FormLayout(template, form_pdf.FontMetrics())
    if template.per is Per.HOUSEHOLD:
        plan = layout.plan(job_view, person=person)
    else:
        plan = layout.plan(job_view, person)
    return Preview(paint(template, plan), [note.render() for note in plan.notes])


def page_images(pdf: bytes, *, dpi: int) -> list[Any]:
    """The preview's pages as RGB images (PIL) at ``dpi``."""
    return list(rasterize_all(pdf, dpi=dpi))
