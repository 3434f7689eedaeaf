"""Every reader of outside input, fed generated inputs in a worker with a time and memory
cap: an input may be refused (with a code) or read, but never crash, hang or blow up the
reader. A failure names the reader and the input hypothesis shrank it to."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.benchmarks.bounded_runs import BoundedRunner, Sample
from kakanai.benchmarks.robustness import READERS
from tests.fuzz import strategies as fuzz
from tests.fuzz.profile import FUZZ

SAMPLES: dict[str, st.SearchStrategy[Sample]] = {
    "tree": fuzz.text_sample("tree", "tree.yaml"),
    "template": fuzz.text_sample("template", "template.yaml"),
    "answers": fuzz.answers_samples(),
    "case_forms": fuzz.case_samples(),
    "case_slip": fuzz.case_samples(),
    "slip_digits": fuzz.digits_samples(),
    "slip_image": fuzz.image_samples(),
}


@pytest.mark.parametrize("reader", sorted(SAMPLES))
def test_no_input_crashes_hangs_or_blows_up_a_reader(bounded: BoundedRunner, reader: str) -> None:
    @FUZZ
    @given(sample=SAMPLES[reader])
    def check(sample: Sample) -> None:
        outcome = bounded.run(READERS[reader], sample)
        assert not outcome.failed, outcome

    check()
