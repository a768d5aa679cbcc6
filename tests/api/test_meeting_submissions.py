"""The API of contributions to a meeting: a delegate uploads and submits, a late one is
flagged, the secretariat admits and accepts, other delegations do not see drafts."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.meetings.domain import submissions as domain
from tests import factories
from tests.api.conftest import bearer
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def rpm(admin, conference):
    return make_meeting(admin, conference)


def _base(rpm):
    return f"/api/conferences/conf/meetings/{rpm.pk}/contributions"


def test_delegate_uploads_submits_late_and_secretariat_admits(
    client, monkeypatch, admin, rpm, kenya, kenyan
):
    monkeypatch.setattr(domain, "_now", lambda: domain.deadline_end(rpm) + dt.timedelta(hours=1))
    created = client.post(
        _base(rpm),
        {"delegation": kenya.pk, "title": "Skills", "file": factories.contribution_file("s.txt")},
        headers=bearer(kenyan),
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert (created.json()["status"], created.json()["symbol"]) == ("draft", "")
    assert created.json()["reading"] == factories.CONTRIBUTION_READING
    submitted = client.post(f"{_base(rpm)}/{pk}/submit", headers=bearer(kenyan)).json()
    assert (submitted["symbol"], submitted["late"], submitted["lateness_minutes"]) == (
        "RPM-AFR/1",
        True,
        60,
    )
    refused = client.post(f"{_base(rpm)}/{pk}/accept", headers=bearer(admin))
    assert refused.status_code == 400
    assert (
        refused.json()["message"]
        == "RPM-AFR/1 came after the deadline; admit it before accepting it."
    )
    client.post(f"{_base(rpm)}/{pk}/admit", headers=bearer(admin))
    accepted = client.post(f"{_base(rpm)}/{pk}/accept", headers=bearer(admin)).json()
    assert (accepted["status"], accepted["admitted"]) == ("accepted", True)


def test_drafts_are_hidden_from_other_delegations_and_the_public(
    client, admin, conference, rpm, kenya, kenyan
):
    domain.create_submission(
        user=kenyan,
        meeting=rpm,
        delegation=kenya,
        title="Draft",
        file=SimpleUploadedFile("d.txt", b"d"),
    )
    other = factories.make_delegate(
        admin, factories.make_delegation(admin, conference, "FRA"), "fr"
    )
    assert client.get(_base(rpm), headers=bearer(other)).json() == []
    assert [s["title"] for s in client.get(_base(rpm), headers=bearer(kenyan)).json()] == ["Draft"]
    assert client.get(_base(rpm)).json() == []  # the public sees no contribution


def test_delegate_cannot_submit_for_another_delegation(client, admin, conference, rpm, kenyan):
    ghana = factories.make_delegation(admin, conference, "GHA")
    response = client.post(
        _base(rpm),
        {"delegation": ghana.pk, "title": "X", "file": SimpleUploadedFile("x.txt", b"x")},
        headers=bearer(kenyan),
    )
    assert response.status_code == 403
