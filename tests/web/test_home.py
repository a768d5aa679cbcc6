import datetime as dt

import pytest
from django.urls import reverse

from accord import rules
from accord.conferences.models import Conference
from tests import factories

pytestmark = pytest.mark.integration


def names_listed(response):
    return [c.slug for c in response.context["conferences"]]


def test_home_anonymous_sees_public_conferences_only(client, conference, private_conference):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert names_listed(response) == ["conf"]
    assert "Conference closed" not in response.text


def test_home_delegate_sees_private_conference_of_their_delegation(
    client, admin, private_conference
):
    delegation = factories.make_delegation(admin, private_conference, "KEN")
    client.force_login(factories.make_delegate(admin, delegation, "kenya1"))

    response = client.get(reverse("home"))

    assert names_listed(response) == ["closed"]


def test_home_secretariat_sees_every_conference(client, admin, conference, private_conference):
    client.force_login(admin)

    response = client.get(reverse("home"))

    assert sorted(names_listed(response)) == ["closed", "conf"]


def test_home_list_agrees_with_rules_for_each_role(client, admin, private_conference):
    public = factories.make_conference(admin, slug="open")
    chair = factories.make_chair(admin, private_conference, "chair-x")
    observer = factories.make_observer(admin, private_conference, "observer-x")
    delegation = factories.make_delegation(admin, private_conference, "BRA")
    delegate = factories.make_delegate(admin, delegation, "delegate-x")
    outsider = factories.make_user(admin, "outsider-x")

    for user in (chair, observer, delegate, outsider, admin):
        client.force_login(user)
        listed = names_listed(client.get(reverse("home")))
        expected = [c.slug for c in Conference.objects.all() if rules.can_view_conference(user, c)]
        assert sorted(listed) == sorted(expected), user.username
    assert public.slug in listed


def test_home_lists_newest_conference_first(client, admin):
    factories.make_conference(admin, slug="older", start_date=dt.date(2025, 1, 1))
    factories.make_conference(admin, slug="newer", start_date=dt.date(2026, 1, 1))
    factories.make_conference(admin, slug="also-newer", start_date=dt.date(2026, 1, 1))

    response = client.get(reverse("home"))

    assert names_listed(response) == ["also-newer", "newer", "older"]


def test_home_shows_conference_facts_and_link(client, conference):
    response = client.get(reverse("home"))

    assert 'href="/c/conf/"' in response.text
    assert "Conference conf" in response.text
    assert "Port Verde" in response.text
    assert "Preparation" in response.text


def test_home_without_conferences_invites_to_sign_in(client, db):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "There is no conference to show yet." in response.text
    assert 'href="/accounts/login/"' in response.text
