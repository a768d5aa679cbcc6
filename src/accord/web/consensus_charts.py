"""Geometry of the consensus page's server-rendered SVG charts: open brackets and disputed items
per priority (paired bars), and their convergence across versions (two polylines).

As in ``charts``, the templates draw what is computed here, with no chart library or script;
right-to-left languages get the charts mirrored (bars grow from the right, versions run from
right to left).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from accord.negotiation.queries import ConvergencePoint, PriorityStanding

WIDTH = 640
LABEL_WIDTH = 76
VALUE_WIDTH = 40
PADDING = 6
BAR_HEIGHT = 12
BAR_GAP = 2
ROW_HEIGHT = 2 * BAR_HEIGHT + BAR_GAP + 12

LINE_HEIGHT = 240
AXIS_WIDTH = 40
TOP = 24
BOTTOM = 28

LABEL_OFFSETS = (-9, 16)

# The two measures, in the order drawn, with their legend labels.
MEASURES = (("open_brackets", _("Open brackets")), ("disputed", _("Disputed items")))


def mirror(x: float, width: float, rtl: bool) -> float:
    return WIDTH - x - width if rtl else x


@dataclass(frozen=True)
class Bar:
    measure: str
    label: str
    count: int
    x: float
    y: int
    width: float
    text_x: float
    text_y: int


@dataclass(frozen=True)
class BarRow:
    code: str
    title: str
    label_x: float
    text_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class BracketChart:
    width: int
    height: int
    rows: list[BarRow]
    label_anchor: str
    value_anchor: str

    @property
    def empty(self) -> bool:
        return not any(bar.count for row in self.rows for bar in row.bars)


def bracket_chart(priorities: Sequence[PriorityStanding], *, rtl: bool = False) -> BracketChart:
    """Two bars per priority, open brackets above disputed items, on one scale (both count
    things still to settle), each followed by its number."""
    bar_start = LABEL_WIDTH + PADDING
    bar_space = WIDTH - bar_start - VALUE_WIDTH - PADDING
    counts = [{"open_brackets": p.open_brackets, "disputed": len(p.disputed)} for p in priorities]
    largest = max((max(c.values()) for c in counts), default=0) or 1
    rows = []
    for index, (priority, count) in enumerate(zip(priorities, counts, strict=True)):
        y = PADDING + index * ROW_HEIGHT
        bars = []
        for n, (measure, label) in enumerate(MEASURES):
            width = bar_space * count[measure] / largest
            bar_y = y + n * (BAR_HEIGHT + BAR_GAP)
            bars.append(
                Bar(
                    measure=measure,
                    label=str(label),
                    count=count[measure],
                    x=round(mirror(bar_start, width, rtl), 2),
                    y=bar_y,
                    width=round(width, 2),
                    text_x=round(mirror(bar_start + width + PADDING, 0, rtl), 2),
                    text_y=bar_y + BAR_HEIGHT // 2,
                )
            )
        rows.append(
            BarRow(
                code=priority.code,
                title=priority.title,
                label_x=WIDTH if rtl else 0,
                text_y=y + BAR_HEIGHT + BAR_GAP // 2,
                bars=bars,
            )
        )
    return BracketChart(
        width=WIDTH,
        height=2 * PADDING + len(rows) * ROW_HEIGHT,
        rows=rows,
        label_anchor="end" if rtl else "start",
        value_anchor="end" if rtl else "start",
    )


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    number: int
    label_y: float
    """Where its value is written: above the point for open brackets, below for disputed
    items, so equal values do not overwrite each other."""


@dataclass(frozen=True)
class Series:
    measure: str
    label: str
    points: list[Point]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class ConvergenceChart:
    width: int
    height: int
    series: list[Series]
    versions: list[Tick]
    """Version numbers along the bottom (x positions)."""
    values: list[Tick]
    """Counts along the side (y positions)."""
    axis_x: float
    axis_anchor: str
    plot_left: float
    plot_right: float
    baseline: float

    @property
    def versions_y(self) -> float:
        return self.height - 8

    @property
    def empty(self) -> bool:
        return not self.versions


def convergence_chart(points: Sequence[ConvergencePoint], *, rtl: bool = False) -> ConvergenceChart:
    """One polyline per measure across versions (oldest first, evenly spaced), each point
    labelled with its version number; the value axis runs from 0 to the largest count."""
    left, right = AXIS_WIDTH + PADDING, WIDTH - 2 * PADDING
    baseline = LINE_HEIGHT - BOTTOM
    largest = max((max(p.open_brackets, p.disputed) for p in points), default=0) or 1
    step = (right - left) / (len(points) - 1) if len(points) > 1 else 0

    def x_of(n: int) -> float:
        x = left + n * step if len(points) > 1 else (left + right) / 2
        return round(mirror(x, 0, rtl), 2)

    def y_of(value: int) -> float:
        return round(baseline - (baseline - TOP) * value / largest, 2)

    series = [
        Series(
            measure=measure,
            label=str(label),
            points=[
                Point(x, y, value, p.number, round(y + offset, 2))
                for n, p in enumerate(points)
                for x, value in [(x_of(n), getattr(p, measure))]
                for y in [y_of(value)]
            ],
        )
        for (measure, label), offset in zip(MEASURES, LABEL_OFFSETS, strict=True)
    ]
    return ConvergenceChart(
        width=WIDTH,
        height=LINE_HEIGHT,
        series=series,
        versions=[Tick(x_of(n), f"v{p.number}") for n, p in enumerate(points)],
        values=[Tick(y_of(v), str(v)) for v in sorted({0, largest // 2, largest})],
        axis_x=mirror(AXIS_WIDTH, 0, rtl),
        axis_anchor="start" if rtl else "end",
        plot_left=mirror(left, 0, rtl),
        plot_right=mirror(right, 0, rtl),
        baseline=baseline,
    )
