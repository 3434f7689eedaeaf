"""One template being edited: the use case the 様式 editor calls. Every edit is a named
undo step on the document's text; the outline, the checks and the preview are recomputed
from the text (and kept until it changes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.forms.binding import FormScope
from kakanai.core.forms.model import Box, FormTemplate, Per
from kakanai.services.forms import templates as form_templates
from kakanai.services.template_editing import edits
from kakanai.services.template_editing.bindings import Bindable, catalogue, label_of
from kakanai.services.template_editing.checking import CheckContext, Checked, check_text
from kakanai.services.template_editing.document import TemplateDocument
from kakanai.services.template_editing.fields import (
    FieldRef,
    Outline,
    TemplateField,
    kind_label,
    outline,
)
from kakanai.services.template_editing.preview import (
    Preview,
    SampleCase,
    fitting_first,
    render_preview,
    sample_choices,
)
from kakanai.services.template_editing.scenario_samples import (
    questionnaires_near,
    scenario_samples,
)


@dataclass(frozen=True)
class PageSize:
    """The paper in millimetres."""

    width: float
    height: float


class TemplateSession:
    """A template file opened for editing with what it is checked and previewed against."""

    def __init__(self, path: Path, context: CheckContext | None = None) -> None:
        self.document = TemplateDocument.open(path)
        self.context = context or CheckContext.near(path)
        self.samples = fitting_first(sample_choices(self.context.samples), path.stem)
        self._outline: tuple[str, Outline] | None = None
        self._checked: tuple[str, Checked] | None = None
        self._read: tuple[str, FormTemplate | None] | None = None
        self._bindables: tuple[bool, list[Bindable]] | None = None

    # -- reading ---------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def text(self) -> str:
        return self.document.text

    def outline(self) -> Outline:
        if self._outline is None or self._outline[0] != self.text:
            self._outline = (self.text, outline(self.text, str(self.path)))
        return self._outline[1]

    def fields(self) -> list[TemplateField]:
        return self.outline().fields()

    def field(self, ref: FieldRef) -> TemplateField | None:
        return self.outline().get(ref)

    def check(self) -> Checked:
        """The problems ``kakanai check`` reports for the text as it is now."""
        known = self.cached_check()
        if known is None:
            known = check_text(self.path, self.text, self.context, self.outline())
            self.remember_check(self.text, known)
        return known

    def recheck_against(self, context: CheckContext) -> None:
        """Check against ``context`` from now on (the desk's trees changed: a version was
        published or withdrawn); the last check and the bindings offered are dropped."""
        self.context = context
        self._checked = None
        self._bindables = None

    def cached_check(self) -> Checked | None:
        """The check of the current text if it has been made (else None: not yet)."""
        if self._checked is not None and self._checked[0] == self.text:
            return self._checked[1]
        return None

    def remember_check(self, text: str, checked: Checked) -> None:
        """Keep a check made elsewhere (off the GUI thread) for ``text``."""
        self._checked = (text, checked)

    def check_work(self) -> Callable[[], tuple[str, Checked]]:
        """The check of the current text as work for another thread: it reads only what
        it is given, never the session."""
        path, text, context = self.path, self.text, self.context
        return lambda: (text, check_text(path, text, context, outline(text, str(path))))

    def paper(self) -> PageSize:
        """The paper of the template as last read cleanly (A4 when it cannot be read)."""
        template = self._template()
        width, height = template.size if template is not None else (210.0, 297.0)
        return PageSize(width, height)

    def per_member(self) -> bool:
        template = self._template()
        return template is not None and template.per is Per.MEMBER

    def bindables(self) -> list[Bindable]:
        """The case fields this template can read, with their Japanese labels."""
        per_member = self.per_member()
        if self._bindables is None or self._bindables[0] != per_member:
            found = catalogue(self.context.trees, per_member=per_member, form_id=self.path.stem)
            self._bindables = (per_member, found)
        return self._bindables[1]

    def binding_label(self, source: str) -> str:
        return label_of(self.bindables(), source)

    def scenario_samples(self) -> list[SampleCase]:
        """The trees' scenarios that print this form, as samples (slower: interviews)."""
        folder = questionnaires_near(self.path)
        return sample_choices(scenario_samples(self.path.stem, folder))

    def add_samples(self, samples: list[SampleCase]) -> None:
        known = {s.name for s in self.samples}
        self.samples.extend(s for s in samples if s.name not in known)

    def preview(self, sample: SampleCase, member: int | None = None) -> Preview:
        return render_preview(self.path, self.text, sample, member)

    def _template(self) -> FormTemplate | None:
        """The template as read from the text (structure only: fast, no samples)."""
        if self._read is None or self._read[0] != self.text:
            template, _ = form_templates.read(self.path, FormScope(), self.text)
            self._read = (self.text, template)
        return self._read[1]

    # -- editing (each a named undo step) --------------------------------------------------

    def add_field(
        self, page: int, kind: str, box: Box, binding: Bindable | None = None
    ) -> FieldRef:
        """Place a new field of ``kind`` in ``box`` on ``page``, reading ``binding``."""
        source = binding.source if binding else ""
        name = binding.label if binding else kind_label(kind)
        choices = binding.choices if binding else ()
        spec = edits.Spec(kind, source, choices, name)
        text, ref = edits.added(self.text, self.outline(), page, box, spec)
        self.document.apply(f"項目「{name}」を追加", text)
        return ref

    def move_field(self, ref: FieldRef, box: Box, *, resized: bool = False) -> None:
        name = self._name(ref)
        step = f"項目「{name}」の大きさを変更" if resized else f"項目「{name}」を移動"
        self.document.apply(step, edits.moved(self.text, ref, box))

    def delete_field(self, ref: FieldRef) -> None:
        name = self._name(ref)
        self.document.apply(f"項目「{name}」を削除", edits.removed(self.text, ref))

    def rename_field(self, ref: FieldRef, name: str) -> None:
        old = self._name(ref)
        self.document.apply(f"項目「{old}」の名前を変更", edits.renamed(self.text, ref, name))

    def bind_field(self, ref: FieldRef, binding: Bindable | None) -> None:
        """The field reads ``binding`` (None: nothing, left for the resident)."""
        current = self._field(ref)
        source = binding.source if binding else ""
        choices = binding.choices if binding else ()
        text = edits.rebound(self.text, ref, current.kind, source, choices)
        if binding is not None and _default_name(current.name, current.kind):
            others = {f.name for f in self.fields() if f.ref != ref}
            text = edits.renamed(text, ref, edits.unique_name(binding.label, others))
        label = binding.label if binding else "なし"
        self.document.apply(f"項目「{current.name}」の値を「{label}」に", text)

    def bind_source(self, ref: FieldRef, source: str) -> None:
        """The field reads ``source`` as typed (a binding not in the list)."""
        known = next((b for b in self.bindables() if b.source == source.strip()), None)
        if known is not None or not source.strip():
            self.bind_field(ref, known)
            return
        current = self._field(ref)
        text = edits.rebound(self.text, ref, current.kind, source)
        self.document.apply(f"項目「{current.name}」の値を「{source.strip()}」に", text)

    def set_kind(self, ref: FieldRef, kind: str) -> None:
        current = self._field(ref)
        known = next((b for b in self.bindables() if b.source == current.value), None)
        choices = known.choices if known else ()
        spec = edits.Spec(kind, current.value, choices)
        text = edits.rekinded(self.text, ref, current.kind, spec)
        step = f"項目「{current.name}」の種類を「{kind_label(kind)}」に"
        self.document.apply(step, text)

    def undo(self) -> str | None:
        return self.document.undo()

    def redo(self) -> str | None:
        return self.document.redo()

    def save(self, to: Path | None = None) -> None:
        """Write the text to its file, or to ``to``, which becomes the session's file."""
        self.document.save(to)

    def background(self) -> str:
        """The background PDF the template names, relative to its file ("" for none)."""
        template = self._template()
        return template.background if template is not None else ""

    @property
    def modified(self) -> bool:
        return self.document.modified

    def _field(self, ref: FieldRef) -> TemplateField:
        found = self.field(ref)
        if found is None:
            shown = f"{ref.page + 1}ページの{ref.index + 1}番目"
            raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_MISSING, field=shown)
        return found

    def _name(self, ref: FieldRef) -> str:
        return self._field(ref).name


def _default_name(name: str, kind: str) -> bool:
    """A name the editor gave (the kind's, 「文字2」), which a binding's label replaces."""
    return name.rstrip("0123456789") in (kind_label(kind), "項目")
