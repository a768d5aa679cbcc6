import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.core.errors import NotAllowed
from accord.participation.domain import import_past_participation, set_target
from accord.participation.queries import participation_dashboard
from tests import factories
from tests.participation.conftest import PAST_CSV, register

pytestmark = pytest.mark.integration


def _figures(dashboard, dimension):
    figures = next(d for d in dashboard.dimensions if d.dimension == dimension)
    return {
        v.value: (v.registered, v.registered_share, v.attended, v.attended_share)
        for v in figures.values
    }


def test_dashboard_counts_approved_registrations_per_group(admin, registrations):
    dashboard = participation_dashboard(admin, registrations)

    assert (dashboard.registered, dashboard.attended) == (10, 6)
    assert _figures(dashboard, "constituent_group") == {
        "government": (4, 40.0, 1, 16.7),
        "regulator": (0, 0.0, 0, 0.0),
        "private_sector": (3, 30.0, 2, 33.3),
        "academia": (1, 10.0, 1, 16.7),
        "civil_society": (1, 10.0, 1, 16.7),
        "international_organization": (0, 0.0, 0, 0.0),
        "financing_institution": (0, 0.0, 0, 0.0),
        "un_agency": (0, 0.0, 0, 0.0),
        "unknown": (1, 10.0, 1, 16.7),
    }


def test_dashboard_counts_gender_and_region(admin, registrations):
    dashboard = participation_dashboard(admin, registrations)

    assert _figures(dashboard, "gender") == {
        "female": (4, 40.0, 3, 50.0),
        "male": (4, 40.0, 2, 33.3),
        "other": (1, 10.0, 1, 16.7),
        "undisclosed": (1, 10.0, 0, 0.0),
    }
    assert _figures(dashboard, "region") == {
        "AFR": (3, 30.0, 2, 33.3),
        "AMS": (1, 10.0, 1, 16.7),
        "ARB": (1, 10.0, 0, 0.0),
        "ASP": (2, 20.0, 1, 16.7),
        "CIS": (0, 0.0, 0, 0.0),
        "EUR": (2, 20.0, 2, 33.3),
        "unknown": (1, 10.0, 0, 0.0),
    }
    assert _figures(dashboard, "membership_category")["unknown"] == (2, 20.0, 2, 33.3)


def test_dashboard_targets_met_and_gap(admin, registrations):
    set_target(
        user=admin,
        conference=registrations,
        dimension="constituent_group",
        value="private_sector",
        share=30,
    )
    set_target(user=admin, conference=registrations, dimension="gender", value="female", share=45)

    dashboard = participation_dashboard(admin, registrations)

    targets = [(v.value, v.target, v.met, v.gap) for d in dashboard.dimensions for v in d.targets]
    assert targets == [("private_sector", 30.0, True, 0.0), ("female", 45.0, False, 5.0)]


def test_dashboard_headline_compares_with_previous_conference(admin, registrations):
    set_target(
        user=admin,
        conference=registrations,
        dimension="constituent_group",
        value="private_sector",
        share=30,
    )
    import_past_participation(user=admin, conference=registrations, label="WTDC-22", data=PAST_CSV)

    dashboard = participation_dashboard(admin, registrations)

    assert dashboard.past_label == "WTDC-22"
    assert dashboard.headlines() == ["Private sector: 30% of registered (target 30%; WTDC-22: 21%)"]
    private = next(v for v in dashboard.dimensions[0].values if v.value == "private_sector")
    assert (private.past_registered_share, private.past_attended_share) == (21.0, 20.0)


def test_dashboard_without_registrations_is_all_zero(admin, conference):
    dashboard = participation_dashboard(admin, conference)

    assert (dashboard.registered, dashboard.attended) == (0, 0)
    assert _figures(dashboard, "gender")["female"] == (0, 0.0, 0, 0.0)


def test_dashboard_query_count_does_not_grow_with_registrations(admin, conference):
    register(conference, rows=[("Only", "AFR", "government", "member_state", "male", True)])
    participation_dashboard(admin, conference)  # warm the user's standing cache
    with CaptureQueriesContext(connection) as one:
        participation_dashboard(admin, conference)
    register(conference)
    register(conference)
    with CaptureQueriesContext(connection) as many:
        dashboard = participation_dashboard(admin, conference)

    assert dashboard.registered == 21
    assert len(many) == len(one)


def test_dashboard_delegate_sees_aggregates(admin, registrations):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, registrations), "d1")

    dashboard = participation_dashboard(delegate, registrations)

    assert dashboard.registered == 10


def test_dashboard_outsider_is_not_allowed(admin, registrations):
    outsider = factories.make_user(admin, "outsider")

    with pytest.raises(NotAllowed):
        participation_dashboard(outsider, registrations)
