"""Writes through the API call the domain: permissions, stale edits, validation, audit."""

import pytest

from accord.audit.models import AuditEntry
from accord.plans import domain as plans
from accord.plans.enums import VersionState
from accord.plans.models import Linkage, PlanItem
from tests.api.conftest import bearer

pytestmark = pytest.mark.integration

ITEM = "/api/conferences/conf/versions/{number}/items/D.1-a"
DRAFT_ITEM = ITEM.format(number=3)
TEXT = "Text of item 0 under priority 1 about broadband connectivity"


def _patch(client, url, body, headers):
    return client.patch(url, body, "application/json", headers=headers)


def test_chair_token_changes_an_item(client, versions, chair):
    response = _patch(
        client,
        DRAFT_ITEM,
        {"expected_revision": 1, "text": "Agreed text", "status": "disputed"},
        bearer(chair),
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["text"], body["status"], body["revision"]) == ("Agreed text", "disputed", 2)
    item = PlanItem.objects.get(version=versions[2], code="D.1-a")
    assert (item.text, item.status, item.revision) == ("Agreed text", "disputed", 2)


def test_api_write_is_audited_with_who_and_what(client, versions, chair):
    _patch(client, DRAFT_ITEM, {"expected_revision": 1, "text": "Agreed text"}, bearer(chair))

    entry = AuditEntry.objects.filter(action="plan.item_updated").get()
    assert (entry.actor, entry.actor_name) == (chair, "Chair Person (chair)")
    assert entry.target_repr == "D.1-a"
    assert entry.changes == {"text": [TEXT, "Agreed text"]}


def test_delegate_token_cannot_edit_the_plan(client, versions, delegate):
    response = _patch(
        client, ITEM.format(number=2), {"expected_revision": 1, "text": "Ours"}, bearer(delegate)
    )

    assert response.status_code == 403
    assert response.json() == {
        "message": "Only the secretariat or a chair changes the Action Plan.",
        "field": None,
    }
    assert PlanItem.objects.get(version=versions[1], code="D.1-a").text == TEXT


def test_delegate_token_gets_404_for_a_draft_it_cannot_see(client, versions, delegate):
    response = _patch(client, DRAFT_ITEM, {"expected_revision": 1, "text": "x"}, bearer(delegate))

    assert response.status_code == 404


def test_stale_patch_is_409_with_the_current_item(client, versions, chair):
    headers = bearer(chair)
    _patch(client, DRAFT_ITEM, {"expected_revision": 1, "text": "First save"}, headers)

    response = _patch(client, DRAFT_ITEM, {"expected_revision": 1, "text": "Second"}, headers)

    assert response.status_code == 409
    body = response.json()
    assert (body["message"], body["field"]) == (
        "D.1-a was changed by someone else (now revision 2); review their change before "
        "saving yours.",
        "revision",
    )
    assert (body["current"]["revision"], body["current"]["text"]) == (2, "First save")
    assert PlanItem.objects.get(version=versions[2], code="D.1-a").text == "First save"


def test_patch_of_circulated_version_is_400_json(client, versions, chair):
    response = _patch(
        client, ITEM.format(number=2), {"expected_revision": 1, "text": "x"}, bearer(chair)
    )

    assert response.status_code == 400
    assert response.json() == {
        "message": "Version 2 is circulated and can no longer change; start a new version from it.",
        "field": "version",
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"text": "x"},
            {"message": "expected_revision: Field required", "field": "expected_revision"},
        ),
        (
            {"expected_revision": 1, "status": "green"},
            {
                "message": "status: Input should be 'agreed', 'undisputed_change' or 'disputed'",
                "field": "status",
            },
        ),
        (
            {"expected_revision": 1, "text": "x", "kind": "output"},
            {"message": "kind: Extra inputs are not permitted", "field": "kind"},
        ),
        (
            {"expected_revision": 1},
            {"message": "Send the new text, the new status, or both.", "field": None},
        ),
        (
            {"expected_revision": 1, "text": "   "},
            {"message": "The text is empty.", "field": "text"},
        ),
    ],
)
def test_invalid_patch_is_400_json_with_field(client, versions, chair, body, expected):
    response = _patch(client, DRAFT_ITEM, body, bearer(chair))

    assert response.status_code == 400
    assert response.json() == expected


def test_unparsable_body_is_400_json(client, versions, chair):
    response = client.patch(DRAFT_ITEM, "{not json", "application/json", headers=bearer(chair))

    assert response.status_code == 400
    assert response.json() == {"message": "Cannot parse request body", "field": None}


