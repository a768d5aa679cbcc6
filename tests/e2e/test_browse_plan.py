"""A chair signs in, opens the Action Plan, expands a priority and reads an item."""

import pytest

pytestmark = pytest.mark.e2e


def sign_in(page, base_url, username, password):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def test_browse_plan_chair_expands_priority_and_opens_item(live_server, live_demo, page):
    sign_in(page, live_server.url, "chair", "chair-demo")

    page.goto(f"{live_server.url}/c/ddc-27/plan/")
    priority = page.locator("details.priority").first
    assert priority.get_attribute("open") is None
    priority.locator("summary").click()
    link = priority.locator("a.item__link").first
    link.wait_for(state="visible")
    code = link.locator(".item__code").inner_text()
    text = link.locator(".item__text").inner_text()
    link.click()
    page.wait_for_url(f"**/items/{code}/")

    assert page.locator("h1").inner_text() == code
    assert page.locator(".item-page__text").inner_text() == text
    assert page.locator(".account__role").inner_text() == "Chair"
    assert page.get_by_role("heading", name="History").is_visible()
    assert page.errors == []


def test_browse_plan_live_search_updates_results(live_server, live_demo, page):
    page.goto(f"{live_server.url}/c/ddc-27/search/")
    box = page.get_by_label("Words to find in identifiers, texts and priority titles")

    box.press_sequentially("D.1-a", delay=20)
    page.locator("#search-results .item__code").first.wait_for()

    assert page.locator("#search-results .item__code").all_inner_texts() == ["D.1-a"]
    assert page.locator("#search-status").inner_text() == "1 item matches “D.1-a”"
    assert page.url.endswith("/c/ddc-27/search/?q=D.1-a&version=1")
    assert page.errors == []


def test_browse_plan_arabic_is_right_to_left(live_server, live_demo, page):
    page.goto(f"{live_server.url}/c/ddc-27/")
    page.select_option("#language-select", "ar")
    page.locator(".language-form button").click()
    page.wait_for_load_state()

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.errors == []
