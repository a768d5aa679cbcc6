import pytest

from accord.audit.models import AuditEntry
from accord.engagement.domain import pipeline
from accord.engagement.domain import registration as registration_domain
from accord.engagement.models import Invitee, TargetList
from accord.reference.models import Country
from tests import factories
from tests.api.conftest import bearer


def _setup(admin, conference):
    owner = factories.make_user(admin, "listowner")
    target_list = pipeline.create_target_list(
        user=admin, conference=conference, name="Stars", owner=owner
    )
    invitee = pipeline.add_invitee(
        user=admin, target_list=target_list, name="Ada", email="ada@example.org", star=True
    )
    registered = registration_domain.register(
        conference=conference,
        invitee=invitee,
        form=registration_domain.RegistrationForm(name="Ada", email="ada@example.org"),
    )
    return owner, target_list, registered


def test_target_lists_for_owner_and_refused_to_delegate(client, admin, conference, delegate):
    owner, target_list, _ = _setup(admin, conference)
    response = client.get("/api/conferences/conf/target-lists", headers=bearer(owner))
    assert response.status_code == 200
    body = response.json()
    assert body["lists"] == [
        {
            "id": target_list.pk,
            "name": "Stars",
            "owner": "listowner",
            "counts": {
                "identified": 1,
                "invited": 0,
                "confirmed": 0,
                "declined": 0,
                "registered": 0,
                "attended": 0,
            },
            "total": 1,
            "overdue": body["lists"][0]["overdue"],
        }
    ]
    assert [d["step"] for d in body["deadlines"]] == ["invited", "confirmed", "registered"]
    assert (
        client.get("/api/conferences/conf/target-lists", headers=bearer(delegate)).status_code
        == 403
    )


def test_registrations_listed_and_decided_by_secretariat(client, admin, conference):
    owner, _, registered = _setup(admin, conference)
    assert (
        client.get("/api/conferences/conf/registrations", headers=bearer(owner)).status_code == 403
    )
    listed = client.get("/api/conferences/conf/registrations", headers=bearer(admin)).json()
    assert [(r["email"], r["state"]) for r in listed] == [("ada@example.org", "pending")]
    url = f"/api/conferences/conf/registrations/{registered.pk}/decision"
    refused = client.post(
        url, {"decision": "reject"}, content_type="application/json", headers=bearer(admin)
    )
    assert (refused.status_code, refused.json()["field"]) == (400, "reason")
    done = client.post(
        url, {"decision": "approve"}, content_type="application/json", headers=bearer(admin)
    )
    assert (done.status_code, done.json()["state"]) == (200, "approved")


# --- Editing and deleting lists and invitees ---------------------------------------------------

LISTS = "/api/conferences/conf/target-lists"
INVITEES = "/api/conferences/conf/invitees"


def _patch(client, url, body, user):
    return client.patch(url, body, content_type="application/json", headers=bearer(user))


def test_invitees_listed_to_list_owner_and_only_own_to_an_invitee_owner(client, admin, conference):
    owner, target_list, _ = _setup(admin, conference)
    keeper = factories.make_user(admin, "keeper")
    pipeline.add_invitee(
        user=admin, target_list=target_list, name="Cy", email="cy@example.org", owner=keeper
    )
    url = f"{LISTS}/{target_list.pk}/invitees"

    everyone = client.get(url, headers=bearer(owner)).json()
    own = client.get(url, headers=bearer(keeper)).json()

    assert [(i["email"], i["owner"], i["star"], i["state"]) for i in everyone] == [
        ("ada@example.org", "listowner", True, "identified"),
        ("cy@example.org", "keeper", False, "identified"),
    ]
    assert [i["email"] for i in own] == ["cy@example.org"]
    assert set(own[0]) == {
        "id",
        "target_list",
        "name",
        "email",
        "organization",
        "country",
        "region",
        "constituent_group",
        "membership_category",
        "gender",
        "star",
        "owner",
        "notes",
        "state",
        "overdue",
    }


def test_patch_target_list_by_secretariat(client, admin, conference):
    _, target_list, _ = _setup(admin, conference)

    response = _patch(
        client,
        f"{LISTS}/{target_list.pk}",
        {"name": "Stars of 2027", "constituent_group": "academia", "owner": None},
        admin,
    )

    assert response.status_code == 200
    assert (response.json()["name"], response.json()["owner"]) == ("Stars of 2027", None)
    target_list.refresh_from_db()
    assert (target_list.name, target_list.constituent_group.code) == ("Stars of 2027", "academia")


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (
            {"constituent_group": "pirates"},
            400,
            {"message": "Unknown constituent group 'pirates'.", "field": "constituent_group"},
        ),
        ({"owner": "ghost"}, 400, {"message": "Unknown owner 'ghost'.", "field": "owner"}),
        ({"name": " "}, 400, {"message": "A target list needs a name.", "field": "name"}),
        ({"colour": "red"}, 400, None),
    ],
)
def test_patch_target_list_bad_input_is_json_naming_the_field(
    client, admin, conference, body, status, error
):
    _, target_list, _ = _setup(admin, conference)

    response = _patch(client, f"{LISTS}/{target_list.pk}", body, admin)

    assert response.status_code == status
    if error is not None:
        assert response.json() == error
    assert TargetList.objects.get().name == "Stars"


