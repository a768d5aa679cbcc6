"""Reads of invitation batches: how far a batch has come, for its self-refreshing page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext

from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.engagement import rules
from accord.engagement.enums import BatchState, SendState
from accord.engagement.models import InvitationBatch, InvitationSend


@dataclass(frozen=True)
class BatchProgress:
    batch: InvitationBatch
    total: int
    sent: int
    failed: int
    failures: list[InvitationSend] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.batch.state == BatchState.DONE

    @property
    def done(self) -> int:
        return self.sent + self.failed

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


def find_batch(user: Any, conference: Conference, batch_id: int) -> InvitationBatch:
    """The batch, if the user may follow it: the secretariat, or whoever queued it."""
    batch = (
        InvitationBatch.objects.select_related("conference")
        .filter(pk=batch_id, conference=conference)
        .first()
    )
    if batch is None or not (
        rules.can_manage_engagement(user, conference)
        or (batch.created_by_id is not None and batch.created_by_id == getattr(user, "pk", None))
    ):
        raise NotFound(
            gettext("No invitation batch #%(batch_id)s of yours in %(short_name)s.")
            % {"batch_id": batch_id, "short_name": conference.short_name}
        )
    return batch


def batch_progress(batch: InvitationBatch, *, with_failures: bool = False) -> BatchProgress:
    """Counts of a batch's e-mails in one query (plus one for the failures when asked)."""
    counts = batch.sends.aggregate(
        total=Count("id"),
        sent=Count("id", filter=Q(state=SendState.SENT)),
        failed=Count("id", filter=Q(state=SendState.FAILED)),
    )
    failures = (
        list(batch.sends.filter(state=SendState.FAILED).select_related("invitee"))
        if with_failures
        else []
    )
    return BatchProgress(
        batch=batch,
        total=counts["total"],
        sent=counts["sent"],
        failed=counts["failed"],
        failures=failures,
    )
