"""The negotiation API: open brackets with stances, an item's positions (read and record), and
where consensus stands; only what the caller may read."""

import pytest

from accord.audit.models import AuditEntry
from accord.negotiation.models import Position
from tests import factories
from tests.api.conftest import bearer
from tests.negotiation.test_consensus import negotiated

pytestmark = pytest.mark.integration

V = "/api/conferences/conf/versions/{}"
POSITIONS = V + "/items/{}/positions"


@pytest.fixture
def talks(admin, conference):
    return negotiated(admin, conference)


def _post(client, url, body, headers):
    return client.post(url, body, "application/json", headers=headers)


def test_brackets_lists_items_with_open_brackets_and_current_stances(client, talks):
    response = client.get(V.format(1) + "/brackets")

    assert response.status_code == 200
    body = response.json()
    assert [item["code"] for item in body] == ["D.1-a", "D.2-a"]
    d1a = body[0]
    assert d1a["text"] == "Affordable [broadband/mobile] access [in [rural] areas]"
    assert d1a["unbalanced"] == []
    assert d1a["positions"] == [
        {"delegation": "France", "stance": "support", "option": None, "detail": ""}
    ]
    assert d1a["brackets"][0] == {
        "index": 0,
        "start": 11,
        "end": 29,
        "text": "[broadband/mobile]",
        "options": ["broadband", "mobile"],
        "positions": [
            {"delegation": "Kenya", "stance": "prefer_option", "option": 1, "detail": ""},
            {
                "delegation": "Brazil",
                "stance": "prefer_option",
                "option": 2,
                "detail": "mobile first",
            },
        ],
    }
    assert [(b["index"], b["text"], len(b["positions"])) for b in d1a["brackets"][1:]] == [
        (1, "[in [rural] areas]", 0),
        (2, "[rural]", 1),
    ]


def test_brackets_of_a_draft_are_not_exposed(client, admin, talks):
    delegate = factories.make_delegate(admin, talks.kenya, "kenyan")

    anonymous = client.get(V.format(3) + "/brackets")
    as_delegate = client.get(V.format(3) + "/brackets", headers=bearer(delegate))
    as_chair = client.get(V.format(3) + "/brackets", headers=bearer(admin))

    assert (anonymous.status_code, as_delegate.status_code, as_chair.status_code) == (404, 404, 200)
    assert anonymous.json()["field"] == "version"


def test_positions_list_the_history_with_lapsed_ones_flagged(client, admin, talks):
    response = client.get(POSITIONS.format(3, "D.1-a"), headers=bearer(admin))

    assert response.status_code == 200
    assert [
        (p["delegation"], p["stance"], p["bracket"], p["bracket_index"], p["lapsed"], p["current"])
        for p in response.json()
    ] == [
        ("Kenya", "keep", "[broadband/mobile]", 0, False, False),
        ("Kenya", "prefer_option", "[broadband/mobile]", 0, False, True),
        ("Brazil", "prefer_option", "[broadband/mobile]", 0, False, True),
        ("France", "support", "", None, True, False),
        ("Kenya", "remove", "[rural]", None, True, False),
    ]
    first = response.json()[0]
    assert (first["delegation_id"], first["source"], first["stated_at"]) == (
        talks.kenya.pk,
        "statement",
        "2027-03-01T09:00:00Z",
    )


def test_positions_of_unknown_item_are_not_found(client, talks):
    response = client.get(POSITIONS.format(1, "D.9-z"))

    assert response.status_code == 404
    assert response.json() == {"message": "Version 1 has no item D.9-z.", "field": "code"}


def test_delegate_records_a_position_for_their_own_delegation(client, admin, talks):
    delegate = factories.make_delegate(admin, talks.kenya, "kenyan")

    response = _post(
        client,
        POSITIONS.format(2, "D.1-a"),
        {"delegation_id": talks.kenya.pk, "stance": "oppose", "bracket": 1, "detail": "Too narrow"},
        bearer(delegate),
    )

    assert response.status_code == 201
    body = response.json()
    assert {k: body[k] for k in ("delegation", "stance", "bracket", "bracket_index")} == {
        "delegation": "Kenya",
        "stance": "oppose",
        "bracket": "[in [rural] areas]",
        "bracket_index": 1,
    }
    assert (body["lapsed"], body["current"], body["source"]) == (False, True, "statement")
    position = Position.objects.get(pk=body["id"])
    assert (position.version, position.recorded_by, position.detail) == (
        talks.v2,
        delegate,
        "Too narrow",
    )
    entry = AuditEntry.objects.get(
        action="negotiation.position_recorded", target_id=str(body["id"])
    )
    assert entry.actor == delegate


def test_delegate_cannot_record_a_position_for_another_delegation(client, admin, talks):
    delegate = factories.make_delegate(admin, talks.kenya, "kenyan")

    response = _post(
        client,
        POSITIONS.format(2, "D.1-a"),
        {"delegation_id": talks.brazil.pk, "stance": "keep"},
        bearer(delegate),
    )

    assert response.status_code == 403
    assert response.json() == {
        "message": "You record positions for your own delegation only.",
        "field": None,
    }
    assert Position.objects.filter(version=talks.v2, delegation=talks.brazil).count() == 3


