import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.integration


def test_openapi_schema_is_valid(client):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    validate(response.json())


def test_openapi_schema_lists_every_endpoint(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    conference = "/api/conferences/{slug}"
    version = conference + "/versions/{number}"
    item = version + "/items/{code}"
    contribution = conference + "/contributions/{contribution_id}"
    assert {path: sorted(operations) for path, operations in paths.items()} == {
        "/api/conferences": ["get"],
        conference: ["get"],
        conference + "/versions": ["get"],
        conference + "/plan": ["get"],
        version + "/plan": ["get"],
        item: ["get", "patch"],
        item + "/brackets/{index}/resolve": ["post"],
        item + "/linkages": ["post"],
        item + "/linkages/{linkage_id}": ["delete"],
        version + "/brackets": ["get"],
        item + "/positions": ["get", "post"],
        conference + "/consensus": ["get"],
        version + "/contributions": ["get", "post"],
        contribution: ["get"],
        contribution + "/amendments": ["post"],
        contribution + "/submit": ["post"],
        contribution + "/withdraw": ["post"],
        conference + "/amendments/{amendment_id}/decision": ["post"],
        version + "/merge": ["post"],
        conference + "/compare": ["get"],
        conference + "/compare/items/{code}": ["get"],
        item + "/suggestions": ["get", "post"],
        item + "/suggestions/{suggestion_id}/accept": ["post"],
        item + "/suggestions/{suggestion_id}/reject": ["post"],
        version + "/suggestion-runs": ["post"],
        version + "/suggestion-runs/{run_id}": ["get"],
        conference + "/meetings": ["get", "post"],
        conference + "/meetings/{meeting_id}": ["delete", "get", "patch"],
        conference + "/meetings/{meeting_id}/agenda": ["put"],
        conference + "/coordinators": ["get"],
        conference + "/meetings/{meeting_id}/contributions": ["get", "post"],
        conference + "/meetings/{meeting_id}/contributions/{submission_id}/{action}": ["post"],
        conference + "/regional-priorities": ["get", "post"],
        conference + "/regional-priorities/common": ["get"],
        conference + "/regional-priorities/cap": ["put"],
        conference + "/regional-priorities/{priority_id}": ["delete", "patch"],
        conference + "/participation": ["get"],
        conference + "/participation/targets": ["post"],
        conference + "/target-lists": ["get"],
        conference + "/target-lists/{list_id}": ["delete", "patch"],
        conference + "/target-lists/{list_id}/invitees": ["get"],
        conference + "/invitees/{invitee_id}": ["delete", "patch"],
        conference + "/registrations": ["get"],
        conference + "/registrations/{registration_id}/decision": ["post"],
    }


def test_openapi_schema_marks_writes_as_needing_a_token(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    item = "/api/conferences/{slug}/versions/{number}/items/{code}"
    assert paths[item]["patch"]["security"] == [{"BearerToken": []}]
    assert "security" not in paths[item]["get"]


def test_api_docs_page_is_served(client):
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert b"/api/openapi.json" in response.content
