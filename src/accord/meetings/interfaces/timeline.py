"""Geometry of the preparatory process's timeline: a server-rendered SVG Gantt chart with one
lane per region (and one for interregional meetings), each meeting a bar on a date axis, its
contribution deadline a diamond, and the conference's opening (and today) a vertical line.

As in ``accord.web.charts``, this module computes and the template draws, with no chart
library and no script; right-to-left languages get the chart mirrored (time runs from right to
left). Bars that would overlap in a lane (with their labels) go on a further row of the lane.
Pure Python: no Django.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 960
LABEL_WIDTH = 110
PADDING = 8
AXIS_HEIGHT = 30
ROW_HEIGHT = 26
BAR_HEIGHT = 14
LANE_PADDING = 4
FOOT_HEIGHT = 24
CHAR_WIDTH = 6.5  # an estimate of a label's character width at the chart's font size
MIN_BAR_WIDTH = 3.0
LABEL_GAP = 4
RULE_LABEL_ROOM = 60  # half the width of a rule's label ("Opening 5 Jun 2027")
DIAMOND = 5


@dataclass(frozen=True)
class LaneInput:
    key: str
    label: str
    title: str


@dataclass(frozen=True)
class EntryInput:
    """A meeting to draw: in ``lane``, from ``first_day`` to ``last_day`` (both included)."""

    key: str
    lane: str
    label: str
    title: str
    kind: str
    first_day: dt.date
    last_day: dt.date
    href: str = ""
    deadline: dt.date | None = None
    deadline_title: str = ""


@dataclass(frozen=True)
class Lane:
    key: str
    label: str
    title: str
    y: float
    height: float
    label_x: float
    text_y: float
    shaded: bool


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    title: str
    kind: str
    href: str
    x: float
    y: float
    width: float
    text_x: float
    text_y: float
    text_anchor: str  # the label follows the bar, or precedes it near the chart's end
    first_day: dt.date
    last_day: dt.date


@dataclass(frozen=True)
class Marker:
    key: str
    title: str
    date: dt.date
    x: float
    y: float
    points: str  # the diamond's polygon


@dataclass(frozen=True)
class Tick:
    date: dt.date
    x: float
    text_x: float
    major: bool  # January: the year is shown


@dataclass(frozen=True)
class Rule:
    """A vertical line across the lanes: the opening, or today."""

    kind: str
    date: dt.date
    x: float
    text_x: float
    text_anchor: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: float
    first_day: dt.date
    last_day: dt.date
    plot_top: float
    plot_bottom: float
    lanes: list[Lane]
    bars: list[Bar]
    markers: list[Marker]
    ticks: list[Tick]
    rules: list[Rule]
    label_anchor: str
    text_anchor: str
    foot_y: float

    @property
    def empty(self) -> bool:
        return not self.bars


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _range(entries: Sequence[EntryInput], extra: Sequence[dt.date]) -> tuple[dt.date, dt.date]:
    """Whole months from the earliest date shown to the latest (exclusive end)."""
    days = [d for e in entries for d in (e.first_day, e.last_day, e.deadline) if d is not None]
    days.extend(extra)
    first = _month_start(min(days))
    end = _next_month(max(days))
    return first, end


class _Scale:
    def __init__(self, first: dt.date, end: dt.date, rtl: bool) -> None:
        self.first = first
        self.start_x = LABEL_WIDTH + PADDING
        self.span = WIDTH - self.start_x - PADDING
        self.per_day = self.span / max(1, (end - first).days)
        self.rtl = rtl

    def x(self, day: dt.date) -> float:
        """The position of the start of ``day``, left to right."""
        return self.start_x + (day - self.first).days * self.per_day

    def place(self, x: float, width: float = 0.0) -> float:
        """Mirror a left-to-right position for right-to-left languages."""
        return WIDTH - x - width if self.rtl else x


def _extent(entry: EntryInput, scale: _Scale) -> tuple[float, float, float, float, bool]:
    """Where the entry's bar starts and how wide it is, and the span it takes with its label
    and deadline (left to right); the label goes before the bar and its deadline when it would
    pass the end of the chart."""
    start = scale.x(entry.first_day)
    width = max(MIN_BAR_WIDTH, scale.x(entry.last_day + dt.timedelta(days=1)) - start)
    label = LABEL_GAP + CHAR_WIDTH * len(entry.label)
    after = start + width + label <= WIDTH - PADDING
    left = start
    if entry.deadline is not None:
        left = min(left, scale.x(entry.deadline) - DIAMOND)
    if not after:
        left -= label
    right = start + width + label if after else start + width
    return start, width, left, right, after


def _rows(entries: list[EntryInput], scale: _Scale) -> dict[str, int]:
    """Put each entry of one lane on the first row where it (bar, label, deadline) fits."""
    ends: list[float] = []
    row_of = {}
    for entry in sorted(entries, key=lambda e: (e.first_day, e.last_day, e.key)):
        _, _, left, right, _ = _extent(entry, scale)
        row = next((n for n, end in enumerate(ends) if end <= left), len(ends))
        if row == len(ends):
            ends.append(right)
        else:
            ends[row] = right
        row_of[entry.key] = row
    return row_of


def _rule_anchor(x: float, rtl: bool) -> str:
    """A rule's label is centred on it, unless that would run off an end of the chart."""
    if x > WIDTH - RULE_LABEL_ROOM:
        return "start" if rtl else "end"
    if x < LABEL_WIDTH + RULE_LABEL_ROOM:
        return "end" if rtl else "start"
    return "middle"


