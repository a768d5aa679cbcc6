"""The coverage view and the map draw in Chromium: bars and ribbons with real size, chart
screenshots that are not blank, filters swapped by htmx, and the PNG and SVG downloads."""

from __future__ import annotations

import io

import pytest

from tests.e2e.test_browse_plan import sign_in


def _secretariat():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_staff=True).first()


pytestmark = pytest.mark.e2e


def not_blank(png: bytes) -> tuple[int, int]:
    """(colours, spread of grey levels) of a screenshot: a drawn chart has many of both."""
    from PIL import Image, ImageStat

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = len(image.getcolors(maxcolors=1 << 20) or [])
    spread = ImageStat.Stat(image.convert("L")).stddev[0]
    return colours, round(spread)


def boxes(page, selector: str) -> list[dict]:
    return [
        box
        for box in page.locator(selector).evaluate_all(
            "nodes => nodes.map(n => { const b = n.getBoundingClientRect();"
            " return {width: b.width, height: b.height}; })"
        )
    ]


def test_linkages_coverage_view_draws_its_charts(live_server, live_demo, page):
    pytest.importorskip("PIL")

    page.goto(f"{live_server.url}/c/ddc-27/linkages/")

    chart = page.locator("#goal-chart")
    chart.wait_for()
    bars = boxes(page, "#goal-chart rect.chart__bar--covered")
    tracks = boxes(page, "#goal-chart rect.chart__track")
    colours, spread = not_blank(chart.screenshot())
    assert page.get_by_role("link", name="Linkages").get_attribute("aria-current") == "page"
    assert len(tracks) == 17
    assert len(bars) > 0
    assert all(b["width"] > 0 and b["height"] > 0 for b in bars)
    assert colours > 10
    assert spread > 10
    assert page.locator("#wsis-chart rect.chart__track").count() == 11
    assert page.errors == []


def test_linkages_map_draws_filters_and_downloads(live_server, live_demo, page, tmp_path):
    pytest.importorskip("PIL")
    from PIL import Image

    page.goto(f"{live_server.url}/c/ddc-27/linkages/map/")
    chart = page.locator("#map-svg")
    chart.wait_for()

    ribbons = boxes(page, "#map-svg path.sankey__ribbon")
    colours, spread = not_blank(chart.screenshot())
    assert len(ribbons) > 0
    assert all(b["width"] > 0 and b["height"] > 0 for b in ribbons)
    assert colours > 20
    assert spread > 10

    button = page.get_by_role("button", name="Download PNG")
    assert button.is_visible()
    with page.expect_download() as caught:
        button.click()
    download = caught.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    image = Image.open(saved)
    view_box = chart.get_attribute("viewBox").split()
    assert download.suggested_filename == "ddc-27-linkage-map-v1-sdg.png"
    assert image.format == "PNG"
    assert image.size == (2 * int(view_box[2]), 2 * int(view_box[3]))
    low, high = image.convert("L").getextrema()
    assert high - low > 100

    with page.expect_download() as caught:
        page.get_by_role("link", name="Download SVG").click()
    svg = tmp_path / caught.value.suggested_filename
    caught.value.save_as(svg)
    assert svg.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>')

    page.get_by_label("Show links to").select_option("wsis")
    page.wait_for_url("**kind=wsis**")
    page.locator("#map-svg text.sankey__heading", has_text="WSIS action lines").wait_for()
    assert page.locator("#map-svg path.sankey__ribbon").count() > 0
    assert page.get_by_role("button", name="Download PNG").is_visible()
    assert page.errors == []


def test_linkages_chair_suggests_and_accepts_a_link_on_an_item(live_server, live_demo, page):
    from accord.plans import domain as plans
    from accord.plans.models import PlanVersion

    draft = PlanVersion.objects.get(plan__conference__slug="ddc-27", state="draft")
    plans.add_item(
        user=_secretariat(),
        priority=draft.priorities.get(code="D.2"),
        kind="outcome",
        code="D.2-z",
        text="Digital skills training programmes for teachers and students in schools",
    )
    sign_in(page, live_server.url, "chair", "chair-demo")
    page.goto(f"{live_server.url}/c/ddc-27/plan/v{draft.number}/items/D.2-z/")
    before = page.locator("#item-linkages .tag").all_inner_texts()

    page.get_by_role("button", name="Suggest links").click()
    page.locator("#suggestions-panel .alert").wait_for()
    accept = page.locator("#suggestions-panel").get_by_role("button", name="Accept").first
    label = accept.inner_text().removeprefix("Accept ")
    accept.click()
    page.locator("#suggestions-panel .alert", has_text="Linked to").wait_for()

    tags = page.locator("#item-linkages .tag").all_inner_texts()
    added = [tag for tag in tags if tag not in before]
    assert len(tags) == len(before) + 1
    assert label.endswith(added[0])
    assert (
        page.locator("#suggestions-panel").get_by_role("button", name=f"Accept {label}").count()
        == 0
    )
    assert page.errors == []
