"""The participation dashboard: figures, charts, headline, forms; who may see and do what;
queries per page."""

from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.participation.domain import set_target
from accord.participation.models import ParticipationTarget, PastParticipation
from tests import factories
from tests.participation.conftest import PAST_CSV, register

pytestmark = pytest.mark.integration

SVG = ""


@pytest.fixture
def registered(conference):
    register(conference)
    return conference


def _url(name="participation", *args):
    return reverse(name, args=["conf", *args])


def test_participation_page_shows_charts_table_and_headline(client, admin, registered):
    set_target(
        user=admin,
        conference=registered,
        dimension="constituent_group",
        value="private_sector",
        share=30,
    )
    client.force_login(admin)

    response = client.get(_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Private sector: 30% of registered (target 30%)" in html
    assert html.count('class="chart__svg participation-chart__svg"') == 4
    start = html.index('<svg class="chart__svg participation-chart__svg"')
    svg = ElementTree.fromstring(html[start : html.index("</svg>", start) + 6])
    assert svg.find(f"{SVG}title").text.startswith("Share of registered and attended")
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert len(widths) == 18
    assert max(widths) > 0
    assert len(list(svg.iter(f"{SVG}line"))) > 1
    assert "P1" not in html  # no names, ever


def test_participation_page_delegate_sees_no_forms(client, admin, registered):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, registered), "d1")
    client.force_login(delegate)

    response = client.get(_url())

    assert response.status_code == 200
    assert b"participation/targets/" not in response.content
    assert b"participation/previous/" not in response.content
    assert b"P10" not in response.content


def test_participation_page_forbidden_to_outsider_and_public(client, admin, registered):
    assert client.get(_url()).status_code in (403, 404)
    client.force_login(factories.make_user(admin, "outsider"))

    assert client.get(_url()).status_code == 403


def test_participation_targets_form_saves(client, admin, registered):
    client.force_login(admin)

    response = client.post(
        _url("participation_targets", "gender"), {"gender-female": "40", "gender-male": ""}
    )

    assert response.status_code == 302
    assert list(ParticipationTarget.objects.values_list("value", "share")) == [("female", 40)]


def test_participation_targets_form_over_hundred_shows_error(client, admin, registered):
    client.force_login(admin)

    response = client.post(
        _url("participation_targets", "gender"), {"gender-female": "60", "gender-male": "50"}
    )

    assert response.status_code == 400
    assert b"together they may not exceed 100%" in response.content
    assert ParticipationTarget.objects.count() == 0


def test_participation_targets_form_forbidden_to_chair(client, admin, registered):
    client.force_login(factories.make_chair(admin, registered))

    response = client.post(_url("participation_targets", "gender"), {"gender-female": "40"})

    assert response.status_code == 403


def test_participation_upload_imports_csv(client, admin, registered):
    client.force_login(admin)
    upload = SimpleUploadedFile("wtdc22.csv", PAST_CSV.encode(), content_type="text/csv")

    response = client.post(_url("participation_past"), {"label": "WTDC-22", "file": upload})

    assert response.status_code == 302
    assert PastParticipation.objects.count() == 4
    page = client.get(_url()).content.decode()
    assert "WTDC-22 %" in page


def test_participation_upload_bad_rows_listed(client, admin, registered):
    client.force_login(admin)
    data = b"dimension,value,registered,attended\nregion,MARS,1,1\ngender,female,x,1\n"
    upload = SimpleUploadedFile("bad.csv", data, content_type="text/csv")

    response = client.post(_url("participation_past"), {"label": "W", "file": upload})

    assert response.status_code == 400
    html = response.content.decode()
    assert "The file has 2 problems; nothing was imported." in html
    assert (
        '<td class="num">3</td><td>registered</td><td>&#x27;x&#x27; is not a whole number</td>'
        in html
    )
    assert PastParticipation.objects.count() == 0


def test_participation_page_query_count_does_not_grow(client, admin, conference):
    client.force_login(admin)
    register(conference, rows=[("Only", "AFR", "government", "member_state", "male", True)])
    with CaptureQueriesContext(connection) as one:
        client.get(_url())
    register(conference)
    register(conference)
    with CaptureQueriesContext(connection) as many:
        response = client.get(_url())

    assert response.status_code == 200
    assert len(many) == len(one)
