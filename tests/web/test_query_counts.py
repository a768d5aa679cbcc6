"""Every list page reads in a fixed number of queries, whatever the size of the plan."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.conferences import domain as people
from accord.conferences.models import Conference
from accord.plans.models import PlanItem
from tests import factories
from tests.web.conftest import enrich_item, publish

pytestmark = pytest.mark.integration


def count_queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture
def small_and_large(admin):
    """Conference ``small``: 1 priority, 1 item; ``large``: 5 priorities, 40 items; published."""
    small = factories.make_conference(admin, slug="small")
    large = factories.make_conference(admin, slug="large")
    publish(admin, factories.make_plan_version(admin, small, priorities=1, items_per_priority=1))
    publish(admin, factories.make_plan_version(admin, large, priorities=5, items_per_priority=8))
    for iso3 in ("KEN", "BRA", "FRA"):
        factories.make_delegation(admin, large, iso3)
    factories.make_delegation(admin, small, "KEN")
    return small, large


@pytest.mark.parametrize("who", ["anonymous", "secretariat"])
@pytest.mark.parametrize("page", ["plan", "conference"])
def test_query_count_plan_pages_independent_of_plan_size(client, admin, small_and_large, who, page):
    if who == "secretariat":
        client.force_login(admin)

    small = count_queries(client, reverse(page, args=["small"]))
    large = count_queries(client, reverse(page, args=["large"]))

    assert small == large


def test_query_count_priority_fragment_independent_of_its_size(client, small_and_large):
    small = count_queries(client, reverse("plan_priority", args=["small", 1, "D.1"]))
    large = count_queries(client, reverse("plan_priority", args=["large", 1, "D.1"]))

    assert small == large


def test_query_count_plan_page_as_delegate_independent_of_plan_size(client, admin, small_and_large):
    user = factories.make_user(admin, "two-hats")
    for slug in ("small", "large"):
        conference = Conference.objects.get(slug=slug)
        delegation = factories.make_delegation(admin, conference, "SEN", name=f"Senegal at {slug}")
        people.add_delegation_member(user=admin, delegation=delegation, person=user.person)
    client.force_login(user)

    small = count_queries(client, reverse("plan", args=["small"]))
    large = count_queries(client, reverse("plan", args=["large"]))

    assert small == large


@pytest.mark.parametrize("htmx", [False, True])
def test_query_count_search_independent_of_result_count(client, small_and_large, htmx):
    headers = {"HX-Request": "true"} if htmx else {}

    small = count_queries(client, reverse("search", args=["small"]) + "?q=broadband", **headers)
    large = count_queries(client, reverse("search", args=["large"]) + "?q=broadband", **headers)

    assert small == large


def test_query_count_item_page_independent_of_kpis_linkages_and_history(client, admin):
    small_conf = factories.make_conference(admin, slug="small")
    large_conf = factories.make_conference(admin, slug="large")
    small = factories.make_plan_version(admin, small_conf, priorities=1, items_per_priority=1)
    large = factories.make_plan_version(admin, large_conf, priorities=1, items_per_priority=8)
    enrich_item(admin, PlanItem.objects.get(version=small, code="D.1-a"))
    enrich_item(
        admin, PlanItem.objects.get(version=large, code="D.1-a"), kpis=5, periods=4, linkages=6
    )
    client.force_login(admin)

    small_count = count_queries(client, reverse("item", args=["small", 1, "D.1-a"]))
    large_count = count_queries(client, reverse("item", args=["large", 1, "D.1-a"]))

    assert small_count == large_count


@pytest.mark.parametrize("who", ["anonymous", "delegate", "secretariat"])
def test_query_count_home_independent_of_conference_count(client, admin, who):
    user = factories.make_user(admin, "member") if who == "delegate" else admin
    factories.make_conference(admin, slug="first")
    if who != "anonymous":
        client.force_login(user)
    one = count_queries(client, reverse("home"))

    for n in range(6):
        conference = factories.make_conference(admin, slug=f"more-{n}", is_public=n % 2 == 0)
        if who == "delegate":
            delegation = factories.make_delegation(admin, conference, "KEN", name=f"Kenya {n}")
            people.add_delegation_member(user=admin, delegation=delegation, person=user.person)
    many = count_queries(client, reverse("home"))

    assert one == many
