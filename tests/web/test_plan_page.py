import pytest
from django.urls import reverse

from accord.plans import domain as plans
from accord.plans.enums import VersionState
from tests import factories
from tests.web.conftest import publish

pytestmark = pytest.mark.integration


def plan_url(query=""):
    return reverse("plan", args=["conf"]) + query


def test_plan_page_chair_sees_draft_tree(client, chair, draft):
    client.force_login(chair)

    response = client.get(plan_url())

    html = response.text
    assert response.status_code == 200
    assert [view.priority.code for view in response.context["outline"].tree] == ["D.1", "D.2"]
    assert html.count('<details class="priority"') == 2
    assert '<summary class="priority__summary">' in html
    assert '<span class="state state--draft">Draft</span>' in html


def test_plan_page_lists_priorities_and_loads_items_on_demand(client, published):
    response = client.get(plan_url())

    html = response.text
    assert '<li class="item' not in html
    assert (
        '<div class="priority__items" hx-get="/c/conf/plan/v1/priorities/D.1/" '
        'hx-trigger="toggle from:closest details once" hx-swap="outerHTML">'
    ) in html
    assert '<a href="?version=1&amp;open=D.1#priority-d1">Show the 3 items of D.1</a>' in html


def test_plan_priority_fragment_holds_the_items_only(client, published):
    response = client.get(
        reverse("plan_priority", args=["conf", 1, "D.2"]), headers={"HX-Request": "true"}
    )

    html = response.text
    assert response.status_code == 200
    assert "<html" not in html
    assert [code for code in ("D.1-a", "D.2-a", "D.2-1", "D.2-b") if f">{code}<" in html] == [
        "D.2-a",
        "D.2-1",
        "D.2-b",
    ]


def test_plan_priority_fragment_of_unknown_priority_or_hidden_version_is_404(
    client, published, draft
):
    assert client.get(reverse("plan_priority", args=["conf", 1, "D.9"])).status_code == 404
    assert client.get(reverse("plan_priority", args=["conf", 2, "D.1"])).status_code == 404


def test_plan_page_item_rows_are_coloured_and_labelled_by_status(client, published):
    response = client.get(plan_url("?open=D.1&open=D.2"))

    html = response.text
    assert '<li class="item item--agreed">' in html
    assert '<li class="item item--undisputed_change">' in html
    assert '<span class="item__serves">serves D.1-a</span>' in html
    assert '<li class="item item--disputed">' in html
    assert '<span class="badge badge--disputed">Disputed</span>' in html
    assert '<span class="badge badge--undisputed_change">Undisputed change</span>' in html
    assert 'href="/c/conf/plan/v1/items/D.1-a/"' in html


def test_plan_page_shows_counts_per_priority(client, published):
    response = client.get(plan_url())

    assert (
        '<span class="count count--disputed" title="Disputed">'
        '<span class="visually-hidden">Disputed: </span>1</span>'
    ) in response.text
    assert "6 items" in response.text
    assert "2 agreed, 2 with an undisputed change, 2 disputed" in response.text


def test_plan_page_public_cannot_see_draft_version(client, draft):
    response = client.get(plan_url("?version=1"))

    assert response.status_code == 404


def test_plan_page_public_without_published_version_gets_empty_state(client, draft):
    response = client.get(plan_url())

    assert response.status_code == 200
    assert "No version of the Action Plan is available to you yet." in response.text


def test_plan_page_delegate_cannot_see_draft(client, delegate, draft):
    client.force_login(delegate)

    response = client.get(plan_url("?version=1"))

    assert response.status_code == 404


def test_plan_page_delegate_sees_circulated(client, admin, delegate, draft):
    publish(admin, draft, "circulated")
    client.force_login(delegate)

    response = client.get(plan_url("?version=1"))

    assert response.status_code == 200
    assert response.context["version"] == draft


