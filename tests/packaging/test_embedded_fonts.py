"""Every font a printed PDF names is embedded in it (what a PDF/A check asks): the forms of
every department, drawn or laid over a blank form, and the slip in both layouts. Listed with
poppler's pdffonts, which also sees the fonts of a background page drawn inside the form."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kakanai.adapters.slip.pdf import LAYOUTS, render_slip
from kakanai.services.case_files import load_case
from kakanai.services.forms.rendering import render_forms
from kakanai.services.shipped_data import REFERENCE_CASE
from tests.slip_cases import EXPIRES_AT, ISSUED_AT, payload_digits

pytestmark = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils missing")


def fonts_not_embedded(pdf: bytes, folder: Path, name: str) -> list[str]:
    """The lines pdffonts prints for fonts whose "emb" column is not "yes"."""
    path = folder / name
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdffonts", path], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, f"{name}: no fonts listed"
    columns = [line.rsplit(maxsplit=5) for line in listing]  # name type... emb sub uni id gen
    return [line for line, parts in zip(listing, columns, strict=True) if parts[1] != "yes"]


def test_every_font_of_every_printed_form_is_embedded(tmp_path: Path) -> None:
    forms = render_forms(load_case(REFERENCE_CASE))
    assert any(form.form_id == "inu_touroku_henkou" for form in forms)  # over a background
    missing = {
        f"{index} {form.form_id}": fonts_not_embedded(form.pdf, tmp_path, f"{index}.pdf")
        for index, form in enumerate(forms)
    }
    assert {name: lines for name, lines in missing.items() if lines} == {}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_font_of_the_slip_is_embedded(tmp_path: Path, layout: str) -> None:
    pdf = render_slip(
        load_case(REFERENCE_CASE),
        payload_digits(),
        expires_at=EXPIRES_AT,
        issued_at=ISSUED_AT,
        layout=layout,
    )
    assert fonts_not_embedded(pdf, tmp_path, "slip.pdf") == []
