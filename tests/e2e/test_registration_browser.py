"""In Chromium: an invitee opens their personal link, registers with a credentials letter,
then the secretariat signs in, sees the letter in the queue and approves them."""

import pytest

from accord.engagement.domain.tokens import make_token
from accord.engagement.models import Invitee, Registration
from tests.e2e.test_browse_plan import sign_in

pytestmark = pytest.mark.e2e


def test_invitee_registers_and_secretariat_approves(live_server, live_demo, page, tmp_path):
    invitee = Invitee.objects.get(email="lucas.moreau@invite.example")
    letter = tmp_path / "credentials.pdf"
    letter.write_bytes(b"%PDF-1.4\n%credentials of the delegate\n")

    page.goto(f"{live_server.url}/c/ddc-27/register/{make_token(invitee)}/")
    assert page.get_by_label("Name").input_value() == "Lucas Moreau"
    page.get_by_label("Constituent group").select_option(label="Government")
    page.get_by_label("Gender (optional)").select_option("male")
    page.get_by_role("button", name="Register").click()
    page.locator(".field__error", has_text="credentials letter").wait_for()

    page.get_by_label("Credentials letter").set_input_files(str(letter))
    page.get_by_role("button", name="Register").click()
    page.locator("h1", has_text="Registration received").wait_for()

    sign_in(page, live_server.url, "secretariat", "secretariat-demo")
    page.goto(f"{live_server.url}/c/ddc-27/invitations/registrations/?state=pending")
    row = page.locator('tr[data-registration="lucas.moreau@invite.example"]')
    assert row.get_by_role("link", name="credentials.pdf").count() == 1
    row.get_by_role("button", name="Approve").click()
    page.locator(".alert", has_text="Lucas Moreau is registered.").wait_for()

    registration = Registration.objects.get(email="lucas.moreau@invite.example")
    invitee.refresh_from_db()
    assert (registration.state, registration.gender, invitee.state) == (
        "approved",
        "male",
        "registered",
    )
    # The refused first attempt answers 400 (the form with its error), which Chromium logs.
    assert page.errors == [
        "console: Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
