"""After a restart of the serving process, invitation batches it left behind are queued again
or ended, so no batch shows "sending" for ever and no e-mail is sent twice unasked."""

import pytest

from accord.audit.models import AuditEntry
from accord.core import recovery
from accord.core.runs import INTERRUPTED
from accord.engagement.domain import invitations, pipeline
from accord.engagement.enums import BatchState, InviteeState, SendState
from accord.engagement.models import InvitationBatch

pytestmark = pytest.mark.integration

LINE = "Invitation batches: 1 queued again, 1 interrupted."


def _queue(admin, conference, invitee):
    return invitations.queue_invitations(
        user=admin, conference=conference, invitees=[invitee], base_url="http://testserver"
    )


@pytest.fixture
def left_behind(admin, conference, target_list, invitee):
    """A batch the stopped server was sending (one e-mail out, one not) and one it had queued
    (queued without letting the task run: no on_commit callbacks run inside a test)."""
    other = pipeline.add_invitee(
        user=admin, target_list=target_list, name="Bo Lind", email="bo@example.org"
    )
    running = invitations.queue_invitations(
        user=admin,
        conference=conference,
        invitees=[invitee, other],
        base_url="http://testserver",
    )
    InvitationBatch.objects.filter(pk=running.pk).update(state=BatchState.RUNNING)
    running.sends.filter(invitee=invitee).update(state=SendState.SENT)
    third = pipeline.add_invitee(
        user=admin, target_list=target_list, name="Cy Dube", email="cy@example.org"
    )
    queued = _queue(admin, conference, third)
    return running, queued


def test_recover_interrupted_batches_ends_running_and_requeues_queued(left_behind, mailoutbox):
    running, queued = left_behind

    line = invitations.recover_interrupted_batches()

    running.refresh_from_db()
    queued.refresh_from_db()
    assert line == LINE
    assert running.state == BatchState.DONE
    assert running.finished_at is not None
    assert sorted(running.sends.values_list("email", "state", "error")) == [
        ("ada@example.org", SendState.SENT, ""),
        ("bo@example.org", SendState.FAILED, INTERRUPTED),
    ]
    # The immediate backend sent the queued batch when it was queued again.
    assert queued.state == BatchState.DONE
    assert [m.to for m in mailoutbox] == [["cy@example.org"]]
    assert list(queued.sends.values_list("state", flat=True)) == [SendState.SENT]
    assert AuditEntry.objects.filter(action="engagement.invitations_sent").count() == 2


def test_recover_interrupted_batches_leaves_the_unsent_invitee_invitable(left_behind, admin):
    running, _ = left_behind
    invitations.recover_interrupted_batches()
    bo = running.sends.get(email="bo@example.org").invitee
    bo.refresh_from_db()
    assert bo.state == InviteeState.IDENTIFIED
    again = _queue(admin, running.conference, bo)
    assert again.sends.count() == 1


def test_recover_interrupted_batches_with_nothing_left_says_nothing(conference):
    assert invitations.recover_interrupted_batches() == ""


def test_recover_interrupted_batches_ignores_finished_batches(left_behind):
    invitations.recover_interrupted_batches()
    assert invitations.recover_interrupted_batches() == ""


def test_recover_after_restart_includes_invitation_batches(left_behind, monkeypatch):
    running, _ = left_behind

    assert recovery.recover_after_restart() == []  # the tests' immediate backend
    running.refresh_from_db()
    assert running.state == BatchState.RUNNING

    monkeypatch.setattr(
        recovery, "THREAD_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
    )
    assert recovery.recover_after_restart() == [LINE]
