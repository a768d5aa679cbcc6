"""The meetings API: reads as public as the conference, writes for the secretariat (agenda also
for the meeting's chair), the coordinators matrix for participants."""

import datetime as dt

import pytest

from accord.meetings import domain
from accord.meetings.domain import AgendaEntry
from accord.meetings.enums import Topic
from accord.meetings.models import Meeting
from tests import factories
from tests.api.conftest import bearer
from tests.meetings.conftest import make_ipm, make_meeting

pytestmark = pytest.mark.integration

BASE = "/api/conferences/conf/meetings"


@pytest.fixture
def rpm(admin, conference):
    return make_meeting(admin, conference, chair=None)


@pytest.fixture
def ipm(admin, conference, rpm):
    return make_ipm(admin, conference, back_to_back_with=rpm)


NEW = {
    "kind": "rpm",
    "code": "RPM-EUR",
    "title": "Europe",
    "region": "eur",
    "starts_on": "2027-03-09",
    "ends_on": "2027-03-11",
    "timezone": "Europe/Lisbon",
    "city": "Lisbon",
    "country": "Portugal",
}


def test_list_meetings_public_with_agenda_and_documents(client, admin, conference, draft, rpm, ipm):
    domain.set_agenda(user=admin, meeting=rpm, entries=[AgendaEntry("1", "C", ("D.1", "D.1-a"))])
    domain.attach_document(user=admin, meeting=rpm, symbol="RPM-AFR/1", title="R", kind="report")
    domain.attach_document(
        user=admin, meeting=rpm, symbol="RPM-AFR/2", title="P", kind="contribution"
    )

    response = client.get(BASE)

    assert response.status_code == 200
    body = response.json()
    assert [m["code"] for m in body] == ["RPM-AFR", "IPM-1"]
    first = body[0]
    assert first["region"] == "AFR"
    assert first["contribution_deadline"] == "2026-10-06"
    assert first["agenda"] == [{"number": "1", "title": "C", "links": ["D.1", "D.1-a"]}]
    assert [d["symbol"] for d in first["documents"]] == ["RPM-AFR/1"]  # contributions hidden
    assert body[1]["back_to_back_with"] == rpm.pk
    assert body[1]["region"] is None


def test_list_meetings_participant_sees_contributions(client, admin, conference, rpm, delegate):
    domain.attach_document(
        user=admin, meeting=rpm, symbol="RPM-AFR/2", title="P", kind="contribution"
    )

    body = client.get(BASE, headers=bearer(delegate)).json()

    assert [d["symbol"] for d in body[0]["documents"]] == ["RPM-AFR/2"]


def test_list_meetings_filters(client, conference, rpm, ipm):
    assert [m["code"] for m in client.get(BASE, {"kind": "ipm"}).json()] == ["IPM-1"]
    assert [m["code"] for m in client.get(BASE, {"region": "afr"}).json()] == ["RPM-AFR"]
    assert [m["code"] for m in client.get(BASE, {"region": "none"}).json()] == ["IPM-1"]


def test_list_meetings_of_private_conference_not_found_for_public(client, admin):
    private = factories.make_conference(admin, slug="closed", is_public=False)
    make_meeting(admin, private)

    response = client.get("/api/conferences/closed/meetings")

    assert response.status_code == 404
    assert response.json() == {
        "message": "There is no conference 'closed' that you may see.",
        "field": "slug",
    }


def test_get_meeting(client, conference, rpm):
    response = client.get(f"{BASE}/{rpm.pk}")

    assert response.status_code == 200
    assert response.json()["code"] == "RPM-AFR"


def test_get_meeting_unknown_is_404(client, conference):
    assert client.get(f"{BASE}/999").status_code == 404


def test_create_meeting_by_secretariat(client, admin, conference):
    response = client.post(BASE, NEW, content_type="application/json", headers=bearer(admin))

    assert response.status_code == 201
    body = response.json()
    assert body["region"] == "EUR"
    assert body["contribution_deadline"] == "2027-02-23"
    assert Meeting.objects.get(code="RPM-EUR").timezone == "Europe/Lisbon"


def test_create_meeting_needs_token(client, admin, conference):
    client.force_login(admin)

    response = client.post(BASE, NEW, content_type="application/json")

    assert response.status_code == 401


def test_create_meeting_forbidden_to_delegate(client, conference, delegate):
    response = client.post(BASE, NEW, content_type="application/json", headers=bearer(delegate))

    assert response.status_code == 403
    assert response.json()["message"] == "Only the secretariat schedules meetings."
    assert Meeting.objects.count() == 0


def test_create_meeting_refusal_names_field(client, admin, conference):
    response = client.post(
        BASE,
        NEW | {"ends_on": "2027-03-01"},
        content_type="application/json",
        headers=bearer(admin),
    )

    assert response.status_code == 400
    assert response.json() == {
        "message": "The last day (2027-03-01) is before the first (2027-03-09).",
        "field": "ends_on",
    }


