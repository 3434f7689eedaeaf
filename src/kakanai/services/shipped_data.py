"""Where kakanai finds its content: the question trees and form templates (with their
backgrounds and samples) shipped inside the package, and a city's own trees and templates
in the data folder, which win over the shipped ones with the same id (file name)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kakanai.adapters.data_folder import data_dir
from kakanai.services.forms import templates as form_templates

QUESTIONNAIRES_FOLDER = "questionnaires"
FORM_TEMPLATES_FOLDER = "forms_templates"
REFERENCE_CASE_FILE = "reference_case.json"
_CHECKOUT = Path(__file__).resolve().parents[3]


def _shipped_root() -> Path:
    """The folder that holds the shipped ``questionnaires/`` and ``forms_templates/``: inside
    the ``kakanai.shipped`` package of a wheel or a frozen build, found through
    importlib.resources; in a source checkout (where that package is empty) the checkout
    itself, so that an edit to ``questionnaires/`` is seen at once."""
    # The package may be a Traversable that is no Path (PyInstaller's reader), but a folder
    # in it that exists on disk is handed out as a Path.
    packaged = resources.files("kakanai.shipped").joinpath(QUESTIONNAIRES_FOLDER)
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged.parent
    return _CHECKOUT


SHIPPED = _shipped_root()
QUESTIONNAIRES = SHIPPED / QUESTIONNAIRES_FOLDER
FORM_TEMPLATES = SHIPPED / FORM_TEMPLATES_FOLDER
REFERENCE_CASE = (
    SHIPPED / REFERENCE_CASE_FILE
    if SHIPPED != _CHECKOUT
    else _CHECKOUT / "tests" / "fixtures" / REFERENCE_CASE_FILE
)


def city_questionnaires() -> Path:
    """The city's own question trees (``<data folder>/questionnaires``); may not exist."""
    return data_dir() / QUESTIONNAIRES_FOLDER


def city_form_templates() -> Path:
    """The city's own form templates (``<data folder>/forms_templates``); may not exist."""
    return data_dir() / FORM_TEMPLATES_FOLDER


def questionnaire_file(questionnaire_id: str) -> Path:
    """``<id>.yaml`` from the city's folder when it has one, else the shipped one (which may
    not exist either: the caller reports that)."""
    name = f"{questionnaire_id}.yaml"
    city = city_questionnaires() / name
    return city if city.is_file() else QUESTIONNAIRES / name


def questionnaire_ids() -> list[str]:
    """Every question tree a counter may offer: the shipped ones and the city's own, by id."""
    folders = [QUESTIONNAIRES, city_questionnaires()]
    found = {
        path.stem
        for folder in folders
        if folder.is_dir()
        for path in folder.glob("*.yaml")
        if not path.name.endswith(".tests.yaml")
    }
    return sorted(found)


def template_index() -> dict[str, Path]:
    """Template id → file for every template a desk can print: the shipped ones, replaced
    by the city's own with the same id."""
    index = form_templates.index(FORM_TEMPLATES)
    city = city_form_templates()
    if city.is_dir():
        index.update(form_templates.index(city))
    return index


def content_folders() -> list[Path]:
    """What ``kakanai check`` checks when no path is given and the working folder has no
    ``questionnaires/`` or ``forms_templates/``: the city's folders first (their templates
    win in the cross-checks), then the shipped ones."""
    folders = [city_questionnaires(), QUESTIONNAIRES, city_form_templates(), FORM_TEMPLATES]
    return [folder for folder in folders if folder.is_dir()]


def tree_argument(text: str) -> Path:
    """A question tree named on the command line: a file, or else an id (``moving``)
    looked up like the desk does (the city's first)."""
    given = Path(text)
    if given.exists() or given.suffix or not text.isidentifier():
        return given
    return questionnaire_file(text)
