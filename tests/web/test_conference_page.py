import pytest
from django.urls import reverse

from accord.plans.queries import StatusCounts
from accord.web.figures import KeyFigures
from tests import factories
from tests.web.conftest import publish

pytestmark = pytest.mark.integration


def test_conference_page_shows_phase_dates_venue_for_anonymous(client, conference):
    response = client.get(reverse("conference", args=["conf"]))

    assert response.status_code == 200
    assert "<h1>Conference conf</h1>" in response.text
    assert "5 June 2027 – 16 June 2027" in response.text
    assert "Port Verde" in response.text
    assert '<span class="phase phase--preparation">Preparation</span>' in response.text


def test_conference_page_counts_delegations_regions_and_items(client, admin, published):
    for iso3 in ("KEN", "SEN", "BRA"):
        factories.make_delegation(admin, published.plan.conference, iso3)

    response = client.get(reverse("conference", args=["conf"]))

    assert response.context["figures"] == KeyFigures(
        delegations=3,
        regions=["Africa", "Americas"],
        items=StatusCounts(agreed=2, undisputed_change=2, disputed=2),
    )
    assert "Regions represented: Africa, Americas" in response.text


def test_conference_page_draws_status_chart_with_table(client, published):
    response = client.get(reverse("conference", args=["conf"]))

    html = response.text
    assert '<svg class="chart__svg"' in html
    assert html.count('<rect class="chart__bar chart__bar--disputed"') == 2
    assert '<title id="chart-title">Items per status, for each priority</title>' in html
    assert "D.1: 3 items, 1 agreed, 1 undisputed change, 1 disputed." in html
    assert '<th scope="row">D.2 Priority 2</th>' in html
    assert '<ul class="legend" role="list" aria-label="Legend">' in html


def test_conference_page_without_readable_version_says_so(client, draft):
    response = client.get(reverse("conference", args=["conf"]))

    assert response.status_code == 200
    assert response.context["chart"] is None
    assert response.context["figures"].items is None
    assert "No version of the Action Plan is available to you yet." in response.text


def test_conference_page_chair_sees_draft_figures(client, chair, draft):
    client.force_login(chair)

    response = client.get(reverse("conference", args=["conf"]))

    assert response.context["version"] == draft
    assert response.context["figures"].items.total == 6


def test_conference_page_private_is_404_for_anonymous(client, private_conference):
    response = client.get(reverse("conference", args=["closed"]))

    assert response.status_code == 404
    assert "This page is not here" in response.text


def test_conference_page_private_is_403_for_outsider(client, outsider, private_conference):
    client.force_login(outsider)

    response = client.get(reverse("conference", args=["closed"]))

    assert response.status_code == 403
    assert "You may not open this page" in response.text


def test_conference_page_private_is_shown_to_its_observer(client, admin, private_conference):
    client.force_login(factories.make_observer(admin, private_conference))

    response = client.get(reverse("conference", args=["closed"]))

    assert response.status_code == 200
    assert response.context["role"] == "Observer"


def test_conference_page_unknown_slug_is_404(client, db):
    response = client.get(reverse("conference", args=["nope"]))

    assert response.status_code == 404


def test_conference_page_chart_mirrors_in_arabic(client, admin, published):
    client.post(reverse("set_language"), {"language": "ar", "next": "/"})

    response = client.get(reverse("conference", args=["conf"]))

    chart = response.context["chart"]
    assert chart.label_anchor == "end"
    assert chart.rows[0].label_x == 640
    assert '<html lang="ar" dir="rtl">' in response.text


def test_conference_page_circulated_version_visible_to_delegate(client, admin, delegate, draft):
    publish(admin, draft, "circulated")
    client.force_login(delegate)

    response = client.get(reverse("conference", args=["conf"]))

    assert response.context["version"] == draft
    assert (
        '<span class="state state--circulated">Circulated to participants</span>' in response.text
    )
