"""Background work of invitations. Tasks take ids, re-fetch and call the domain."""

from __future__ import annotations

from django.tasks import task


@task
def send_invitation_batch(batch_id: int) -> None:
    """Send one batch of invitations (see ``domain.invitations.run_batch``)."""
    from accord.engagement.domain.invitations import run_batch

    run_batch(batch_id=batch_id)


@task
def send_decision_email(registration_id: int) -> None:
    """Tell a registrant the secretariat's decision (see ``domain.registration``)."""
    from accord.engagement.domain.registration import email_decision

    email_decision(registration_id=registration_id)
