"""Sign-in and users on SQLite and PostgreSQL: only an enabled supervisor with the right
password signs in; every attempt is audited with who and when, never with the password;
once a city has a supervisor, only a supervisor changes users."""

from __future__ import annotations

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.supervision.accounts import (
    Supervisor,
    add_user,
    has_supervisors,
    list_users,
    record_activity,
    set_disabled,
    set_password,
    sign_in,
)
from kakanai.services.workspace import Workspace
from kakanai.store.audit import audit_entries
from kakanai.store.tables import AuditRow, UserRow
from tests.supervised_workspaces import NAME, PASSWORD

WRONG = "correct horse battery stapler"


def audit_rows(workspace: Workspace) -> list[AuditRow]:
    with workspace.session() as session:
        return list(reversed(audit_entries(session)))


def refused(workspace: Workspace, name: str, password: str) -> KakanaiError:
    with pytest.raises(KakanaiError) as caught:
        sign_in(workspace, name, password)
    return caught.value


def test_a_supervisor_signs_in_and_it_is_audited_with_who_and_when(
    workspace: Workspace,
) -> None:
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    supervisor = sign_in(workspace, NAME, PASSWORD)
    assert supervisor.name == NAME
    last = audit_rows(workspace)[-1]
    assert (last.action, last.actor, last.desk) == ("signed_in", NAME, workspace.who.desk)
    assert last.at is not None


def test_a_name_typed_with_full_width_letters_is_the_same_user(workspace: Workspace) -> None:
    add_user(workspace, "Hanako", "supervisor", password=PASSWORD)
    assert sign_in(workspace, " Ｈａｎａｋｏ ", PASSWORD).name == "Hanako"


def test_a_wrong_password_and_an_unknown_name_get_the_same_message(
    supervisor: Supervisor, workspace: Workspace
) -> None:
    wrong = refused(workspace, NAME, WRONG)
    unknown = refused(workspace, "監修 次郎", PASSWORD)
    assert wrong.code is unknown.code is ErrorCode.SUPERVISE_SIGN_IN_FAILED
    assert wrong.message == unknown.message
    failures = [r for r in audit_rows(workspace) if r.action == "sign_in_failed"]
    assert [(r.actor, r.detail.split()[0]) for r in failures] == [
        (NAME, "wrong_password"),
        ("(未登録の名前)", "unknown_name"),
    ]


def test_a_clerk_cannot_sign_in_as_a_supervisor(
    supervisor: Supervisor, workspace: Workspace
) -> None:
    by = supervisor
    add_user(workspace, "窓口 太郎", "clerk", by=by)
    error = refused(workspace, "窓口 太郎", PASSWORD)
    assert error.code is ErrorCode.SUPERVISE_NOT_SUPERVISOR
    assert "監修者ではない" in error.message
    assert audit_rows(workspace)[-1].detail.startswith("not_supervisor")


@pytest.mark.parametrize(("role", "word"), [("clerk", "窓口職員"), ("desk", "連携課")])
def test_the_refusal_names_the_role_in_the_words_of_the_app(
    supervisor: Supervisor, workspace: Workspace, role: str, word: str
) -> None:
    add_user(workspace, "別の 職員", role, by=supervisor)
    error = refused(workspace, "別の 職員", PASSWORD)
    assert f"(役割: {word})" in error.message
    assert role not in error.message


def test_a_disabled_supervisor_cannot_sign_in_nor_act_on_an_earlier_sign_in(
    supervisor: Supervisor, workspace: Workspace
) -> None:
    add_user(workspace, "監修 次郎", "supervisor", password=PASSWORD, by=supervisor)
    jiro = sign_in(workspace, "監修 次郎", PASSWORD)
    set_disabled(workspace, supervisor, "監修 次郎", disabled=True)
    assert refused(workspace, "監修 次郎", PASSWORD).code is ErrorCode.SUPERVISE_DISABLED
    # Without the password, a disabled account looks like any wrong password.
    assert refused(workspace, "監修 次郎", WRONG).code is ErrorCode.SUPERVISE_SIGN_IN_FAILED
    with pytest.raises(KakanaiError) as caught:
        add_user(workspace, "窓口 三郎", "clerk", by=jiro)
    assert caught.value.code is ErrorCode.SUPERVISE_DISABLED
    set_disabled(workspace, supervisor, "監修 次郎", disabled=False)
    assert sign_in(workspace, "監修 次郎", PASSWORD).name == "監修 次郎"


