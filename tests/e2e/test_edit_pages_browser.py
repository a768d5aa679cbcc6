"""In Chromium: a delegate acting for ATU edits one of its regional priorities and sees the
change, while CITEL's delegate gets no edit control for it and is refused its edit page; a
delegate edits their delegation's draft contribution to a meeting (title and document), while
another delegation does not see the draft and the secretariat, not an author, cannot edit it."""

import datetime as dt

import pytest

from accord.conferences.models import Delegation
from accord.meetings.domain import submissions
from accord.meetings.models import Meeting, Submission
from accord.regional.models import RegionalPriority
from tests import factories
from tests.e2e.test_browse_plan import sign_in

pytestmark = pytest.mark.e2e


def test_regional_priority_edited_by_its_rto_and_refused_to_another(
    live_server, live_demo, page, other_page
):
    base = live_server.url
    priority = RegionalPriority.objects.get(code="ATU-1")
    sign_in(page, base, "delegate1", "delegate1-demo")  # Kenya, acting for ATU

    page.goto(f"{base}/c/ddc-27/regional/")
    page.get_by_role("link", name="Edit ATU-1").click()
    page.wait_for_url(f"**/c/ddc-27/regional/{priority.pk}/edit/")
    page.get_by_label("Title").fill("Affordable broadband for every rural community")
    page.get_by_role("button", name="Save").click()
    page.locator(".alert", has_text="Saved ATU-1.").wait_for()

    item = page.locator(f"#priority-{priority.pk} h3")
    assert item.inner_text().startswith("ATU-1 Affordable broadband for every rural community")
    priority.refresh_from_db()
    assert priority.title == "Affordable broadband for every rural community"
    assert page.errors == []

    other = other_page(base, "delegate2")  # Brazil, acting for CITEL
    other.goto(f"{base}/c/ddc-27/regional/")
    assert other.get_by_role("link", name="Edit ATU-1").count() == 0
    assert other.get_by_role("link", name="Edit CITEL-1").count() == 1
    refused = other.request.get(f"{base}/c/ddc-27/regional/{priority.pk}/edit/")
    assert refused.status == 403


@pytest.fixture
def draft(live_demo, settings, tmp_path):
    """Kenya's draft contribution to RPM-AFR, written before the deadline."""
    settings.MEDIA_ROOT = tmp_path
    meeting = Meeting.objects.get(conference__slug="ddc-27", code="RPM-AFR")
    kenya = Delegation.objects.get(conference__slug="ddc-27", organization__name="Kenya")
    author = kenya.members.get(user__username="delegate1").user
    return submissions.create_submission(
        user=author,
        meeting=meeting,
        delegation=kenya,
        title="Rural connectivity",
        file=factories.contribution_file("first.txt"),
    )


def test_draft_contribution_edited_by_its_author_and_not_by_others(
    live_server, draft, page, other_page, tmp_path
):
    base = live_server.url
    meeting = draft.meeting
    tab = f"{base}/c/ddc-27/meetings/{meeting.pk}/contributions/"
    edit = f"{tab}{draft.pk}/edit/"
    replacement = tmp_path / "second.txt"
    replacement.write_bytes(factories.CONTRIBUTION_TXT)
    sign_in(page, base, "delegate1", "delegate1-demo")

    page.goto(tab)
    page.get_by_role("link", name="Edit Rural connectivity").click()
    page.wait_for_url(edit)
    assert page.get_by_label("Title").input_value() == "Rural connectivity"
    page.get_by_label("Title").fill("Rural connectivity and skills")
    page.get_by_label("Replace the document (optional)").set_input_files(str(replacement))
    page.get_by_role("button", name="Save the draft").click()
    page.locator(".alert", has_text="Saved the draft “Rural connectivity and skills”.").wait_for()

    row = page.locator(f"#submission-{draft.pk}")
    assert row.get_by_role("link", name="Rural connectivity and skills", exact=True).count() == 1
    stored = Submission.objects.get(pk=draft.pk)
    assert (stored.title, stored.original_name, stored.status) == (
        "Rural connectivity and skills",
        "second.txt",
        "draft",
    )
    assert page.errors == []

    brazil = other_page(base, "delegate2")
    brazil.goto(tab)
    assert brazil.locator(f"#submission-{draft.pk}").count() == 0
    assert brazil.request.get(edit).status == 404

    secretariat = other_page(base, "secretariat")
    secretariat.goto(tab)
    seen = secretariat.locator(f"#submission-{draft.pk}")
    assert seen.count() == 1  # the secretariat sees drafts, to help get them in on time
    assert seen.get_by_role("link", name="Edit Rural connectivity and skills").count() == 0
    assert secretariat.request.get(edit).status == 403


def test_submitted_contribution_offers_no_edit_control(live_server, draft, page, monkeypatch):
    monkeypatch.setattr(
        submissions, "_now", lambda: submissions.deadline_end(draft.meeting) - dt.timedelta(days=1)
    )
    submissions.submit_submission(user=draft.created_by, submission=draft)
    base = live_server.url
    tab = f"{base}/c/ddc-27/meetings/{draft.meeting_id}/contributions/"
    sign_in(page, base, "delegate1", "delegate1-demo")

    page.goto(tab)

    row = page.locator(f"#submission-{draft.pk}")
    assert row.locator(".submission-badge--submitted").count() == 1
    assert row.get_by_role("link", name="Edit Rural connectivity").count() == 0
    page.goto(f"{tab}{draft.pk}/edit/")
    assert "only a draft is changed" in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Save the draft").count() == 0
    assert page.errors == []
