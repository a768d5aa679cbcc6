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


# Editing a priority in the browser.


def _edit(priority):
    return reverse("regional_priority_edit", args=[priority.conference.slug, priority.pk])


def _priority_state(pk):
    found = RegionalPriority.objects.get(pk=pk)
    return (found.title, found.text, sorted(i.code for i in found.plan_items.all()))


def test_mandated_delegate_edits_title_text_and_items(
    client, admin, conference, draft, kenya, kenyan
):
    items = {i.code: i for i in draft.items.all()}
    priority = add(admin, conference, "ATU", "ATU-1", "Skills", "Old text", [items["D.2-a"]])
    domain.mandate_delegation(user=admin, rto="ATU", delegation=kenya)
    client.force_login(kenyan)
    listing = client.get(reverse("regional_priorities", args=[conference.slug])).text
    assert f'href="{_edit(priority)}"' in listing
    form = client.get(_edit(priority))
    assert form.status_code == 200
    assert 'value="Skills"' in form.text
    response = client.post(
        _edit(priority),
        {"title": "Digital skills", "text": "New text", "plan_items": [items["D.1-a"].pk]},
    )
    assert response.status_code == 302
    assert _priority_state(priority.pk) == ("Digital skills", "New text", ["D.1-a"])


def test_the_edit_form_shows_the_linked_items_selected(client, admin, conference, draft):
    item = draft.items.get(code="D.2-a")
    priority = add(admin, conference, "ATU", "ATU-1", "Skills", "", [item])
    client.force_login(admin)
    page = client.get(_edit(priority)).text
    assert f'value="{item.pk}" selected' in page


def test_delegate_not_acting_for_the_rto_gets_403_and_nothing_changes(
    client, admin, conference, kenyan
):
    priority = add(admin, conference, "ATU", "ATU-1", "Skills")
    client.force_login(kenyan)
    listing = client.get(reverse("regional_priorities", args=[conference.slug])).text
    assert f'href="{_edit(priority)}"' not in listing
    assert client.get(_edit(priority)).status_code == 403
    assert client.post(_edit(priority), {"title": "Hijacked"}).status_code == 403
    assert _priority_state(priority.pk) == ("Skills", "", [])


def test_the_public_cannot_edit(client, admin, conference):
    priority = add(admin, conference, "ATU", "ATU-1", "Skills")
    assert client.post(_edit(priority), {"title": "Hijacked"}).status_code == 403
    assert _priority_state(priority.pk) == ("Skills", "", [])


def test_an_empty_title_is_shown_and_nothing_changes(client, admin, conference):
    priority = add(admin, conference, "ATU", "ATU-1", "Skills", "Text")
    client.force_login(admin)
    response = client.post(_edit(priority), {"title": "", "text": "Other"})
    assert response.status_code == 400
    assert "field--title field--error" in response.text
    assert _priority_state(priority.pk) == ("Skills", "Text", [])


def test_an_item_of_another_conference_is_refused_on_the_form(client, admin, conference, draft):
    from tests.factories import make_conference

    priority = add(admin, conference, "ATU", "ATU-1", "Skills")
    elsewhere = make_conference(admin, slug="elsewhere")
    foreign = factories.make_plan_version(admin, elsewhere).items.first()
    client.force_login(admin)
    response = client.post(_edit(priority), {"title": "Skills", "plan_items": [foreign.pk]})
    assert response.status_code == 400
    assert "field--plan_items field--error" in response.text
    assert _priority_state(priority.pk) == ("Skills", "", [])


# The secretariat's page of delegations acting for an RTO.


def _mandates(conference):
    return reverse("rto_mandates", args=[conference.slug])


def _atu():
    return RegionalPriority._meta.get_field("rto").related_model.objects.get(code="ATU")


def test_secretariat_mandates_a_delegation_and_revokes_it(client, admin, conference, kenya):
    from accord.regional.models import RtoMandate

    client.force_login(admin)
    assert "No delegation acts for an RTO yet." in client.get(_mandates(conference)).text
    response = client.post(_mandates(conference), {"rto": _atu().pk, "delegation": kenya.pk})
    assert (response.status_code, response.headers["Location"]) == (302, _mandates(conference))
    mandate = RtoMandate.objects.get()
    assert (mandate.rto.code, mandate.delegation_id) == ("ATU", kenya.pk)
    page = client.get(_mandates(conference)).text
    assert f'id="mandate-{mandate.pk}"' in page and "Kenya" in page
    revoke = reverse("rto_mandate_revoke", args=[conference.slug, mandate.pk])
    assert client.post(revoke).status_code == 302
    assert RtoMandate.objects.count() == 0


def test_the_mandates_tab_shows_for_the_secretariat_only(client, admin, conference, kenyan):
    url = reverse("regional_priorities", args=[conference.slug])
    client.force_login(admin)
    assert f'href="{_mandates(conference)}"' in client.get(url).text
    client.force_login(kenyan)
    assert f'href="{_mandates(conference)}"' not in client.get(url).text


def test_delegate_gets_403_on_the_mandates_page_and_nothing_changes(
    client, admin, conference, kenya, kenyan
):
    from accord.regional.models import RtoMandate

    mandate = domain.mandate_delegation(user=admin, rto="CEPT", delegation=kenya)
    client.force_login(kenyan)
    assert client.get(_mandates(conference)).status_code == 403
    response = client.post(_mandates(conference), {"rto": _atu().pk, "delegation": kenya.pk})
    assert response.status_code == 403
    revoke = reverse("rto_mandate_revoke", args=[conference.slug, mandate.pk])
    assert client.post(revoke).status_code == 403
    assert list(RtoMandate.objects.values_list("rto__code", flat=True)) == ["CEPT"]


def test_a_delegation_of_another_conference_is_refused_and_nothing_is_written(
    client, admin, conference
):
    from accord.regional.models import RtoMandate

    elsewhere = factories.make_conference(admin, slug="elsewhere")
    stranger = factories.make_delegation(admin, elsewhere, "BRA", name="Brazil")
    client.force_login(admin)
    response = client.post(_mandates(conference), {"rto": _atu().pk, "delegation": stranger.pk})
    assert response.status_code == 400
    assert "field--delegation field--error" in response.text
    assert RtoMandate.objects.count() == 0


def test_mandates_page_takes_a_fixed_number_of_queries(client, admin, conference):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_mandates(conference)).status_code == 200
        return len(queries)

    client.force_login(admin)
    first = factories.make_delegation(admin, conference, "KEN", name="Kenya")
    domain.mandate_delegation(user=admin, rto="ATU", delegation=first)
    few = count()
    for code, rto in [("GHA", "ATU"), ("BRA", "CITEL"), ("FRA", "CEPT"), ("IND", "APT")]:
        made = factories.make_delegation(admin, conference, code, name=code)
        domain.mandate_delegation(user=admin, rto=rto, delegation=made)
    assert count() == few


def test_an_older_versions_linked_item_survives_an_edit_that_does_not_touch_it(
    client, admin, conference, draft
):
    from accord.plans import domain as plans

    old = draft.items.get(code="D.2-a")
    plans.create_plan_version(user=admin, plan=draft.plan, label="Second", based_on=draft)
    priority = add(admin, conference, "ATU", "ATU-1", "Skills", "", [old])
    client.force_login(admin)
    form = client.get(_edit(priority)).text
    assert f'value="{old.pk}" selected' in form
    response = client.post(_edit(priority), {"title": "Skills", "plan_items": [old.pk]})
    assert response.status_code == 302
    assert list(RegionalPriority.objects.get().plan_items.values_list("pk", flat=True)) == [old.pk]
