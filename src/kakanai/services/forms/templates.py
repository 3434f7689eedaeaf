"""Finding and reading form templates: ``forms_templates/*.yaml`` files whose document
starts with ``form:``, read once per file version and reused."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from kakanai.adapters.input_files import read_text
from kakanai.adapters.yaml_loading import MAX_FILE_BYTES, YamlLoadError, load_file, load_text
from kakanai.core.errors import KakanaiError, Problem
from kakanai.core.forms.binding import FormScope
from kakanai.core.forms.model import FormTemplate
from kakanai.core.forms.reader import read_template

_FORM_START = re.compile(r"^form\s*:", re.MULTILINE)


def is_template(path: Path) -> bool:
    """A YAML file whose top level has ``form:`` (question trees start with questionnaire:);
    read once per file version, since every scan at a desk looks up the folder."""
    try:
        version = path.stat().st_mtime_ns
    except OSError:
        return False
    return _is_template(str(path), version)


@functools.lru_cache(maxsize=512)
def _is_template(path: str, _version: int) -> bool:
    # A FIFO or a device named here must be refused by the reader, not read to its end.
    try:
        return bool(_FORM_START.search(read_text(Path(path), limit=MAX_FILE_BYTES)))
    except (OSError, UnicodeDecodeError, KakanaiError):
        return False


def template_files(paths: Iterable[Path]) -> list[Path]:
    """Template files named by ``paths``: files as given, folders searched (not recursively)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.glob("*.yaml")) if is_template(p))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def index(folder: Path) -> dict[str, Path]:
    """Template id (the file name without .yaml) → file, for every template in ``folder``."""
    return {path.stem: path for path in template_files([folder])}


def read(
    path: Path, scope: FormScope, text: str | None = None
) -> tuple[FormTemplate | None, list[Problem]]:
    """Read and check one template against ``scope``; None when the YAML is unreadable.
    ``text``: the file's text as being edited (the template editor), instead of the file."""
    try:
        root = load_file(path) if text is None else load_text(text, str(path))
    except YamlLoadError as exc:
        return None, exc.problems
    return read_template(root, str(path), scope)


def load(path: Path) -> FormTemplate:
    """A template ready to print (cached while the file is unchanged); raises the first
    problem as a KakanaiError when it has any."""
    return _load(str(path), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=128)
def _load(path: str, _version: int) -> FormTemplate:
    template, problems = read(Path(path), FormScope())
    if problems:
        raise KakanaiError.from_problem(problems[0])
    assert template is not None
    return template


def split_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Question-tree paths and template paths: a file by its first key, a folder by what
    it holds (a folder of templates goes to the templates)."""
    trees: list[Path] = []
    templates: list[Path] = []
    for path in paths:
        if path.is_dir():
            (templates if template_files([path]) else trees).append(path)
        else:
            (templates if is_template(path) else trees).append(path)
    return trees, templates
