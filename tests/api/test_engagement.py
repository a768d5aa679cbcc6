from accord.engagement.domain import pipeline
from accord.engagement.domain import registration as registration_domain
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
