"""The command line starts without the libraries only some commands need: `kakanai check`
of question trees (the supervisor's command, run on every save) loads no PDF, font or
database library."""

from __future__ import annotations

import subprocess
import sys

from kakanai.adapters.slip.pdf import LAYOUTS
from kakanai.core.slip.layouts import SLIP_LAYOUTS
from tests.conftest import QUESTIONNAIRES

HEAVY = ("reportlab", "pypdf", "pypdfium2", "sqlalchemy", "cv2", "PySide6")


def loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(done.stdout.split())


def test_the_command_line_loads_no_pdf_font_or_database_library() -> None:
    assert loaded_after("import kakanai.cli") & set(HEAVY) == set()


def test_checking_question_trees_loads_no_pdf_font_or_database_library() -> None:
    tree = QUESTIONNAIRES / "divorce.yaml"
    code = (
        "import contextlib, io\nfrom kakanai.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['check', {str(tree)!r}]) == 0"
    )
    assert loaded_after(code) & set(HEAVY) == set()


def test_the_slip_layouts_the_command_line_offers_are_those_the_printer_has() -> None:
    assert sorted(SLIP_LAYOUTS) == sorted(LAYOUTS)
