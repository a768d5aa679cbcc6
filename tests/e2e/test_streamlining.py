"""The secretariat runs an analysis (immediate tasks in tests), sees the cluster of two
near-duplicate outcomes with shared wording highlighted, and dismisses the pair."""

import pytest

from tests.e2e.test_browse_plan import sign_in
from tests.factories import PASSWORD
from tests.streamlining.conftest import make_plan, needs_engine

pytestmark = pytest.mark.e2e


@needs_engine
def test_streamlining_run_shows_cluster_and_dismisses_pair(
    transactional_db, live_server, page, admin, conference
):
    make_plan(admin, conference)
    sign_in(page, live_server.url, "admin", PASSWORD)

    page.goto(f"{live_server.url}/c/conf/streamlining/")
    page.get_by_role("button", name="Run analysis").click()
    page.wait_for_url("**/c/conf/streamlining/runs/*/")

    cluster = page.locator("section.cluster")
    assert cluster.count() == 1
    assert cluster.locator("h2").inner_text() == "D.1-a, D.2-a"
    assert cluster.locator("mark").count() > 0
    cluster.get_by_label("Why these are not to be merged").fill("Different regions")
    cluster.get_by_role("button", name="Dismiss the pair").click()
    page.locator("#dismissed-heading").wait_for()

    assert page.locator("section.cluster").count() == 0
    assert "Different regions" in page.locator("ul.dismissed").inner_text()
    assert page.errors == []
