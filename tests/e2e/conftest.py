"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses database access from
# a thread with a running loop unless told it is safe (the tests are single-threaded here).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Debian's Chromium; ACCORD_CHROMIUM points elsewhere (never `playwright install`).
CHROMIUM = Path(os.environ.get("ACCORD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",  # needed when running as root in a container
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _browser_missing_reason() -> str | None:
    if CHROMIUM.exists():
        return None
    return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip browser tests without Chromium, unless ACCORD_REQUIRE_BROWSER=1 makes that a failure."""
    reason = _browser_missing_reason()
    if reason is None or os.environ.get("ACCORD_REQUIRE_BROWSER") == "1":
        return
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    reason = _browser_missing_reason()
    if reason is not None:
        pytest.fail(f"ACCORD_REQUIRE_BROWSER=1 but {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page that records JavaScript errors and console errors in ``page.errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(f"pageerror: {error}"))
    page.on(
        "console",
        lambda message: (
            page.errors.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    yield page
    context.close()


@pytest.fixture
def live_demo(transactional_db):
    """The demo conference, seeded in a database the live server's thread can see."""
    from accord.demo.seed import seed_demo

    return seed_demo()


@pytest.fixture
def other_page(browser) -> Iterator[object]:
    """``other_page(base_url, username)``: a second person's page, signed in (as the demo's
    accounts: password ``<username>-demo``) in a context of its own, closed after the test."""
    from tests.e2e.test_browse_plan import sign_in

    contexts = []

    def open_as(base_url: str, username: str) -> object:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        sign_in(page, base_url, username, f"{username}-demo")
        return page

    yield open_as
    for context in contexts:
        context.close()
