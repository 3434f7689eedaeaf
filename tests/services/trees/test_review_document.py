"""The review (決裁) document: every question and procedure with its minimal rules, the
impact against the version in force, the scenario results — printed as a PDF whose text can
be read back."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pypdfium2 as pdfium

from kakanai.core.trees.model import QuestionType
from kakanai.core.trees.review import TYPE_NAMES
from kakanai.services.trees.review_document import review_document, write_review
from tests.conftest import QUESTIONNAIRES

AS_OF = dt.date(2026, 11, 23)
MOVING = QUESTIONNAIRES / "moving.yaml"


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_every_question_and_procedure_is_in_the_document_with_its_rules() -> None:
    document = review_document(MOVING, AS_OF)
    titles = [c.title for c in document.chapters]
    assert titles == ["設問", "手続き(課ごと)", "検査とシナリオの結果"]
    headings = [e.heading for c in document.chapters for e in c.entries]
    assert any(h.startswith("kokumin_nenkin  国民年金") for h in headings)
    lines = [line for c in document.chapters for e in c.entries for line in e.lines]
    assert "案内する規則 1: move_type=転居" in lines  # tenkyo_todoke


def test_the_impact_against_the_version_in_force_is_a_chapter(tmp_path: Path) -> None:
    tree = tmp_path / "moving.yaml"
    shutil.copy(QUESTIONNAIRES / "moving.tests.yaml", tmp_path / "moving.tests.yaml")
    text = MOVING.read_text(encoding="utf-8")
    tree.write_text(
        text.replace(
            '"転入" and (birthday(member.birth_date, 75)',
            '"転入" and (birthday(member.birth_date, 74)',
            1,
        ),
        encoding="utf-8",
    )
    document = review_document(tree, AS_OF, against=str(MOVING))
    (impact,) = [c for c in document.chapters if c.title == "現行版からの変更の影響"]
    lines = [line for e in impact.entries for line in e.lines]
    assert any("新たに案内される" in line for line in lines)


def test_the_printed_document_reads_back_with_its_title_and_rules(tmp_path: Path) -> None:
    written = write_review(MOVING, tmp_path / "review.pdf", AS_OF)
    text = pdf_text(written)
    assert "設問ツリー決裁書" in text
    assert "move_type=転居 かつ has_gentsuki=はい" in text  # gentsuki_jusho_henkou
    assert "起案" in text


def test_every_question_type_has_a_japanese_name() -> None:
    assert set(TYPE_NAMES) == set(QuestionType)
