"""In Chromium: the secretariat renames a target list, stars and edits an invitee, removes
one never invited, is told why an invited one and the list itself stay, and deletes an empty
list; the list's owner edits invitees but gets no control to change the list, and a delegate
is refused the edit pages."""

import pytest
from django.contrib.auth import get_user_model

from accord.engagement.domain import pipeline
from accord.engagement.models import Invitee, TargetList
from tests.e2e.test_browse_plan import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def lists(live_demo):
    """A list owned by the demo's chair with Ana (identified) and Ben (invited), and an empty
    one, made by the secretariat."""
    from accord.conferences.models import Conference

    users = get_user_model().objects
    secretariat, chair = users.get(username="secretariat"), users.get(username="chair")
    conference = Conference.objects.get(slug="ddc-27")
    made = pipeline.create_target_list(
        user=secretariat, conference=conference, name="Browser edits", owner=chair
    )
    ana = pipeline.add_invitee(
        user=secretariat, target_list=made, name="Ana Ruiz", email="ana.ruiz@invite.example"
    )
    ben = pipeline.add_invitee(
        user=secretariat, target_list=made, name="Ben Okoro", email="ben.okoro@invite.example"
    )
    pipeline.move_invitee(user=secretariat, invitee=ben, state="invited")
    empty = pipeline.create_target_list(user=secretariat, conference=conference, name="Spare")
    return made, ana, ben, empty


def test_secretariat_edits_and_deletes_lists_and_invitees(live_server, lists, page):
    made, ana, _, empty = lists
    base = live_server.url
    sign_in(page, base, "secretariat", "secretariat-demo")

    page.goto(f"{base}/c/ddc-27/invitations/lists/{made.pk}/")
    page.get_by_role("link", name="Edit the list").click()
    page.get_by_label("Name", exact=True).fill("Browser edits 2027")
    page.get_by_label("Constituent group").select_option(label="Academia")
    page.get_by_role("button", name="Save the list").click()
    page.locator(".alert", has_text="Target list “Browser edits 2027” saved.").wait_for()
    assert page.locator("h1").inner_text() == "Browser edits 2027"

    page.get_by_role("link", name="Edit Ana Ruiz").click()
    page.get_by_label("Organization").fill("University of Port Verde")
    page.get_by_label("Star (on the short list)").check()
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".alert", has_text="Ana Ruiz saved.").wait_for()
    row = page.locator('tr[data-invitee="ana.ruiz@invite.example"]')
    assert row.locator(".engagement-star").count() == 1
    assert "University of Port Verde" in row.inner_text()

    page.get_by_role("link", name="Edit Ben Okoro").click()
    assert page.locator(".engagement-refusal").inner_text() == (
        "Ben Okoro is invited, not just identified; mark them declined instead, so their "
        "record stays."
    )
    assert page.get_by_role("link", name="Remove from the list…").count() == 0

    page.goto(f"{base}/c/ddc-27/invitations/invitees/{ana.pk}/edit/")
    page.get_by_role("link", name="Remove from the list…").click()
    page.locator("h1", has_text="Remove Ana Ruiz from “Browser edits 2027”?").wait_for()
    page.get_by_role("button", name="Remove from the list").click()
    page.locator(".alert", has_text="Ana Ruiz removed from the list.").wait_for()
    assert page.locator('tr[data-invitee="ana.ruiz@invite.example"]').count() == 0
    assert not Invitee.objects.filter(pk=ana.pk).exists()

    page.get_by_role("link", name="Edit the list").click()
    assert (
        page.locator(".engagement-refusal")
        .inner_text()
        .startswith("The list 'Browser edits 2027' cannot be deleted: Ben Okoro has been invited")
    )
    assert page.get_by_role("link", name="Delete the list…").count() == 0

    page.goto(f"{base}/c/ddc-27/invitations/lists/{empty.pk}/edit/")
    page.get_by_role("link", name="Delete the list…").click()
    page.get_by_role("button", name="Delete the list").click()
    page.locator(".alert", has_text="Target list “Spare” deleted.").wait_for()
    assert page.url == f"{base}/c/ddc-27/invitations/"
    assert page.get_by_role("link", name="Spare").count() == 0
    assert list(TargetList.objects.filter(pk__in=[made.pk, empty.pk]).values_list("name")) == [
        ("Browser edits 2027",)
    ]
    assert page.errors == []


def test_list_owner_edits_invitees_not_the_list_and_a_delegate_is_refused(
    live_server, lists, page, other_page
):
    made, ana, _, _ = lists
    base = live_server.url
    sign_in(page, base, "chair", "chair-demo")  # owns the list

    page.goto(f"{base}/c/ddc-27/invitations/lists/{made.pk}/")
    assert page.get_by_role("link", name="Edit the list").count() == 0
    page.get_by_role("link", name="Edit Ana Ruiz").click()
    page.get_by_label("Notes").fill("Speaks at the youth session")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".alert", has_text="Ana Ruiz saved.").wait_for()
    ana.refresh_from_db()
    assert ana.notes == "Speaks at the youth session"
    assert page.request.get(f"{base}/c/ddc-27/invitations/lists/{made.pk}/edit/").status == 403
    assert page.errors == []

    delegate = other_page(base, "delegate1")
    for path in (
        f"lists/{made.pk}/edit/",
        f"invitees/{ana.pk}/edit/",
        f"invitees/{ana.pk}/remove/",
    ):
        assert delegate.request.get(f"{base}/c/ddc-27/invitations/{path}").status == 403
