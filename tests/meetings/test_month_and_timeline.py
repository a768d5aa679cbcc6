"""The calendar's month grid (whole weeks, month boundaries) and the timeline's geometry."""

import datetime as dt

import pytest

from accord.meetings.interfaces.month import Span, month_grid, parse_month
from accord.meetings.interfaces.timeline import (
    AXIS_HEIGHT,
    ROW_HEIGHT,
    WIDTH,
    EntryInput,
    LaneInput,
    build_timeline,
)

pytestmark = pytest.mark.unit

TODAY = dt.date(2027, 2, 10)


def span(key, first, last, kind="rpm"):
    return Span(key=key, label=key, title=key, first_day=first, last_day=last, kind=kind)


def days_with(month, key):
    return [
        day.date
        for week in month.weeks
        for day in week
        if any(entry.span.key == key for entry in day.entries)
    ]


def test_month_grid_whole_weeks_monday_first():
    month = month_grid(2027, 2, [], today=TODAY)  # February 2027 starts on a Monday

    assert [len(week) for week in month.weeks] == [7, 7, 7, 7]
    assert month.weeks[0][0].date == dt.date(2027, 2, 1)
    assert month.weeks[-1][-1].date == dt.date(2027, 2, 28)
    assert month.weekdays[0].weekday() == 0


def test_month_grid_shows_neighbouring_days_outside_month():
    month = month_grid(2026, 10, [], today=TODAY)  # 1 October 2026 is a Thursday

    first_week = month.weeks[0]
    assert [d.date for d in first_week] == [
        dt.date(2026, 9, 28) + dt.timedelta(days=n) for n in range(7)
    ]
    assert [d.in_month for d in first_week] == [False, False, False, True, True, True, True]
    assert month.weeks[-1][-1].date == dt.date(2026, 11, 1)
    assert month.weeks[-1][-1].in_month is False


def test_month_grid_meeting_across_month_boundary_in_both_months():
    meeting = span("m", dt.date(2027, 1, 30), dt.date(2027, 2, 2))

    january = month_grid(2027, 1, [meeting], today=TODAY)
    february = month_grid(2027, 2, [meeting], today=TODAY)

    # January's grid ends on Sunday 31 January; February's starts on Monday 1 February.
    assert days_with(january, "m") == [dt.date(2027, 1, 30), dt.date(2027, 1, 31)]
    assert days_with(february, "m") == [dt.date(2027, 2, 1), dt.date(2027, 2, 2)]
    assert [s.key for s in january.spans] == ["m"]
    assert [s.key for s in february.spans] == ["m"]


def test_month_grid_marks_first_and_last_day():
    meeting = span("m", dt.date(2027, 2, 9), dt.date(2027, 2, 11))

    month = month_grid(2027, 2, [meeting], today=TODAY)

    entries = {day.date.day: day.entries[0] for week in month.weeks for day in week if day.entries}
    assert [(d, e.starts, e.ends) for d, e in sorted(entries.items())] == [
        (9, True, False),
        (10, False, False),
        (11, False, True),
    ]


def test_month_grid_spans_outside_are_left_out():
    before = span("before", dt.date(2027, 1, 1), dt.date(2027, 1, 3))
    after = span("after", dt.date(2027, 3, 10), dt.date(2027, 3, 12))

    month = month_grid(2027, 2, [before, after], today=TODAY)

    assert month.spans == []


def test_month_grid_spans_listed_only_for_days_in_month():
    """A meeting on days of the grid that belong to the next month is drawn but not listed."""
    spill = span("spill", dt.date(2026, 11, 1), dt.date(2026, 11, 1))

    october = month_grid(2026, 10, [spill], today=TODAY)

    assert days_with(october, "spill") == [dt.date(2026, 11, 1)]
    assert october.spans == []


def test_month_grid_today_and_navigation():
    month = month_grid(2027, 1, [], today=dt.date(2027, 1, 15))

    todays = [day.date for week in month.weeks for day in week if day.today]
    assert todays == [dt.date(2027, 1, 15)]
    assert month.previous == dt.date(2026, 12, 1)
    assert month.next == dt.date(2027, 2, 1)


def test_month_grid_longer_span_first_on_shared_day():
    short = span("short", dt.date(2027, 2, 3), dt.date(2027, 2, 3), kind="deadline")
    long = span("long", dt.date(2027, 2, 3), dt.date(2027, 2, 5))

    month = month_grid(2027, 2, [short, long], today=TODAY)

    day = next(d for w in month.weeks for d in w if d.date == dt.date(2027, 2, 3))
    assert [e.span.key for e in day.entries] == ["long", "short"]


@pytest.mark.parametrize(("value", "expected"), [("2027-03", (2027, 3)), (" 2026-12 ", (2026, 12))])
def test_parse_month_accepts_year_month(value, expected):
    assert parse_month(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("March", "'March' is not a month; expected YYYY-MM, e.g. 2027-03."),
        ("2027-13", "'2027-13' is not a month; expected YYYY-MM with a month from 01 to 12."),
        ("0001-01", "'0001-01' is out of range; expected a year from 1900 to 2999."),
    ],
)
def test_parse_month_refuses_with_clear_message(value, message):
    with pytest.raises(ValueError) as error:
        parse_month(value)

    assert str(error.value) == message


# --- Timeline -----------------------------------------------------------------------------------

LANES = [LaneInput("all", "Interregional", "All"), LaneInput("AFR", "AFR", "Africa")]


def entry(key, lane, first, last, deadline=None):
    return EntryInput(
        key=key,
        lane=lane,
        label=key,
        title=key,
        kind="rpm" if lane != "all" else "ipm",
        first_day=first,
        last_day=last,
        deadline=deadline,
        deadline_title=f"{key} deadline",
    )


