"""The regional priorities API: reads as public as the conference, writes for the secretariat
and delegations acting for the RTO, the cap enforced, the common groupings."""

import pytest

from accord.engines.overlap import semantic
from accord.regional import domain
from tests import factories
from tests.api.conftest import bearer
from tests.regional.conftest import add

pytestmark = pytest.mark.integration

BASE = "/api/conferences/conf/regional-priorities"


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    monkeypatch.setattr(semantic, "available", lambda: False)
    monkeypatch.setattr(semantic, "load", lambda: None)


def test_secretariat_adds_with_plan_items_and_the_public_reads(client, admin, conference, draft):
    response = client.post(
        BASE,
        {"rto": "atu", "code": "ATU-1", "title": "Skills", "plan_items": ["D.2-a", "D.1-a"]},
        content_type="application/json",
        headers=bearer(admin),
    )
    assert response.status_code == 201, response.json()
    assert client.get(BASE).json() == {
        "cap": 5,
        "priorities": [
            {
                "id": response.json()["id"],
                "rto": "ATU",
                "region": "AFR",
                "code": "ATU-1",
                "title": "Skills",
                "text": "",
                "plan_items": ["D.1-a", "D.2-a"],
            }
        ],
    }


def test_unknown_plan_item_is_named(client, admin, conference, draft):
    response = client.post(
        BASE,
        {"rto": "ATU", "code": "ATU-1", "title": "X", "plan_items": ["Z.9"]},
        content_type="application/json",
        headers=bearer(admin),
    )
    assert response.status_code == 400
    assert response.json() == {
        "message": "The newest version of the plan has no item Z.9.",
        "field": "plan_items",
    }


def test_cap_is_enforced_through_the_api(client, admin, conference):
    client.put(BASE + "/cap", {"cap": 1}, content_type="application/json", headers=bearer(admin))
    add(admin, conference, "APT", "APT-1", "One")
    response = client.post(
        BASE,
        {"rto": "APT", "code": "APT-2", "title": "Two"},
        content_type="application/json",
        headers=bearer(admin),
    )
    assert response.status_code == 400
    assert response.json()["message"].startswith("APT already has 1 regional priorities")


def test_delegate_not_acting_for_the_rto_is_refused(client, admin, conference):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "d")
    response = client.post(
        BASE,
        {"rto": "ATU", "code": "ATU-1", "title": "X"},
        content_type="application/json",
        headers=bearer(delegate),
    )
    assert response.status_code == 403
    cap = client.put(
        BASE + "/cap", {"cap": 2}, content_type="application/json", headers=bearer(delegate)
    )
    assert cap.status_code == 403


def test_mandated_delegate_updates_and_removes(client, admin, conference):
    delegation = factories.make_delegation(admin, conference, "KEN")
    delegate = factories.make_delegate(admin, delegation, "k")
    domain.mandate_delegation(user=admin, rto="ATU", delegation=delegation)
    made = add(admin, conference, "ATU", "ATU-1", "Old")
    changed = client.patch(
        f"{BASE}/{made.pk}",
        {"title": "New"},
        content_type="application/json",
        headers=bearer(delegate),
    )
    assert changed.json()["title"] == "New"
    assert client.delete(f"{BASE}/{made.pk}", headers=bearer(delegate)).status_code == 204


def test_common_groupings(client, admin, conference, draft):
    item = draft.items.get(code="D.2-a")
    add(
        admin,
        conference,
        "ATU",
        "ATU-1",
        "Affordable rural broadband connectivity",
        "Universal service funds.",
    )
    add(
        admin,
        conference,
        "CITEL",
        "CITEL-1",
        "Affordable broadband connectivity in rural areas",
        "Universal service funds.",
    )
    add(admin, conference, "APT", "APT-1", "Plans", "", [item])
    add(admin, conference, "RCC", "RCC-1", "Strategies", "", [item])
    body = client.get(BASE + "/common").json()
    assert body["method"] == "lexical"
    assert [(g["regions"], g["priorities"]) for g in body["overlaps"]] == [
        (["AFR", "AMS"], ["ATU-1", "CITEL-1"])
    ]
    assert body["links"] == [
        {"plan_item": "D.2-a", "regions": ["ASP", "CIS"], "priorities": ["APT-1", "RCC-1"]}
    ]
