"""Editing and removing target lists and invitees: who may, what is refused, what the audit
trail keeps."""

import pytest

from accord.audit.domain import history_of
from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.engagement.domain import editing, invitations, pipeline
from accord.engagement.domain import registration as registration_domain
from accord.engagement.models import Invitee, TargetList
from accord.reference.models import ConstituentGroup, Country, Region
from tests import factories

pytestmark = pytest.mark.integration


@pytest.fixture
def delegate(admin, kenyan):
    return kenyan


@pytest.fixture
def stranger(admin):
    """An account that owns neither the list nor any invitee on it."""
    return factories.make_user(admin, "stranger")


def _queue(admin, invitee):
    """A batch queued, not sent (no on_commit callbacks run inside a test)."""
    return invitations.queue_invitations(
        user=admin,
        conference=invitee.target_list.conference,
        invitees=[invitee],
        base_url="http://testserver",
    )


# --- Editing a list ----------------------------------------------------------------------------


def test_update_target_list_renames_regroups_hands_over_and_audits(admin, target_list, owner):
    academia = ConstituentGroup.objects.get(code="academia")
    heir = factories.make_user(admin, "heir")

    editing.update_target_list(
        user=admin, target_list=target_list, name=" CEOs ", constituent_group=academia, owner=heir
    )

    target_list.refresh_from_db()
    assert (target_list.name, target_list.constituent_group, target_list.owner) == (
        "CEOs",
        academia,
        heir,
    )
    entry = AuditEntry.objects.get(action="engagement.list_changed")
    assert entry.changes == {
        "name": ["Private sector leaders", "CEOs"],
        "constituent_group": [
            str(ConstituentGroup.objects.get(code="private_sector")),
            str(academia),
        ],
        "owner": ["listowner", "heir"],
    }
    assert entry.actor == admin


def test_update_target_list_without_change_writes_no_entry(admin, target_list):
    editing.update_target_list(user=admin, target_list=target_list, name="Private sector leaders")

    assert AuditEntry.objects.filter(action="engagement.list_changed").count() == 0


def test_update_target_list_clears_owner(admin, target_list):
    editing.update_target_list(user=admin, target_list=target_list, owner=None)

    assert TargetList.objects.get().owner is None
    entry = AuditEntry.objects.get(action="engagement.list_changed")
    assert entry.changes == {"owner": ["listowner", None]}


def test_update_target_list_refuses_a_taken_name(admin, conference, target_list):
    pipeline.create_target_list(user=admin, conference=conference, name="Academia")

    with pytest.raises(DomainError) as caught:
        editing.update_target_list(user=admin, target_list=target_list, name="Academia")

    assert (caught.value.message, caught.value.field) == (
        "A target list named 'Academia' exists.",
        "name",
    )
    assert TargetList.objects.get(pk=target_list.pk).name == "Private sector leaders"


def test_update_target_list_refuses_an_empty_name_and_unknown_field(admin, target_list):
    with pytest.raises(DomainError) as empty:
        editing.update_target_list(user=admin, target_list=target_list, name="  ")
    with pytest.raises(DomainError) as unknown:
        editing.update_target_list(user=admin, target_list=target_list, conference=None)

    assert empty.value.message == "A target list needs a name."
    assert (unknown.value.message, unknown.value.field) == (
        "Unknown field: conference.",
        "conference",
    )


@pytest.mark.parametrize("who", ["owner", "delegate", "stranger"])
def test_update_target_list_is_the_secretariats(request, target_list, who):
    user = request.getfixturevalue(who)

    with pytest.raises(NotAllowed):
        editing.update_target_list(user=user, target_list=target_list, name="Mine now")

    assert TargetList.objects.get(pk=target_list.pk).name == "Private sector leaders"


# --- Deleting a list ---------------------------------------------------------------------------


