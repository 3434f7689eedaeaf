"""The time model a supervisor sets: minutes of handwriting a prefilled form saves (per form,
optionally per department) plus seconds per prefilled field. The defaults follow Ome city's
published figures (docs/statistics.md): about 2 minutes per 異動届 and 3 at こども育成課."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_MINUTES_PER_FORM = 2.0  # Ome: about 2 minutes saved per 異動届
DEFAULT_DEPARTMENT_MINUTES: Mapping[str, float] = {"kodomo": 3.0}  # Ome: 3 min at こども育成課
DEFAULT_SECONDS_PER_FIELD = 0.0  # Ome's figures are per form; a city that times fields sets this
MAX_MINUTES = 600.0  # per form; more is a typo


@dataclass(frozen=True)
class TimeModel:
    minutes_per_form: float = DEFAULT_MINUTES_PER_FORM
    department_minutes: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_DEPARTMENT_MINUTES)
    )
    seconds_per_field: float = DEFAULT_SECONDS_PER_FIELD

    def form_minutes(self, department: str) -> float:
        return self.department_minutes.get(department, self.minutes_per_form)

    def minutes_saved(self, department: str, forms: int, fields: int) -> float:
        """Minutes of writing saved by ``forms`` forms of a department with ``fields``
        prefilled fields among them."""
        return forms * self.form_minutes(department) + fields * self.seconds_per_field / 60


def checked_minutes(value: float) -> bool:
    """Whether a per-form figure is plausible (0 to 600 minutes)."""
    return 0 <= value <= MAX_MINUTES
