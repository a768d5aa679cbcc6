"""The demo conference's preparatory calendar: six RPMs, three IPMs back to back with the
second, fourth and sixth, coordinators with gaps, representatives with open places."""

import pytest

from accord.meetings.enums import MeetingKind
from accord.meetings.models import Meeting
from accord.meetings.queries import coordinator_matrix, representative_slots

pytestmark = pytest.mark.integration


def test_demo_has_six_rpms_one_per_region(demo):
    rpms = Meeting.objects.filter(conference=demo.conference, kind=MeetingKind.RPM)

    assert list(rpms.values_list("code", flat=True)) == [
        "RPM-CIS",
        "RPM-AFR",
        "RPM-AMS",
        "RPM-ASP",
        "RPM-ARB",
        "RPM-EUR",
    ]
    assert sorted(rpms.values_list("region__code", flat=True)) == [
        "AFR",
        "AMS",
        "ARB",
        "ASP",
        "CIS",
        "EUR",
    ]


def test_demo_ipms_back_to_back_with_rpms_two_four_six(demo):
    ipms = Meeting.objects.filter(conference=demo.conference, kind=MeetingKind.IPM)

    assert [(m.code, m.back_to_back_with.code) for m in ipms] == [
        ("IPM-1", "RPM-AFR"),
        ("IPM-2", "RPM-ASP"),
        ("IPM-3", "RPM-EUR"),
    ]
    assert all(m.chair is not None and m.chair.name == "Kwame Asante-Boateng" for m in ipms)


def test_demo_calendar_spans_advisory_group_to_conference(demo):
    meetings = list(Meeting.objects.filter(conference=demo.conference))

    assert len(meetings) == 13
    assert meetings[0].code == "TDAG-26"
    assert meetings[-1].kind == MeetingKind.CONFERENCE
    assert meetings[-1].starts_on == demo.conference.start_date


def test_demo_coordinators_have_visible_gaps(demo):
    admin = demo.conference.appointments.first().user

    matrix = coordinator_matrix(admin, demo.conference)

    assert matrix.cells == 54  # 6 regions × (4 topics + 5 priorities)
    assert matrix.gaps == 35  # 19 cells filled
    assert [row.gaps for row in matrix.rows] == [4, 5, 7, 6, 7, 6]


def test_demo_ipm_representatives_have_open_places(demo):
    ipm1 = Meeting.objects.get(conference=demo.conference, code="IPM-1")

    slots = representative_slots(ipm1)

    assert [(s.region.code, s.missing) for s in slots] == [
        ("AFR", 0),
        ("AMS", 0),
        ("ARB", 1),
        ("ASP", 0),
        ("CIS", 1),
        ("EUR", 1),
    ]


def test_demo_agendas_link_the_plan(demo):
    rpm = Meeting.objects.get(conference=demo.conference, code="RPM-AFR")

    item = rpm.agenda_items.get(number="3")

    assert [p.code for p in item.priorities.all()] == ["D.1"]
    assert [i.code for i in item.plan_items.all()] == ["D.1-a"]
    assert item.priorities.get().version.number == 1
