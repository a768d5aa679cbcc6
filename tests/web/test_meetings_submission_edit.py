"""Editing a draft contribution to a meeting in the browser, and the "withdrawn" marker among
the meeting's documents."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.meetings.domain import submissions as domain
from accord.meetings.models import Submission
from tests import factories
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def rpm(admin, conference):
    return make_meeting(admin, conference)


@pytest.fixture(autouse=True)
def on_time(monkeypatch, rpm):
    monkeypatch.setattr(domain, "_now", lambda: domain.deadline_end(rpm) - dt.timedelta(days=1))


@pytest.fixture
def draft(rpm, kenya, kenyan):
    return domain.create_submission(
        user=kenyan,
        meeting=rpm,
        delegation=kenya,
        title="Digital skills",
        file=factories.contribution_file("first.txt"),
    )


def _edit(draft):
    return reverse(
        "submission_edit", args=[draft.meeting.conference.slug, draft.meeting_id, draft.pk]
    )


def _tab(rpm):
    return reverse("meeting_submissions", args=[rpm.conference.slug, rpm.pk])


def _state(pk):
    found = Submission.objects.get(pk=pk)
    return (found.title, found.original_name, sorted(d.pk for d in found.cosponsors.all()))


def test_the_author_sees_the_edit_link_and_the_filled_form(client, rpm, draft, kenyan):
    client.force_login(kenyan)
    assert f'href="{_edit(draft)}"' in client.get(_tab(rpm)).text
    page = client.get(_edit(draft))
    assert page.status_code == 200
    assert 'value="Digital skills"' in page.text
    assert "first.txt" in page.text


def test_the_author_changes_title_file_and_cosponsors(client, rpm, draft, kenyan, ghana):
    client.force_login(kenyan)
    response = client.post(
        _edit(draft),
        {
            "title": "Digital skills for all",
            "file": SimpleUploadedFile("second.pdf", b"%PDF-1.7"),
            "cosponsors": [ghana.pk],
        },
    )
    assert (response.status_code, response.headers["Location"]) == (302, _tab(rpm))
    assert _state(draft.pk) == ("Digital skills for all", "second.pdf", [ghana.pk])


def test_without_a_new_file_the_document_stays(client, draft, kenyan):
    client.force_login(kenyan)
    response = client.post(_edit(draft), {"title": "Renamed"})
    assert response.status_code == 302
    assert _state(draft.pk) == ("Renamed", "first.txt", [])


def test_a_bad_file_is_shown_on_the_form_and_nothing_changes(client, draft, kenyan):
    client.force_login(kenyan)
    response = client.post(
        _edit(draft), {"title": "Renamed", "file": SimpleUploadedFile("x.exe", b"MZ")}
    )
    assert response.status_code == 400
    assert "x.exe: a contribution must be a .docx, .pdf, .txt file." in response.text
    assert _state(draft.pk) == ("Digital skills", "first.txt", [])


def test_an_empty_title_is_shown_on_the_form_and_nothing_changes(client, draft, kenyan):
    client.force_login(kenyan)
    response = client.post(_edit(draft), {"title": ""})
    assert response.status_code == 400
    assert "field--title field--error" in response.text
    assert _state(draft.pk) == ("Digital skills", "first.txt", [])


def test_a_delegate_of_another_delegation_gets_no_draft_to_edit(client, draft, french):
    client.force_login(french)
    assert client.get(_edit(draft)).status_code == 404
    assert client.post(_edit(draft), {"title": "Hijacked"}).status_code == 404
    assert _state(draft.pk) == ("Digital skills", "first.txt", [])


def test_another_delegate_cannot_edit_a_submitted_contribution(client, draft, kenyan, french):
    domain.submit_submission(user=kenyan, submission=draft)
    client.force_login(french)
    assert client.get(_edit(draft)).status_code == 403
    assert client.post(_edit(draft), {"title": "Hijacked"}).status_code == 403
    assert _state(draft.pk) == ("Digital skills", "first.txt", [])


def test_the_secretariat_is_not_an_author(client, admin, draft):
    client.force_login(admin)
    assert client.post(_edit(draft), {"title": "Staff edit"}).status_code == 403
    assert _state(draft.pk) == ("Digital skills", "first.txt", [])


def test_a_submitted_contribution_is_no_longer_edited(client, rpm, draft, kenyan):
    domain.submit_submission(user=kenyan, submission=draft)
    client.force_login(kenyan)
    assert f'href="{_edit(draft)}"' not in client.get(_tab(rpm)).text
    assert "only a draft is changed" in client.get(_edit(draft)).text
    response = client.post(_edit(draft), {"title": "Too late"})
    assert response.status_code == 400
    assert _state(draft.pk) == ("Digital skills", "first.txt", [])


def _meeting_page(rpm):
    return reverse("meeting", args=[rpm.conference.slug, rpm.pk])


def test_a_withdrawn_contribution_is_marked_among_the_meetings_documents(
    client, rpm, kenya, kenyan, draft
):
    other = domain.create_submission(
        user=kenyan,
        meeting=rpm,
        delegation=kenya,
        title="Still standing",
        file=factories.contribution_file("b.txt"),
    )
    domain.submit_submission(user=kenyan, submission=draft)
    domain.submit_submission(user=kenyan, submission=other)
    domain.withdraw_submission(user=kenyan, submission=draft)
    client.force_login(kenyan)
    page = client.get(_meeting_page(rpm)).text
    marker = '<span class="submission-badge submission-badge--withdrawn">withdrawn</span>'
    assert page.count(marker) == 1
    assert f"Digital skills {marker}" in page
    assert page.count('class="meetings-document--withdrawn"') == 1


def test_the_meeting_page_takes_a_fixed_number_of_queries_with_withdrawn_documents(
    client, rpm, kenya, kenyan
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_meeting_page(rpm)).status_code == 200
        return len(queries)

    def tabled(title, withdraw):
        made = domain.create_submission(
            user=kenyan,
            meeting=rpm,
            delegation=kenya,
            title=title,
            file=factories.contribution_file("c.txt"),
        )
        domain.submit_submission(user=kenyan, submission=made)
        if withdraw:
            domain.withdraw_submission(user=kenyan, submission=made)

    client.force_login(kenyan)
    tabled("First", True)
    few = count()
    for n in range(4):
        tabled(f"More {n}", n % 2 == 0)
    assert count() == few
