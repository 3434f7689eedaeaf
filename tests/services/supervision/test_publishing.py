"""Publishing and withdrawing question-tree versions on SQLite and PostgreSQL: only a text
that passes every check and its scenarios is stored, exactly as published but for its version
and effective date; the version in force decides what a counter asks on the interview's
day; a withdrawal brings the previous version back and is audited; slips made with any
version still open."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.counter.session import CounterSession, issue_slip
from kakanai.services.desk.session import open_scan
from kakanai.services.supervision.accounts import Supervisor, add_user, set_disabled, sign_in
from kakanai.services.supervision.publishing import (
    Candidate,
    PublishRefusedError,
    check_candidate,
    publish,
    store_candidates,
    version_key,
    withdraw,
)
from kakanai.services.trees import library
from kakanai.services.workspace import Workspace
from kakanai.store.audit import audit_entries
from tests.conftest import QUESTIONNAIRES
from tests.desk_slips import at_department
from tests.services.counter.workspace import answer_until, reference_answers
from tests.services.supervision.trees import PETS, PETS_TESTS, line_of, replaced
from tests.supervised_workspaces import JST, NAME, PASSWORD, day, set_clock

TODAY = dt.date.today()
SWITCH = TODAY + dt.timedelta(days=30)  # the new version's 施行日


def publish_pets(
    workspace: Workspace, supervisor: Supervisor, version: str, effective: str, text: str = PETS
) -> library.PublishedVersion:
    return publish(
        workspace,
        supervisor,
        text,
        tests_text=PETS_TESTS,
        effective_from=day(effective),
        version=version,
        path="pets.yaml",
    )


def refusal(workspace: Workspace, supervisor: Supervisor, **changes: Any) -> KakanaiError:
    arguments: dict[str, Any] = {
        "tests_text": PETS_TESTS,
        "effective_from": day("2027-05-01"),
        "version": "2027.5",
        "path": "pets.yaml",
        **changes,
    }
    text = arguments.pop("text", PETS)
    with pytest.raises(KakanaiError) as caught:
        publish(workspace, supervisor, text, **arguments)
    return caught.value


def audit_rows(workspace: Workspace) -> list[tuple[str, str, str]]:
    with workspace.session() as session:
        return [(r.action, r.actor, r.detail) for r in reversed(audit_entries(session))]


# -- the version in force ---------------------------------------------------------------


def test_the_version_in_force_is_the_latest_effective_on_that_day(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    publish_pets(workspace, supervisor, "2027.2", "2027-02-01")
    assert library.in_force(workspace, "pets", day("2027-01-31")).tree.meta.version == "2027.1"
    assert library.in_force(workspace, "pets", day("2027-02-01")).tree.meta.version == "2027.2"
    with pytest.raises(KakanaiError) as caught:  # before any version, and no file of it
        library.in_force(workspace, "pets", day("2026-12-31"))
    assert caught.value.code is ErrorCode.SLIP_QUESTIONNAIRE_MISSING


def test_withdrawing_brings_the_previous_version_back_and_is_audited(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    publish_pets(workspace, supervisor, "2027.2", "2027-02-01")
    set_clock(workspace, dt.datetime(2027, 2, 3, 10, 0, tzinfo=JST))
    withdrawn = withdraw(workspace, supervisor, "pets", "2027.2")
    assert withdrawn.withdrawn
    assert (withdrawn.withdrawn_by, withdrawn.withdrawn_at) == (NAME, workspace.now())
    assert library.in_force(workspace, "pets", day("2027-02-03")).tree.meta.version == "2027.1"
    # A slip made with the withdrawn version still finds it.
    assert library.exact(workspace, "pets", "2027.2").tree.meta.version == "2027.2"
    action, actor, detail = audit_rows(workspace)[-1]
    assert (action, actor) == ("tree_withdrawn", NAME)
    assert "pets 版2027.2" in detail
    assert "本日の施行: 版2027.1" in detail
    with pytest.raises(KakanaiError) as again:
        withdraw(workspace, supervisor, "pets", "2027.2")
    assert again.value.code is ErrorCode.TREES_ALREADY_WITHDRAWN
    with pytest.raises(KakanaiError) as unknown:
        withdraw(workspace, supervisor, "pets", "2027.9")
    assert unknown.value.code is ErrorCode.TREES_VERSION_UNKNOWN


def test_publishing_is_audited_with_who_what_and_when(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    published = publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    action, actor, detail = audit_rows(workspace)[-1]
    assert (action, actor) == ("tree_published", NAME)
    assert detail.startswith("pets 版2027.1 施行日2027-01-01 公開 sha256=")
    assert (published.published_by, published.state) == (NAME, "published")


# -- what is stored -----------------------------------------------------------------------


def test_the_text_is_stored_as_given_but_for_its_version_and_effective_date(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    publish_pets(workspace, supervisor, "2027.3", "2027-03-15")
    stored = library.version_texts(workspace, "pets", "2027.3")
    changed = [
        (old, new)
        for old, new in zip(PETS.splitlines(), stored.source.splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        ('  version: "2027.1"', '  version: "2027.3"'),
        ("  effective_from: 2027-01-01", "  effective_from: 2027-03-15"),
    ]
    assert stored.tests == PETS_TESTS
    assert stored.version.sha256 == library.fingerprint(stored.source)


def test_a_text_that_already_says_its_version_and_date_is_stored_byte_for_byte(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    crlf = PETS.replace("\n", "\r\n")
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01", text=crlf)
    assert library.version_texts(workspace, "pets", "2027.1").source == crlf


# -- what is refused ----------------------------------------------------------------------


def test_a_broken_tree_is_refused_with_every_problem_located_and_nothing_is_stored(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    broken = replaced(PETS, "when: pet_dog\n    because", "when: pet_dgo\n    because")
    broken = replaced(
        broken, "department: kankyo\n    when: not", "department: kanyko\n    when: not"
    )
    error = refusal(workspace, supervisor, text=broken)
    assert isinstance(error, PublishRefusedError)
    assert error.code is ErrorCode.TREES_NOT_CHECKED
    rendered = sorted(p.render() for p in error.problems)
    assert [r.split(" ", 2)[:2] for r in rendered] == [
        [f"pets.yaml:{line_of(broken, 'pet_dgo')}:11:", "TREE_REF_001"],
        [f"pets.yaml:{line_of(broken, 'kanyko')}:5:", "TREE_REF_004"],
    ]
    assert "もしかして: pet_dog" in rendered[0]
    assert library.versions(workspace) == []
    assert [a for a, _, _ in audit_rows(workspace) if a == "tree_published"] == []


def test_a_tree_whose_scenario_fails_is_refused_with_the_scenario_located(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    wrong = replaced(PETS_TESTS, "procedures: [dog_address]", "procedures: [pet_none]")
    error = refusal(workspace, supervisor, tests_text=wrong)
    assert isinstance(error, PublishRefusedError)
    assert any(
        p.path == "pets.tests.yaml" and p.code is ErrorCode.SCENARIO_FAILED for p in error.problems
    )
    assert library.versions(workspace) == []


def test_a_tree_without_scenarios_is_refused(workspace: Workspace, supervisor: Supervisor) -> None:
    assert refusal(workspace, supervisor, tests_text=None).code is ErrorCode.TREES_NO_SCENARIOS
    unconfirmed = PETS_TESTS.replace("  - name:", "  - confirmed: false\n    name:")
    assert (
        refusal(workspace, supervisor, tests_text=unconfirmed).code is ErrorCode.TREES_NO_SCENARIOS
    )


def test_versions_and_dates_that_do_not_follow_the_published_ones_are_refused(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    publish_pets(workspace, supervisor, "2027.4", "2027-04-01")
    cases = [
        ({"version": "2027.4"}, ErrorCode.TREES_VERSION_EXISTS, "2027.4.1"),
        ({"version": "2027.3"}, ErrorCode.TREES_VERSION_LOWER, "2027.4"),
        ({"version": "2027.04"}, ErrorCode.TREES_VERSION_LOWER, "2027.4"),
        ({"effective_from": day("2027-03-31")}, ErrorCode.TREES_EFFECTIVE_EARLIER, "2027-04-01"),
        ({"version": "2027+5"}, ErrorCode.TREES_VERSION_INVALID, "+"),
        ({"version": "a" * 13}, ErrorCode.TREES_VERSION_INVALID, "12文字"),
        ({"effective_from": day("2100-01-01")}, ErrorCode.TREES_EFFECTIVE_RANGE, "2099-12-31"),
    ]
    for changes, code, says in cases:
        error = refusal(workspace, supervisor, **changes)
        assert (error.code, says in error.message) == (code, True), (changes, error.render())
    assert [v.version for v in library.versions(workspace, "pets")] == ["2027.4"]


def test_a_version_withdrawn_keeps_its_number_and_its_date_no_longer_binds(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    publish_pets(workspace, supervisor, "2027.2", "2027-06-01")
    withdraw(workspace, supervisor, "pets", "2027.2")
    assert refusal(workspace, supervisor, version="2027.2").code is ErrorCode.TREES_VERSION_EXISTS
    publish_pets(workspace, supervisor, "2027.3", "2027-02-01")
    assert library.in_force(workspace, "pets", day("2027-07-01")).tree.meta.version == "2027.3"


def test_a_supervisor_disabled_after_signing_in_cannot_publish_or_withdraw(
    workspace: Workspace, supervisor: Supervisor
) -> None:
    publish_pets(workspace, supervisor, "2027.1", "2027-01-01")
    add_user(workspace, "監修 次郎", "supervisor", password=PASSWORD, by=supervisor)
    jiro = sign_in(workspace, "監修 次郎", PASSWORD)
    set_disabled(workspace, supervisor, "監修 次郎", disabled=True)
    assert refusal(workspace, jiro).code is ErrorCode.SUPERVISE_DISABLED
    with pytest.raises(KakanaiError) as caught:
        withdraw(workspace, jiro, "pets", "2027.1")
    assert caught.value.code is ErrorCode.SUPERVISE_DISABLED
    assert not library.versions(workspace, "pets")[0].withdrawn


def test_versions_are_ordered_as_numbers() -> None:
    shuffled = ["2027.10", "2026.12", "2028", "2027.1.1", "2026.9", "2027.2", "2027.1"]
    assert sorted(shuffled, key=version_key) == [
        "2026.9",
        "2026.12",
        "2027.1",
        "2027.1.1",
        "2027.2",
        "2027.10",
        "2028",
    ]


# -- counters and desks -------------------------------------------------------------------


@pytest.fixture(scope="module")
def moving_versions() -> tuple[Candidate, Candidate]:
    """The shipped 転入 tree checked (with its 34 scenarios) as two versions: one in force
    today, the next from SWITCH. Checked once for the module; stored per test."""
    text = (QUESTIONNAIRES / "moving.yaml").read_bytes().decode("utf-8")
    tests = (QUESTIONNAIRES / "moving.tests.yaml").read_bytes().decode("utf-8")
    old = check_candidate(text, tests, effective_from=TODAY, version="2027.8", path="moving.yaml")
    new = check_candidate(text, tests, effective_from=SWITCH, version="2027.9", path="moving.yaml")
    return old, new


def at_time(day_: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day_.year, day_.month, day_.day, hour, minute, tzinfo=JST)


def test_a_counter_started_the_day_before_uses_the_old_version_and_on_the_day_the_new(
    workspace: Workspace, supervisor: Supervisor, moving_versions: tuple[Candidate, Candidate]
) -> None:
    store_candidates(workspace, supervisor, moving_versions, how="公開")
    set_clock(workspace, at_time(SWITCH - dt.timedelta(days=1), 16))
    before = CounterSession.start(workspace)
    set_clock(workspace, at_time(SWITCH, 8, 30))
    on_the_day = CounterSession.start(workspace)
    assert before.interview.runtime.tree.meta.version == "2027.8"
    assert on_the_day.interview.runtime.tree.meta.version == "2027.9"
    assert workspace.runtime.tree.meta.version == "2027.9"


def test_an_interview_keeps_its_version_and_its_slip_opens_after_the_new_one(
    workspace: Workspace, supervisor: Supervisor, moving_versions: tuple[Candidate, Candidate]
) -> None:
    store_candidates(workspace, supervisor, moving_versions, how="公開")
    set_clock(workspace, at_time(SWITCH - dt.timedelta(days=1), 16, 50))
    session = CounterSession.start(workspace)
    answer_until(session, reference_answers(), stop="household")
    set_clock(workspace, at_time(SWITCH, 0, 5))  # finished after midnight
    answer_until(session, reference_answers())
    case = session.finish()
    assert case["questionnaire"]["version"] == "2027.8"
    slip = issue_slip(workspace, case)
    set_clock(workspace, at_time(SWITCH + dt.timedelta(days=1), 10))
    desk = at_department(workspace, "kodomo")
    assert desk.runtime.tree.meta.version == "2027.9"
    scan = open_scan(desk, slip.digits)
    assert scan.case_id == case["case_id"]
    assert scan.summary.procedures
