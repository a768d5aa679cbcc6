import pytest

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.engagement.domain import pipeline
from tests import factories


def test_move_invitee_forward_stamps_and_audits(owner, invitee):
    pipeline.move_invitee(user=owner, invitee=invitee, state="invited")
    pipeline.move_invitee(user=owner, invitee=invitee, state="confirmed")
    invitee.refresh_from_db()
    assert invitee.state == "confirmed"
    assert invitee.invited_at is not None
    assert invitee.confirmed_at is not None
    moves = AuditEntry.objects.filter(action="engagement.invitee_moved").order_by("id")
    assert [entry.changes["state"] for entry in moves] == [
        ["identified", "invited"],
        ["invited", "confirmed"],
    ]


def test_move_invitee_forward_may_skip_steps(admin, invitee):
    pipeline.move_invitee(user=admin, invitee=invitee, state="registered")
    assert invitee.state == "registered"


def test_move_invitee_backwards_without_reason_refused(admin, invitee):
    pipeline.move_invitee(user=admin, invitee=invitee, state="confirmed")
    with pytest.raises(DomainError, match="needs a reason"):
        pipeline.move_invitee(user=admin, invitee=invitee, state="invited")


def test_move_invitee_backwards_with_reason_clears_later_stamps(admin, invitee):
    pipeline.move_invitee(user=admin, invitee=invitee, state="confirmed")
    pipeline.move_invitee(user=admin, invitee=invitee, state="invited", reason="wrong person")
    invitee.refresh_from_db()
    assert (invitee.state, invitee.confirmed_at) == ("invited", None)
    entry = AuditEntry.objects.filter(action="engagement.invitee_moved").latest("id")
    assert entry.changes == {"state": ["confirmed", "invited"], "reason": [None, "wrong person"]}


def test_move_invitee_confirmed_to_declined_needs_reason(admin, invitee):
    pipeline.move_invitee(user=admin, invitee=invitee, state="confirmed")
    with pytest.raises(DomainError, match="needs a reason"):
        pipeline.move_invitee(user=admin, invitee=invitee, state="declined")


def test_move_invitee_same_state_refused(admin, invitee):
    with pytest.raises(DomainError, match="already identified"):
        pipeline.move_invitee(user=admin, invitee=invitee, state="identified")


def test_move_invitee_refuses_delegate(admin, conference, invitee):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "del1")
    with pytest.raises(NotAllowed):
        pipeline.move_invitee(user=delegate, invitee=invitee, state="invited")


def test_add_invitee_by_list_owner_inherits_owner_and_group(owner, target_list):
    invitee = pipeline.add_invitee(
        user=owner, target_list=target_list, name="Bo Chen", email=" Bo@Example.org "
    )
    assert (invitee.email, invitee.owner, invitee.constituent_group.code) == (
        "bo@example.org",
        owner,
        "private_sector",
    )


def test_add_invitee_refuses_duplicate_email(admin, target_list, invitee):
    with pytest.raises(DomainError, match=r"ada@example\.org is already on the list"):
        pipeline.add_invitee(
            user=admin, target_list=target_list, name="Ada", email="ADA@example.org"
        )


def test_add_invitee_racing_the_same_email_is_refused_cleanly(
    admin, target_list, invitee, monkeypatch
):
    """The check passed in both requests; the unique constraint refuses the second, with the
    check's message and nothing written."""
    monkeypatch.setattr(pipeline, "checked_email", lambda target_list, email: email.lower())

    with pytest.raises(DomainError) as error:
        pipeline.add_invitee(
            user=admin, target_list=target_list, name="Ada", email="ada@example.org"
        )

    assert error.value.message == "ada@example.org is already on the list 'Private sector leaders'."
    assert list(target_list.invitees.all()) == [invitee]
    assert AuditEntry.objects.filter(action="engagement.invitee_added").count() == 1


def test_add_invitee_refuses_other_user(admin, target_list):
    other = factories.make_user(admin, "stranger")
    with pytest.raises(NotAllowed):
        pipeline.add_invitee(user=other, target_list=target_list, name="X", email="x@example.org")


def test_create_target_list_secretariat_only(conference, owner):
    with pytest.raises(NotAllowed):
        pipeline.create_target_list(user=owner, conference=conference, name="Mine")
