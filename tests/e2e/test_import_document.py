"""The chair uploads a working document, reads the dry-run report, confirms the import and lands
on the new version of the plan."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/samples/regional-priorities-working-document.txt"
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


def sign_in(page, base_url, username, password):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def test_import_document_chair_uploads_reviews_and_confirms(live_server, live_demo, page):
    from accord.plans.models import PlanVersion

    versions_before = PlanVersion.objects.filter(plan__conference__slug="ddc-27").count()
    sign_in(page, live_server.url, "chair", "chair-demo")

    page.goto(f"{live_server.url}/c/ddc-27/")
    page.get_by_label("Working document", exact=True).set_input_files(str(SAMPLE))
    page.get_by_label("Version label (optional)").fill("After the regional meeting")
    page.get_by_role("button", name="Upload and review").click()
    page.wait_for_url("**/c/ddc-27/plan/import/*/")

    assert page.locator("h1").inner_text() == "Review the import"
    figures = [
        " ".join(text.split())
        for text in page.locator(".figures--report .figure").all_inner_texts()
    ]
    assert figures == [
        "3 priorities",
        "19 items",
        "14 comments",
        "18 positions",
        "0 proposed changes",
        "6 warnings",
    ]
    assert page.locator(".report-items tbody th").count() == 19
    warning = page.locator(".report-warnings tr", has_text="P.-2-b")
    assert warning.locator("td").all_inner_texts() == [
        "line 59, P.2-b",
        "identifier 'P.-2-b' read as 'P.2-b'",
    ]

    page.get_by_role("button", name="Confirm import").click()
    number = versions_before + 1
    page.wait_for_url(f"**/c/ddc-27/plan/?version={number}")

    assert page.locator(".alert--success").inner_text() == (
        f"regional-priorities-working-document.txt was imported as version {number} "
        "of the Action Plan, a draft."
    )
    assert (
        page.locator(".lead")
        .first.inner_text()
        .startswith(f"Version {number}: After the regional meeting")
    )
    assert page.locator("details.priority").count() == 3
    assert page.errors == []