def build_timeline(
    lanes: Sequence[LaneInput],
    entries: Sequence[EntryInput],
    *,
    opening: dt.date | None = None,
    today: dt.date | None = None,
    rtl: bool = False,
) -> Timeline:
    """Lay out ``entries`` in ``lanes`` (in the given order) on a shared date axis of whole
    months. ``opening`` and ``today`` are drawn as lines when they fall within the axis
    (the opening always does: it widens the axis)."""
    extra = [opening] if opening else []
    if not entries and not extra:
        extra = [today or dt.date.today()]
    first, end = _range(entries, extra)
    scale = _Scale(first, end, rtl)
    by_lane: dict[str, list[EntryInput]] = {lane.key: [] for lane in lanes}
    for entry in entries:
        if entry.lane not in by_lane:
            raise ValueError(f"Entry {entry.key} is in the unknown lane {entry.lane!r}.")
        by_lane[entry.lane].append(entry)

    laid_lanes: list[Lane] = []
    bars: list[Bar] = []
    markers: list[Marker] = []
    y = float(AXIS_HEIGHT)
    for index, lane in enumerate(lanes):
        rows = _rows(by_lane[lane.key], scale)
        count = max(rows.values(), default=0) + 1
        height = count * ROW_HEIGHT + 2 * LANE_PADDING
        laid_lanes.append(
            Lane(
                key=lane.key,
                label=lane.label,
                title=lane.title,
                y=y,
                height=height,
                label_x=WIDTH - PADDING if rtl else PADDING,
                text_y=y + height / 2,
                shaded=index % 2 == 0,
            )
        )
        for entry in sorted(by_lane[lane.key], key=lambda e: (e.first_day, e.key)):
            row_y = y + LANE_PADDING + rows[entry.key] * ROW_HEIGHT
            bar_y = row_y + (ROW_HEIGHT - BAR_HEIGHT) / 2
            start, width, left, _, after = _extent(entry, scale)
            # Before the bar (near the chart's end), the label also clears the deadline.
            label_width = CHAR_WIDTH * len(entry.label)
            text_x = scale.place(start + width + LABEL_GAP if after else left + label_width)
            bars.append(
                Bar(
                    key=entry.key,
                    label=entry.label,
                    title=entry.title,
                    kind=entry.kind,
                    href=entry.href,
                    x=round(scale.place(start, width), 2),
                    y=bar_y,
                    width=round(width, 2),
                    text_x=round(text_x, 2),
                    text_y=bar_y + BAR_HEIGHT / 2,
                    text_anchor="start" if after != rtl else "end",
                    first_day=entry.first_day,
                    last_day=entry.last_day,
                )
            )
            if entry.deadline is not None:
                cx = round(scale.place(scale.x(entry.deadline) + scale.per_day / 2), 2)
                cy = bar_y + BAR_HEIGHT / 2
                markers.append(
                    Marker(
                        key=entry.key,
                        title=entry.deadline_title,
                        date=entry.deadline,
                        x=cx,
                        y=cy,
                        points=(
                            f"{cx},{cy - DIAMOND} {cx + DIAMOND},{cy} "
                            f"{cx},{cy + DIAMOND} {cx - DIAMOND},{cy}"
                        ),
                    )
                )
        y += height

    ticks = []
    month = first
    while month < end:
        x = scale.x(month)
        ticks.append(
            Tick(
                date=month,
                x=round(scale.place(x), 2),
                text_x=round(scale.place(x + 3), 2),
                major=month.month == 1,
            )
        )
        month = _next_month(month)

    lines = []
    for kind, day in (("opening", opening), ("today", today)):
        if day is not None and first <= day < end:
            x = scale.x(day)
            lines.append(
                Rule(
                    kind=kind,
                    date=day,
                    x=round(scale.place(x), 2),
                    text_x=round(scale.place(x), 2),
                    text_anchor=_rule_anchor(x, rtl),
                )
            )
    return Timeline(
        width=WIDTH,
        height=y + FOOT_HEIGHT,
        first_day=first,
        last_day=end - dt.timedelta(days=1),
        plot_top=AXIS_HEIGHT,
        plot_bottom=y,
        lanes=laid_lanes,
        bars=bars,
        markers=markers,
        ticks=ticks,
        rules=lines,
        label_anchor="end" if rtl else "start",
        text_anchor="end" if rtl else "start",
        foot_y=y + FOOT_HEIGHT / 2 + 2,
    )