def test_delete_target_list_of_identified_invitees_deletes_them_and_audits_each(
    admin, target_list, invitee
):
    other = pipeline.add_invitee(
        user=admin, target_list=target_list, name="Bo Chen", email="bo@example.org"
    )
    list_pk, invitee_pk, other_pk = target_list.pk, invitee.pk, other.pk

    editing.delete_target_list(user=admin, target_list=target_list)

    assert (TargetList.objects.count(), Invitee.objects.count()) == (0, 0)
    removed = AuditEntry.objects.filter(action="engagement.invitee_removed").order_by("id")
    assert [(e.target_id, e.changes["email"], e.changes["reason"]) for e in removed] == [
        (str(invitee_pk), ["ada@example.org", None], [None, "the list was deleted"]),
        (str(other_pk), ["bo@example.org", None], [None, "the list was deleted"]),
    ]
    deleted = AuditEntry.objects.get(action="engagement.list_deleted")
    assert (deleted.target_id, deleted.changes) == (
        str(list_pk),
        {
            "name": ["Private sector leaders", None],
            "constituent_group": [str(ConstituentGroup.objects.get(code="private_sector")), None],
            "owner": ["listowner", None],
            "invitees": [2, None],
        },
    )
    # Earlier entries about the list and its invitees stay.
    assert AuditEntry.objects.filter(action="engagement.invitee_added").count() == 2


def test_delete_target_list_refused_while_someone_was_invited(admin, target_list, invitee):
    pipeline.move_invitee(user=admin, invitee=invitee, state="invited")

    with pytest.raises(DomainError) as caught:
        editing.delete_target_list(user=admin, target_list=target_list)

    assert caught.value.message == (
        "The list 'Private sector leaders' cannot be deleted: Ada Mensah has been invited or "
        "registered, and a list with invitations on record stays. Rename it instead, or mark "
        "them declined."
    )
    assert (TargetList.objects.count(), Invitee.objects.count()) == (1, 1)
    assert AuditEntry.objects.filter(action="engagement.list_deleted").count() == 0


def test_delete_target_list_refused_while_an_email_is_on_record(admin, target_list, invitee):
    _queue(admin, invitee)  # queued, not sent: the invitee is still identified

    with pytest.raises(DomainError, match="Ada Mensah has been invited or registered"):
        editing.delete_target_list(user=admin, target_list=target_list)

    assert Invitee.objects.get().sends.count() == 1


def test_delete_target_list_names_three_then_counts_the_rest(admin, target_list):
    for name in ("Ann", "Ben", "Cat", "Dan", "Eve"):
        made = pipeline.add_invitee(
            user=admin, target_list=target_list, name=name, email=f"{name}@example.org"
        )
        pipeline.move_invitee(user=admin, invitee=made, state="confirmed")

    refusal = editing.deletion_refusal(target_list)

    assert refusal.startswith(
        "The list 'Private sector leaders' cannot be deleted: Ann, Ben, Cat and 2 more have "
        "been invited"
    )


@pytest.mark.parametrize("who", ["owner", "delegate", "stranger"])
def test_delete_target_list_is_the_secretariats(request, target_list, invitee, who):
    with pytest.raises(NotAllowed):
        editing.delete_target_list(user=request.getfixturevalue(who), target_list=target_list)

    assert TargetList.objects.count() == 1


# --- Editing an invitee ------------------------------------------------------------------------


