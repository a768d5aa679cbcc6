"""The iCalendar feeds over HTTP: per conference (as public as the conference) and per
delegation (signed in, or through its private address), read back and checked."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from accord.meetings import domain
from accord.meetings.enums import MeetingKind
from accord.meetings.models import CalendarFeed, Meeting
from accord.meetings.queries import feed_token
from tests import factories
from tests.meetings.conftest import make_ipm, make_meeting
from tests.meetings.ical_parser import parse, unescape

pytestmark = pytest.mark.integration


@pytest.fixture
def calendar(admin, conference):
    """An RPM for Africa (title with a comma and a semicolon), an IPM back to back, an RPM for
    Europe."""
    rpm = make_meeting(admin, conference, title="Africa RPM, first session; Nairobi")
    ipm = make_ipm(admin, conference, back_to_back_with=rpm)
    eur = make_meeting(
        admin,
        conference,
        "RPM-EUR",
        region="EUR",
        city="Lisbon",
        country="Portugal",
        starts_on=dt.date(2027, 3, 9),
        ends_on=dt.date(2027, 3, 11),
    )
    return rpm, ipm, eur


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {e.get("UID"): e for e in parse(response.content).children}


def test_conference_feed_has_meetings_deadlines_and_conference(client, conference, calendar):
    rpm, ipm, eur = calendar

    found = events(client.get(reverse("meetings_ical", args=["conf"])))

    assert sorted(found) == sorted(
        [
            f"meeting-{rpm.pk}@conf.accord",
            f"deadline-{rpm.pk}@conf.accord",
            f"meeting-{ipm.pk}@conf.accord",
            f"deadline-{ipm.pk}@conf.accord",
            f"meeting-{eur.pk}@conf.accord",
            f"deadline-{eur.pk}@conf.accord",
            f"conference-{conference.pk}@conf.accord",
        ]
    )
    meeting = found[f"meeting-{rpm.pk}@conf.accord"]
    assert unescape(meeting.get("SUMMARY")) == "RPM-AFR: Africa RPM, first session; Nairobi"
    assert meeting.get("DTSTART") == "20261020"
    assert meeting.get("DTEND") == "20261023"
    assert unescape(meeting.get("LOCATION")) == "Nairobi, Kenya"
    assert meeting.get("URL") == f"http://testserver/c/conf/meetings/{rpm.pk}/"
    assert unescape(meeting.get("DESCRIPTION")).splitlines() == [
        "Regional preparatory meeting",
        "Region: Africa",
        "Contributions due 2026-10-06",
        "Local time zone: Africa/Nairobi",
    ]
    deadline = found[f"deadline-{ipm.pk}@conf.accord"]
    assert (deadline.get("DTSTART"), deadline.get("DTEND")) == ("20261009", "20261010")
    assert deadline.get("TRANSP") == "TRANSPARENT"
    opening = found[f"conference-{conference.pk}@conf.accord"]
    assert (opening.get("DTSTART"), opening.get("DTEND")) == ("20270605", "20270617")


def test_conference_feed_is_stable_between_downloads(client, conference, calendar):
    first = client.get(reverse("meetings_ical", args=["conf"])).content
    second = client.get(reverse("meetings_ical", args=["conf"])).content

    assert first == second


def test_conference_feed_dtstamp_changes_with_meeting(client, admin, conference, calendar):
    rpm = calendar[0]
    Meeting.objects.filter(pk=rpm.pk).update(
        updated_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    )
    before = events(client.get(reverse("meetings_ical", args=["conf"])))

    domain.update_meeting(user=admin, meeting=rpm, title="Renamed")
    after = events(client.get(reverse("meetings_ical", args=["conf"])))

    uid = f"meeting-{rpm.pk}@conf.accord"
    assert before[uid].get("DTSTAMP") == "20260102T030405Z"
    assert after[uid].get("DTSTAMP") != "20260102T030405Z"
    assert after[uid].get("UID") == before[uid].get("UID")


def test_conference_feed_no_duplicate_when_conference_is_a_meeting(client, admin, conference):
    make_meeting(
        admin,
        conference,
        "DDC",
        kind=MeetingKind.CONFERENCE,
        region=None,
        starts_on=dt.date(2027, 6, 5),
        ends_on=dt.date(2027, 6, 16),
    )

    found = events(client.get(reverse("meetings_ical", args=["conf"])))

    assert not [uid for uid in found if uid.startswith("conference-")]
    assert len(found) == 2


def test_conference_feed_lines_folded_and_crlf(client, admin, conference):
    make_meeting(admin, conference, title="Réunion préparatoire régionale " * 6)

    response = client.get(reverse("meetings_ical", args=["conf"]))

    lines = response.content.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    assert b"\n" not in response.content.replace(b"\r\n", b"")


def test_conference_feed_of_private_conference_hidden(client, admin, private_conference):
    assert client.get(reverse("meetings_ical", args=["closed"])).status_code == 404


def test_delegation_feed_has_own_region_and_interregional_only(
    client, conference, calendar, kenya, kenyan
):
    rpm, ipm, eur = calendar
    client.force_login(kenyan)

    response = client.get(reverse("delegation_ical", args=["conf", kenya.pk]))

    found = events(response)
    assert f"meeting-{rpm.pk}@conf.accord" in found
    assert f"meeting-{ipm.pk}@conf.accord" in found
    assert f"meeting-{eur.pk}@conf.accord" not in found
    assert f"deadline-{eur.pk}@conf.accord" not in found
    assert response["Cache-Control"] == "private, no-store"


def test_delegation_feed_needs_sign_in(client, conference, kenya):
    response = client.get(reverse("delegation_ical", args=["conf", kenya.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_delegation_feed_forbidden_to_other_delegation(client, admin, conference, kenya):
    brazil = factories.make_delegation(admin, conference, "BRA", name="Brazil")
    client.force_login(factories.make_delegate(admin, brazil, "brazilian"))

    assert client.get(reverse("delegation_ical", args=["conf", kenya.pk])).status_code == 403


def test_private_address_issued_shown_and_works_without_sign_in(client, admin, private_conference):
    kenya = factories.make_delegation(admin, private_conference, "KEN", name="Kenya")
    kenyan = factories.make_delegate(admin, kenya, "kenyan")
    rpm = make_meeting(admin, private_conference)
    client.force_login(kenyan)

    issued = client.post(reverse("delegation_feed_issue", args=["closed", kenya.pk]))
    page = client.get(reverse("meetings", args=["closed"])).content.decode()
    address = re.search(r'value="(http://testserver/c/closed/meetings/delegations/[^"]+)"', page)
    client.logout()
    response = client.get(address[1].removeprefix("http://testserver"))

    assert issued.status_code == 302
    assert f"meeting-{rpm.pk}@closed.accord" in events(response)
    assert response["X-Robots-Tag"] == "noindex"


def test_private_address_wrong_key_is_404(client, admin, conference, kenya, kenyan):
    domain.issue_calendar_feed(user=kenyan, delegation=kenya)

    path = reverse("delegation_ical_private", args=["conf", kenya.pk, "0" * 40])

    assert client.get(path).status_code == 404


def test_private_address_renewed_retires_old_one(client, admin, conference, kenya, kenyan):
    feed = domain.issue_calendar_feed(user=kenyan, delegation=kenya)
    old = reverse("delegation_ical_private", args=["conf", kenya.pk, feed_token(feed)])

    renewed = domain.issue_calendar_feed(user=kenyan, delegation=kenya)
    new = reverse("delegation_ical_private", args=["conf", kenya.pk, feed_token(renewed)])

    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert CalendarFeed.objects.count() == 1


def test_private_address_key_is_not_stored(admin, conference, kenya, kenyan):
    feed = domain.issue_calendar_feed(user=kenyan, delegation=kenya)

    token = feed_token(feed)
    assert token not in feed.salt
    assert len(token) == 40


def test_private_address_of_other_conference_is_404(client, admin, conference, kenya, kenyan):
    other = factories.make_conference(admin, slug="other")
    feed = domain.issue_calendar_feed(user=kenyan, delegation=kenya)

    path = reverse("delegation_ical_private", args=["other", kenya.pk, feed_token(feed)])

    assert other.slug == "other"
    assert client.get(path).status_code == 404


def test_private_address_issue_forbidden_to_other_delegate(client, admin, conference, kenya):
    brazil = factories.make_delegation(admin, conference, "BRA", name="Brazil")
    client.force_login(factories.make_delegate(admin, brazil, "brazilian"))

    response = client.post(reverse("delegation_feed_issue", args=["conf", kenya.pk]))

    assert response.status_code == 403
    assert CalendarFeed.objects.count() == 0
