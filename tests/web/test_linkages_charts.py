"""Geometry of the linkage charts: bars on one scale with a track for every row, the Sankey's
nodes as tall as their links, ribbons that fill their nodes exactly, mirroring for
right-to-left languages, and the standalone style of a downloaded SVG."""

from __future__ import annotations

import itertools
import re

import pytest

from accord.plans.queries.coverage import GoalCoverage, LineCoverage
from accord.plans.queries.linkage_map import Flow, LinkMap, Node
from accord.web.linkage_charts import (
    COLUMN_X,
    MAP_WIDTH,
    NODE_WIDTH,
    goal_chart,
    sankey_chart,
    standalone_style,
    wsis_chart,
)

pytestmark = pytest.mark.unit


def _goals() -> list[GoalCoverage]:
    items = {4: ["D.1-a"], 9: ["D.1-a", "D.1-1", "D.1-b"], 17: ["D.2-a"]}
    return [GoalCoverage(n, f"Goal {n}", items=items.get(n, [])) for n in range(1, 18)]


def _map() -> LinkMap:
    nodes = [
        Node("p:D.1", 0, "D.1", "Priority 1", 3),
        Node("p:D.2", 0, "D.2", "Priority 2", 1),
        Node("i:D.1-a", 1, "D.1-a", "Text a", 2, "outcome"),
        Node("i:D.1-1", 1, "D.1-1", "Text 1", 1, "output"),
        Node("i:D.2-a", 1, "D.2-a", "Text 2a", 1, "outcome"),
        Node("g:4", 2, "SDG 4", "Quality education", 2),
        Node("g:9", 2, "SDG 9", "Industry, innovation and infrastructure", 2),
    ]
    flows = [
        Flow("p:D.1", "i:D.1-a", 2),
        Flow("p:D.1", "i:D.1-1", 1),
        Flow("p:D.2", "i:D.2-a", 1),
        Flow("i:D.1-a", "g:4", 1),
        Flow("i:D.1-a", "g:9", 1),
        Flow("i:D.1-1", "g:9", 1),
        Flow("i:D.2-a", "g:4", 1),
    ]
    return LinkMap("sdg", nodes, flows)


def test_goal_chart_bars_share_one_scale_and_every_goal_has_a_track():
    chart = goal_chart(_goals())

    widths = {bar.key: bar.width for bar in chart.bars if bar.count}
    assert len(chart.bars) == 17
    assert len({bar.track_width for bar in chart.bars}) == 1
    assert widths["9"] == chart.bars[0].track_width
    assert widths["4"] == round(chart.bars[0].track_width / 3, 2)
    assert [bar.key for bar in chart.uncovered][:3] == ["1", "2", "3"]
    assert chart.covered == 3


def test_goal_chart_mirrored_right_to_left():
    left, right = goal_chart(_goals()), goal_chart(_goals(), rtl=True)

    nine_left, nine_right = left.bars[8], right.bars[8]
    assert right.label_anchor == "end"
    assert nine_right.label_x == left.width
    assert nine_right.x == round(left.width - nine_left.x - nine_left.width, 2)


def test_wsis_chart_labels_shortened_titles_kept_whole():
    title = "The role of public governance authorities and all stakeholders"
    chart = wsis_chart([LineCoverage("C1", 1, title, items=["D.1-a"])])

    assert chart.bars[0].label == "C1 The role of public gover…"
    assert chart.bars[0].title == f"C1: {title}"


def test_sankey_nodes_as_tall_as_their_links_in_three_columns():
    chart = sankey_chart(_map())

    by_key = {node.key: node for node in chart.nodes}
    unit = by_key["i:D.1-1"].height
    assert unit > 0
    assert [by_key[k].height for k in ("p:D.1", "i:D.1-a", "g:9")] == [3 * unit, 2 * unit, 2 * unit]
    assert {node.x for node in chart.nodes} == set(COLUMN_X)
    assert [(n.key, n.series) for n in chart.nodes if n.column < 2] == [
        ("p:D.1", 1),
        ("p:D.2", 2),
        ("i:D.1-a", 1),
        ("i:D.1-1", 1),
        ("i:D.2-a", 2),
    ]
    assert {n.series for n in chart.nodes if n.column == 2} == {0}


def _edges(path: str) -> tuple[float, float, float, float]:
    """(start x, top y at the start, end x, bottom y at the start) of a ribbon's path."""
    numbers = [float(n) for n in re.findall(r"-?[\d.]+", path)]
    return numbers[0], numbers[1], numbers[6], numbers[-1]


def test_sankey_ribbons_fill_each_node_exactly_without_overlap():
    chart = sankey_chart(_map())
    by_key = {node.key: node for node in chart.nodes}

    for key, node in by_key.items():
        leaving = sorted(
            (_edges(r.path)[1], _edges(r.path)[3]) for r in chart.ribbons if r.source == key
        )
        if not leaving:
            continue
        assert leaving[0][0] == pytest.approx(node.y)
        assert leaving[-1][1] == pytest.approx(node.y + node.height)
        for (_, bottom), (top, _) in itertools.pairwise(leaving):
            assert top == pytest.approx(bottom)


def test_sankey_ribbons_run_from_node_edge_to_node_edge():
    chart = sankey_chart(_map())

    start, _, end, _ = _edges(chart.ribbons[0].path)
    assert (start, end) == (COLUMN_X[0] + NODE_WIDTH, COLUMN_X[1])
    assert chart.ribbons[0].title == "D.1 → D.1-a"


def test_sankey_mirrored_right_to_left():
    chart = sankey_chart(_map(), headings=("P", "I", "G"), rtl=True)

    priority = next(node for node in chart.nodes if node.key == "p:D.1")
    assert priority.x == MAP_WIDTH - COLUMN_X[0] - NODE_WIDTH
    assert priority.label_anchor == "start"
    assert [h.anchor for h in chart.headings] == ["start", "end", "end"]
    start, _, end, _ = _edges(chart.ribbons[0].path)
    assert (start, end) == (MAP_WIDTH - COLUMN_X[0] - NODE_WIDTH, MAP_WIDTH - COLUMN_X[1])


def test_sankey_of_an_empty_map_is_empty():
    chart = sankey_chart(LinkMap("sdg", [], []))

    assert (chart.empty, chart.nodes, chart.height > 0) == (True, [], True)


def test_sankey_many_items_stay_labelled_and_grow_the_chart():
    nodes = [Node("p:D.1", 0, "D.1", "P", 120)]
    nodes += [Node(f"i:D.1-{n}", 1, f"D.1-{n}", "T", 1, "output") for n in range(1, 121)]
    nodes += [Node("g:9", 2, "SDG 9", "Industry", 120)]
    flows = [Flow("p:D.1", f"i:D.1-{n}", 1) for n in range(1, 121)]
    flows += [Flow(f"i:D.1-{n}", "g:9", 1) for n in range(1, 121)]

    chart = sankey_chart(LinkMap("sdg", nodes, flows))

    items = [node for node in chart.nodes if node.column == 1]
    assert all(node.show_label for node in items)
    assert all(b.y - a.y >= 12 for a, b in itertools.pairwise(items))
    assert chart.height > 120 * 12


def test_standalone_style_resolves_every_variable():
    style = standalone_style()

    assert "var(" not in style
    assert ".sankey__label {font-size: 12px; fill: #1b1f24;" in style
    assert ".chart__bar--covered {fill: #0b4f8a;}" in style
    assert ".chart__svg" not in style
