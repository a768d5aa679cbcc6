"""Write iCalendar (RFC 5545) calendars of all-day events, with no dependency.

What the RFC asks of us, and where it is done:
- lines end with CRLF (``write_calendar``);
- a content line longer than 75 octets is folded: CRLF then one space, never splitting a UTF-8
  character (``fold``);
- TEXT values escape backslash, semicolon, comma and newline (``escape_text``); other control
  characters are not allowed and are dropped;
- every VEVENT has a UID and a DTSTAMP; all-day events are DATE values and DTEND is the day
  *after* the last day (it is exclusive).

Pure Python: no Django, so the format is tested on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

CRLF = "\r\n"
MAX_OCTETS = 75
PRODID = "-//Accord//Meetings//EN"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Event:
    """An all-day event from ``first_day`` to ``last_day``, both included."""

    uid: str
    summary: str
    first_day: dt.date
    last_day: dt.date
    stamp: dt.datetime  # when the information last changed; timezone-aware
    description: str = ""
    location: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()
    transparent: bool = False


def escape_text(value: str) -> str:
    """A TEXT value: ``\\`` ``;`` ``,`` escaped, newlines as ``\\n``, other controls dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value.replace("\t", " "))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into parts of at most 75 octets (continuations start with a space,
    which counts), cutting between characters, never inside one."""
    if len(line.encode("utf-8")) <= MAX_OCTETS:
        return line
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _utc(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("DTSTAMP needs a timezone-aware date and time.")
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _uri(value: str) -> str:
    """A URI value is not escaped, but may not break the line."""
    return _CONTROL.sub("", value.replace("\r", "").replace("\n", "").replace("\t", ""))


def event_lines(event: Event) -> list[str]:
    """The unfolded content lines of one VEVENT."""
    if event.last_day < event.first_day:
        raise ValueError(f"Event {event.uid} ends before it starts.")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uri(event.uid)}",
        f"DTSTAMP:{_utc(event.stamp)}",
        f"LAST-MODIFIED:{_utc(event.stamp)}",
        f"DTSTART;VALUE=DATE:{_date(event.first_day)}",
        f"DTEND;VALUE=DATE:{_date(event.last_day + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{_uri(event.url)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
    lines.append(f"TRANSP:{'TRANSPARENT' if event.transparent else 'OPAQUE'}")
    lines.append("END:VEVENT")
    return lines


def write_calendar(name: str, events: Iterable[Event], *, prodid: str = PRODID) -> str:
    """A whole VCALENDAR: folded lines, each ending with CRLF.

    No METHOD property: the feed is a calendar store to subscribe to, so each DTSTAMP says
    when that event last changed, and an unchanged feed is byte for byte the same.
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{escape_text(prodid)}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines.extend(event_lines(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
