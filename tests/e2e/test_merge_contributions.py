"""A chair accepts two delegations' contributions on the merge page, merges them, and reads the
redline of the new version."""

import pytest

from tests.e2e.test_browse_plan import sign_in
from tests.factories import PASSWORD
from tests.negotiation.contribution_data import D1_1, D1A, contribute, delete, modify, negotiation

pytestmark = pytest.mark.e2e


def test_merge_contributions_chair_accepts_merges_and_reads_the_redline(
    live_server, page, admin, conference, draft
):
    n = negotiation(admin, conference, draft)
    contribute(
        n.kenyan, n.version, n.kenya, modify("D.1-a", D1A.replace("affordable", "universal"))
    )
    contribute(
        n.brazilian,
        n.version,
        n.brazil,
        modify("D.1-a", D1A.replace("rural", "remote")),
        delete("D.1-1"),
    )
    sign_in(page, live_server.url, "chair", PASSWORD)

    page.goto(f"{live_server.url}/c/conf/plan/v1/merge/")
    entries = page.locator("article.board-entry")
    assert entries.count() == 3
    assert page.locator(".board__group--competing").count() == 0  # different words: no conflict
    for index in range(3):
        entries.nth(index).get_by_role("button", name="Accept").click()
        page.locator("article.board-entry--accepted").nth(index).wait_for()
    page.get_by_role("button", name="Merge accepted into a new version").click()
    page.wait_for_url("**/c/conf/plan/compare/?from=1&to=2")

    changed = page.locator('article.diff[data-code="D.1-a"] .redline')
    assert changed.locator("del").all_inner_texts() == ["affordable", "rural"]
    assert changed.locator("ins").all_inner_texts() == ["universal", "remote"]
    assert changed.inner_text() == (
        "Promote affordableuniversal broadband connectivity in ruralremote areas"
    )
    removed = page.locator('article.diff[data-code="D.1-1"]')
    assert removed.get_attribute("class") == "diff diff--removed"
    assert removed.locator(".change").inner_text() == "Removed"
    assert removed.locator(".redline del").inner_text() == D1_1
    assert page.locator("h1").inner_text() == "Changes from version 1 to version 2"
    assert page.errors == []