def test_plan_page_defaults_to_newest_visible_version(client, admin, chair, published):
    newer = plans.create_plan_version(user=admin, plan=published.plan, based_on=published)

    anonymous = client.get(plan_url())
    client.force_login(chair)
    as_chair = client.get(plan_url())

    assert anonymous.context["version"] == published
    assert as_chair.context["version"] == newer


def test_plan_page_version_selector_lists_visible_versions_with_state(
    client, admin, chair, published
):
    plans.create_plan_version(user=admin, plan=published.plan, label="Next", based_on=published)
    client.force_login(chair)

    response = client.get(plan_url("?version=1"))

    html = response.text
    assert '<option value="2">v2 – Next (Draft)</option>' in html
    assert '<option value="1" selected>v1 – Draft (Published)</option>' in html
    assert '<label for="version-select">Version</label>' in html


def test_plan_page_version_selector_hides_drafts_from_public(client, admin, published):
    plans.create_plan_version(user=admin, plan=published.plan, label="Next", based_on=published)

    response = client.get(plan_url())

    assert [v.number for v in response.context["versions"]] == [1]


def test_plan_page_malformed_version_is_404(client, published):
    response = client.get(plan_url("?version=abc"))

    assert response.status_code == 404


def test_plan_page_private_conference_is_404_for_anonymous(client, admin, private_conference):
    response = client.get(reverse("plan", args=["closed"]))

    assert response.status_code == 404


def test_plan_page_private_conference_is_403_for_outsider(client, outsider, private_conference):
    client.force_login(outsider)

    response = client.get(reverse("plan", args=["closed"]))

    assert response.status_code == 403


def test_plan_page_outline_is_cached_until_the_version_changes(client, admin, chair, draft):
    client.force_login(chair)
    first = client.get(plan_url())
    client.get(plan_url())
    item = draft.items.get(code="D.1-a")

    plans.update_item(user=admin, item=item, expected_revision=item.revision, status="disputed")
    after = client.get(plan_url())

    assert "1 agreed, 2 with an undisputed change, 3 disputed" not in first.text
    assert "1 agreed, 2 with an undisputed change, 3 disputed" in after.text


def test_plan_page_outline_follows_admin_style_saves(client, admin, chair, draft):
    client.force_login(chair)
    client.get(plan_url())
    item = draft.items.get(code="D.1-a")
    item.status = "disputed"
    item.save()

    assert "1 agreed, 2 with an undisputed change, 3 disputed" in client.get(plan_url()).text


def test_plan_page_body_shows_a_state_change_of_the_version_at_once(client, admin, draft):
    publish(admin, draft, VersionState.CIRCULATED)
    delegation = factories.make_delegation(admin, draft.plan.conference, "BRA")
    client.force_login(factories.make_delegate(admin, delegation, "brazil"))
    before = client.get(plan_url()).text

    publish(admin, draft)
    after = client.get(plan_url()).text

    assert "(Circulated to participants)</option>" in before
    assert "(Published)</option>" in after
    assert "(Circulated to participants)</option>" not in after


def test_plan_page_body_lists_a_version_published_since_it_was_cached(client, admin, published):
    client.get(plan_url())
    newer = plans.create_plan_version(
        user=admin, plan=published.plan, label="Next", based_on=published
    )
    publish(admin, newer)

    response = client.get(plan_url())

    assert response.context["version"] == newer
    assert '<option value="2" selected>v2 – Next (Published)</option>' in response.text


def test_plan_page_body_offers_import_to_a_chair_not_to_a_delegate_of_the_same_version(
    client, admin, chair, delegate, published
):
    client.force_login(chair)
    as_chair = client.get(plan_url()).text
    client.force_login(delegate)
    as_delegate = client.get(plan_url()).text

    assert "Import a working document" in as_chair
    assert "Import a working document" not in as_delegate


def test_plan_page_once_cached_reads_the_conference_and_its_versions_in_one_query(
    client, published, django_assert_num_queries
):
    client.get(plan_url())

    with django_assert_num_queries(1):
        response = client.get(plan_url())

    assert response.context["conference"].slug == "conf"
    assert response.context["version"] == published
