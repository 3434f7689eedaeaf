"""Where kakanai finds its content: the question trees and form templates (with their
backgrounds and samples) shipped inside the package, and a city's own trees and templates
in the data folder, which win over the shipped ones with the same id (file name)."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class TemplateFile:
    """One form template a desk prints: the file it reads, and where that file comes from."""

    id: str
    path: Path  # the file read: the city's copy when it has one, else the shipped file
    shipped: Path | None  # the shipped template of this id (None: a form only the city has)

    @property
    def city(self) -> bool:
        """The city's own file (its copy of a shipped template, or a form of its own)."""
        return self.path != self.shipped

    @property
    def city_copy(self) -> bool:
        """The city's copy of a shipped template, which deleting brings back to the shipped."""
        return self.city and self.shipped is not None


def templates() -> list[TemplateFile]:
    """Every template a desk can print, by id: per file, the city's own (in
    ``<data folder>/forms_templates``) in place of the shipped one with the same id, and
    every shipped one the city did not touch. The one place that lays the city's templates
    over the shipped ones: printing, ``kakanai check`` and the 様式 editor all read this."""
    shipped = form_templates.index(FORM_TEMPLATES)
    folder = city_form_templates()
    city = form_templates.index(folder) if folder.is_dir() else {}
    return [
        TemplateFile(form_id, city.get(form_id) or shipped[form_id], shipped.get(form_id))
        for form_id in sorted(shipped.keys() | city.keys())
    ]


def template_index() -> dict[str, Path]:
    """Template id → the file a desk prints it from (``templates()``)."""
    return {template.id: template.path for template in templates()}


def city_template_file(form_id: str) -> Path:
    """Where the city's own copy of template ``form_id`` is (or would be) saved."""
    return city_form_templates() / f"{form_id}.yaml"


def content_folders() -> list[Path]:
    """What ``kakanai check`` checks when no path is given and the working folder has no
    ``questionnaires/`` or ``forms_templates/``: the question trees' folders (the city's
    first) and the templates a desk prints (``templates()``): the city's folder first, whose
    templates win in the cross-checks, then the shipped folder, or, when the city has copies
    of shipped templates, the shipped files it did not replace (so that a replaced one is
    neither checked nor read)."""
    folders = [city_questionnaires(), QUESTIONNAIRES]
    found = [folder for folder in folders if folder.is_dir()]
    city = city_form_templates()
    if city.is_dir() and form_templates.index(city):
        found.append(city)
    effective = templates()
    if any(template.city_copy for template in effective):
        found.extend(t.path for t in effective if not t.city)
    elif FORM_TEMPLATES.is_dir():
        found.append(FORM_TEMPLATES)
    return found


def tree_argument(text: str) -> Path:
    """A question tree named on the command line: a file, or else an id (``moving``)
    looked up like the desk does (the city's first)."""
    given = Path(text)
    if given.exists() or given.suffix or not text.isidentifier():
        return given
    return questionnaire_file(text)
