"""Link suggestions through the API: read, suggest, accept, reject, whole-version runs; who
may do what; JSON errors."""

import pytest

from accord.audit.models import AuditEntry
from accord.linkages import domain
from accord.linkages.models import LinkSuggestion, SuggestionRun
from accord.plans.models import Linkage, PlanItem
from tests.api.conftest import bearer
from tests.linkages.conftest import ScriptedSuggester

pytestmark = pytest.mark.integration

VERSION = "/api/conferences/conf/versions/{number}"
ITEM = VERSION + "/items/D.1-a"
DRAFT_ITEM = ITEM.format(number=3)
SUGGESTIONS = DRAFT_ITEM + "/suggestions"


@pytest.fixture
def suggested(admin, versions):
    """Three pending suggestions on D.1-a of the draft (v3), from a scripted suggester."""
    item = PlanItem.objects.get(version=versions[2], code="D.1-a")
    return domain.suggest_links(
        user=admin,
        item=item,
        suggester=ScriptedSuggester(
            ("sdg_goal", "9", 0.9), ("sdg_goal", "1", 0.5), ("wsis", "C2", 0.8)
        ),
    )


def _post(client, url, body=None, headers=None):
    return client.post(url, body or {}, "application/json", headers=headers or {})


def test_chair_reads_pending_suggestions_best_first(client, suggested, chair):
    response = client.get(SUGGESTIONS, headers=bearer(chair))

    assert response.status_code == 200
    body = response.json()
    assert [(s["type"], s["target"], s["score"], s["state"]) for s in body] == [
        ("sdg", "9", 0.9, "pending"),
        ("wsis", "C2", 0.8, "pending"),
        ("sdg", "1", 0.5, "pending"),
    ]
    assert (body[0]["item"], body[0]["evidence"], body[0]["method"]) == (
        "D.1-a",
        ["phrase for 9"],
        "lexical",
    )


def test_delegate_cannot_read_suggestions_of_a_published_item(client, suggested, delegate):
    response = client.get(ITEM.format(number=1) + "/suggestions", headers=bearer(delegate))

    assert response.status_code == 403
    assert response.json() == {
        "message": "Only the secretariat and chairs see suggested links.",
        "field": None,
    }


def test_public_cannot_see_suggestions(client, suggested):
    draft = client.get(SUGGESTIONS)
    published = client.get(ITEM.format(number=1) + "/suggestions")

    assert (draft.status_code, published.status_code) == (404, 403)


def test_chair_accepts_a_suggestion(client, suggested, chair):
    url = f"{SUGGESTIONS}/{suggested[0].pk}/accept"

    response = _post(client, url, headers=bearer(chair))

    assert response.status_code == 201
    body = response.json()
    assert (body["type"], body["target"]) == ("sdg", "9")
    assert Linkage.objects.filter(pk=body["id"], item=suggested[0].item).exists()
    assert (
        AuditEntry.objects.filter(action="linkages.suggestion_accepted", actor=chair).count() == 1
    )
    item = client.get(DRAFT_ITEM, headers=bearer(chair)).json()
    assert {"id": body["id"], "type": "sdg", "target": "9", "note": ""} in item["linkages"]


def test_delegate_cannot_accept_a_suggestion(client, suggested, delegate):
    url = f"{SUGGESTIONS}/{suggested[0].pk}/accept"

    response = _post(client, url, headers=bearer(delegate))

    # the delegate cannot see the draft at all: not found, and nothing changed
    assert response.status_code == 404
    assert Linkage.objects.filter(item=suggested[0].item, target="9").count() == 0


def test_delegate_cannot_accept_on_a_version_it_sees(client, suggested, delegate, versions):
    item = PlanItem.objects.get(version=versions[1], code="D.1-a")
    suggestion = LinkSuggestion.objects.create(
        item=item, type="sdg", target="9", score=0.9, method="lexical"
    )

    response = _post(
        client,
        f"{ITEM.format(number=2)}/suggestions/{suggestion.pk}/accept",
        headers=bearer(delegate),
    )

    assert response.status_code == 403
    assert response.json()["message"] == (
        "Only the secretariat or a chair suggests, accepts or rejects links."
    )


def test_accept_without_a_token_is_401(client, suggested):
    response = _post(client, f"{SUGGESTIONS}/{suggested[0].pk}/accept")

    assert response.status_code == 401


def test_accept_a_suggestion_of_another_item_is_404(client, suggested, chair):
    other = "/api/conferences/conf/versions/3/items/D.1-b/suggestions"

    response = _post(client, f"{other}/{suggested[0].pk}/accept", headers=bearer(chair))

    assert response.status_code == 404
    assert response.json()["field"] == "suggestion_id"


def test_chair_rejects_a_suggestion_with_a_reason(client, suggested, chair):
    url = f"{SUGGESTIONS}/{suggested[2].pk}/reject"

    response = _post(client, url, {"reason": "Not about poverty"}, bearer(chair))

    assert response.status_code == 200
    assert (response.json()["state"], response.json()["reason"]) == (
        "rejected",
        "Not about poverty",
    )
    decided = client.get(SUGGESTIONS + "?decided=true", headers=bearer(chair)).json()
    assert [(s["target"], s["state"]) for s in decided] == [("1", "rejected")]


def test_reject_twice_is_400(client, suggested, chair):
    url = f"{SUGGESTIONS}/{suggested[2].pk}/reject"
    _post(client, url, headers=bearer(chair))

    response = _post(client, url, headers=bearer(chair))

    assert response.status_code == 400
    assert response.json() == {
        "message": "The suggested link to SDG 1 was already rejected.",
        "field": "suggestion",
    }


def test_chair_asks_for_suggestions_of_an_item(client, versions, chair):
    response = _post(client, SUGGESTIONS, headers=bearer(chair))

    assert response.status_code == 200
    assert all(s["state"] == "pending" for s in response.json())
    assert len(response.json()) == LinkSuggestion.objects.count()


def test_suggest_on_a_published_version_is_400(client, versions, chair):
    response = _post(client, ITEM.format(number=1) + "/suggestions", headers=bearer(chair))

    assert response.status_code == 400
    assert response.json()["field"] == "version"


def test_chair_starts_a_run_and_reads_its_progress(
    client, versions, chair, django_capture_on_commit_callbacks
):
    url = VERSION.format(number=3) + "/suggestion-runs"

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, url, {"method": "lexical"}, bearer(chair))

    assert response.status_code == 202
    started = response.json()
    assert (started["state"], started["method"], started["total"]) == ("queued", "lexical", 6)
    progress = client.get(f"{url}/{started['id']}", headers=bearer(chair)).json()
    assert (progress["state"], progress["done"], progress["percent"], progress["finished"]) == (
        "done",
        6,
        100,
        True,
    )


def test_delegate_cannot_start_a_run(client, versions, delegate):
    response = _post(
        client, VERSION.format(number=2) + "/suggestion-runs", headers=bearer(delegate)
    )

    assert response.status_code == 403
    assert SuggestionRun.objects.count() == 0


def test_run_with_an_unknown_method_is_400(client, versions, chair):
    response = _post(
        client, VERSION.format(number=3) + "/suggestion-runs", {"method": "magic"}, bearer(chair)
    )

    assert response.status_code == 400
    assert response.json()["field"] == "method"


def test_unknown_run_is_404(client, versions, chair):
    response = client.get(VERSION.format(number=3) + "/suggestion-runs/999", headers=bearer(chair))

    assert response.status_code == 404
