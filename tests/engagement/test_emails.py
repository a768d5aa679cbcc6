"""The invitation and decision e-mails: their wording, and written in the active language's
direction (every sentence is marked for translation)."""

import datetime as dt

import pytest
from django.utils import translation

from accord.engagement.interfaces.emails import decision_message, invitation_message
from accord.engagement.models import Registration

pytestmark = pytest.mark.integration


def _html(message):
    ((html, kind),) = message.alternatives
    assert kind == "text/html"
    return html


def test_invitation_email_names_the_conference_dates_and_venue(invitee, conference):
    conference.venue = "Geneva"
    conference.save(update_fields=["venue"])

    message = invitation_message(invitee, base_url="http://testserver/")

    lines = message.body.splitlines()
    assert message.subject == "Invitation to Conference conf"
    assert lines[0] == "Dear Ada Mensah,"
    assert lines[2] == (
        "You are invited to take part in Conference conf (CONF), 5 June 2027 to 16 June 2027, "
        "Geneva."
    )
    assert lines[4].startswith("Register with your personal link (it is yours alone and works")
    assert lines[5].startswith("http://testserver/c/conf/register/")
    assert lines[7] == "The conference secretariat"
    assert f'<a href="{lines[5]}">Register with your personal link</a>' in _html(message)
    assert "<strong>Conference conf</strong> (CONF)" in _html(message)


def test_invitation_email_without_venue_ends_at_the_dates(invitee, conference):
    conference.venue = ""
    conference.save(update_fields=["venue"])

    message = invitation_message(invitee, base_url="http://testserver")

    assert message.body.splitlines()[2] == (
        "You are invited to take part in Conference conf (CONF), 5 June 2027 to 16 June 2027."
    )


def test_invitation_email_in_arabic_is_written_right_to_left(invitee):
    with translation.override("ar"):
        message = invitation_message(invitee, base_url="http://testserver")

    assert '<html lang="ar" dir="rtl">' in _html(message)


def _registration(conference, state, note=""):
    return Registration.objects.create(
        conference=conference,
        name="Ada Mensah",
        email="ada@example.org",
        state=state,
        decision_note=note,
        decided_at=dt.datetime(2027, 1, 4, tzinfo=dt.UTC),
    )


def test_decision_email_approved_welcomes_on_the_opening_day(conference):
    message = decision_message(_registration(conference, "approved"))

    assert message.subject == "Your registration for CONF: approved"
    assert message.body.splitlines()[2] == (
        "Your registration for Conference conf (CONF) is approved. "
        "We look forward to welcoming you on 5 June 2027 in Port Verde."
    )
    assert '<html lang="en" dir="ltr">' in _html(message)


def test_decision_email_rejected_gives_the_reason(conference):
    message = decision_message(_registration(conference, "rejected", note="No credentials"))

    lines = message.body.splitlines()
    assert message.subject == "Your registration for CONF: not approved"
    assert lines[2:4] == [
        "Your registration for Conference conf (CONF) could not be approved.",
        "Reason: No credentials",
    ]
    assert "<p>Reason: No credentials</p>" in _html(message)
