"""The coverage view and the map: numbers, well-formed accessible SVG, filters, the SVG
download, who sees which version, and query counts that do not grow with the plan."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.plans.queries.conftest import LINKS, link_items
from tests.web.conftest import publish

pytestmark = pytest.mark.integration

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def linked(admin, draft):
    """The ``draft`` fixture's version with the query tests' links, published."""
    link_items(admin, draft)
    return publish(admin, draft)


def svg_of(html: str, svg_id: str) -> ET.Element:
    """The inline SVG with ``svg_id``, parsed as XML (it must be well-formed)."""
    match = re.search(rf'<svg[^>]*id="{svg_id}".*?</svg>', html, re.S)
    assert match, svg_id
    return ET.fromstring(match.group(0))


def texts(element: ET.Element, css_class: str) -> list[str]:
    return [
        "".join(node.itertext()).strip()
        for node in element.iter()
        if css_class in (node.get("class") or "").split()
    ]


def with_class(element: ET.Element, css_class: str) -> list[ET.Element]:
    return [node for node in element.iter() if css_class in (node.get("class") or "").split()]


# --- Coverage --------------------------------------------------------------------------------


def test_linkage_coverage_goal_chart_has_seventeen_labelled_bars(client, linked):
    response = client.get(reverse("linkage_coverage", args=["conf"]))

    chart = svg_of(response.text, "goal-chart")
    assert response.status_code == 200
    assert chart.get("role") == "img"
    assert chart.find("title").text == "Items per Sustainable Development Goal"
    assert len(with_class(chart, "chart__track")) == 17
    assert texts(chart, "chart__total") == [
        "0",
        "0",
        "0",
        "1",
        "0",
        "0",
        "0",
        "0",
        "3",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
    ]
    labels = [label.split("SDG ")[1] for label in texts(chart, "chart__label")]
    assert labels[3].startswith("4 Quality education")
    assert len(with_class(chart, "chart__bar--covered")) == 3


def test_linkage_coverage_wsis_chart_and_figures(client, linked):
    response = client.get(reverse("linkage_coverage", args=["conf"]))

    chart = svg_of(response.text, "wsis-chart")
    assert len(with_class(chart, "chart__track")) == 11
    assert texts(chart, "chart__total")[:4] == ["0", "2", "0", "1"]
    data = response.context["coverage"]
    assert (data.goals_covered, data.targets_covered, data.wsis_covered) == (3, 3, 2)
    assert "14 goals have no item:" in response.text


def test_linkage_coverage_lists_items_linked_to_nothing_with_links(client, linked):
    response = client.get(reverse("linkage_coverage", args=["conf"]))

    assert [item.code for item in response.context["coverage"].unlinked] == ["D.2-1"]
    assert 'href="/c/conf/plan/v1/items/D.2-1/"' in response.text


def test_linkage_coverage_targets_table_names_the_items(client, linked):
    response = client.get(reverse("linkage_coverage", args=["conf"]))

    assert '<th scope="row">9.c</th>' in response.text
    assert [t.code for t in response.context["coverage"].covered_targets] == ["4.4", "9.1", "9.c"]


def test_linkage_coverage_public_sees_no_draft(client, admin, draft):
    link_items(admin, draft)

    page = client.get(reverse("linkage_coverage", args=["conf"]))
    asked = client.get(reverse("linkage_coverage", args=["conf"]) + "?v=1")

    assert page.status_code == 200
    assert "No version of the Action Plan is available to you yet." in page.text
    assert asked.status_code == 404


def test_linkage_coverage_chair_sees_the_draft_and_the_run_button(client, admin, draft, chair):
    link_items(admin, draft)
    client.force_login(chair)

    response = client.get(reverse("linkage_coverage", args=["conf"]))

    assert response.context["version"] == draft
    assert "Suggest links for the whole plan" in response.text


def test_linkage_coverage_delegate_gets_no_run_button(client, admin, draft, delegate):
    publish(admin, draft, state="circulated")
    client.force_login(delegate)

    response = client.get(reverse("linkage_coverage", args=["conf"]))

    assert response.status_code == 200
    assert "Suggest links for the whole plan" not in response.text


def test_linkage_coverage_linked_from_nav_and_plan_page(client, linked):
    response = client.get(reverse("plan", args=["conf"]))

    assert 'href="/c/conf/linkages/"' in response.text
    assert 'href="/c/conf/linkages/?v=1"' in response.text


# --- Map -------------------------------------------------------------------------------------


def test_linkage_map_svg_well_formed_with_nodes_and_ribbons(client, linked):
    response = client.get(reverse("linkage_map", args=["conf"]))

    chart = svg_of(response.text, "map-svg")
    assert response.status_code == 200
    assert chart.find("title").text.startswith("Priorities, their items and the SDGs they serve")
    assert texts(chart, "sankey__label") == [
        "D.1",
        "D.2",
        "D.1-a",
        "D.1-1",
        "D.1-b",
        "D.2-a",
        "SDG 4 Quality education",
        "SDG 9 Industry, innovation and…",
        "SDG 17 Partnerships for the goa…",
    ]
    assert len(with_class(chart, "sankey__ribbon")) == 9
    assert texts(chart, "sankey__heading") == ["Priorities", "Outcomes and outputs", "SDG goals"]


def test_linkage_map_ribbons_are_closed_curved_bands(client, linked):
    response = client.get(reverse("linkage_map", args=["conf"]))

    paths = [
        node.get("d") for node in with_class(svg_of(response.text, "map-svg"), "sankey__ribbon")
    ]
    assert all(re.fullmatch(r"M[\d.,]+ C[\d., ]+ L[\d.,]+ C[\d., ]+ Z", d) for d in paths)


def test_linkage_map_filtered_by_priority(client, linked):
    response = client.get(reverse("linkage_map", args=["conf"]) + "?v=1&kind=sdg&priority=D.2")

    chart = svg_of(response.text, "map-svg")
    assert texts(chart, "sankey__label") == ["D.2", "D.2-a", "SDG 17 Partnerships for the goa…"]


def test_linkage_map_filtered_by_goal(client, linked):
    response = client.get(reverse("linkage_map", args=["conf"]) + "?v=1&kind=sdg&goal=9")

    chart = svg_of(response.text, "map-svg")
    assert texts(chart, "sankey__label") == [
        "D.1",
        "D.1-a",
        "D.1-1",
        "D.1-b",
        "SDG 9 Industry, innovation and…",
    ]


def test_linkage_map_switched_to_wsis_lines(client, linked):
    response = client.get(reverse("linkage_map", args=["conf"]) + "?v=1&kind=wsis")

    chart = svg_of(response.text, "map-svg")
    assert texts(chart, "sankey__label")[-2:] == [
        "C2 Information and communicatio…",
        "C4 Capacity building",
    ]
    assert texts(chart, "sankey__heading")[-1] == "WSIS action lines"


def test_linkage_map_htmx_gets_the_region_alone(client, linked):
    response = client.get(
        reverse("linkage_map", args=["conf"]) + "?v=1&kind=sdg&priority=D.1",
        headers={"HX-Request": "true"},
    )

    assert "<html" not in response.text
    assert response.text.lstrip().startswith('<div id="map-region">')
    assert "HX-Request" in response["Vary"]


def test_linkage_map_unknown_priority_is_left_out_with_a_notice(client, linked):
    response = client.get(reverse("linkage_map", args=["conf"]) + "?v=1&kind=sdg&priority=X.9")

    assert response.status_code == 200
    assert "Not offered for this version, so left out: Priority." in response.text
    assert len(with_class(svg_of(response.text, "map-svg"), "sankey__ribbon")) == 9


def test_linkage_map_empty_selection_says_so(client, linked):
    response = client.get(reverse("linkage_map", args=["conf"]) + "?v=1&kind=sdg&goal=13")

    assert "No item of this selection is linked to what the map shows." in response.text
    assert 'id="map-svg"' not in response.text


def test_linkage_map_download_links_carry_the_filters(client, linked):
    response = client.get(reverse("linkage_map", args=["conf"]) + "?v=1&kind=sdg&goal=9")

    assert 'href="/c/conf/linkages/map.svg?v=1&amp;kind=sdg&amp;goal=9"' in response.text
    assert 'data-chart-png="#map-svg" data-filename="conf-linkage-map-v1-sdg.png"' in response.text


def test_linkage_map_svg_download_is_a_standalone_styled_file(client, linked):
    response = client.get(reverse("linkage_map_svg", args=["conf"]) + "?v=1&kind=sdg")

    root = ET.fromstring(response.content)
    style = root.find(f"{SVG}style").text
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response["Content-Disposition"] == ('attachment; filename="conf-linkage-map-v1-sdg.svg"')
    assert root.tag == f"{SVG}svg"
    assert "var(" not in style
    assert ".sankey__ribbon--s1, .sankey__bar--s1 {fill: #0b4f8a;}" in style
    assert len(with_class(root, "sankey__ribbon")) == 9
    assert root.find(f"{SVG}desc").text.startswith("D.1 – D.1-a → SDG 4, SDG 9.")
    assert "<a " not in response.text


def test_linkage_map_svg_download_unknown_filter_is_404(client, linked):
    response = client.get(reverse("linkage_map_svg", args=["conf"]) + "?v=1&goal=18")

    assert response.status_code == 404


def test_linkage_map_public_sees_no_draft(client, admin, draft):
    link_items(admin, draft)

    assert client.get(reverse("linkage_map", args=["conf"]) + "?v=1").status_code == 404
    assert client.get(reverse("linkage_map_svg", args=["conf"]) + "?v=1").status_code == 404


# --- Query counts ----------------------------------------------------------------------------


@pytest.fixture
def small_and_large(admin):
    """Published plans: ``small`` 1 item, ``large`` 5 priorities × 8 items, every item linked."""
    versions = []
    for slug, priorities, per in (("small", 1, 1), ("large", 5, 8)):
        conference = factories.make_conference(admin, slug=slug)
        version = factories.make_plan_version(
            admin, conference, priorities=priorities, items_per_priority=per
        )
        link_items(
            admin,
            version,
            {item.code: LINKS["D.1-a"] for item in version.items.all()},
        )
        versions.append(publish(admin, version))
    return versions


def count_queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("who", ["anonymous", "secretariat"])
@pytest.mark.parametrize("page", ["linkage_coverage", "linkage_map", "linkage_map_svg"])
def test_linkage_pages_query_count_independent_of_plan_size(
    client, admin, small_and_large, who, page
):
    if who == "secretariat":
        client.force_login(admin)
    query = "?v=1&kind=sdg"

    small = count_queries(client, reverse(page, args=["small"]) + query)
    large = count_queries(client, reverse(page, args=["large"]) + query)

    assert small == large
