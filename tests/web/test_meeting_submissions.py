"""The Contributions tab of a meeting: list with status and late badges, the delegates' form,
the actions, who sees what, and queries per page."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.meetings.domain import submissions as domain
from accord.meetings.models import Submission, SubmissionStatus
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


@pytest.fixture
def on_time(monkeypatch, rpm):
    monkeypatch.setattr(domain, "_now", lambda: domain.deadline_end(rpm) - dt.timedelta(days=1))


def _tab(rpm):
    return reverse("meeting_submissions", args=[rpm.conference.slug, rpm.pk])


def _draft(user, rpm, delegation, title="Digital skills for all"):
    return domain.create_submission(
        user=user,
        meeting=rpm,
        delegation=delegation,
        title=title,
        file=factories.contribution_file("c.txt"),
    )


def test_delegate_starts_a_draft_through_the_form(client, on_time, rpm, kenya, kenyan):
    client.force_login(kenyan)
    response = client.post(
        reverse("submission_create", args=[rpm.conference.slug, rpm.pk]),
        {
            "delegation": kenya.pk,
            "title": "Affordable connectivity",
            "file": SimpleUploadedFile("prop.pdf", b"%PDF-1.7"),
        },
    )
    assert response.status_code == 302
    made = Submission.objects.get()
    assert (made.title, made.status, made.original_name) == (
        "Affordable connectivity",
        SubmissionStatus.DRAFT,
        "prop.pdf",
    )


def test_a_bad_file_is_shown_on_the_form(client, rpm, kenya, kenyan):
    client.force_login(kenyan)
    response = client.post(
        reverse("submission_create", args=[rpm.conference.slug, rpm.pk]),
        {"delegation": kenya.pk, "title": "X", "file": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert response.status_code == 400
    assert "x.exe: a contribution must be a .docx, .pdf, .txt file." in response.text
    assert Submission.objects.count() == 0


def test_delegate_submits_and_the_list_shows_the_symbol(client, on_time, rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya)
    client.force_login(kenyan)
    response = client.post(
        reverse("submission_action", args=[rpm.conference.slug, rpm.pk, draft.pk, "submit"]),
        follow=True,
    )
    assert response.status_code == 200
    assert "Submitted as RPM-AFR/1." in response.text
    assert 'class="submission-badge submission-badge--submitted"' in response.text


def test_late_contribution_shows_its_lateness_and_the_admit_button(
    client, monkeypatch, admin, rpm, kenya, kenyan
):
    monkeypatch.setattr(
        domain, "_now", lambda: domain.deadline_end(rpm) + dt.timedelta(days=2, hours=3)
    )
    draft = _draft(kenyan, rpm, kenya)
    domain.submit_submission(user=kenyan, submission=draft)
    client.force_login(admin)
    page = client.get(_tab(rpm)).text
    assert "late by 2 d 3 h" in page
    assert ">Admit</button>" in page
    client.post(reverse("submission_action", args=[rpm.conference.slug, rpm.pk, draft.pk, "admit"]))
    page = client.get(_tab(rpm)).text
    assert 'submission-badge--admitted">admitted</span>' in page
    assert ">Accept</button>" in page


def test_other_delegations_do_not_see_a_draft(client, rpm, kenya, kenyan, french):
    draft = _draft(kenyan, rpm, kenya, title="Secret draft")
    client.force_login(french)
    assert "Secret draft" not in client.get(_tab(rpm)).text
    document = reverse("submission_document", args=[rpm.conference.slug, rpm.pk, draft.pk])
    assert client.get(document).status_code == 404


def test_the_public_sees_no_contribution(client, on_time, rpm, kenya, kenyan):
    from accord.conferences.models import Conference

    Conference.objects.filter(pk=rpm.conference_id).update(is_public=True)
    domain.submit_submission(user=kenyan, submission=_draft(kenyan, rpm, kenya, title="Tabled"))
    response = client.get(_tab(rpm))
    assert response.status_code == 200
    assert "Tabled" not in response.text
    assert "shown to the participants" in response.text


def test_another_delegate_cannot_submit_a_draft_they_do_not_see(client, rpm, kenya, kenyan, french):
    draft = _draft(kenyan, rpm, kenya)
    client.force_login(french)
    url = reverse("submission_action", args=[rpm.conference.slug, rpm.pk, draft.pk, "submit"])
    assert client.post(url).status_code == 404


def test_delegate_cannot_accept(client, on_time, rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya)
    domain.submit_submission(user=kenyan, submission=draft)
    client.force_login(kenyan)
    url = reverse("submission_action", args=[rpm.conference.slug, rpm.pk, draft.pk, "accept"])
    assert client.post(url).status_code == 403


def test_the_meeting_page_links_to_the_contributions_tab(client, rpm, kenyan):
    client.force_login(kenyan)
    page = client.get(reverse("meeting", args=[rpm.conference.slug, rpm.pk])).text
    assert f'href="{_tab(rpm)}"' in page


def test_contributions_tab_takes_a_fixed_number_of_queries(
    client, on_time, admin, conference, rpm, kenya, kenyan
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_tab(rpm)).status_code == 200
        return len(queries)

    ghana = factories.make_delegation(admin, conference, "GHA", name="Ghana")
    client.force_login(admin)
    first = _draft(kenyan, rpm, kenya)
    first.cosponsors.add(ghana)
    domain.submit_submission(user=kenyan, submission=first)
    few = count()
    for n in range(5):
        made = _draft(kenyan, rpm, kenya, title=f"More {n}")
        made.cosponsors.add(ghana)
        domain.submit_submission(user=kenyan, submission=made)
    assert count() == few


def test_the_list_row_shows_what_the_document_holds(client, rpm, kenya, kenyan):
    _draft(kenyan, rpm, kenya)
    domain.create_submission(
        user=kenyan,
        meeting=rpm,
        delegation=kenya,
        title="In PDF",
        file=SimpleUploadedFile("p.pdf", b"%PDF-1.7"),
    )
    client.force_login(kenyan)
    page = client.get(_tab(rpm)).text
    assert (
        '<span class="note submission-reading">7 items, 4 comments, 5 positions, 1 warning</span>'
        in page
    )
    assert '<span class="note submission-reading">PDF, stored unread</span>' in page


def test_a_broken_docx_is_shown_on_the_form_naming_the_file(client, media, rpm, kenya, kenyan):
    client.force_login(kenyan)
    response = client.post(
        reverse("submission_create", args=[rpm.conference.slug, rpm.pk]),
        {
            "delegation": kenya.pk,
            "title": "X",
            "file": SimpleUploadedFile("draft.docx", bytes(range(256))),
        },
    )
    assert response.status_code == 400
    assert (
        "draft.docx: a binary file; expected a Word (.docx) document or its plain-text export"
        in response.text
    )
    assert Submission.objects.count() == 0
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_the_edit_page_shows_every_count_of_the_document(client, rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya)
    client.force_login(kenyan)
    page = client.get(reverse("submission_edit", args=[rpm.conference.slug, rpm.pk, draft.pk]))
    assert page.status_code == 200
    for label, value in [
        ("Priorities", 2),
        ("Items", 7),
        ("Comments", 4),
        ("Positions", 5),
        ("Bracketed spans", 2),
        ("Warnings", 1),
    ]:
        assert f"<dt>{label}</dt><dd>{value}</dd>" in page.text
