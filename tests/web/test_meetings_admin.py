"""Meetings and regional priorities in the admin: every model registered, read-only for the
secretariat (writes go through the domain), closed to everyone else."""

import pytest
from django.apps import apps
from django.contrib import admin as django_admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.meetings.domain import submissions
from accord.meetings.models import CalendarFeed, Meeting, Submission
from accord.regional.models import RegionalPriority
from tests import factories
from tests.meetings.conftest import make_meeting
from tests.regional.conftest import add

pytestmark = pytest.mark.integration

APPS = ("meetings", "regional")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _url(model, view="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _models():
    return [model for label in APPS for model in apps.get_app_config(label).get_models()]


def test_every_meetings_and_regional_model_is_registered(db):
    assert [m._meta.label for m in _models() if not django_admin.site.is_registered(m)] == []


def test_changelists_open_for_the_secretariat(client, admin, conference):
    rpm = make_meeting(admin, conference)
    kenya = factories.make_delegation(admin, conference, "KEN", name="Kenya")
    submissions.create_submission(
        user=admin,
        meeting=rpm,
        delegation=kenya,
        title="Draft",
        file=SimpleUploadedFile("a.txt", b"a"),
    )
    add(admin, conference, "ATU", "ATU-1", "Skills")
    client.force_login(admin)
    statuses = {m._meta.label: client.get(_url(m)).status_code for m in _models()}
    assert {label for label, status in statuses.items() if status != 200} == set()


def test_the_admin_is_read_only(client, admin, conference):
    rpm = make_meeting(admin, conference)
    priority = add(admin, conference, "ATU", "ATU-1", "Skills")
    client.force_login(admin)
    for model in _models():
        assert client.get(_url(model, "add")).status_code == 403, model._meta.label
    response = client.post(_url(Meeting, "change", rpm.pk), {"title": "Changed", "code": "X"})
    assert response.status_code == 403
    response = client.post(_url(RegionalPriority, "delete", priority.pk), {"post": "yes"})
    assert response.status_code == 403
    assert (Meeting.objects.get().title, RegionalPriority.objects.count()) == ("Meeting RPM-AFR", 1)


def test_the_detail_pages_open_read_only(client, admin, conference):
    rpm = make_meeting(admin, conference)
    priority = add(admin, conference, "ATU", "ATU-1", "Skills")
    client.force_login(admin)
    assert client.get(_url(Meeting, "change", rpm.pk)).status_code == 200
    assert client.get(_url(RegionalPriority, "change", priority.pk)).status_code == 200


def test_a_calendar_feed_shows_no_salt(client, admin, conference):
    kenya = factories.make_delegation(admin, conference, "KEN", name="Kenya")
    feed = CalendarFeed.objects.create(delegation=kenya, salt="s3cr3t-salt-value")
    client.force_login(admin)
    page = client.get(_url(CalendarFeed, "change", feed.pk)).text
    assert "s3cr3t-salt-value" not in page


def test_a_delegate_cannot_open_the_admin(client, admin, conference):
    kenya = factories.make_delegation(admin, conference, "KEN", name="Kenya")
    client.force_login(factories.make_delegate(admin, kenya, "kenyan"))
    response = client.get(_url(Submission))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")
