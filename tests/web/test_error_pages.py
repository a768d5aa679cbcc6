import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.integration


def test_error_page_404_uses_friendly_template(client, db):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert "<h1>This page is not here</h1>" in response.text
    assert 'href="/"' in response.text


def test_error_page_500_renders_without_request_context(db):
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
