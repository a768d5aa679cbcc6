import pytest

from accord.participation.models import ParticipationTarget
from tests import factories
from tests.api.conftest import bearer
from tests.participation.conftest import register

pytestmark = pytest.mark.integration

URL = "/api/conferences/conf/participation"


def test_get_participation_gives_figures(client, admin, conference):
    register(conference)
    client.force_login(admin)

    body = client.get(URL).json()

    assert (body["registered"], body["attended"]) == (10, 6)
    gender = next(d for d in body["dimensions"] if d["dimension"] == "gender")
    female = next(v for v in gender["values"] if v["value"] == "female")
    assert (female["registered"], female["registered_share"], female["attended_share"]) == (
        4,
        40.0,
        50.0,
    )
    assert "P1" not in str(body)


def test_get_participation_outsider_is_forbidden(client, admin, conference):
    outsider = factories.make_user(admin, "outsider")

    response = client.get(URL, headers=bearer(outsider))

    assert response.status_code in (403, 404)


def test_post_target_by_secretariat_sets_it(client, admin, conference):
    response = client.post(
        URL + "/targets",
        {"dimension": "constituent_group", "value": "private_sector", "share": 30},
        content_type="application/json",
        headers=bearer(admin),
    )

    assert response.status_code == 200
    assert response.json() == [
        {"dimension": "constituent_group", "value": "private_sector", "share": 30.0}
    ]


def test_post_target_over_hundred_is_400(client, admin, conference):
    ParticipationTarget.objects.create(
        conference=conference, dimension="gender", value="female", share=70
    )

    response = client.post(
        URL + "/targets",
        {"dimension": "gender", "value": "male", "share": 40},
        content_type="application/json",
        headers=bearer(admin),
    )

    assert response.status_code == 400
    assert response.json()["message"] == (
        "The gender targets add up to 110.0%; together they may not exceed 100%."
    )


def test_post_target_by_delegate_is_403(client, admin, conference):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "d1")

    response = client.post(
        URL + "/targets",
        {"dimension": "gender", "value": "female", "share": 40},
        content_type="application/json",
        headers=bearer(delegate),
    )

    assert response.status_code == 403