def test_update_invitee_by_list_owner_changes_fields_and_star_and_audits(owner, invitee):
    kenya = Country.objects.get(iso3="KEN")

    editing.update_invitee(
        user=owner,
        invitee=invitee,
        name="Ada K. Mensah",
        email=" Ada.Mensah@Example.org ",
        organization_name=" Telco A ",
        country=kenya,
        gender="female",
        star=True,
        notes="Met at the RPM",
    )

    invitee.refresh_from_db()
    assert (
        invitee.name,
        invitee.email,
        invitee.organization_name,
        invitee.country,
        invitee.region,
        invitee.gender,
        invitee.star,
        invitee.notes,
    ) == (
        "Ada K. Mensah",
        "ada.mensah@example.org",
        "Telco A",
        kenya,
        kenya.region,
        "female",
        True,
        "Met at the RPM",
    )
    entry = AuditEntry.objects.get(action="engagement.invitee_changed")
    assert entry.changes == {
        "name": ["Ada Mensah", "Ada K. Mensah"],
        "email": ["ada@example.org", "ada.mensah@example.org"],
        "organization_name": ["", "Telco A"],
        "country": [None, str(kenya)],
        "region": [None, str(kenya.region)],
        "gender": ["undisclosed", "female"],
        "star": [False, True],
        "notes": ["", "Met at the RPM"],
    }
    assert (entry.actor, entry.target_id) == (owner, str(invitee.pk))


def test_update_invitee_new_country_brings_its_region_unless_the_region_was_chosen(admin, invitee):
    kenya, brazil = Country.objects.get(iso3="KEN"), Country.objects.get(iso3="BRA")
    europe = Region.objects.get(code="EUR")
    editing.update_invitee(user=admin, invitee=invitee, country=kenya)

    editing.update_invitee(user=admin, invitee=invitee, country=brazil)
    assert invitee.region == brazil.region

    editing.update_invitee(user=admin, invitee=invitee, region=europe)
    editing.update_invitee(user=admin, invitee=invitee, country=kenya)
    assert (invitee.country, invitee.region) == (kenya, europe)

    editing.update_invitee(user=admin, invitee=invitee, region=None)
    assert invitee.region == kenya.region


def test_update_invitee_empty_group_and_owner_mean_the_lists(admin, owner, invitee):
    editing.update_invitee(
        user=admin,
        invitee=invitee,
        constituent_group=ConstituentGroup.objects.get(code="academia"),
        owner=admin,
    )

    editing.update_invitee(user=admin, invitee=invitee, constituent_group=None, owner=None)

    invitee.refresh_from_db()
    assert (invitee.constituent_group.code, invitee.owner) == ("private_sector", owner)


@pytest.mark.parametrize(
    ("changes", "message", "field"),
    [
        ({"name": " "}, "An invitee needs a name.", "name"),
        ({"email": "not-an-email"}, "'not-an-email' is not an e-mail address.", "email"),
        (
            {"email": "BO@example.org"},
            "bo@example.org is already on the list 'Private sector leaders'.",
            "email",
        ),
        (
            {"gender": "robot"},
            "Unknown gender 'robot'; expected one of female, male, other, undisclosed.",
            "gender",
        ),
        ({"state": "attended"}, "Unknown field: state.", "state"),
    ],
)
def test_update_invitee_refuses_bad_values_and_writes_nothing(
    admin, target_list, invitee, changes, message, field
):
    pipeline.add_invitee(user=admin, target_list=target_list, name="Bo", email="bo@example.org")

    with pytest.raises(DomainError) as caught:
        editing.update_invitee(user=admin, invitee=invitee, **changes)

    assert (caught.value.message, caught.value.field) == (message, field)
    stored = Invitee.objects.get(pk=invitee.pk)
    assert (stored.name, stored.email, stored.gender) == (
        "Ada Mensah",
        "ada@example.org",
        "undisclosed",
    )
    assert AuditEntry.objects.filter(action="engagement.invitee_changed").count() == 0


def test_update_invitee_by_its_own_owner_but_not_handing_it_over(admin, target_list):
    keeper = factories.make_user(admin, "keeper")
    mine = pipeline.add_invitee(
        user=admin, target_list=target_list, name="Cy", email="cy@example.org", owner=keeper
    )

    editing.update_invitee(user=keeper, invitee=mine, star=True, notes="Call back")
    with pytest.raises(NotAllowed, match="hand an invitee to another owner"):
        editing.update_invitee(user=keeper, invitee=mine, owner=admin)

    mine.refresh_from_db()
    assert (mine.star, mine.notes, mine.owner) == (True, "Call back", keeper)


