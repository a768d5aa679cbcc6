"""Each read endpoint, as the public reading published data."""

import datetime as dt

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from accord.plans import domain as plans
from accord.plans.domain.results import PeriodInput
from accord.plans.enums import VersionState
from accord.plans.models import Linkage, PlanItem

pytestmark = pytest.mark.integration


@pytest.fixture
def published(admin, draft):
    """The draft fixture's plan, with a linkage and a KPI on D.1-a, then published."""
    item = PlanItem.objects.get(version=draft, code="D.1-a")
    plans.add_linkage(user=admin, item=item, type="sdg", target="9", note="Infrastructure")
    plans.add_kpi(
        user=admin,
        item=item,
        indicator="Localities covered",
        unit="localities",
        periods=[PeriodInput(dt.date(2026, 1, 1), dt.date(2026, 12, 31), 10, 25, None)],
    )
    return plans.set_version_state(user=admin, version=draft, state=VersionState.PUBLISHED)


def test_conference_list_shows_public_conferences(client, conference):
    response = client.get("/api/conferences")

    assert response.status_code == 200
    assert response.json() == [
        {
            "slug": "conf",
            "name": "Conference conf",
            "short_name": "CONF",
            "venue": "Port Verde",
            "start_date": "2027-06-05",
            "end_date": "2027-06-16",
            "phase": "preparation",
        }
    ]


def test_conference_detail_names_plan_and_current_version(client, published):
    response = client.get("/api/conferences/conf")

    assert response.status_code == 200
    assert response.json() == {
        "slug": "conf",
        "name": "Conference conf",
        "short_name": "CONF",
        "venue": "Port Verde",
        "start_date": "2027-06-05",
        "end_date": "2027-06-16",
        "phase": "preparation",
        "is_public": True,
        "plan_title": "Action Plan",
        "current_version": 1,
    }


def test_conference_detail_without_plan_has_nulls(client, conference):
    body = client.get("/api/conferences/conf").json()

    assert (body["plan_title"], body["current_version"]) == (None, None)


def test_conference_detail_unknown_slug_is_404_json(client, db):
    response = client.get("/api/conferences/nowhere")

    assert response.status_code == 404
    assert response.json() == {
        "message": "There is no conference 'nowhere' that you may see.",
        "field": "slug",
    }


def test_version_list_gives_number_label_state_and_date(client, published):
    response = client.get("/api/conferences/conf/versions")

    assert response.status_code == 200
    assert response.json() == [
        {
            "number": 1,
            "label": "Draft",
            "state": "published",
            "created_at": DjangoJSONEncoder().default(published.created_at),
        }
    ]


def test_current_plan_is_plan_json_with_label_and_state(client, published):
    response = client.get("/api/conferences/conf/plan")

    assert response.status_code == 200
    body = response.json()
    assert {k: body[k] for k in ("conference", "version", "label", "state")} == {
        "conference": "conf",
        "version": 1,
        "label": "Draft",
        "state": "published",
    }
    assert [p["id"] for p in body["priorities"]] == ["D.1", "D.2"]
    assert body["priorities"][0]["items"][0] == {
        "id": "D.1-a",
        "kind": "outcome",
        "status": "agreed",
        "text": "Text of item 0 under priority 1 about broadband connectivity",
        "linkages": [{"type": "sdg", "target": "9"}],
    }


def test_plan_of_numbered_version_equals_current_plan(client, published):
    numbered = client.get("/api/conferences/conf/versions/1/plan")

    assert numbered.status_code == 200
    assert numbered.json() == client.get("/api/conferences/conf/plan").json()


def test_plan_of_missing_version_is_404_json(client, published):
    response = client.get("/api/conferences/conf/versions/7/plan")

    assert response.status_code == 404
    assert response.json() == {
        "message": "CONF has no version 7 of its Action Plan that you may read.",
        "field": "version",
    }


def test_plan_of_non_numeric_version_is_400_json(client, published):
    response = client.get("/api/conferences/conf/versions/first/plan")

    assert response.status_code == 400
    assert response.json() == {
        "message": "number: Input should be a valid integer, unable to parse string as an integer",
        "field": "number",
    }


def test_item_detail_has_kpis_periods_linkages_and_tree(client, published):
    item = PlanItem.objects.get(version=published, code="D.1-a")
    linkage = Linkage.objects.get(item=item)

    response = client.get("/api/conferences/conf/versions/1/items/D.1-a")

    assert response.status_code == 200
    body = response.json()
    assert body.pop("updated_at").startswith(item.updated_at.date().isoformat())
    assert body == {
        "conference": "conf",
        "version": 1,
        "id": "D.1-a",
        "kind": "outcome",
        "status": "agreed",
        "status_by_rule": "agreed",
        "status_source": "derived",
        "status_note": "",
        "text": "Text of item 0 under priority 1 about broadband connectivity",
        "revision": 1,
        "priority": {"id": "D.1", "title": "Priority 1"},
        "outcome": None,
        "outputs": ["D.1-1"],
        "linkages": [{"id": linkage.pk, "type": "sdg", "target": "9", "note": "Infrastructure"}],
        "kpis": [
            {
                "indicator": "Localities covered",
                "unit": "localities",
                "description": "",
                "periods": [
                    {
                        "start": "2026-01-01",
                        "end": "2026-12-31",
                        "baseline": 10.0,
                        "target": 25.0,
                        "actual": None,
                    }
                ],
            }
        ],
    }


def test_item_detail_of_output_names_its_outcome(client, published):
    body = client.get("/api/conferences/conf/versions/1/items/D.1-1").json()

    assert (body["kind"], body["outcome"], body["outputs"]) == ("output", "D.1-a", [])


def test_item_detail_unknown_code_is_404_json(client, published):
    response = client.get("/api/conferences/conf/versions/1/items/D.9-z")

    assert response.status_code == 404
    assert response.json() == {"message": "Version 1 has no item D.9-z.", "field": "code"}
