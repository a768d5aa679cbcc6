"""Invitation e-mails sent for real to an SMTP server on loopback (aiosmtpd), the personal
link followed with the test client, the registration approved and its e-mail received."""

import re
import socket
import time
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from accord.engagement.domain import invitations, registration
from accord.engagement.models import InvitationSend, Registration


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 10},
        }
    }
    yield inbox
    controller.stop()


def _wait_for(inbox, n):
    # The server stores a message before answering 250, so this loop only guards against a
    # slow handler thread; it asserts nothing about time.
    for _ in range(200):
        if len(inbox.messages) >= n:
            return
        time.sleep(0.01)


def _parts(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def test_invitation_email_link_registers_and_approval_is_emailed(
    admin, conference, invitee, client, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = invitations.queue_invitations(
            user=admin, conference=conference, invitees=[invitee], base_url="http://testserver"
        )
    _wait_for(smtp, 1)
    assert [m["To"] for m in smtp.messages] == ["ada@example.org"]
    text, html = _parts(smtp.messages[0])
    link = re.search(r"http://testserver(/c/conf/register/\S+/)", text).group(1)
    assert f'href="http://testserver{link}"' in html
    assert [s.state for s in InvitationSend.objects.filter(batch=batch)] == ["sent"]
    invitee.refresh_from_db()
    assert invitee.state == "invited"

    page = client.get(link)
    assert page.status_code == 200
    assert b'value="Ada Mensah"' in page.content
    response = client.post(
        link, {"name": "Ada Mensah", "email": "ada@example.org", "gender": "female"}
    )
    assert response.status_code == 200
    assert b"Registration received" in response.content
    registered = Registration.objects.get()
    assert (registered.invitee, registered.state, registered.gender) == (
        invitee,
        "pending",
        "female",
    )

    with django_capture_on_commit_callbacks(execute=True):
        registration.decide(user=admin, registration=registered, approve=True)
    _wait_for(smtp, 2)
    assert smtp.messages[1]["Subject"] == "Your registration for CONF: approved"
    registered.refresh_from_db()
    assert registered.decision_emailed_at is not None
    invitee.refresh_from_db()
    assert invitee.state == "registered"


def test_invitation_failure_is_recorded_not_lost(
    admin, conference, invitee, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": _free_port(), "timeout": 2},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        batch = invitations.queue_invitations(
            user=admin, conference=conference, invitees=[invitee], base_url="http://testserver"
        )
    send = InvitationSend.objects.get(batch=batch)
    assert send.state == "failed"
    assert send.error.startswith("cannot connect:")
    batch.refresh_from_db()
    invitee.refresh_from_db()
    assert (batch.state, invitee.state) == ("done", "identified")