def test_no_password_ever_reaches_the_audit_log_or_the_users_table(
    supervisor: Supervisor, workspace: Workspace
) -> None:
    new_password = "a new passphrase for jiro"  # noqa: S105 - a test password
    add_user(workspace, "監修 次郎", "supervisor", password=PASSWORD, by=supervisor)
    refused(workspace, "監修 次郎", WRONG)
    refused(workspace, PASSWORD, PASSWORD)  # a password typed into the name field
    set_password(workspace, supervisor, "監修 次郎", new_password)
    sign_in(workspace, "監修 次郎", new_password)
    with workspace.session() as session:
        hashes = [row.password_hash or "" for row in session.query(UserRow)]
    texts = [f"{r.actor} {r.action} {r.detail} {r.case_id}" for r in audit_rows(workspace)]
    texts += hashes
    for secret in (PASSWORD, WRONG, new_password):
        assert not [t for t in texts if secret in t]
    actions = [r.action for r in audit_rows(workspace)]
    assert "password_set" in actions
    assert actions.count("sign_in_failed") == 2


def test_the_first_supervisor_needs_no_supervisor_but_every_later_change_does(
    workspace: Workspace,
) -> None:
    assert not has_supervisors(workspace)
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    assert has_supervisors(workspace)
    with pytest.raises(KakanaiError) as caught:
        add_user(workspace, "窓口 太郎", "clerk")
    assert caught.value.code is ErrorCode.SUPERVISE_NEEDS_SUPERVISOR
    first = audit_rows(workspace)[0]
    assert (first.action, first.actor) == ("user_added", workspace.who.actor)


REFUSED_USERS = [
    # name, role, password, the code that says what to do
    ("窓口 太郎", "clerk", "a password for a clerk", ErrorCode.USER_PASSWORD_NOT_SUPERVISOR),
    ("監修 次郎", "supervisor", "short", ErrorCode.USER_PASSWORD_SHORT),
    ("監修 次郎", "supervisor", None, ErrorCode.USER_PASSWORD_SHORT),
    ("監修 次郎", "admin", None, ErrorCode.USER_ROLE_INVALID),
    ("   ", "clerk", None, ErrorCode.USER_NAME_INVALID),
    ("a\x1bb", "clerk", None, ErrorCode.USER_NAME_INVALID),
    (NAME, "clerk", None, ErrorCode.USER_EXISTS),
]


def test_a_user_that_cannot_be_added_is_refused_with_what_to_do(
    supervisor: Supervisor, workspace: Workspace
) -> None:
    for name, role, password, code in REFUSED_USERS:
        with pytest.raises(KakanaiError) as caught:
            add_user(workspace, name, role, password=password, by=supervisor)
        assert caught.value.code is code, (name, role)
    assert [u.name for u in list_users(workspace)] == [NAME]


def test_the_last_enabled_supervisor_cannot_be_disabled(
    supervisor: Supervisor, workspace: Workspace
) -> None:
    with pytest.raises(KakanaiError) as caught:
        set_disabled(workspace, supervisor, NAME, disabled=True)
    assert caught.value.code is ErrorCode.USER_LAST_SUPERVISOR
    add_user(workspace, "監修 次郎", "supervisor", password=PASSWORD, by=supervisor)
    assert set_disabled(workspace, supervisor, NAME, disabled=True).disabled


def test_an_unknown_user_is_named_with_a_suggestion(
    supervisor: Supervisor, workspace: Workspace
) -> None:
    with pytest.raises(KakanaiError) as caught:
        set_disabled(workspace, supervisor, "監修 花", disabled=True)
    assert caught.value.code is ErrorCode.USER_UNKNOWN
    assert "もしかして: 監修 花子" in caught.value.message


def test_the_editors_activity_is_audited_with_the_supervisor(
    supervisor: Supervisor, workspace: Workspace
) -> None:
    record_activity(workspace, supervisor, "tree_edited", "moving: 設問 kokuho の when")
    last = audit_rows(workspace)[-1]
    assert (last.action, last.actor, last.detail) == (
        "tree_edited",
        NAME,
        "moving: 設問 kokuho の when",
    )
    with pytest.raises(ValueError, match="not a supervisor"):
        record_activity(workspace, supervisor, "purged", "")
