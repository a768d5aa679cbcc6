"""Who sees what: drafts, circulated versions and non-public conferences. Invisible is 404."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accord import rules
from accord.conferences import domain as people
from accord.conferences.queries import visible_conferences
from tests import factories
from tests.api.conftest import bearer

pytestmark = pytest.mark.integration


def _numbers(client, headers=None):
    response = client.get("/api/conferences/conf/versions", headers=headers or {})
    return [v["number"] for v in response.json()]


def test_anonymous_sees_only_published_versions(client, versions):
    assert _numbers(client) == [1]
    assert client.get("/api/conferences/conf/plan").json()["version"] == 1


def test_anonymous_gets_404_for_a_draft_plan(client, versions):
    response = client.get("/api/conferences/conf/versions/3/plan")

    assert response.status_code == 404
    assert response.json() == {
        "message": "CONF has no version 3 of its Action Plan that you may read.",
        "field": "version",
    }


def test_anonymous_gets_404_for_a_circulated_item(client, versions):
    response = client.get("/api/conferences/conf/versions/2/items/D.1-a")

    assert response.status_code == 404


def test_anonymous_cannot_see_a_non_public_conference(client, admin, versions):
    people.update_conference(user=admin, conference=versions[0].plan.conference, is_public=False)

    listed = client.get("/api/conferences")
    detail = client.get("/api/conferences/conf")
    plan = client.get("/api/conferences/conf/versions/1/plan")

    assert listed.json() == []
    assert (detail.status_code, plan.status_code) == (404, 404)
    assert detail.json() == {
        "message": "There is no conference 'conf' that you may see.",
        "field": "slug",
    }


def test_delegate_token_sees_circulated_but_not_draft(client, versions, delegate):
    headers = bearer(delegate)

    assert _numbers(client, headers) == [1, 2]
    assert client.get("/api/conferences/conf/plan", headers=headers).json()["version"] == 2
    assert client.get("/api/conferences/conf/versions/3/plan", headers=headers).status_code == 404


def test_delegate_session_sees_circulated_but_not_draft(client, versions, delegate):
    client.force_login(delegate)

    assert _numbers(client) == [1, 2]


def test_observer_sees_circulated_but_not_draft(client, versions, observer):
    assert _numbers(client, bearer(observer)) == [1, 2]


def test_chair_sees_the_draft(client, versions, chair):
    headers = bearer(chair)

    assert _numbers(client, headers) == [1, 2, 3]
    assert client.get("/api/conferences/conf/plan", headers=headers).json()["state"] == "draft"


def test_participant_sees_non_public_conference_in_list(client, admin, versions, delegate):
    conference = versions[0].plan.conference
    people.update_conference(user=admin, conference=conference, is_public=False)
    factories.make_conference(admin, slug="other", is_public=False)

    response = client.get("/api/conferences", headers=bearer(delegate))

    assert [c["slug"] for c in response.json()] == ["conf"]


def test_secretariat_sees_every_conference(client, admin, conference):
    factories.make_conference(admin, slug="hidden", is_public=False)

    response = client.get("/api/conferences", headers=bearer(admin))

    assert sorted(c["slug"] for c in response.json()) == ["conf", "hidden"]


def test_visible_conferences_agrees_with_the_rule(admin, conference, delegate, chair, observer):
    hidden = factories.make_conference(admin, slug="hidden", is_public=False)
    other = factories.make_conference(admin, slug="other", is_public=False)
    factories.make_chair(admin, other, username="otherchair")
    outsider = factories.make_user(admin, "outsider")
    everyone = [admin, delegate, chair, observer, outsider, AnonymousUser()]

    for user in everyone:
        expected = {
            c.slug for c in (conference, hidden, other) if rules.can_view_conference(user, c)
        }
        assert {c.slug for c in visible_conferences(user)} == expected, user
