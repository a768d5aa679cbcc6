"""The iCalendar writer (RFC 5545): escaping, folding at 75 octets, CRLF, all-day dates, and
the feed built from meetings, read back with a small strict parser."""

import datetime as dt

import pytest

from accord.meetings.interfaces.ical import Event, escape_text, fold, write_calendar
from tests.meetings.ical_parser import parse, physical_lines, split_list, unescape

STAMP = dt.datetime(2026, 11, 23, 18, 5, 7, tzinfo=dt.UTC)


def event(**fields):
    values = {
        "uid": "meeting-1@conf.accord",
        "summary": "RPM-AFR: Regional preparatory meeting for Africa",
        "first_day": dt.date(2026, 10, 20),
        "last_day": dt.date(2026, 10, 22),
        "stamp": STAMP,
    } | fields
    return Event(**values)


@pytest.mark.unit
def test_escape_text_escapes_specials():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


@pytest.mark.unit
def test_escape_text_drops_control_characters_and_keeps_tabs_as_spaces():
    assert escape_text("a\x00b\x1fc\td") == "abc d"


@pytest.mark.unit
def test_fold_short_line_unchanged():
    line = "SUMMARY:" + "x" * 67

    assert fold(line) == line


@pytest.mark.unit
def test_fold_long_line_at_75_octets():
    line = "DESCRIPTION:" + "y" * 200

    folded = fold(line)

    parts = folded.split("\r\n")
    assert [len(p.encode()) for p in parts] == [75, 75, 64]  # 212 = 75 + 74 + 63
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


@pytest.mark.unit
def test_fold_never_splits_a_multibyte_character():
    line = "SUMMARY:" + "é€中" * 40  # 2-, 3- and 3-octet characters

    parts = fold(line).split("\r\n")

    for part in parts:
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


@pytest.mark.unit
def test_write_calendar_crlf_and_structure():
    data = write_calendar("DDC-27", [event()]).encode("utf-8")

    lines = physical_lines(data)
    assert lines[:5] == [
        b"BEGIN:VCALENDAR",
        b"VERSION:2.0",
        b"PRODID:-//Accord//Meetings//EN",
        b"CALSCALE:GREGORIAN",
        b"X-WR-CALNAME:DDC-27",
    ]
    assert lines[-1] == b"END:VCALENDAR"
    assert data.count(b"\n") == data.count(b"\r\n")


@pytest.mark.unit
def test_write_calendar_all_day_event_has_exclusive_end():
    calendar = parse(write_calendar("C", [event()]).encode())

    (vevent,) = calendar.children
    assert vevent.name == "VEVENT"
    assert vevent.get("DTSTART") == "20261020"
    assert vevent.params("DTSTART") == {"VALUE": "DATE"}
    assert vevent.get("DTEND") == "20261023"
    assert vevent.params("DTEND") == {"VALUE": "DATE"}
    assert vevent.get("DTSTAMP") == "20261123T180507Z"
    assert vevent.get("UID") == "meeting-1@conf.accord"


@pytest.mark.unit
def test_write_calendar_round_trips_escaped_and_folded_text():
    description = "Agenda; resolutions, Questions\nand the declaration \\ all of it. " * 4
    summary = "Réunion préparatoire régionale — Afrique, Nairobi; 20–22 octobre 2026 " * 2
    text = write_calendar(
        "Calendrier, réunions",
        [
            event(
                summary=summary,
                description=description,
                location="Nairobi, Kenya",
                categories=("RPM, regional", "Other"),
            )
        ],
    )

    calendar = parse(text.encode("utf-8"))

    (vevent,) = calendar.children
    assert unescape(calendar.get("X-WR-CALNAME")) == "Calendrier, réunions"
    assert unescape(vevent.get("SUMMARY")) == summary
    assert unescape(vevent.get("DESCRIPTION")) == description
    assert unescape(vevent.get("LOCATION")) == "Nairobi, Kenya"
    assert split_list(vevent.get("CATEGORIES")) == ["RPM, regional", "Other"]
    assert any(line.startswith(b" ") for line in physical_lines(text.encode()))


@pytest.mark.unit
def test_write_calendar_requires_aware_stamp():
    with pytest.raises(ValueError, match="timezone-aware"):
        write_calendar("C", [event(stamp=dt.datetime(2026, 1, 1))])


@pytest.mark.unit
def test_write_calendar_stamp_converted_to_utc():
    nairobi = dt.timezone(dt.timedelta(hours=3))
    calendar = parse(
        write_calendar("C", [event(stamp=dt.datetime(2026, 1, 1, 2, 0, tzinfo=nairobi))]).encode()
    )

    assert calendar.children[0].get("DTSTAMP") == "20251231T230000Z"


@pytest.mark.unit
def test_write_calendar_transparent_deadline():
    calendar = parse(write_calendar("C", [event(transparent=True)]).encode())

    assert calendar.children[0].get("TRANSP") == "TRANSPARENT"


@pytest.mark.unit
def test_write_calendar_url_cannot_break_lines():
    calendar = parse(write_calendar("C", [event(url="https://example.org/a\r\nX-EVIL:1")]).encode())

    vevent = calendar.children[0]
    assert vevent.get("URL") == "https://example.org/aX-EVIL:1"
    assert "X-EVIL" not in vevent.names()


@pytest.mark.unit
def test_icalendar_package_reads_feed_when_installed():
    """The issue asks that the feed validate with the ``icalendar`` package; it is not a
    dependency, so this runs only where it is installed."""
    icalendar = pytest.importorskip("icalendar")
    text = write_calendar("C", [event(description="a;b,c\nd" * 30)])

    calendar = icalendar.Calendar.from_ical(text)

    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "RPM-AFR: Regional preparatory meeting for Africa"
    assert vevent.decoded("DTSTART") == dt.date(2026, 10, 20)
    assert vevent.decoded("DTEND") == dt.date(2026, 10, 23)
