"""The contributions API: reads show only what the caller may see; writes need a token and call
the domain (permissions, errors as {message, field}); merge and compare."""

import pytest

from accord.negotiation.models import Amendment, Contribution
from accord.plans.models import PlanVersion
from tests.api.conftest import bearer
from tests.negotiation.contribution_data import (
    D1A,
    accept_all,
    contribute,
    delete,
    modify,
    negotiation,
)

pytestmark = pytest.mark.integration

VERSION = "/api/conferences/conf/versions/1"
REMOTE = D1A.replace("rural", "remote")


@pytest.fixture
def n(admin, conference, draft):
    return negotiation(admin, conference, draft)


def post(client, url, body, user):
    return client.post(url, body, "application/json", headers=bearer(user))


def test_api_list_contributions_shows_submitted_ones_and_own_drafts(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, delete("D.1-b"), submit=False)
    submitted = contribute(n.brazilian, n.version, n.brazil, modify("D.1-a", REMOTE))

    kenyan = client.get(f"{VERSION}/contributions", headers=bearer(n.kenyan))
    brazilian = client.get(f"{VERSION}/contributions", headers=bearer(n.brazilian))

    assert [c["id"] for c in kenyan.json()] == [draft.pk, submitted.pk]
    assert [c["id"] for c in brazilian.json()] == [submitted.pk]
    body = brazilian.json()[0]
    amendment = submitted.amendments.get()
    assert {k: v for k, v in body.items() if k not in {"created_at", "submitted_at"}} == {
        "id": submitted.pk,
        "version": 1,
        "reference": "",
        "title": "Proposal",
        "summary": "",
        "delegation": "Brazil",
        "cosponsors": [],
        "on_behalf_of": None,
        "state": "submitted",
        "amendments": [
            {
                "id": amendment.pk,
                "kind": "modify",
                "item": "D.1-a",
                "item_kind": "outcome",
                "priority": None,
                "base_text": D1A,
                "base_revision": amendment.base_revision,
                "text": REMOTE,
                "note": "",
                "decision": "pending",
                "decision_note": "",
                "merged_into": None,
                "ops": [
                    {"kind": "equal", "text": "Promote affordable broadband connectivity in "},
                    {"kind": "delete", "text": "rural"},
                    {"kind": "insert", "text": "remote"},
                    {"kind": "equal", "text": " areas"},
                ],
            }
        ],
    }


def test_api_draft_of_another_delegation_is_not_found(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, delete("D.1-b"), submit=False)

    response = client.get(
        f"/api/conferences/conf/contributions/{draft.pk}", headers=bearer(n.brazilian)
    )

    assert response.status_code == 404
    assert response.json() == {
        "message": f"There is no contribution {draft.pk} that you may see.",
        "field": "id",
    }


def test_api_create_contribution_for_another_delegation_is_forbidden(client, n):
    response = post(
        client, f"{VERSION}/contributions", {"delegation": "Brazil", "title": "x"}, n.kenyan
    )

    assert response.status_code == 403
    assert response.json() == {
        "message": "You write contributions for your own delegation only.",
        "field": None,
    }
    assert Contribution.objects.count() == 0


def test_api_create_contribution_needs_a_token(client, n):
    client.force_login(n.kenyan)

    response = client.post(
        f"{VERSION}/contributions", {"delegation": "Kenya", "title": "x"}, "application/json"
    )

    assert response.status_code == 401


def test_api_write_amend_and_submit_a_contribution(client, n):
    created = post(
        client,
        f"{VERSION}/contributions",
        {"delegation": "Kenya", "title": "Rural", "cosponsors": ["Brazil"], "on_behalf_of": "ATU"},
        n.kenyan,
    )
    url = f"/api/conferences/conf/contributions/{created.json()['id']}"
    amended = post(
        client,
        f"{url}/amendments",
        {"kind": "move", "item": "D.1-b", "priority": "D.2"},
        n.brazilian,
    )
    submitted = post(client, f"{url}/submit", {}, n.kenyan)

    assert created.status_code == 201
    assert (created.json()["cosponsors"], created.json()["on_behalf_of"]) == (["Brazil"], "ATU")
    assert amended.status_code == 201
    assert (amended.json()["kind"], amended.json()["item"], amended.json()["priority"]) == (
        "move",
        "D.1-b",
        "D.2",
    )
    assert submitted.status_code == 200
    assert submitted.json()["state"] == "submitted"


def test_api_add_amendment_error_names_the_field(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)

    response = post(
        client,
        f"/api/conferences/conf/contributions/{draft.pk}/amendments",
        {
            "kind": "add",
            "item_code": "D.1-a",
            "item_kind": "output",
            "priority": "D.1",
            "text": "x",
        },
        n.kenyan,
    )

    assert response.status_code == 400
    assert response.json() == {
        "message": "Item D.1-a already exists in version 1.",
        "field": "item_code",
    }


