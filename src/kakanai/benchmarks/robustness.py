"""``kakanai bench robustness``: every reader of outside input (trees, templates, answers
files, case files for forms and slips, slip digits, slip images) against known bad inputs and
random mutations of good ones, each in a worker within a time and memory cap. Prints per
reader the inputs tried, the slowest, the largest and every failure (a crash, hang or
blow-up; a refusal with a code is what a bad input should get)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kakanai.adapters.qr.reading import load_image, read_code
from kakanai.adapters.slip.pdf import render_slip
from kakanai.benchmarks.bounded_runs import BoundedRunner, Outcome
from kakanai.benchmarks.robustness_samples import KEYRING, NOW, corpus
from kakanai.core.forms.binding import FormScope, case_view
from kakanai.core.forms.selection import FormJob
from kakanai.core.slip.keys import Keyring
from kakanai.services.case_files import load_case
from kakanai.services.forms import templates as form_templates
from kakanai.services.forms.rendering import paint, plan_form, render_forms
from kakanai.services.shipped_data import QUESTIONNAIRES, REFERENCE_CASE
from kakanai.services.slip.sealing import open_slip_details, seal_case
from kakanai.services.trees.checking import check_tree
from kakanai.services.trees.interviewing import interview_from_file

AS_OF = dt.date(2026, 11, 23)
SECONDS = 20.0
MEGABYTES = 1500.0
"""The caps: no input may take longer or more (the worker's resident set, imports included)."""

READERS: Mapping[str, str] = {
    "tree": f"{__name__}:read_tree",
    "template": f"{__name__}:read_template",
    "answers": f"{__name__}:read_answers",
    "case_forms": f"{__name__}:read_case_forms",
    "case_slip": f"{__name__}:read_case_slip",
    "slip_digits": f"{__name__}:read_slip_digits",
    "slip_image": f"{__name__}:read_slip_image",
}
"""Each reader by name, as the ``module:function`` a worker runs."""


# --- the readers: what a desk does with each kind of file ---------------------------------


def read_tree(path: Path) -> str | None:
    """``kakanai check --paths`` of a question tree: the checker and the path table."""
    report = check_tree(path, AS_OF, collect_paths=True)
    return report.problems[0].code.code if report.problems else None


def read_template(path: Path) -> str | None:
    """A form template read and checked, then laid out and painted for the reference case."""
    template, problems = form_templates.read(path, FormScope())
    if template is None or problems:
        return problems[0].code.code if problems else "unreadable"
    job = FormJob(template.id, 0, {}, None)
    paint(template, plan_form(template, case_view(_reference()), job))
    return None


def read_answers(path: Path) -> str | None:
    """``kakanai interview questionnaires/moving.yaml --answers FILE``."""
    interview_from_file(QUESTIONNAIRES / "moving.yaml", path, as_of=AS_OF, case_id="x")
    return None


def read_case_forms(path: Path) -> str | None:
    """``kakanai forms CASE --all``."""
    render_forms(load_case(path))
    return None


def read_case_slip(path: Path) -> str | None:
    """``kakanai slip CASE``: sealed and printed."""
    case = load_case(path)
    sealed = seal_case(case, now=NOW, keyring=_keyring())
    render_slip(
        case,
        sealed.digits,
        expires_at=sealed.expires_at,
        issued_at=sealed.issued_at,
        layout="a4",
        lang="ja",
        desk="窓口",
    )
    return None


def read_slip_digits(path: Path) -> str | None:
    """``kakanai decode --text DIGITS`` (the file holds what a scanner typed)."""
    text = path.read_bytes()[:100_000].decode("utf-8", "replace")
    open_slip_details(text, now=NOW, keyring=_keyring())
    return None


def read_slip_image(path: Path) -> str | None:
    """``kakanai decode IMAGE``: a code is accepted only if it opens."""

    def opens(text: str) -> bool:
        try:
            open_slip_details(text, now=NOW, keyring=_keyring())
        except Exception:  # noqa: BLE001 - any rejection means: keep looking
            return False
        return True

    found = read_code(load_image(path), opens)
    return None if found is not None else "SLIP_001"


def _keyring() -> Keyring:
    """The harness's fixed key, in memory: the readers never touch a desk's keys."""
    return KEYRING


@functools.cache
def _reference() -> dict[str, Any]:
    return load_case(REFERENCE_CASE)


# --- the benchmark ------------------------------------------------------------------------


def bench_robustness(repeat: int) -> int:
    """``kakanai bench robustness``: ``repeat`` random mutations per reader besides the known
    bad inputs. Exit 1 when any input crashed, hung or passed the memory cap."""
    print(f"caps per input: {SECONDS:.0f} s, {MEGABYTES:.0f} MB resident (the whole worker)")
    print(f"{'reader':<12} {'inputs':>6} {'refused':>7} {'max s':>7} {'max MB':>7}  failures")
    failed: list[Outcome] = []
    with BoundedRunner(seconds=SECONDS, megabytes=MEGABYTES) as runner:
        for reader, spec in READERS.items():
            outcomes = [runner.run(spec, sample) for sample in corpus(reader, repeat)]
            failures = [o for o in outcomes if o.failed]
            failed.extend(failures)
            print(_row(reader, outcomes, failures))
    for outcome in failed:
        name = outcome.reader.rpartition(":")[2]
        print(f"  {name} {outcome.sample}: {outcome.status} {outcome.code} {outcome.detail}")
    return 1 if failed else 0


def _row(reader: str, outcomes: list[Outcome], failures: list[Outcome]) -> str:
    refused = sum(1 for o in outcomes if o.status == "refused")
    slowest = max(outcomes, key=lambda o: o.seconds)
    peak = max((o.peak_mb or 0.0 for o in outcomes), default=0.0)
    shown = ", ".join(f"{o.sample}: {o.status}" for o in failures) or "-"
    return (
        f"{reader:<12} {len(outcomes):>6} {refused:>7} {slowest.seconds:>7.2f} {peak:>7.0f}  "
        f"{shown}  (slowest: {slowest.sample})"
    )
