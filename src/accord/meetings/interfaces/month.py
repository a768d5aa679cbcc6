"""A month as a grid of weeks for the calendar page: each day with the meetings held on it and
the deadlines that fall on it. Pure Python; the template draws it.

Weeks start on Monday (ISO 8601) and the grid shows whole weeks, so the first and last rows
hold days of the neighbouring months, marked ``in_month=False``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Span:
    """Something on the calendar: a meeting (several days) or a deadline (one day)."""

    key: str
    label: str
    title: str
    first_day: dt.date
    last_day: dt.date
    kind: str
    href: str = ""


@dataclass(frozen=True)
class Entry:
    span: Span
    starts: bool  # the span's first day
    ends: bool  # the span's last day


@dataclass(frozen=True)
class Day:
    date: dt.date
    in_month: bool
    today: bool
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Month:
    first: dt.date
    weeks: tuple[tuple[Day, ...], ...]
    previous: dt.date  # the first day of the month before
    next: dt.date  # the first day of the month after

    @property
    def weekdays(self) -> tuple[dt.date, ...]:
        """The dates of the first row, to name the columns (Monday to Sunday)."""
        return tuple(day.date for day in self.weeks[0])

    @property
    def spans(self) -> list[Span]:
        """The distinct spans shown in the month, in order of their first day."""
        seen: dict[str, Span] = {}
        for week in self.weeks:
            for day in week:
                for entry in day.entries:
                    if day.in_month:
                        seen.setdefault(entry.span.key, entry.span)
        return sorted(seen.values(), key=lambda s: (s.first_day, s.last_day, s.label))


def parse_month(value: str) -> tuple[int, int]:
    """``"2027-03"`` → ``(2027, 3)``; a ValueError names what is expected."""
    match = _MONTH.match(value.strip())
    if not match:
        raise ValueError(f"'{value[:20]}' is not a month; expected YYYY-MM, e.g. 2027-03.")
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise ValueError(f"'{value}' is not a month; expected YYYY-MM with a month from 01 to 12.")
    if not 1900 <= year <= 2999:
        raise ValueError(f"'{value}' is out of range; expected a year from 1900 to 2999.")
    return year, month


def _shift(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_grid(year: int, month: int, spans: Iterable[Span], *, today: dt.date) -> Month:
    """The weeks of ``month`` with, on each day, the spans covering it: longest first, so a
    meeting keeps its place across the days it lasts as far as possible."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    grid_first, grid_last = weeks[0][0], weeks[-1][-1]
    shown = sorted(
        (s for s in spans if s.first_day <= grid_last and s.last_day >= grid_first),
        key=lambda s: (s.first_day, -(s.last_day - s.first_day).days, s.label, s.key),
    )
    rows = []
    for week in weeks:
        days = []
        for day in week:
            entries = tuple(
                Entry(span=s, starts=s.first_day == day, ends=s.last_day == day)
                for s in shown
                if s.first_day <= day <= s.last_day
            )
            days.append(
                Day(date=day, in_month=day.month == month, today=day == today, entries=entries)
            )
        rows.append(tuple(days))
    first = dt.date(year, month, 1)
    return Month(first=first, weeks=tuple(rows), previous=_shift(first, -1), next=_shift(first, 1))
