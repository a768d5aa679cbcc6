"""Geometry of the linkage pages' server-rendered SVG charts: items per SDG goal or WSIS line
(horizontal bars, uncovered ones drawn as empty tracks) and the map (a three-column Sankey
chart, priority → item → goal or line, with curved ribbons).

As in ``charts`` and ``consensus_charts``, the templates draw what is computed here with the
same frame and classes; right-to-left languages get the charts mirrored. ``standalone_style``
gives a downloaded SVG the page's look without the page's stylesheet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from accord.plans.queries.coverage import GoalCoverage, LineCoverage
from accord.plans.queries.linkage_map import ITEM, PRIORITY, TARGET, LinkMap, Node
from accord.web.charts import PADDING, WIDTH, mirror

# Bars of the coverage view: wide labels, since a goal is named as well as numbered.
BAR_LABEL_WIDTH = 250
BAR_VALUE_WIDTH = 40
BAR_ROW_HEIGHT = 24
BAR_HEIGHT = 16
LABEL_CHARS = 28

# The map.
MAP_WIDTH = 960
NODE_WIDTH = 14
MAP_TOP = 28
"""Room for the column headings."""
COLUMN_X = (110, 420, 730)
"""Left edge of each column's nodes: priority labels sit left of the first, item and goal
labels right of theirs."""
GOAL_LABEL_CHARS = 32
UNIT_MAX = 14.0
"""Pixels per link when the plan is small."""
UNIT_MIN = 2.0
"""…and at the least, however large the plan: the chart grows instead."""
PLOT_HEIGHT = 560
"""Height the links are scaled to fit, while the unit stays within its bounds."""
ITEM_GAP = 3.0
MIN_GAP = 8.0
LABEL_GAP = 6
LABEL_MIN_SLOT = 12.0
"""An item's label is written only when its node and gap leave this much height; up to
MAX_LABELLED_ITEMS items, gaps widen to leave it (the chart grows)."""
MAX_LABELLED_ITEMS = 150
SERIES = 6
"""Ribbon colours, taken in turn by the priorities (``--series-1`` … in accord.css)."""

STYLESHEET = Path(__file__).resolve().parent / "static" / "accord" / "accord.css"
STANDALONE_PREFIXES = (
    ".chart__label",
    ".chart__total",
    ".chart__count",
    ".chart__bar",
    ".sankey__",
)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class CoverageBar:
    key: str
    """``9`` or ``C2``: what a link to the row's goal or line targets."""
    label: str
    title: str
    count: int
    items: list[str]
    y: int
    bar_y: int
    text_y: int
    track_x: float
    track_width: float
    x: float
    width: float
    label_x: float
    value_x: float

    @property
    def covered(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class CoverageChart:
    width: int
    height: int
    bars: list[CoverageBar]
    label_anchor: str
    value_anchor: str

    @property
    def covered(self) -> int:
        return sum(bar.covered for bar in self.bars)

    @property
    def uncovered(self) -> list[CoverageBar]:
        return [bar for bar in self.bars if not bar.covered]


def _bars(rows: Sequence[tuple[str, str, str, list[str]]], *, rtl: bool) -> CoverageChart:
    """One bar per (key, label, title, items) row, scaled to the largest count; every row keeps
    a track, so a goal with no item shows as an empty bar with its 0."""
    start = BAR_LABEL_WIDTH + PADDING
    space = WIDTH - start - BAR_VALUE_WIDTH - PADDING
    largest = max((len(items) for *_, items in rows), default=0) or 1
    bars = []
    for index, (key, label, title, items) in enumerate(rows):
        y = PADDING + index * BAR_ROW_HEIGHT
        bar_y = y + (BAR_ROW_HEIGHT - BAR_HEIGHT) // 2
        width = space * len(items) / largest
        bars.append(
            CoverageBar(
                key=key,
                label=shorten(label, LABEL_CHARS),
                title=title,
                count=len(items),
                items=items,
                y=y,
                bar_y=bar_y,
                text_y=bar_y + BAR_HEIGHT // 2,
                track_x=round(mirror(start, space, rtl), 2),
                track_width=round(space, 2),
                x=round(mirror(start, width, rtl), 2),
                width=round(width, 2),
                label_x=WIDTH if rtl else 0,
                value_x=round(mirror(start + width + PADDING, 0, rtl), 2),
            )
        )
    return CoverageChart(
        width=WIDTH,
        height=2 * PADDING + len(bars) * BAR_ROW_HEIGHT,
        bars=bars,
        label_anchor="end" if rtl else "start",
        value_anchor="end" if rtl else "start",
    )


def goal_chart(goals: Sequence[GoalCoverage], *, rtl: bool = False) -> CoverageChart:
    """Items serving each of the seventeen goals."""
    return _bars(
        [
            (str(g.number), f"SDG {g.number} {g.name}", f"SDG {g.number}: {g.name}", g.items)
            for g in goals
        ],
        rtl=rtl,
    )


def wsis_chart(lines: Sequence[LineCoverage], *, rtl: bool = False) -> CoverageChart:
    """Items serving each of the eleven WSIS action lines."""
    return _bars(
        [
            (line.code, f"{line.code} {line.title}", f"{line.code}: {line.title}", line.items)
            for line in lines
        ],
        rtl=rtl,
    )


@dataclass(frozen=True)
class MapNode:
    key: str
    column: int
    label: str
    title: str
    value: int
    kind: str
    series: int
    """1-based colour of its priority (0 for goals and lines, drawn in one colour)."""
    x: float
    y: float
    height: float
    label_x: float
    label_y: float
    label_anchor: str
    show_label: bool


@dataclass(frozen=True)
class Ribbon:
    source: str
    target: str
    value: int
    series: int
    path: str
    title: str


@dataclass(frozen=True)
class Heading:
    x: float
    anchor: str
    text: str


@dataclass(frozen=True)
class SankeyChart:
    kind: str
    width: int
    height: int
    nodes: list[MapNode]
    ribbons: list[Ribbon]
    headings: list[Heading]
    node_width: int = NODE_WIDTH

    @property
    def empty(self) -> bool:
        return not self.ribbons


def _unit(total: int) -> float:
    if not total:
        return UNIT_MAX
    return max(UNIT_MIN, min(UNIT_MAX, PLOT_HEIGHT / total))


def _stack(nodes: list[Node], unit: float, height: float, gap: float) -> dict[str, float]:
    """Top of each node of one column, spread over ``height`` (equal gaps of at least ``gap``),
    or centred when it is alone."""
    used = sum(node.value for node in nodes) * unit
    if len(nodes) > 1:
        gap = max(gap, (height - used) / (len(nodes) - 1))
    top = MAP_TOP + max(0.0, (height - used - gap * (len(nodes) - 1)) / 2)
    tops = {}
    for node in nodes:
        tops[node.key] = top
        top += node.value * unit + gap
    return tops


def _series(link_map: LinkMap) -> dict[str, int]:
    """Each priority's colour, passed on to its items."""
    priorities = {node.key: n % SERIES + 1 for n, node in enumerate(link_map.column(PRIORITY))}
    series = dict(priorities)
    for flow in link_map.flows:
        if flow.source in priorities:
            series[flow.target] = priorities[flow.source]
    return series


def _offsets(link_map: LinkMap, tops: dict[str, float], unit: float) -> list[tuple[float, float]]:
    """Where each flow leaves its source and enters its target, below the node's top: flows
    leave in the order their targets sit and enter in the order their sources sit, which
    keeps ribbons from crossing needlessly."""
    flows = list(enumerate(link_map.flows))
    out: dict[int, float] = {}
    into: dict[int, float] = {}
    for offsets, end, other in ((out, "source", "target"), (into, "target", "source")):
        used: dict[str, float] = {}
        for n, flow in sorted(
            flows, key=lambda pair: (getattr(pair[1], end), tops[getattr(pair[1], other)])
        ):
            key = getattr(flow, end)
            offsets[n] = used.get(key, 0.0)
            used[key] = offsets[n] + flow.value * unit
    return [(out[n], into[n]) for n, _ in flows]


def sankey_chart(
    link_map: LinkMap, *, headings: Sequence[str] = ("", "", ""), rtl: bool = False
) -> SankeyChart:
    """Place the map's nodes in three columns and draw each flow as a band as thick as its
    value; ``headings`` name the columns."""
    columns = [link_map.column(number) for number in (PRIORITY, ITEM, TARGET)]
    total = sum(node.value for node in columns[ITEM])
    unit = _unit(total)
    labelled = len(columns[ITEM]) <= MAX_LABELLED_ITEMS
    item_gap = max(ITEM_GAP, LABEL_MIN_SLOT - unit) if labelled else ITEM_GAP
    gaps = (MIN_GAP, item_gap, MIN_GAP)
    height = max(
        120.0,
        *(
            total * unit + max(0, len(column) - 1) * gap
            for column, gap in zip(columns, gaps, strict=True)
        ),
    )
    tops: dict[str, float] = {}
    for column, gap in zip(columns, gaps, strict=True):
        tops |= _stack(column, unit, height, gap)
    series = _series(link_map)

    def x_of(x: float, width: float = 0.0) -> float:
        return round(MAP_WIDTH - x - width if rtl else x, 2)

    def anchor(left: bool) -> str:
        return "end" if left != rtl else "start"

    nodes = []
    for node in link_map.nodes:
        y, h = round(tops[node.key], 2), round(node.value * unit, 2)
        x = COLUMN_X[node.column]
        left = node.column == PRIORITY
        label = node.label
        if node.column == TARGET:
            label = shorten(f"{node.label} {node.title}", GOAL_LABEL_CHARS)
        nodes.append(
            MapNode(
                key=node.key,
                column=node.column,
                label=label,
                title=f"{node.label}: {node.title}",
                value=node.value,
                kind=node.kind,
                series=series.get(node.key, 0),
                x=x_of(x, NODE_WIDTH),
                y=y,
                height=h,
                label_x=x_of(x - LABEL_GAP if left else x + NODE_WIDTH + LABEL_GAP),
                label_y=round(y + h / 2, 2),
                label_anchor=anchor(left),
                show_label=node.column != ITEM or h + gaps[ITEM] >= LABEL_MIN_SLOT,
            )
        )

    by_key = {node.key: node for node in link_map.nodes}
    ribbons = []
    for flow, (out, into) in zip(link_map.flows, _offsets(link_map, tops, unit), strict=True):
        source, target = by_key[flow.source], by_key[flow.target]
        ribbons.append(
            Ribbon(
                source=flow.source,
                target=flow.target,
                value=flow.value,
                series=series.get(flow.source if source.column == ITEM else flow.target, 0),
                path=_band(
                    x_of(COLUMN_X[source.column] + NODE_WIDTH),
                    tops[flow.source] + out,
                    x_of(COLUMN_X[target.column]),
                    tops[flow.target] + into,
                    flow.value * unit,
                ),
                title=f"{source.label} → {target.label}",
            )
        )
    heading_at = (
        (COLUMN_X[PRIORITY] + NODE_WIDTH, True),
        (COLUMN_X[ITEM], False),
        (COLUMN_X[TARGET], False),
    )
    return SankeyChart(
        kind=link_map.kind,
        width=MAP_WIDTH,
        height=round(MAP_TOP + height + PADDING),
        nodes=nodes,
        ribbons=ribbons,
        headings=[
            Heading(x_of(x), anchor(left), text)
            for (x, left), text in zip(heading_at, headings, strict=True)
        ],
    )


def _band(a: float, y0: float, b: float, y1: float, thickness: float) -> str:
    """A ribbon from x ``a`` to x ``b``: its top and bottom edges are cubic curves with
    horizontal ends, joined into a closed shape."""
    m = (a + b) / 2
    y0b, y1b = y0 + thickness, y1 + thickness

    def p(value: float) -> str:
        return f"{value:.2f}".rstrip("0").rstrip(".")

    return (
        f"M{p(a)},{p(y0)} C{p(m)},{p(y0)} {p(m)},{p(y1)} {p(b)},{p(y1)} "
        f"L{p(b)},{p(y1b)} C{p(m)},{p(y1b)} {p(m)},{p(y0b)} {p(a)},{p(y0b)} Z"
    )


_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_PROPERTY = re.compile(r"--([\w-]+)\s*:\s*([^;]+);")
_VAR = re.compile(r"var\(--([\w-]+)(?:\s*,\s*([^)]+))?\)")


@cache
def standalone_style() -> str:
    """The stylesheet's rules for the chart classes, with every ``var(--…)`` replaced by its
    value from ``:root``: a downloaded SVG looks like the page in any viewer, and the colours
    stay defined in one place (accord.css)."""
    css = _COMMENT.sub("", STYLESHEET.read_text(encoding="utf-8"))
    variables: dict[str, str] = {}
    rules = []
    for selectors, body in _RULE.findall(css):
        names = [s.strip() for s in selectors.split(",")]
        if names == [":root"]:
            variables |= dict(_PROPERTY.findall(body))
        elif all(name.startswith(STANDALONE_PREFIXES) for name in names):
            rules.append(f"{', '.join(names)} {{{' '.join(body.split())}}}")

    def resolve(text: str, depth: int = 0) -> str:
        if depth > 8:
            return text
        return _VAR.sub(
            lambda m: resolve(variables.get(m.group(1), m.group(2) or "currentColor"), depth + 1),
            text,
        )

    return "\n".join(resolve(rule) for rule in rules)
