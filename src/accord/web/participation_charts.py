"""Geometry of the participation dashboard's server-rendered SVG charts: for each value of a
dimension, the registered and the attended share as two bars, the target as a solid marker
line and the previous conference's registered share as a dashed one.

As in ``charts``, the template draws what is computed here with the same frame and classes;
right-to-left languages get the bars mirrored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from accord.participation.queries import DimensionFigures
from accord.web.charts import PADDING, WIDTH, mirror
from accord.web.linkage_charts import shorten

LABEL_WIDTH = 180
LABEL_CHARS = 26
VALUE_WIDTH = 56
ROW_HEIGHT = 40
BAR_HEIGHT = 14
BAR_GAP = 2
AXIS_HEIGHT = 18


@dataclass(frozen=True)
class Marker:
    x: float
    y1: int
    y2: int
    share: float


@dataclass(frozen=True)
class ShareRow:
    value: str
    label: str
    name: str
    registered: int
    attended: int
    registered_share: float
    attended_share: float
    label_x: float
    text_y: int
    registered_y: int
    attended_y: int
    registered_x: float
    registered_width: float
    attended_x: float
    attended_width: float
    value_x: float
    target: Marker | None
    past: Marker | None


@dataclass(frozen=True)
class Tick:
    x: float
    percent: int


@dataclass(frozen=True)
class ShareChart:
    dimension: str
    title: str
    width: int
    height: int
    rows: list[ShareRow]
    ticks: list[Tick]
    axis_y: int
    label_anchor: str
    value_anchor: str
    scale: int

    @property
    def empty(self) -> bool:
        return not any(row.registered for row in self.rows)


def _scale(figures: DimensionFigures) -> int:
    """The axis' end: the largest share, target or previous share, up to the next ten."""
    largest = 0.0
    for value in figures.values:
        largest = max(
            largest,
            value.registered_share,
            value.attended_share,
            value.target or 0.0,
            value.past_registered_share or 0.0,
        )
    return min(100, max(10, math.ceil(largest / 10) * 10))


def share_chart(figures: DimensionFigures, *, rtl: bool = False) -> ShareChart:
    """One row per value of the dimension; bars and markers on a percent axis."""
    start = LABEL_WIDTH + PADDING
    space = WIDTH - start - VALUE_WIDTH - PADDING
    scale = _scale(figures)

    def x_of(share: float) -> float:
        return start + space * min(share, scale) / scale

    rows = []
    for index, value in enumerate(figures.values):
        y = PADDING + index * ROW_HEIGHT
        registered_y = y + (ROW_HEIGHT - 2 * BAR_HEIGHT - BAR_GAP) // 2
        attended_y = registered_y + BAR_HEIGHT + BAR_GAP
        registered_width = x_of(value.registered_share) - start
        attended_width = x_of(value.attended_share) - start

        def marker(share: float | None, y: int = y) -> Marker | None:
            if share is None:
                return None
            return Marker(
                x=round(mirror(x_of(share), 0, rtl), 2),
                y1=y + 2,
                y2=y + ROW_HEIGHT - 2,
                share=share,
            )

        rows.append(
            ShareRow(
                value=value.value,
                label=shorten(value.name, LABEL_CHARS),
                name=value.name,
                registered=value.registered,
                attended=value.attended,
                registered_share=value.registered_share,
                attended_share=value.attended_share,
                label_x=WIDTH if rtl else 0,
                text_y=y + ROW_HEIGHT // 2,
                registered_y=registered_y,
                attended_y=attended_y,
                registered_x=round(mirror(start, registered_width, rtl), 2),
                registered_width=round(registered_width, 2),
                attended_x=round(mirror(start, attended_width, rtl), 2),
                attended_width=round(attended_width, 2),
                value_x=round(mirror(start + space + PADDING, 0, rtl), 2),
                target=marker(value.target),
                past=marker(value.past_registered_share),
            )
        )
    axis_y = PADDING + len(rows) * ROW_HEIGHT + AXIS_HEIGHT - 4
    ticks = [
        Tick(x=round(mirror(x_of(percent), 0, rtl), 2), percent=percent)
        for percent in range(0, scale + 1, 10 if scale <= 50 else 20)
    ]
    return ShareChart(
        dimension=figures.dimension,
        title=figures.label,
        width=WIDTH,
        height=2 * PADDING + len(rows) * ROW_HEIGHT + AXIS_HEIGHT,
        rows=rows,
        ticks=ticks,
        axis_y=axis_y,
        label_anchor="end" if rtl else "start",
        value_anchor="end" if rtl else "start",
        scale=scale,
    )
