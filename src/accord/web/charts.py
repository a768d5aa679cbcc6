"""Geometry of the server-rendered stacked bar charts (item status per priority, regional
priorities per region).

The template draws what this module computes, so the page needs no chart library and no script;
right-to-left languages get the bars mirrored (they grow from the right).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.plans.enums import ItemStatus
from accord.plans.queries import PriorityView

WIDTH = 640
LABEL_WIDTH = 76
TOTAL_WIDTH = 40
ROW_HEIGHT = 30
BAR_HEIGHT = 20
PADDING = 6
MIN_WIDTH_FOR_NUMBER = 18


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    x: float
    width: float
    text_x: float
    show_number: bool


@dataclass(frozen=True)
class Row:
    code: str
    title: str
    total: int
    y: int
    bar_y: int
    text_y: int
    label_x: float
    total_x: float
    segments: list[Segment] = field(default_factory=list)


@dataclass(frozen=True)
class StatusChart:
    width: int
    height: int
    rows: list[Row]
    label_anchor: str
    total_anchor: str

    @property
    def empty(self) -> bool:
        return not any(row.total for row in self.rows)


def mirror(x: float, width: float, rtl: bool) -> float:
    """Where a shape starting at ``x`` starts when right-to-left languages mirror the chart."""
    return WIDTH - x - width if rtl else x


@dataclass(frozen=True)
class Bar:
    """One row of a stacked bar chart: what it is called and its parts, (kind, label, count)
    in drawing order; ``kind`` names the CSS class of the part."""

    code: str
    title: str
    parts: list[tuple[str, str, int]]


def stacked_chart(bars: list[Bar], *, rtl: bool = False) -> StatusChart:
    """Stacked horizontal bars scaled to the largest total; empty parts are left out."""
    bar_start = LABEL_WIDTH + PADDING
    bar_space = WIDTH - bar_start - TOTAL_WIDTH - PADDING
    largest = max((sum(count for _, _, count in bar.parts) for bar in bars), default=0) or 1
    rows = []
    for index, bar in enumerate(bars):
        y = PADDING + index * ROW_HEIGHT
        bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) // 2
        x = float(bar_start)
        segments = []
        for kind, label, count in bar.parts:
            if not count:
                continue
            width = bar_space * count / largest
            left = mirror(x, width, rtl)
            segments.append(
                Segment(
                    status=kind,
                    label=label,
                    count=count,
                    x=round(left, 2),
                    width=round(width, 2),
                    text_x=round(left + width / 2, 2),
                    show_number=width >= MIN_WIDTH_FOR_NUMBER,
                )
            )
            x += width
        rows.append(
            Row(
                code=bar.code,
                title=bar.title,
                total=sum(count for _, _, count in bar.parts),
                y=y,
                bar_y=bar_y,
                text_y=bar_y + BAR_HEIGHT // 2,
                label_x=WIDTH if rtl else 0,
                total_x=round(mirror(x + PADDING, 0, rtl), 2),
                segments=segments,
            )
        )
    return StatusChart(
        width=WIDTH,
        height=2 * PADDING + len(rows) * ROW_HEIGHT,
        rows=rows,
        label_anchor="end" if rtl else "start",
        total_anchor="end" if rtl else "start",
    )


def status_chart(tree: list[PriorityView], *, rtl: bool = False) -> StatusChart:
    """Item status per priority (agreed, undisputed change, disputed)."""
    return stacked_chart(
        [
            Bar(
                code=view.priority.code,
                title=view.priority.title,
                parts=[
                    (status, str(label), getattr(view.counts, status))
                    for status, label in ItemStatus.choices
                ],
            )
            for view in tree
        ],
        rtl=rtl,
    )