def test_recording_a_position_on_a_draft_the_delegate_cannot_see_is_not_found(client, admin, talks):
    delegate = factories.make_delegate(admin, talks.kenya, "kenyan")

    response = _post(
        client,
        POSITIONS.format(3, "D.1-a"),
        {"delegation_id": talks.kenya.pk, "stance": "keep"},
        bearer(delegate),
    )

    assert response.status_code == 404


def test_recording_a_position_needs_a_token(client, admin, talks):
    client.force_login(admin)

    response = _post(
        client,
        POSITIONS.format(3, "D.1-a"),
        {"delegation_id": talks.kenya.pk, "stance": "keep"},
        {},
    )

    assert response.status_code == 401


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"stance": "keep", "bracket": 7}, 400, "bracket"),
        ({"stance": "prefer_option", "bracket": 0}, 400, "option"),
        ({"stance": "prefer_option", "bracket": 0, "option": 3}, 400, "option"),
        ({"stance": "shrug"}, 400, "stance"),
        ({"stance": "keep", "colour": "red"}, 400, "colour"),
    ],
)
def test_recording_a_position_refuses_bad_input(client, admin, talks, body, status, field):
    response = _post(
        client,
        POSITIONS.format(3, "D.1-a"),
        {"delegation_id": talks.kenya.pk} | body,
        bearer(admin),
    )

    assert (response.status_code, response.json()["field"]) == (status, field)


def test_recording_a_position_for_a_delegation_of_another_conference_is_not_found(
    client, admin, talks
):
    other = factories.make_conference(admin, slug="other")
    peru = factories.make_delegation(admin, other, "PER", name="Peru")

    response = _post(
        client,
        POSITIONS.format(3, "D.1-a"),
        {"delegation_id": peru.pk, "stance": "keep"},
        bearer(admin),
    )

    assert (response.status_code, response.json()["field"]) == (404, "delegation_id")


def test_consensus_gives_the_matrix_and_the_convergence(client, talks):
    response = client.get("/api/conferences/conf/consensus")

    assert response.status_code == 200
    body = response.json()
    assert (body["conference"], body["version"], body["label"]) == ("conf", 1, "First draft")
    assert body["priorities"][1] == {
        "code": "D.2",
        "title": "Inclusion",
        "counts": {"agreed": 0, "undisputed_change": 1, "disputed": 1},
        "open_brackets": 2,
        "disputed": ["D.2-a"],
    }
    assert [(c["item"], c["index"]) for c in body["columns"]] == [
        ("D.1-a", 0),
        ("D.1-a", 1),
        ("D.1-a", 2),
        ("D.2-a", 0),
        ("D.2-a", 1),
    ]
    france = next(row for row in body["rows"] if row["delegation"] == "France")
    assert france["delegation_id"] == talks.france.pk
    assert [(c["column"], c["stance"], c["whole_item"]) for c in france["cells"]] == [
        (0, "support", True),
        (1, "support", True),
        (2, "support", True),
        (3, "keep", False),
    ]
    assert body["standing_alone"] == [
        {"item": "D.2-a", "index": 0, "delegation": "Kenya", "stance": "remove", "option": None},
        {"item": "D.2-a", "index": 1, "delegation": "Brazil", "stance": "remove", "option": None},
    ]
    assert body["delegations"][2] == {
        "delegation": "Kenya",
        "delegation_id": talks.kenya.pk,
        "items": 3,
        "brackets": 3,
        "hold": 0,
        "change": 4,
        "object": 0,
        "neutral": 0,
        "alone": 1,
    }
    assert body["convergence"] == [
        {"version": 1, "label": "First draft", "open_brackets": 5, "disputed": 2}
    ]


def test_consensus_of_a_version_for_the_chair_includes_drafts(client, admin, talks):
    response = client.get("/api/conferences/conf/consensus?version=2", headers=bearer(admin))

    body = response.json()
    assert body["version"] == 2
    assert [p["version"] for p in body["convergence"]] == [1, 2, 3]


def test_consensus_of_a_draft_is_not_exposed(client, admin, talks):
    delegate = factories.make_delegate(admin, talks.kenya, "kenyan")

    response = client.get("/api/conferences/conf/consensus?version=3", headers=bearer(delegate))
    newest = client.get("/api/conferences/conf/consensus", headers=bearer(delegate))

    assert response.status_code == 404
    assert (newest.json()["version"], len(newest.json()["convergence"])) == (2, 2)


def test_consensus_of_a_private_conference_is_not_found_for_anonymous(client, admin):
    private = factories.make_conference(admin, slug="closed", is_public=False)
    negotiated(admin, private, versions=False)

    response = client.get("/api/conferences/closed/consensus")

    assert response.status_code == 404
    assert response.json()["field"] == "slug"


def test_openapi_schema_documents_the_negotiation_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    positions = "/api/conferences/{slug}/versions/{number}/items/{code}/positions"
    assert sorted(paths[positions]) == ["get", "post"]
    assert paths[positions]["post"]["security"] == [{"BearerToken": []}]
    assert "security" not in paths[positions]["get"]
    assert sorted(paths["/api/conferences/{slug}/versions/{number}/brackets"]) == ["get"]
    assert sorted(paths["/api/conferences/{slug}/consensus"]) == ["get"]