def test_api_unknown_item_names_the_field(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)

    response = post(
        client,
        f"/api/conferences/conf/contributions/{draft.pk}/amendments",
        {"kind": "delete", "item": "D.9-z"},
        n.kenyan,
    )

    assert (response.status_code, response.json()) == (
        400,
        {"message": "Version 1 has no item D.9-z.", "field": "item"},
    )


def test_api_decide_delegate_forbidden_chair_allowed(client, n):
    amendment = contribute(n.kenyan, n.version, n.kenya, delete("D.1-b")).amendments.get()
    url = f"/api/conferences/conf/amendments/{amendment.pk}/decision"

    refused = post(client, url, {"decision": "accepted"}, n.kenyan)
    decided = post(client, url, {"decision": "rejected", "note": "Keep it"}, n.chair)

    assert refused.status_code == 403
    assert decided.status_code == 200
    assert (decided.json()["decision"], decided.json()["decision_note"]) == ("rejected", "Keep it")


def test_api_merge_delegate_forbidden(client, n):
    accept_all(n.chair, contribute(n.kenyan, n.version, n.kenya, delete("D.1-b")))

    response = post(client, f"{VERSION}/merge", {}, n.kenyan)

    assert (response.status_code, PlanVersion.objects.count()) == (403, 1)


def test_api_merge_then_compare(client, n):
    contribution = contribute(
        n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE), delete("D.1-1")
    )
    accept_all(n.chair, contribution)

    merged = post(client, f"{VERSION}/merge", {"label": "Merged"}, n.chair)
    compared = client.get("/api/conferences/conf/compare?from=1&to=2", headers=bearer(n.chair))

    assert merged.status_code == 201
    assert merged.json() == {
        "number": 2,
        "label": "Merged",
        "state": "draft",
        "based_on": 1,
        "amendments": list(Amendment.objects.order_by("id").values_list("id", flat=True)),
    }
    body = compared.json()
    assert (body["conference"], body["old_version"], body["new_version"]) == ("conf", 1, 2)
    assert [(d["code"], d["change"]) for d in body["items"]][:2] == [
        ("D.1-a", "changed"),
        ("D.1-1", "removed"),
    ]
    assert body["items"][0]["ops"] == [
        {"kind": "equal", "text": "Promote affordable broadband connectivity in "},
        {"kind": "delete", "text": "rural"},
        {"kind": "insert", "text": "remote"},
        {"kind": "equal", "text": " areas"},
    ]
    assert body["items"][1]["new"] is None


def test_api_merge_conflict_is_refused_with_a_message(client, n):
    accept_all(n.chair, contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE)))
    accept_all(
        n.chair,
        contribute(n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("rural", "all"))),
    )

    response = post(client, f"{VERSION}/merge", {}, n.chair)

    assert response.status_code == 400
    assert response.json()["field"] == "amendments"
    assert PlanVersion.objects.count() == 1


def test_api_compare_with_a_version_the_caller_cannot_read_is_not_found(client, admin, n):
    accept_all(n.chair, contribute(n.kenyan, n.version, n.kenya, delete("D.1-b")))
    post(client, f"{VERSION}/merge", {}, n.chair)

    response = client.get("/api/conferences/conf/compare?from=1&to=2", headers=bearer(n.kenyan))
    item = client.get(
        "/api/conferences/conf/compare/items/D.1-b?from=1&to=2", headers=bearer(n.chair)
    )

    assert response.status_code == 404
    assert (item.status_code, item.json()["change"]) == (200, "removed")


def test_openapi_lists_the_contribution_and_compare_endpoints_with_tokens_for_writes(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    version = "/api/conferences/{slug}/versions/{number}"
    contribution = "/api/conferences/{slug}/contributions/{contribution_id}"
    ours = {
        version + "/contributions": ["get", "post"],
        version + "/merge": ["post"],
        contribution: ["get"],
        contribution + "/amendments": ["post"],
        contribution + "/submit": ["post"],
        contribution + "/withdraw": ["post"],
        "/api/conferences/{slug}/amendments/{amendment_id}/decision": ["post"],
        "/api/conferences/{slug}/compare": ["get"],
        "/api/conferences/{slug}/compare/items/{code}": ["get"],
    }
    assert {path: sorted(paths[path]) for path in ours} == ours
    assert {
        (path, method): "security" in paths[path][method]
        for path, methods in ours.items()
        for method in methods
    } == {(path, method): method == "post" for path, methods in ours.items() for method in methods}
