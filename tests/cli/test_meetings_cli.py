"""``accord meetings list|ical``, in-process with the test database."""

import json

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.meetings.enums import MeetingKind
from tests import factories
from tests.meetings.conftest import make_ipm, make_meeting
from tests.meetings.ical_parser import parse

pytestmark = pytest.mark.integration


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def meetings(admin, conference):
    rpm = make_meeting(admin, conference)
    ipm = make_ipm(admin, conference, back_to_back_with=rpm)
    ams = make_meeting(
        admin,
        conference,
        "RPM-AMS",
        region="AMS",
        starts_on=rpm.starts_on.replace(month=11),
        ends_on=rpm.ends_on.replace(month=11),
        city="Brasília",
        country="Brazil",
        online=True,
        online_url="https://meet.example.org/ams",
    )
    return rpm, ipm, ams


def test_meetings_list_prints_one_line_per_meeting_in_date_order(run, meetings):
    result = run("meetings", "list")

    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "RPM-AFR\trpm\t2026-10-20/2026-10-22\tAFR\tNairobi, Kenya\tcontributions due 2026-10-06"
        "\tMeeting RPM-AFR",
        "IPM-1\tipm\t2026-10-23/2026-10-24\t-\tNairobi, Kenya\tcontributions due 2026-10-09"
        "\tMeeting IPM-1",
        "RPM-AMS\trpm\t2026-11-20/2026-11-22\tAMS\tBrasília, Brazil (and online)"
        "\tcontributions due 2026-11-06\tMeeting RPM-AMS",
    ]


def test_meetings_list_json_is_one_object_in_the_apis_meeting_format(run, client, meetings):
    result = run("meetings", "list", "--json", "--region", "afr")

    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    api = client.get("/api/conferences/conf/meetings").json()
    assert data == {"conference": "conf", "meetings": [api[0]]}
    assert data["meetings"][0]["code"] == "RPM-AFR"


def test_meetings_list_filters_by_kind_and_no_region(run, meetings):
    by_kind = run("meetings", "list", "--kind", "ipm")
    without_region = run("meetings", "list", "--region", "none")

    assert [line.split("\t")[0] for line in by_kind.stdout.splitlines()] == ["IPM-1"]
    assert [line.split("\t")[0] for line in without_region.stdout.splitlines()] == ["IPM-1"]


def test_meetings_list_unknown_kind_and_conference_fail_in_one_line(run, meetings):
    kind = run("meetings", "list", "--kind", "party")
    conference = run("meetings", "list", "--conference", "nowhere")

    kinds = ", ".join(MeetingKind.values)
    assert (kind.exit_code, kind.stdout, kind.stderr) == (
        2,
        "",
        f"accord: Unknown kind 'party'; expected one of {kinds}.\n",
    )
    assert (conference.exit_code, conference.stdout, conference.stderr) == (
        2,
        "",
        "accord: No conference 'nowhere' (conferences: conf).\n",
    )


def test_meetings_ical_writes_every_meeting_its_deadline_and_the_conference(
    run, tmp_path, meetings
):
    out = tmp_path / "conf.ics"

    result = run("meetings", "ical", "-o", out, "--base-url", "https://accord.example.org/")

    assert (result.exit_code, result.stderr) == (0, "")
    data = out.read_bytes()
    assert result.stdout == (
        f"Wrote 3 meetings (7 events) of conf to {out} ({len(data):,} bytes).\n"
    )
    calendar = parse(data)
    events = calendar.children
    assert calendar.get("X-WR-CALNAME") == "CONF"
    assert [e.get("SUMMARY") for e in events if e.get("UID").startswith("meeting-")] == [
        "RPM-AFR: Meeting RPM-AFR",
        "IPM-1: Meeting IPM-1",
        "RPM-AMS: Meeting RPM-AMS",
    ]
    rpm = meetings[0]
    first = next(e for e in events if e.get("UID") == f"meeting-{rpm.pk}@conf.accord")
    assert first.get("URL") == f"https://accord.example.org/c/conf/meetings/{rpm.pk}/"


def test_meetings_ical_for_a_delegation_keeps_its_region_and_interregional(
    run, tmp_path, admin, conference, meetings
):
    factories.make_delegation(admin, conference, "BRA", name="Brazil")
    out = tmp_path / "bra.ics"

    result = run("meetings", "ical", "--delegation", "bra", "-o", out)

    assert result.exit_code == 0
    calendar = parse(out.read_bytes())
    assert calendar.get("X-WR-CALNAME") == "CONF – Brazil"
    meetings_in = [
        e.get("SUMMARY") for e in calendar.children if e.get("UID").startswith("meeting")
    ]
    assert meetings_in == ["IPM-1: Meeting IPM-1", "RPM-AMS: Meeting RPM-AMS"]
    assert "URL:http://127.0.0.1:8000/c/conf/meetings/" in out.read_text()


def test_meetings_ical_unknown_delegation_lists_the_known_ones_and_writes_nothing(
    run, tmp_path, admin, conference, meetings
):
    factories.make_delegation(admin, conference, "KEN", name="Kenya")
    out = tmp_path / "x.ics"

    result = run("meetings", "ical", "--delegation", "Atlantis", "-o", out)

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("accord: No delegation 'Atlantis' at conf (delegations: KEN Kenya).\n")
    assert not out.exists()


def test_meetings_ical_bad_base_url_and_unwritable_file_fail_in_one_line(run, tmp_path, meetings):
    bad_url = run("meetings", "ical", "-o", tmp_path / "a.ics", "--base-url", "accord.example")
    unwritable = run("meetings", "ical", "-o", tmp_path / "missing" / "a.ics")

    assert (bad_url.exit_code, bad_url.stderr) == (
        2,
        "accord: The links' address 'accord.example' must start with http(s)://.\n",
    )
    assert unwritable.exit_code == 2
    assert unwritable.stderr.startswith(f"accord: Cannot write {tmp_path / 'missing' / 'a.ics'}: ")
    assert not (tmp_path / "a.ics").exists()
