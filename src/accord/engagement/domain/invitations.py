"""Invitation e-mails: queued in a batch by a user, sent by one background task per batch.

Each send records its outcome; a failed send keeps the error and leaves the invitee where
they were, so nothing is lost and the batch can be retried for those who failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.core.mail import mailers
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.conferences.models import Conference
from accord.core.errors import DomainError
from accord.core.runs import INTERRUPTED, requeue_or_end
from accord.engagement import rules, tasks
from accord.engagement.domain.pipeline import move_invitee
from accord.engagement.enums import BatchState, InviteeState, SendState
from accord.engagement.interfaces.emails import invitation_message
from accord.engagement.models import InvitationBatch, InvitationSend, Invitee
from accord.rules import require

log = logging.getLogger(__name__)

INVITABLE = {InviteeState.IDENTIFIED, InviteeState.INVITED, InviteeState.CONFIRMED}


def queue_invitations(
    *,
    user: Any,
    conference: Conference,
    invitees: Iterable[Invitee],
    base_url: str,
    background: bool = True,
) -> InvitationBatch:
    """Queue one e-mail per invitee; the batch is sent in the background once committed, or,
    with ``background=False``, by the caller (``run_batch``, e.g. the command line, which
    shows its progress). ``base_url`` (e.g. ``https://accord.example.org``) is where the
    personal links point."""
    chosen = list(invitees)
    if not chosen:
        raise DomainError(gettext("Choose at least one invitee to invite."), field="invitees")
    for invitee in chosen:
        if invitee.target_list.conference_id != conference.pk:
            raise DomainError(
                gettext("%(invitee)s is not invited to %(conference)s.")
                % {"invitee": invitee, "conference": conference},
                field="invitees",
            )
        require(
            rules.can_manage_invitee(user, invitee),
            gettext("You do not manage %(invitee)s.") % {"invitee": invitee},
        )
        if invitee.state not in INVITABLE:
            raise DomainError(
                gettext(
                    "%(invitee)s is %(lower)s; only people not yet "
                    "registered or declined are invited."
                )
                % {"invitee": invitee, "lower": invitee.get_state_display().lower()},
                field="invitees",
            )
    if not base_url.startswith(("http://", "https://")):
        raise DomainError(
            gettext("The links' address '%(base_url)s' must start with http(s)://.")
            % {"base_url": base_url}
        )
    with transaction.atomic():
        batch = InvitationBatch.objects.create(
            conference=conference,
            created_by=user if getattr(user, "pk", None) else None,
            base_url=base_url,
        )
        InvitationSend.objects.bulk_create(
            InvitationSend(batch=batch, invitee=invitee, email=invitee.email) for invitee in chosen
        )
        record(
            actor=user,
            action="engagement.invitations_queued",
            target=batch,
            conference=conference,
            changes={"invitees": [None, len(chosen)]},
        )
        if background:
            transaction.on_commit(lambda: tasks.send_invitation_batch.enqueue(batch.pk))
    return batch


def run_batch(
    *, batch_id: int, progress: Callable[[int, int], None] | None = None
) -> InvitationBatch:
    """Send every queued e-mail of a batch through one SMTP connection, recording each
    result; ``progress(done, total)`` hears of each one. Always ends the batch "done"."""
    batch = InvitationBatch.objects.select_related("conference").get(pk=batch_id)
    InvitationBatch.objects.filter(pk=batch.pk).update(state=BatchState.RUNNING)
    sends = batch.sends.filter(state=SendState.QUEUED).select_related(
        "invitee__target_list__conference"
    )
    connection = mailers.default
    try:
        try:
            connection.open()
        except Exception as error:  # any failure to connect is recorded
            log.warning("Invitation batch %s: cannot connect: %s", batch.pk, error)
            sends.update(state=SendState.FAILED, error=f"cannot connect: {error}")
            return _finish(batch)
        queued = list(sends)
        for done, send in enumerate(queued, start=1):
            _send_one(send, batch, connection)
            if progress is not None:
                progress(done, len(queued))
    finally:
        connection.close()
    return _finish(batch)


def _send_one(send: InvitationSend, batch: InvitationBatch, connection: Any) -> None:
    invitee = send.invitee
    # The e-mail goes to the address the invitee has now (it may have been corrected since
    # the batch was queued; the personal link is made for it): record that one.
    send.email = invitee.email
    try:
        message = invitation_message(invitee, base_url=batch.base_url)
        connection.send_messages([message])
    except Exception as error:  # each failure is recorded, not raised
        send.state, send.error = SendState.FAILED, f"{type(error).__name__}: {error}"
        send.save(update_fields=["state", "error", "email"])
        return
    with transaction.atomic():
        send.state, send.sent_at = SendState.SENT, timezone.now()
        send.save(update_fields=["state", "sent_at", "email"])
        if invitee.state == InviteeState.IDENTIFIED:
            move_invitee(
                user=batch.created_by, invitee=invitee, state=InviteeState.INVITED, check=False
            )


def _finish(batch: InvitationBatch) -> InvitationBatch:
    batch.state, batch.finished_at = BatchState.DONE, timezone.now()
    batch.save(update_fields=["state", "finished_at"])
    counts = {state: batch.sends.filter(state=state).count() for state in SendState.values}
    record(
        actor=None,
        action="engagement.invitations_sent",
        target=batch,
        conference=batch.conference,
        changes={
            "sent": [None, counts[SendState.SENT]],
            "failed": [None, counts[SendState.FAILED]],
        },
    )
    return batch


def recover_interrupted_batches() -> str:
    """After a restart of the serving process (see ``accord.core.recovery``): queue again the
    batches it had queued; end those it was sending, their unsent e-mails failed with
    ``INTERRUPTED`` (sending them again unasked could repeat the one in flight), so the
    sender can pick those invitees and invite them again."""
    return requeue_or_end(
        InvitationBatch.objects.select_related("conference"),
        enqueue=tasks.send_invitation_batch.enqueue,
        end=_end_interrupted,
        label="Invitation batches",
    )


def _end_interrupted(batch: InvitationBatch) -> None:
    with transaction.atomic():
        batch.sends.filter(state=SendState.QUEUED).update(state=SendState.FAILED, error=INTERRUPTED)
        _finish(batch)
