"""The map's flows: priority → item → SDG goal (or WSIS line), filtered and weighted."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.core.errors import DomainError
from accord.plans.queries.linkage_map import Flow, linkage_map
from tests import factories
from tests.plans.queries.conftest import link_items

pytestmark = pytest.mark.integration


def _nodes(link_map):
    return [(node.key, node.column, node.value) for node in link_map.nodes]


def _flows(link_map):
    return [(flow.source, flow.target, flow.value) for flow in link_map.flows]


def test_linkage_map_sdg_nodes_and_flows(linked):
    result = linkage_map(linked)

    assert result.kind == "sdg"
    assert _nodes(result) == [
        ("p:D.1", 0, 4),
        ("p:D.2", 0, 1),
        ("i:D.1-a", 1, 2),
        ("i:D.1-1", 1, 1),
        ("i:D.1-b", 1, 1),
        ("i:D.2-a", 1, 1),
        ("g:4", 2, 1),
        ("g:9", 2, 3),
        ("g:17", 2, 1),
    ]
    assert _flows(result) == [
        ("p:D.1", "i:D.1-a", 2),
        ("p:D.1", "i:D.1-1", 1),
        ("p:D.1", "i:D.1-b", 1),
        ("p:D.2", "i:D.2-a", 1),
        ("i:D.1-a", "g:4", 1),
        ("i:D.1-a", "g:9", 1),
        ("i:D.1-1", "g:9", 1),
        ("i:D.1-b", "g:9", 1),
        ("i:D.2-a", "g:17", 1),
    ]


def test_linkage_map_node_labels_and_titles(linked):
    result = linkage_map(linked)
    by_key = {node.key: node for node in result.nodes}

    assert (by_key["p:D.1"].label, by_key["p:D.1"].title) == ("D.1", "Priority 1")
    assert (by_key["i:D.1-1"].label, by_key["i:D.1-1"].kind) == ("D.1-1", "output")
    assert (by_key["g:9"].label, by_key["g:9"].title) == (
        "SDG 9",
        "Industry, innovation and infrastructure",
    )


def test_linkage_map_inflow_equals_outflow_for_every_middle_node(linked):
    result = linkage_map(linked)

    for node in result.column(1):
        inflow = sum(f.value for f in result.flows if f.target == node.key)
        outflow = sum(f.value for f in result.flows if f.source == node.key)
        assert (node.key, inflow) == (node.key, outflow)


def test_linkage_map_wsis_lines_in_number_order(admin, draft):
    link_items(
        admin, draft, {"D.1-a": [("wsis", "C10"), ("wsis", "C2")], "D.2-b": [("wsis", "C4")]}
    )

    result = linkage_map(draft, kind="wsis")

    assert _nodes(result) == [
        ("p:D.1", 0, 2),
        ("p:D.2", 0, 1),
        ("i:D.1-a", 1, 2),
        ("i:D.2-b", 1, 1),
        ("w:C2", 2, 1),
        ("w:C4", 2, 1),
        ("w:C10", 2, 1),
    ]
    assert _flows(result)[2:4] == [("i:D.1-a", "w:C2", 1), ("i:D.1-a", "w:C10", 1)]


def test_linkage_map_filtered_by_priority(linked):
    result = linkage_map(linked, priority="D.2")

    assert _nodes(result) == [("p:D.2", 0, 1), ("i:D.2-a", 1, 1), ("g:17", 2, 1)]


def test_linkage_map_filtered_by_goal(linked):
    result = linkage_map(linked, goal=9)

    assert _nodes(result) == [
        ("p:D.1", 0, 3),
        ("i:D.1-a", 1, 1),
        ("i:D.1-1", 1, 1),
        ("i:D.1-b", 1, 1),
        ("g:9", 2, 3),
    ]
    assert result.flows[0] == Flow("p:D.1", "i:D.1-a", 1)


def test_linkage_map_filtered_by_line(linked):
    result = linkage_map(linked, kind="wsis", line="c2")

    assert [node.key for node in result.nodes] == ["p:D.1", "i:D.1-1", "i:D.1-b", "w:C2"]


def test_linkage_map_goal_nobody_serves_is_empty(linked):
    result = linkage_map(linked, goal=13)

    assert (result.nodes, result.flows, result.empty) == ([], [], True)


@pytest.mark.parametrize(
    ("filters", "field", "message"),
    [
        ({"priority": "D.9"}, "priority", "Version 1 has no priority D.9."),
        ({"goal": 18}, "goal", "SDG 18 does not exist."),
        ({"kind": "wsis", "line": "C12"}, "line", "WSIS action line C12 does not exist."),
        ({"kind": "network"}, "kind", "Unknown map kind 'network'; expected sdg or wsis."),
    ],
)
def test_linkage_map_unknown_filter_is_refused(linked, filters, field, message):
    with pytest.raises(DomainError) as caught:
        linkage_map(linked, **filters)

    assert (caught.value.field, caught.value.message) == (field, message)


def test_linkage_map_query_count_independent_of_plan_size(admin):
    small = factories.make_plan_version(
        admin, factories.make_conference(admin), priorities=1, items_per_priority=1
    )
    large = factories.make_plan_version(
        admin, factories.make_conference(admin), priorities=6, items_per_priority=10
    )
    for version in (small, large):
        link_items(
            admin,
            version,
            {
                item.code: [("sdg", "9"), ("sdg", "4"), ("wsis", "C2")]
                for item in version.items.all()
            },
        )

    counts = []
    for version in (small, large):
        for kind in ("sdg", "wsis"):
            with CaptureQueriesContext(connection) as captured:
                linkage_map(version, kind=kind)
            counts.append(len(captured))

    assert counts == [4, 4, 4, 4]