def test_chair_token_adds_a_linkage(client, versions, chair):
    response = client.post(
        DRAFT_ITEM + "/linkages",
        {"type": "sdg", "target": "SDG 9", "note": "Infrastructure"},
        "application/json",
        headers=bearer(chair),
    )

    assert response.status_code == 201
    linkage = Linkage.objects.get()
    assert response.json() == {
        "id": linkage.pk,
        "type": "sdg",
        "target": "9",
        "note": "Infrastructure",
    }
    entry = AuditEntry.objects.filter(action="plan.linkage_added").get()
    assert (entry.actor, entry.changes) == (chair, {"linkage": [None, "sdg:9"]})


def test_linkage_to_unknown_sdg_is_400_json(client, versions, chair):
    response = client.post(
        DRAFT_ITEM + "/linkages",
        {"type": "sdg", "target": "18"},
        "application/json",
        headers=bearer(chair),
    )

    assert response.status_code == 400
    assert response.json() == {
        "message": "'18' is not an SDG; expected a number from 1 to 17.",
        "field": "target",
    }


def test_linkage_of_unknown_type_is_400_json(client, versions, chair):
    response = client.post(
        DRAFT_ITEM + "/linkages",
        {"type": "goal", "target": "9"},
        "application/json",
        headers=bearer(chair),
    )

    assert (response.status_code, response.json()["field"]) == (400, "type")


def test_chair_token_removes_a_linkage(client, versions, chair):
    headers = bearer(chair)
    created = client.post(
        DRAFT_ITEM + "/linkages",
        {"type": "wsis", "target": "c2"},
        "application/json",
        headers=headers,
    ).json()

    response = client.delete(f"{DRAFT_ITEM}/linkages/{created['id']}", headers=headers)

    assert (response.status_code, response.content) == (204, b"")
    assert Linkage.objects.count() == 0
    entry = AuditEntry.objects.filter(action="plan.linkage_removed").get()
    assert (entry.actor, entry.changes) == (chair, {"linkage": ["wsis:C2", None]})


def test_removing_a_linkage_of_another_item_is_404_json(client, versions, chair, admin):
    headers = bearer(chair)
    other = client.post(
        ITEM.format(number=3).replace("D.1-a", "D.2-a") + "/linkages",
        {"type": "sdg", "target": "4"},
        "application/json",
        headers=headers,
    ).json()

    response = client.delete(f"{DRAFT_ITEM}/linkages/{other['id']}", headers=headers)

    assert response.status_code == 404
    assert response.json() == {
        "message": f"D.1-a has no linkage {other['id']}.",
        "field": "linkage_id",
    }
    assert Linkage.objects.count() == 1


def test_delegate_token_cannot_remove_a_linkage(client, admin, draft, delegate):
    item = PlanItem.objects.get(version=draft, code="D.1-a")
    linkage = plans.add_linkage(user=admin, item=item, type="sdg", target="9")
    plans.set_version_state(user=admin, version=draft, state=VersionState.CIRCULATED)

    response = client.delete(
        f"{ITEM.format(number=1)}/linkages/{linkage.pk}", headers=bearer(delegate)
    )

    assert response.status_code == 403
    assert response.json()["message"] == "Only the secretariat or a chair changes the Action Plan."
    assert Linkage.objects.filter(pk=linkage.pk).exists()


def _resolve(client, body, headers):
    return client.post(
        DRAFT_ITEM + "/brackets/0/resolve", body, "application/json", headers=headers
    )


def test_resolve_bracket_settles_it_and_reports_the_status(client, admin, versions, chair):
    item = versions[2].items.get(code="D.1-a")
    plans.update_item(user=admin, item=item, expected_revision=1, text="Devices [taxed/subsidised]")

    response = _resolve(client, {"choice": "option:2", "expected_revision": 2}, bearer(chair))

    assert response.status_code == 200
    body = response.json()
    assert (body["text"], body["status"], body["status_source"], body["revision"]) == (
        "Devices subsidised",
        "undisputed_change",  # differs from the version it was copied from
        "derived",
        3,
    )


def test_resolve_bracket_on_a_stale_revision_is_a_conflict(client, admin, versions, chair):
    item = versions[2].items.get(code="D.1-a")
    plans.update_item(user=admin, item=item, expected_revision=1, text="Devices [taxed]")

    response = _resolve(client, {"choice": "keep", "expected_revision": 1}, bearer(chair))

    assert response.status_code == 409
    assert response.json()["current"]["text"] == "Devices [taxed]"


def test_resolve_bracket_by_a_delegate_is_refused(client, admin, versions, delegate):
    response = _resolve(client, {"choice": "keep", "expected_revision": 1}, bearer(delegate))

    assert response.status_code == 404  # the draft is not theirs to see
