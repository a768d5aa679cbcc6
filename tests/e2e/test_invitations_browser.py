"""In Chromium: the secretariat creates a target list, adds a star invitee, watches the
deadline dates follow the numbers as they type, and sends the invitation, landing on the
batch's progress page."""

import datetime as dt

import pytest

from accord.conferences.models import Conference
from accord.engagement.domain.deadlines import deadline_for
from accord.engagement.models import DeadlineRule, Invitee
from tests.e2e.test_browse_plan import sign_in

pytestmark = pytest.mark.e2e


def _shown(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def test_secretariat_sets_up_a_list_and_invites(live_server, live_demo, page):
    base = live_server.url
    sign_in(page, base, "secretariat", "secretariat-demo")

    page.goto(f"{base}/c/ddc-27/invitations/")
    page.get_by_role("link", name="New target list").click()
    page.get_by_label("Name", exact=True).fill("Browser-made list")
    page.get_by_role("button", name="Create the list").click()
    page.locator("h1", has_text="Browser-made list").wait_for()

    page.get_by_role("link", name="Add an invitee").click()
    page.get_by_label("Name", exact=True).fill("Nadia Okafor")
    page.get_by_label("E-mail").fill("nadia.okafor@invite.example")
    page.get_by_label("Star (on the short list)").check()
    page.get_by_role("button", name="Add", exact=True).click()
    row = page.locator('tr[data-invitee="nadia.okafor@invite.example"]')
    row.wait_for()
    assert row.locator(".engagement-star").count() == 1

    opening = Conference.objects.get(slug="ddc-27").start_date
    page.goto(f"{base}/c/ddc-27/invitations/settings/")
    page.get_by_label("Invitation sent: months before opening").fill("11")
    page.get_by_label("Invitation sent: days before opening").fill("3")
    expected = _shown(deadline_for(opening, months=11, days=3))
    page.locator("#deadline-dates", has_text=expected).wait_for()  # htmx, before saving
    assert not DeadlineRule.objects.filter(step="invited", months_before=11).exists()
    page.get_by_role("button", name="Save the deadlines").click()
    page.locator(".alert", has_text="Deadlines saved.").wait_for()
    rule = DeadlineRule.objects.get(conference__slug="ddc-27", step="invited")
    assert (rule.months_before, rule.days_before) == (11, 3)

    page.goto(f"{base}/c/ddc-27/invitations/")
    page.get_by_role("link", name="Browser-made list").click()
    page.get_by_role("checkbox", name="Nadia Okafor").check()
    page.get_by_role("button", name="Send invitations…").click()
    page.get_by_role("button", name="Send", exact=True).click()
    page.locator("#batch-progress", has_text="1 sent, 0 failed, of 1").wait_for()
    assert Invitee.objects.get(email="nadia.okafor@invite.example").state == "invited"
    assert page.errors == []
