"""Regenerate the sample cases the form templates are checked and tested against.

Each ``forms_templates/samples/<name>.answers.yaml`` is run through the shipped
questionnaire, like ``kakanai interview``, and written next to it as ``<name>.json`` with a
fixed case number and time, so the committed files are stable:

    .venv/bin/python scripts/make_form_samples.py
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kakanai.services.forms.samples import SAMPLES, build_sample, dumped  # noqa: E402


def main() -> int:
    for answers in sorted(SAMPLES.glob("*.answers.yaml")):
        name = answers.name.removesuffix(".answers.yaml")
        case_id = f"20261123-{zlib.crc32(name.encode()) & 0xFFFFFF:06X}"
        case = build_sample(answers, case_id)
        target = answers.with_name(f"{name}.json")
        target.write_text(dumped(case), encoding="utf-8")
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