@pytest.mark.parametrize("who", ["delegate", "stranger"])
def test_update_invitee_refuses_delegate_and_non_owner(request, invitee, who):
    with pytest.raises(NotAllowed):
        editing.update_invitee(user=request.getfixturevalue(who), invitee=invitee, star=True)

    assert Invitee.objects.get().star is False


# --- Removing an invitee -----------------------------------------------------------------------


def test_remove_invitee_never_invited_by_list_owner_is_audited(owner, invitee):
    pk = invitee.pk

    editing.remove_invitee(user=owner, invitee=invitee)

    assert Invitee.objects.count() == 0
    entry = AuditEntry.objects.get(action="engagement.invitee_removed")
    assert (entry.actor, entry.target_id, entry.changes) == (
        owner,
        str(pk),
        {
            "list": ["Private sector leaders", None],
            "name": ["Ada Mensah", None],
            "email": ["ada@example.org", None],
            "state": ["identified", None],
            "reason": [None, "removed from the list"],
        },
    )


def test_remove_invitee_who_was_invited_says_to_mark_them_declined(admin, invitee):
    pipeline.move_invitee(user=admin, invitee=invitee, state="invited")

    with pytest.raises(DomainError) as caught:
        editing.remove_invitee(user=admin, invitee=invitee)

    assert caught.value.message == (
        "Ada Mensah is invited, not just identified; mark them declined instead, so their "
        "record stays."
    )
    assert Invitee.objects.count() == 1
    assert AuditEntry.objects.filter(action="engagement.invitee_removed").count() == 0


def test_remove_invitee_with_a_failed_email_on_record_is_refused(admin, invitee):
    batch = _queue(admin, invitee)
    batch.sends.update(state="failed", error="SMTP down")

    with pytest.raises(DomainError, match="has an invitation e-mail on record; mark them declined"):
        editing.remove_invitee(user=admin, invitee=invitee)

    assert batch.sends.count() == 1


def test_remove_invitee_who_registered_is_refused(admin, conference, invitee):
    registration_domain.register(
        conference=conference,
        invitee=invitee,
        form=registration_domain.RegistrationForm(name="Ada", email="ada@example.org"),
    )

    with pytest.raises(DomainError, match="Ada Mensah has registered; mark them declined"):
        editing.remove_invitee(user=admin, invitee=invitee)


def test_remove_invitee_refuses_the_invitees_own_owner_delegate_and_stranger(
    admin, target_list, delegate, stranger
):
    keeper = factories.make_user(admin, "keeper")
    mine = pipeline.add_invitee(
        user=admin, target_list=target_list, name="Cy", email="cy@example.org", owner=keeper
    )

    for user in (keeper, delegate, stranger):
        with pytest.raises(NotAllowed, match="Only the secretariat and the list's owner remove"):
            editing.remove_invitee(user=user, invitee=mine)

    assert Invitee.objects.count() == 1


def test_history_of_a_removed_invitee_stays(admin, invitee):
    editing.update_invitee(user=admin, invitee=invitee, star=True)
    editing.remove_invitee(user=admin, invitee=invitee)

    assert [e.action for e in history_of(invitee).order_by("id")] == [
        "engagement.invitee_added",
        "engagement.invitee_changed",
        "engagement.invitee_removed",
    ]


def test_an_address_corrected_after_queuing_gets_the_email_and_the_record(
    admin, invitee, mailoutbox
):
    # The send recorded the address of queuing time while the e-mail went to the new one.
    batch = _queue(admin, invitee)
    editing.update_invitee(user=admin, invitee=invitee, email="ada.mensah@example.org")

    invitations.run_batch(batch_id=batch.pk)

    assert [m.to for m in mailoutbox] == [["ada.mensah@example.org"]]
    assert list(batch.sends.values_list("email", "state")) == [("ada.mensah@example.org", "sent")]
