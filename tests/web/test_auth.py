import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.integration


def test_login_page_renders_labelled_form(client, db):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert '<label for="id_username">Username</label>' in response.text
    assert '<label for="id_password">Password</label>' in response.text


def test_login_with_valid_credentials_signs_in_and_redirects(client, admin):
    response = client.post(reverse("login"), {"username": "admin", "password": factories.PASSWORD})

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.get(reverse("home")).context["user"].username == "admin"


def test_login_follows_next(client, admin, conference):
    response = client.post(
        reverse("login"),
        {"username": "admin", "password": factories.PASSWORD, "next": "/c/conf/plan/"},
    )

    assert response.headers["Location"] == "/c/conf/plan/"


def test_login_with_wrong_password_shows_error(client, admin):
    response = client.post(reverse("login"), {"username": "admin", "password": "wrong"})

    assert response.status_code == 200
    assert 'role="alert"' in response.text
    assert response.context["user"].is_authenticated is False


def test_logout_by_post_signs_out(client, admin):
    client.force_login(admin)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].is_authenticated is False


def test_logout_by_get_is_refused(client, admin):
    client.force_login(admin)

    response = client.get(reverse("logout"))

    assert response.status_code == 405
