import pytest
from django.urls import reverse

from accord.plans import domain as plans
from accord.plans.models import PlanItem

pytestmark = pytest.mark.integration

HTMX = {"HX-Request": "true"}


def search_url(query=""):
    return reverse("search", args=["conf"]) + query


def test_search_page_without_query_shows_box_and_prompt(client, published):
    response = client.get(search_url())

    html = response.text
    assert response.status_code == 200
    assert '<form class="search-form" method="get" action="/c/conf/search/" role="search">' in html
    assert 'hx-trigger="keyup changed delay:300ms, search"' in html
    assert 'hx-get="/c/conf/search/"' in html
    assert (
        '<p id="search-status" class="results__status" role="status">'
        "Type words to search version 1 of the Action Plan.</p>"
    ) in html
    assert 'hx-target="#search-results"' in html


def test_search_full_page_lists_matching_items(client, admin, published):
    response = client.get(search_url("?q=broadband+D.2"))

    assert [item.code for item in response.context["results"]] == ["D.2-a", "D.2-1", "D.2-b"]
    assert "3 items match “broadband D.2”" in response.text
    assert "<html" in response.text


def test_search_htmx_request_returns_fragment(client, published):
    response = client.get(search_url("?q=D.1-b"), headers=HTMX)

    html = response.text
    assert response.status_code == 200
    assert html.lstrip().startswith(
        '<p id="search-status" hx-swap-oob="innerHTML">1 item matches “D.1-b”</p>'
    )
    assert "<html" not in html and 'id="search-results"' not in html
    assert 'href="/c/conf/plan/v1/items/D.1-b/"' in html
    assert "HX-Request" in response.headers["Vary"]


def test_search_history_restore_gets_full_page(client, published):
    response = client.get(
        search_url("?q=D.1-b"), headers=HTMX | {"HX-History-Restore-Request": "true"}
    )

    assert "<html" in response.text


def test_search_without_match_says_so(client, published):
    response = client.get(search_url("?q=zzzz"), headers=HTMX)

    assert "0 items match “zzzz”" in response.text
    assert response.context["results"] == []


def test_search_uses_newest_visible_version(client, admin, chair, published):
    newer = plans.create_plan_version(user=admin, plan=published.plan, based_on=published)
    item = PlanItem.objects.get(version=newer, code="D.1-a")
    plans.update_item(user=admin, item=item, expected_revision=1, text="Spectrum for satellites")
    client.force_login(chair)

    as_chair = client.get(search_url("?q=satellites"))
    client.logout()
    anonymous = client.get(search_url("?q=satellites"))

    assert [i.code for i in as_chair.context["results"]] == ["D.1-a"]
    assert anonymous.context["results"] == []


def test_search_public_cannot_search_draft_version(client, draft):
    response = client.get(search_url("?q=broadband&version=1"))

    assert response.status_code == 404


def test_search_private_conference_is_404_for_anonymous(client, private_conference):
    response = client.get(reverse("search", args=["closed"]) + "?q=x")

    assert response.status_code == 404
