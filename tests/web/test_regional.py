"""The regional priorities pages: by RTO with the cap and chart, the form for those acting
for an RTO, the view of priorities common to several regions, permissions, queries per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.engines.overlap import semantic
from accord.regional import domain
from accord.regional.models import RegionalPriority
from tests import factories
from tests.regional.conftest import add

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    """Pages are tested without the embedding model; tests/regional covers both."""
    monkeypatch.setattr(semantic, "available", lambda: False)
    monkeypatch.setattr(semantic, "load", lambda: None)


@pytest.fixture
def kenya(admin, conference):
    return factories.make_delegation(admin, conference, "KEN", name="Kenya")


@pytest.fixture
def kenyan(admin, kenya):
    return factories.make_delegate(admin, kenya, "kenyan")


def test_page_lists_priorities_by_rto_with_the_chart(client, admin, conference):
    add(admin, conference, "ATU", "ATU-1", "Affordable broadband connectivity for rural areas")
    page = client.get(reverse("regional_priorities", args=[conference.slug])).text
    assert "Affordable broadband connectivity for rural areas" in page
    assert "Each RTO brings at most 5 priorities." in page
    assert "<svg" in page and 'class="regional-bar regional-bar--own"' in page
    assert "Add a regional priority" not in page  # the public writes nothing


def test_mandated_delegate_adds_a_priority_and_the_cap_is_shown_on_the_form(
    client, admin, conference, kenya, kenyan
):
    domain.mandate_delegation(user=admin, rto="ATU", delegation=kenya)
    domain.set_cap(user=admin, conference=conference, cap=1)
    client.force_login(kenyan)
    atu = RegionalPriority._meta.get_field("rto").related_model.objects.get(code="ATU")
    url = reverse("regional_priority_add", args=[conference.slug])
    first = client.post(url, {"rto": atu.pk, "code": "ATU-1", "title": "Skills"})
    assert first.status_code == 302
    second = client.post(url, {"rto": atu.pk, "code": "ATU-2", "title": "More"})
    assert second.status_code == 400
    assert "ATU already has 1 regional priorities; each RTO may bring at most 1" in second.text


def test_a_delegate_not_acting_for_an_rto_cannot_add(client, conference, kenyan):
    client.force_login(kenyan)
    response = client.post(
        reverse("regional_priority_add", args=[conference.slug]),
        {"rto": 1, "code": "X-1", "title": "X"},
    )
    assert response.status_code == 403


def test_delegate_cannot_set_the_cap(client, conference, kenyan):
    client.force_login(kenyan)
    response = client.post(reverse("regional_cap", args=[conference.slug]), {"cap": 9})
    assert response.status_code == 403


def test_common_page_shows_why(client, admin, conference, draft):
    item = draft.items.get(code="D.2-a")
    add(
        admin,
        conference,
        "ATU",
        "ATU-1",
        "Affordable broadband connectivity for rural communities",
        "Universal service funds and community networks.",
    )
    add(
        admin,
        conference,
        "CITEL",
        "CITEL-1",
        "Affordable broadband connectivity in rural communities",
        "Community networks financed by universal service funds.",
    )
    add(admin, conference, "APT", "APT-1", "Strategies", "", [item])
    add(admin, conference, "RCC", "RCC-1", "Plans", "", [item])
    page = client.get(reverse("regional_common", args=[conference.slug])).text
    assert "ATU-1 ↔ CITEL-1" in page
    assert '<mark class="regional-phrase">Universal service funds</mark>' in page
    assert ">D.2-a</a>" in page
    assert "Matched by shared wording" in page


def test_regional_page_takes_a_fixed_number_of_queries(client, admin, conference, draft):
    items = list(draft.items.all())

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert (
                client.get(reverse("regional_priorities", args=[conference.slug])).status_code
                == 200
            )
        return len(queries)

    client.force_login(admin)
    for n, rto in enumerate(["ATU", "APT", "CEPT"]):
        add(admin, conference, rto, f"{rto}-{n}", f"P{n} digital skills", items=items[n : n + 2])
    few = count()
    for n, rto in enumerate(["RCC", "ASMG", "CITEL", "ATU", "APT", "CEPT"], start=10):
        add(admin, conference, rto, f"{rto}-{n}", f"P{n} cybersecurity", items=items[1:3])
    assert count() == few


def test_common_page_takes_a_fixed_number_of_queries(client, admin, conference, draft):
    items = list(draft.items.all())

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("regional_common", args=[conference.slug])).status_code == 200
        return len(queries)

    for n, rto in enumerate(["ATU", "APT"]):
        add(admin, conference, rto, f"{rto}-{n}", "Affordable rural broadband", items=items[:1])
    few = count()
    for n, rto in enumerate(["RCC", "ASMG", "CITEL", "CEPT"], start=10):
        add(admin, conference, rto, f"{rto}-{n}", "Affordable rural broadband", items=items[:1])
    assert count() == few


def test_nav_has_the_regional_priorities_link(client, conference):
    page = client.get(reverse("conference", args=[conference.slug])).text
    assert f'href="{reverse("regional_priorities", args=[conference.slug])}"' in page