def test_timeline_axis_covers_whole_months_to_opening():
    chart = build_timeline(
        LANES,
        [entry("RPM", "AFR", dt.date(2026, 10, 20), dt.date(2026, 10, 22))],
        opening=dt.date(2027, 6, 5),
    )

    assert chart.first_day == dt.date(2026, 10, 1)
    assert chart.last_day == dt.date(2027, 6, 30)
    assert [t.date.month for t in chart.ticks] == [10, 11, 12, 1, 2, 3, 4, 5, 6]
    assert [t.major for t in chart.ticks] == [False, False, False, True] + [False] * 5


def test_timeline_bar_positions_follow_dates():
    chart = build_timeline(
        LANES,
        [
            entry("A", "AFR", dt.date(2026, 10, 1), dt.date(2026, 10, 1)),
            entry("B", "AFR", dt.date(2026, 10, 11), dt.date(2026, 10, 20)),
        ],
        opening=dt.date(2026, 12, 15),
    )

    # 834 pixels for the 92 days from 1 October to 31 December: 9.065 a day.
    a, b = chart.bars
    assert (a.x, a.width) == (118.0, 9.07)  # the axis starts after the lane labels
    assert (b.x, b.width) == (208.65, 90.65)  # 10 days later, 10 days long
    assert (chart.rules[0].kind, chart.rules[0].date) == ("opening", dt.date(2026, 12, 15))


def test_timeline_lanes_in_given_order_with_their_bars():
    chart = build_timeline(
        LANES,
        [
            entry("RPM-AFR", "AFR", dt.date(2026, 10, 20), dt.date(2026, 10, 22)),
            entry("IPM-1", "all", dt.date(2026, 10, 23), dt.date(2026, 10, 24)),
        ],
        opening=dt.date(2027, 6, 5),
    )

    assert [lane.key for lane in chart.lanes] == ["all", "AFR"]
    bars = {bar.key: bar for bar in chart.bars}
    interregional, africa = chart.lanes
    assert interregional.y <= bars["IPM-1"].y < interregional.y + interregional.height
    assert africa.y <= bars["RPM-AFR"].y < africa.y + africa.height
    assert interregional.y == AXIS_HEIGHT


def test_timeline_overlapping_meetings_in_a_lane_stack():
    chart = build_timeline(
        LANES,
        [
            entry("one", "AFR", dt.date(2026, 10, 1), dt.date(2026, 10, 10)),
            entry("two", "AFR", dt.date(2026, 10, 5), dt.date(2026, 10, 6)),
        ],
        opening=dt.date(2027, 6, 5),
    )

    one, two = chart.bars
    assert two.y - one.y == ROW_HEIGHT
    assert chart.lanes[1].height == 2 * ROW_HEIGHT + 8


def test_timeline_deadline_marker_at_its_date():
    chart = build_timeline(
        LANES,
        [
            entry(
                "RPM",
                "AFR",
                dt.date(2026, 10, 20),
                dt.date(2026, 10, 22),
                deadline=dt.date(2026, 10, 6),
            )
        ],
        opening=dt.date(2027, 6, 5),
    )

    (marker,) = chart.markers
    (bar,) = chart.bars
    assert marker.date == dt.date(2026, 10, 6)
    assert marker.x < bar.x
    assert marker.y == bar.y + 7
    assert marker.title == "RPM deadline"


def test_timeline_right_to_left_mirrors_positions():
    entries = [entry("RPM", "AFR", dt.date(2026, 10, 20), dt.date(2026, 10, 22))]
    ltr = build_timeline(LANES, entries, opening=dt.date(2027, 6, 5))
    rtl = build_timeline(LANES, entries, opening=dt.date(2027, 6, 5), rtl=True)

    # Each is rounded to 0.01 on its own, so the mirror image may differ by that much.
    assert rtl.bars[0].x == pytest.approx(WIDTH - ltr.bars[0].x - ltr.bars[0].width, abs=0.02)
    assert rtl.label_anchor == "end"


def test_timeline_today_outside_axis_not_drawn():
    chart = build_timeline(
        LANES,
        [entry("RPM", "AFR", dt.date(2026, 10, 20), dt.date(2026, 10, 22))],
        opening=dt.date(2027, 6, 5),
        today=dt.date(2030, 1, 1),
    )

    assert [rule.kind for rule in chart.rules] == ["opening"]


def test_timeline_without_meetings_is_empty_but_valid():
    chart = build_timeline(LANES, [], opening=dt.date(2027, 6, 5))

    assert chart.empty
    assert [t.date for t in chart.ticks] == [dt.date(2027, 6, 1)]


def test_timeline_unknown_lane_refused():
    with pytest.raises(ValueError, match="unknown lane 'XYZ'"):
        build_timeline(LANES, [entry("x", "XYZ", dt.date(2026, 1, 1), dt.date(2026, 1, 1))])


def test_timeline_label_near_end_goes_before_bar_and_deadline():
    chart = build_timeline(
        LANES,
        [
            entry("early", "AFR", dt.date(2027, 1, 10), dt.date(2027, 1, 12)),
            entry(
                "CONFERENCE",
                "all",
                dt.date(2027, 6, 20),
                dt.date(2027, 6, 30),
                deadline=dt.date(2027, 6, 1),
            ),
        ],
    )

    early, late = sorted(chart.bars, key=lambda b: b.first_day)
    (marker,) = chart.markers
    assert (early.text_anchor, early.text_x > early.x + early.width) == ("start", True)
    assert late.text_anchor == "end"
    assert late.text_x < marker.x - 5
