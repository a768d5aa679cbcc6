"""In Chromium: the participation dashboard draws a chart per dimension with non-empty bars,
the target and the previous conference's markers (the demo sets three targets; private
sector is set again here)."""

import pytest
from django.contrib.auth import get_user_model

from accord.participation.domain import import_past_participation, set_target
from accord.participation.models import ParticipationTarget
from tests.e2e.test_browse_plan import sign_in
from tests.participation.conftest import PAST_CSV, register

pytestmark = pytest.mark.e2e


def test_participation_dashboard_draws_charts(live_server, live_demo, page):
    conference = live_demo.conference
    admin = get_user_model().objects.get(username="secretariat")
    register(conference)
    set_target(
        user=admin,
        conference=conference,
        dimension="constituent_group",
        value="private_sector",
        share=30,
    )
    import_past_participation(user=admin, conference=conference, label="WTDC-22", data=PAST_CSV)
    sign_in(page, live_server.url, "secretariat", "secretariat-demo")

    page.goto(f"{live_server.url}/c/{conference.slug}/participation/")

    charts = page.locator("svg.participation-chart__svg")
    charts.first.wait_for()
    assert charts.count() == 4
    bar = page.locator(
        'figure[data-dimension="constituent_group"] g[data-value="private_sector"] '
        "rect.participation-bar--registered"
    )
    box = bar.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0
    targets = ParticipationTarget.objects.filter(conference=conference).count()
    assert page.locator("line.participation-marker--target").count() == targets == 3
    assert page.locator("line.participation-marker--past").count() == 4
    headline = page.locator('[data-headline="constituent_group:private_sector"]')
    # 3 of the 10 registered here are private sector; the demo registered 1 more (approved).
    assert headline.inner_text().startswith(
        "Private sector: 27.3% of registered (target 30%; WTDC-22: 21%)"
    )
    assert page.errors == []
