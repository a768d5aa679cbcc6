"""In Chromium: the demo's timeline draws a bar per meeting and leads to a meeting's page; the
calendar shows a month and moves to the next one (htmx swaps the grid and the address)."""

import pytest

from tests.e2e.test_browse_plan import sign_in

pytestmark = pytest.mark.e2e


def test_meetings_timeline_renders_bars_and_opens_meeting(live_server, live_demo, page):
    page.goto(f"{live_server.url}/c/ddc-27/meetings/timeline/")

    svg = page.locator("svg.meetings-timeline__svg")
    svg.wait_for()
    assert page.locator("a.meetings-bar").count() == 13
    assert page.locator("a.meetings-bar--ipm").count() == 3
    assert page.locator("polygon.meetings-deadline").count() == 13
    assert page.locator(".meetings-rule--opening").count() == 1
    box = svg.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 200
    bar = page.locator("a.meetings-bar", has_text="IPM-2")
    assert bar.locator("rect").bounding_box()["width"] > 0

    bar.click()
    page.wait_for_url("**/c/ddc-27/meetings/*/")

    assert page.locator("h1").inner_text() == "IPM-2 Interregional preparatory meeting 2"
    assert "RPM-ASP" in page.locator(".meetings-b2b-note").inner_text()
    assert page.errors == []


def test_meetings_calendar_renders_month_and_moves_to_next(live_server, live_demo, page):
    page.goto(f"{live_server.url}/c/ddc-27/meetings/calendar/?month=2026-10")

    assert page.locator("#month-heading").inner_text() == "October 2026"
    assert page.locator("table.meetings-month tbody tr").count() == 5
    nairobi = page.locator('td[data-date="2026-10-21"] .meetings-entry--rpm')
    assert nairobi.inner_text() == "RPM-AFR"
    assert page.locator('td[data-date="2026-10-23"] .meetings-entry--ipm').inner_text() == "IPM-1"

    page.get_by_role("link", name="November 2026").click()
    page.locator("#month-heading", has_text="November 2026").wait_for()

    assert page.url.endswith("/c/ddc-27/meetings/calendar/?month=2026-11")
    assert page.locator('td[data-date="2026-11-25"] .meetings-entry--rpm').inner_text() == "RPM-AMS"
    assert page.errors == []


def test_meetings_coordinators_matrix_for_delegate(live_server, live_demo, page):
    sign_in(page, live_server.url, "delegate1", "delegate1-demo")

    page.goto(f"{live_server.url}/c/ddc-27/meetings/coordinators/")

    assert page.locator("[data-gaps]").inner_text() == "35"
    assert page.locator("td.meetings-cell--gap").count() == 35
    assert page.errors == []
