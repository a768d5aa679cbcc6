"""The plan JSON contract (shared by the API and ``accord plan show --json``)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.plans import domain as plans
from accord.plans.enums import VersionState
from accord.plans.interfaces.plan_json import plan_as_dict
from accord.plans.models import PlanItem
from accord.plans.queries import current_version
from tests import factories

pytestmark = pytest.mark.integration


def test_plan_as_dict_has_the_documented_shape(admin, draft):
    item = PlanItem.objects.get(version=draft, code="D.1-a")
    plans.add_linkage(user=admin, item=item, type="wsis", target="C2")

    data = plan_as_dict(draft)

    assert data == {
        "conference": "conf",
        "version": 1,
        "priorities": [
            {
                "id": f"D.{p}",
                "title": f"Priority {p}",
                "items": [
                    {
                        "id": code,
                        "kind": kind,
                        "status": status,
                        "text": f"Text of item {i} under priority {p} about broadband connectivity",
                        "linkages": [{"type": "wsis", "target": "C2"}] if (p, i) == (1, 0) else [],
                    }
                    for i, (code, kind, status) in enumerate(
                        [
                            (f"D.{p}-a", "outcome", "agreed"),
                            (f"D.{p}-1", "output", "undisputed_change"),
                            (f"D.{p}-b", "outcome", "disputed"),
                        ]
                    )
                ],
            }
            for p in (1, 2)
        ],
    }


def _published_plan(admin, slug, priorities, items_per_priority):
    conference = factories.make_conference(admin, slug=slug)
    version = factories.make_plan_version(admin, conference, priorities, items_per_priority)
    for item in PlanItem.objects.filter(version=version):
        plans.add_linkage(user=admin, item=item, type="sdg", target="9")
        plans.add_linkage(user=admin, item=item, type="wsis", target="C2")
    return plans.set_version_state(user=admin, version=version, state=VersionState.PUBLISHED)


def _queries(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured.captured_queries)


def test_plan_as_dict_query_count_does_not_grow_with_the_plan(admin):
    small = _published_plan(admin, "small", 1, 1)
    large = _published_plan(admin, "large", 6, 8)

    counts = [
        _queries(lambda v=v: plan_as_dict(current_version(None, v.plan.conference)))
        for v in (small, large)
    ]

    assert counts[0] == counts[1]


def test_api_plan_read_query_count_does_not_grow_with_the_plan(client, admin):
    _published_plan(admin, "small", 1, 1)
    _published_plan(admin, "large", 6, 8)

    small = _queries(lambda: client.get("/api/conferences/small/plan"))
    large = _queries(lambda: client.get("/api/conferences/large/plan"))

    assert small == large
    assert len(client.get("/api/conferences/large/plan").json()["priorities"]) == 6


def test_api_item_read_query_count_is_fixed(client, admin):
    _published_plan(admin, "small", 1, 1)
    _published_plan(admin, "large", 6, 8)

    small = _queries(lambda: client.get("/api/conferences/small/versions/1/items/D.1-a"))
    large = _queries(lambda: client.get("/api/conferences/large/versions/1/items/D.1-a"))

    assert small == large
