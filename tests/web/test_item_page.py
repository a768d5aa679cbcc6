import pytest
from django.urls import reverse

from accord.plans.models import PlanItem
from tests.web.conftest import enrich_item, publish

pytestmark = pytest.mark.integration


def item_url(code="D.1-a", number=1, slug="conf"):
    return reverse("item", args=[slug, number, code])


@pytest.fixture
def rich(admin, draft):
    """Item D.1-a with two KPIs of two periods and three SDG linkages, published."""
    enrich_item(
        admin, PlanItem.objects.get(version=draft, code="D.1-a"), kpis=2, periods=2, linkages=3
    )
    return publish(admin, draft)


def test_item_page_shows_code_kind_status_text_and_priority(client, rich):
    response = client.get(item_url())

    html = response.text
    assert response.status_code == 200
    assert '<span class="item-page__code">D.1-a</span>' in html
    assert '<span class="item__kind">Outcome</span>' in html
    assert '<span class="badge badge--agreed">Agreed</span>' in html
    assert "Text of item 0 under priority 1 about broadband connectivity" in html
    assert 'href="/c/conf/plan/?version=1#priority-d1">D.1 Priority 1</a>' in html


def test_item_page_lists_outputs_of_an_outcome(client, rich):
    response = client.get(item_url())

    assert [o.code for o in response.context["item"].outputs.all()] == ["D.1-1"]
    assert 'href="/c/conf/plan/v1/items/D.1-1/"' in response.text


def test_item_page_output_links_to_its_outcome(client, rich):
    response = client.get(item_url("D.1-1"))

    assert "<dt>Serves outcome</dt>" in response.text
    assert 'href="/c/conf/plan/v1/items/D.1-a/">D.1-a</a>' in response.text


def test_item_page_shows_kpi_periods_as_table(client, rich):
    response = client.get(item_url())

    html = response.text
    assert html.count('<table class="table">') == 2
    assert '<caption>Indicator 1 of D.1-a <span class="unit">(percent)</span></caption>' in html
    assert '<th scope="row">1 Jan 2026 – 31 Dec 2026</th>' in html
    assert '<td class="num">68</td>' in html
    assert '<td class="num">74.5</td>' in html
    assert '<td class="num">71</td>' in html
    assert '<span class="visually-hidden">not reported yet</span>' in html


def test_item_page_groups_linkages_by_type(client, rich):
    response = client.get(item_url())

    groups = response.context["linkage_groups"]
    assert [(g.label, [link.target for link in g.linkages]) for g in groups] == [
        ("SDG", ["1", "2", "3"])
    ]
    assert "<dt>SDG</dt>" in response.text


def test_item_page_hides_history_from_public(client, rich):
    response = client.get(item_url())

    assert response.context["show_history"] is False
    assert response.context["history"] == []
    assert "History" not in response.text


def test_item_page_shows_history_to_participants(client, admin, delegate, rich):
    client.force_login(delegate)

    response = client.get(item_url())

    actions = [entry.action for entry in response.context["history"]]
    assert actions == ["plan.linkage_added"] * 3 + ["plan.kpi_added"] * 2 + ["plan.item_added"]
    assert '<h2 id="history-heading">History</h2>' in response.text
    assert "<strong>Item added</strong>" in response.text
    assert "by Sec admin (admin)" in response.text


def test_item_page_unknown_code_is_404(client, rich):
    response = client.get(item_url("D.9-z"))

    assert response.status_code == 404


def test_item_page_draft_item_is_404_for_public(client, draft):
    response = client.get(item_url())

    assert response.status_code == 404


def test_item_page_draft_item_is_404_for_delegate(client, delegate, draft):
    client.force_login(delegate)

    response = client.get(item_url())

    assert response.status_code == 404


def test_item_page_draft_item_is_shown_to_chair(client, chair, draft):
    client.force_login(chair)

    response = client.get(item_url())

    assert response.status_code == 200
    assert response.context["show_history"] is True


def test_item_page_private_conference_is_404_for_anonymous(client, admin, private_conference):
    response = client.get(item_url(slug="closed"))

    assert response.status_code == 404
