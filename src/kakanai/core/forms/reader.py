"""Reads a form template (``forms_templates/<id>.yaml``) from located YAML into a
FormTemplate, collecting every structural and binding problem with its line and column."""

from __future__ import annotations

from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.forms.binding import FormScope
from kakanai.core.forms.elements import ElementReader
from kakanai.core.forms.model import FAMILIES, PAPERS, FormTemplate, Page, Per
from kakanai.core.located import LList, LMap, LNode, Loc, LScalar
from kakanai.core.trees.reader import ID_PATTERN
from kakanai.core.value_types import Kind

TOP_KEYS = {"form", "pages"}
FORM_KEYS = {
    "id",
    "title",
    "department",
    "version",
    "per",
    "page",
    "background",
    "font",
    "label_font",
    "description",
    "person",
}
PAGE_KEYS = {"size", "orientation"}


class FormReader(ElementReader):
    """Turns one template document into a FormTemplate; problems go to ``problems``."""

    def read_form(self, root: LNode | None) -> FormTemplate:
        start = Loc(self.path, 1, 1)
        template = FormTemplate(self.path, "", "", "", "", Per.HOUSEHOLD, "A4", False, loc=start)
        top = self.mapping(root, "様式テンプレートのファイル", start)
        if top is None:
            return template
        self.keys(top, "ファイルの最上位", TOP_KEYS, {"form", "pages"})
        meta = top.get("form")
        if isinstance(meta, LMap):
            self.read_form_meta(meta, template)
        elif meta is not None:
            self.mapping(meta, "form", meta.loc)
        pages = top.get("pages")
        if isinstance(pages, LList):
            template.pages = [self.read_page(item) for item in pages.items]
        elif pages is not None:
            self.report(pages.loc, ErrorCode.YAML_NOT_LIST, what="pages")
        return template

    def read_form_meta(self, meta: LMap, template: FormTemplate) -> None:
        self.keys(meta, "form", FORM_KEYS, {"id", "title", "department", "version"})
        template.id = self.text(meta, "id")
        template.id_loc = meta.key_loc("id")
        if template.id and not ID_PATTERN.match(template.id):
            self.report(meta.key_loc("id"), ErrorCode.ID_INVALID, id=template.id)
        template.title = self.text(meta, "title")
        template.department = self.text(meta, "department")
        department = meta.get("department")
        template.department_loc = department.loc if department is not None else None
        template.version = self.text(meta, "version")
        per = self.choice_of(meta, "per", ("household", "member"), "household")
        template.per = Per(per)
        self.per_member = template.per is Per.MEMBER
        for key, target in (("font", "value_family"), ("label_font", "label_family")):
            if key in meta.items:
                setattr(self, target, self.choice_of(meta, key, FAMILIES, getattr(self, target)))
        if "person" in meta.items:
            kinds = (Kind.MEMBER, Kind.TEXT)
            template.person = self.binding(meta, "person", member_ok=False, expect=kinds)
        self.read_paper(meta.get("page"), template)
        background = meta.get("background")
        if isinstance(background, LScalar) and isinstance(background.value, str):
            template.background, template.background_loc = background.value, background.loc
        elif background is not None:
            self.bad_value(background, "background", "PDFファイルのパスを書いてください。")

    def read_paper(self, node: LNode | None, template: FormTemplate) -> None:
        if node is None:
            return
        page = self.mapping(node, "page", node.loc)
        if page is None:
            return
        self.keys(page, "page", PAGE_KEYS, set())
        if "size" in page.items:
            template.paper = self.choice_of(page, "size", tuple(PAPERS), "A4")
        if "orientation" in page.items:
            orientation = self.choice_of(page, "orientation", ("portrait", "landscape"), "portrait")
            template.landscape = orientation == "landscape"

    def read_page(self, node: LNode) -> Page:
        page = Page(loc=node.loc)
        entry = self.mapping(node, "pages の各ページ", node.loc)
        if entry is None:
            return page
        self.keys(entry, "ページ", {"elements"}, {"elements"})
        elements = entry.get("elements")
        if elements is None or (isinstance(elements, LScalar) and elements.value is None):
            return page
        if not isinstance(elements, LList):
            self.report(elements.loc, ErrorCode.YAML_NOT_LIST, what="elements")
            return page
        for item in elements.items:
            mapped = self.mapping(item, "elements の各要素", item.loc)
            element = self.element(mapped) if mapped is not None else None
            if element is not None:
                page.elements.append(element)
        return page


def read_template(
    root: LNode | None, path: str, scope: FormScope
) -> tuple[FormTemplate, list[Problem]]:
    """Read one template; returns it with every problem found (empty when clean)."""
    reader = FormReader(path, scope)
    template = reader.read_form(root)
    return template, reader.problems