def test_create_meeting_unknown_field_refused(client, admin, conference):
    response = client.post(
        BASE, NEW | {"colour": "red"}, content_type="application/json", headers=bearer(admin)
    )

    assert response.status_code == 400


def test_create_meeting_back_to_back_by_id(client, admin, conference, rpm):
    payload = NEW | {
        "kind": "ipm",
        "code": "IPM-1",
        "region": None,
        "starts_on": "2026-10-23",
        "ends_on": "2026-10-24",
        "city": "Nairobi",
        "country": "Kenya",
        "back_to_back_with": rpm.pk,
    }

    response = client.post(BASE, payload, content_type="application/json", headers=bearer(admin))

    assert response.status_code == 201
    assert response.json()["back_to_back_with"] == rpm.pk


def test_create_meeting_unknown_partner_refused(client, admin, conference):
    response = client.post(
        BASE,
        NEW | {"back_to_back_with": 999},
        content_type="application/json",
        headers=bearer(admin),
    )

    assert response.status_code == 400
    assert response.json()["field"] == "back_to_back_with"


def test_update_meeting_changes_sent_fields_only(client, admin, conference, rpm):
    response = client.patch(
        f"{BASE}/{rpm.pk}",
        {"title": "Renamed", "contribution_days_before": 7},
        content_type="application/json",
        headers=bearer(admin),
    )

    assert response.status_code == 200
    rpm.refresh_from_db()
    assert (rpm.title, rpm.contribution_days_before, rpm.city) == ("Renamed", 7, "Nairobi")
    assert response.json()["contribution_deadline"] == "2026-10-13"


def test_update_meeting_forbidden_to_chair(client, conference, rpm, chair):
    response = client.patch(
        f"{BASE}/{rpm.pk}",
        {"title": "Renamed"},
        content_type="application/json",
        headers=bearer(chair),
    )

    assert response.status_code == 403


def test_delete_meeting(client, admin, conference, rpm):
    response = client.delete(f"{BASE}/{rpm.pk}", headers=bearer(admin))

    assert response.status_code == 204
    assert Meeting.objects.count() == 0


def test_set_agenda_by_meeting_chair(client, admin, conference, draft, chair):
    meeting = make_meeting(admin, conference, "RPM-AMS", region="AMS", chair=chair.person)

    response = client.put(
        f"{BASE}/{meeting.pk}/agenda",
        {
            "items": [
                {"number": "1", "title": "Opening"},
                {"number": "2", "title": "D", "links": ["D.2"]},
            ]
        },
        content_type="application/json",
        headers=bearer(chair),
    )

    assert response.status_code == 200
    assert response.json()["agenda"] == [
        {"number": "1", "title": "Opening", "links": []},
        {"number": "2", "title": "D", "links": ["D.2"]},
    ]


def test_set_agenda_unknown_code_400(client, admin, conference, draft, rpm):
    response = client.put(
        f"{BASE}/{rpm.pk}/agenda",
        {"items": [{"number": "1", "title": "X", "links": ["Z.9"]}]},
        content_type="application/json",
        headers=bearer(admin),
    )

    assert response.status_code == 400
    assert response.json() == {
        "message": "Agenda item 1: version 1 of the Action Plan has no priority or item 'Z.9'.",
        "field": "agenda",
    }


def test_set_agenda_forbidden_to_delegate(client, conference, rpm, delegate):
    response = client.put(
        f"{BASE}/{rpm.pk}/agenda",
        {"items": []},
        content_type="application/json",
        headers=bearer(delegate),
    )

    assert response.status_code == 403


def test_coordinators_matrix_for_participant(client, admin, conference, delegate):
    domain.assign_coordinator(
        user=admin,
        conference=conference,
        region="ASP",
        topic=Topic.STRATEGIC_PLAN,
        person=delegate.person,
    )

    response = client.get("/api/conferences/conf/coordinators", headers=bearer(delegate))

    assert response.status_code == 200
    body = response.json()
    assert [c["key"] for c in body["columns"]] == [
        "resolutions",
        "declaration",
        "questions",
        "strategic_plan",
    ]
    assert body["gaps"] == 23
    asia = next(row for row in body["rows"] if row["region"] == "ASP")
    assert asia["gaps"] == 3
    assert asia["cells"]["strategic_plan"] == [delegate.person.name]


def test_coordinators_matrix_forbidden_to_public(client, conference):
    response = client.get("/api/conferences/conf/coordinators")

    assert response.status_code == 403
    assert response.json()["message"] == "Coordinators are shown to the conference's participants."


def test_meeting_dates_serialised_as_iso(client, admin, conference):
    make_meeting(admin, conference, starts_on=dt.date(2026, 1, 5), ends_on=dt.date(2026, 1, 5))

    body = client.get(BASE).json()

    assert (body[0]["starts_on"], body[0]["ends_on"]) == ("2026-01-05", "2026-01-05")