def test_patch_and_delete_target_list_refused_to_owner_and_delegate(
    client, admin, conference, delegate
):
    owner, target_list, _ = _setup(admin, conference)

    for user, status in ((owner, 403), (delegate, 403)):
        assert (
            _patch(client, f"{LISTS}/{target_list.pk}", {"name": "X"}, user).status_code == status
        )
        assert (
            client.delete(f"{LISTS}/{target_list.pk}", headers=bearer(user)).status_code == status
        )
    assert TargetList.objects.get().name == "Stars"


def test_delete_target_list_refused_while_someone_registered_then_allowed(
    client, admin, conference
):
    _, target_list, _ = _setup(admin, conference)
    empty = pipeline.create_target_list(user=admin, conference=conference, name="Empty")

    refused = client.delete(f"{LISTS}/{target_list.pk}", headers=bearer(admin))
    done = client.delete(f"{LISTS}/{empty.pk}", headers=bearer(admin))

    assert refused.status_code == 400
    assert refused.json()["field"] == "invitees"
    assert refused.json()["message"].startswith(
        "The list 'Stars' cannot be deleted: Ada has been invited or registered"
    )
    assert done.status_code == 204
    assert list(TargetList.objects.values_list("name", flat=True)) == ["Stars"]


def test_patch_invitee_with_codes(client, admin, conference):
    owner, target_list, _ = _setup(admin, conference)
    invitee = target_list.invitees.get()

    response = _patch(
        client,
        f"{INVITEES}/{invitee.pk}",
        {"country": "ken", "organization": "Telco A", "star": False, "gender": "female"},
        owner,
    )

    assert response.status_code == 200
    body = response.json()
    assert (
        body["country"],
        body["region"],
        body["organization"],
        body["star"],
        body["gender"],
    ) == (
        "KEN",
        Country.objects.get(iso3="KEN").region.code,
        "Telco A",
        False,
        "female",
    )
    assert AuditEntry.objects.get(action="engagement.invitee_changed").changes["star"] == [
        True,
        False,
    ]


def test_patch_invitee_bad_values_are_json_errors(client, admin, conference):
    _, target_list, _ = _setup(admin, conference)
    invitee = target_list.invitees.get()

    bad_country = _patch(client, f"{INVITEES}/{invitee.pk}", {"country": "ZZZ"}, admin)
    bad_email = _patch(client, f"{INVITEES}/{invitee.pk}", {"email": "nope"}, admin)
    bad_gender = _patch(client, f"{INVITEES}/{invitee.pk}", {"gender": "robot"}, admin)

    assert (bad_country.status_code, bad_country.json()) == (
        400,
        {"message": "Unknown country 'ZZZ'.", "field": "country"},
    )
    assert (bad_email.status_code, bad_email.json()) == (
        400,
        {"message": "'nope' is not an e-mail address.", "field": "email"},
    )
    assert (bad_gender.status_code, bad_gender.json()["field"]) == (400, "gender")


def test_patch_and_delete_invitee_refused_to_delegate_and_stranger(
    client, admin, conference, delegate
):
    _, target_list, _ = _setup(admin, conference)
    invitee = target_list.invitees.get()
    stranger = factories.make_user(admin, "stranger")

    for user in (delegate, stranger):
        assert _patch(client, f"{INVITEES}/{invitee.pk}", {"star": False}, user).status_code == 403
        assert client.delete(f"{INVITEES}/{invitee.pk}", headers=bearer(user)).status_code == 403
    assert Invitee.objects.get().star is True


def test_delete_invitee_never_invited_then_refused_once_invited(client, admin, conference):
    owner, target_list, _ = _setup(admin, conference)
    fresh = pipeline.add_invitee(
        user=admin, target_list=target_list, name="Bo", email="bo@example.org"
    )
    registered = target_list.invitees.get(email="ada@example.org")

    done = client.delete(f"{INVITEES}/{fresh.pk}", headers=bearer(owner))
    refused = client.delete(f"{INVITEES}/{registered.pk}", headers=bearer(owner))
    missing = client.delete(f"{INVITEES}/{fresh.pk}", headers=bearer(owner))

    assert done.status_code == 204
    assert (refused.status_code, refused.json()) == (
        400,
        {
            "message": "Ada has registered; mark them declined instead, so their record stays.",
            "field": "state",
        },
    )
    assert (missing.status_code, missing.json()["field"]) == (404, "invitee")
    assert list(Invitee.objects.values_list("email", flat=True)) == ["ada@example.org"]


def test_invitee_writes_need_a_token(client, admin, conference):
    _, target_list, _ = _setup(admin, conference)
    invitee = target_list.invitees.get()

    response = client.patch(
        f"{INVITEES}/{invitee.pk}", {"star": False}, content_type="application/json"
    )

    assert response.status_code == 401
