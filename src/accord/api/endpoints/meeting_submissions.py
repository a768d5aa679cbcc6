"""Contributions to a meeting: list those you may see (participants only; drafts for their
authors and the secretariat), start a draft with its document (multipart upload), then
submit, withdraw, accept or admit it. Late ones are flagged, never refused."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.conferences.models import Conference, Delegation
from accord.core.errors import DomainError
from accord.meetings.domain import submissions as domain
from accord.meetings.models import Submission, SubmissionStatus
from accord.meetings.queries import find_meeting
from accord.meetings.queries import submissions as queries
from accord.negotiation.models import Contribution
from accord.reference.models import RegionalOrganization

router = Router(tags=["meetings"])

SUBMISSIONS = "/conferences/{slug}/meetings/{meeting_id}/contributions"
READ_ERRORS: dict[int, Any] = {401: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}
ACTIONS = {
    "submit": domain.submit_submission,
    "withdraw": domain.withdraw_submission,
    "accept": domain.accept_submission,
    "admit": domain.admit_late_submission,
}


class SubmissionOut(Schema):
    id: int
    symbol: str = Field(description="Assigned on submission; empty for a draft.")
    title: str
    delegation: str
    cosponsors: list[str]
    on_behalf_of: str | None = Field(description="The RTO's code, for a region's contribution.")
    status: SubmissionStatus
    late: bool
    lateness_minutes: int | None = Field(description="How long after the deadline it came.")
    admitted: bool
    submitted_at: dt.datetime | None
    file_name: str | None
    size: int
    contribution: int | None = Field(description="The negotiation contribution it carries.")
    reading: dict[str, int] = Field(
        description="What the document engine found in it: priorities, items, comments, "
        "positions, brackets, warnings; empty for a PDF or a document that is not a working "
        "document."
    )


class SubmissionIn(Schema):
    delegation: int = Field(description="The submitting delegation's id.")
    title: str = Field(max_length=300)
    cosponsors: list[int] = Field(default_factory=list, description="Delegation ids.")
    on_behalf_of: str | None = Field(default=None, description="An RTO's code, e.g. ATU.")
    contribution: int | None = Field(default=None, description="A negotiation contribution.")


def as_dict(row: queries.SubmissionRow) -> dict[str, Any]:
    s = row.submission
    return {
        "id": s.pk,
        "symbol": s.symbol,
        "title": s.title,
        "delegation": s.delegation.organization.name,
        "cosponsors": [d.organization.name for d in s.cosponsors.all()],
        "on_behalf_of": s.on_behalf_of.code if s.on_behalf_of else None,
        "status": s.status,
        "late": s.late,
        "lateness_minutes": int(row.lateness.total_seconds() // 60) if row.lateness else None,
        "admitted": s.admitted,
        "submitted_at": s.submitted_at,
        "file_name": s.original_name or None,
        "size": s.size,
        "contribution": s.contribution_id,
        "reading": s.reading,
    }


def _one(user: Any, conference: Conference, meeting_id: int, pk: int) -> dict[str, Any]:
    meeting = find_meeting(user, conference, meeting_id)
    for row in queries.submissions_of(user, meeting).rows:
        if row.submission.pk == pk:
            return as_dict(row)
    raise DomainError(
        gettext("%(code)s has no contribution %(pk)s that you may see.")
        % {"code": meeting.code, "pk": pk}
    )


def _delegation(conference: Conference, pk: int, field: str) -> Delegation:
    found = Delegation.objects.filter(conference=conference, pk=pk).first()
    if found is None:
        raise DomainError(
            gettext("%(conference)s has no delegation %(pk)s.")
            % {"conference": conference, "pk": pk},
            field=field,
        )
    return found


@router.get(
    SUBMISSIONS,
    response={200: list[SubmissionOut]} | READ_ERRORS,
    operation_id="list_meeting_contributions",
)
def list_submissions(request: HttpRequest, slug: str, meeting_id: int) -> Any:
    """The meeting's contributions you may see, in order of submission, drafts last."""
    user = reader(request)
    meeting = find_meeting(user, visible_conference(user, slug), meeting_id)
    return [as_dict(row) for row in queries.submissions_of(user, meeting).rows]


@router.post(
    SUBMISSIONS,
    auth=BearerToken(),
    response={201: SubmissionOut} | WRITE_ERRORS,
    operation_id="create_meeting_contribution",
)
def create_submission(
    request: HttpRequest,
    slug: str,
    meeting_id: int,
    payload: Form[SubmissionIn],
    file: File[UploadedFile],
) -> Any:
    """Start a draft for your delegation with its document (.docx, .pdf or .txt, ≤ 10 MB)."""
    user = request.auth  # type: ignore[attr-defined]
    conference = visible_conference(user, slug)
    meeting = find_meeting(user, conference, meeting_id)
    rto = None
    if payload.on_behalf_of:
        rto = RegionalOrganization.objects.filter(code=payload.on_behalf_of.upper()).first()
        if rto is None:
            raise DomainError(
                gettext("There is no RTO '%(on_behalf_of)s'.")
                % {"on_behalf_of": payload.on_behalf_of},
                field="on_behalf_of",
            )
    contribution = None
    if payload.contribution is not None:
        contribution = Contribution.objects.filter(pk=payload.contribution).first()
        if contribution is None:
            raise DomainError(
                gettext("There is no contribution %(contribution)s.")
                % {"contribution": payload.contribution},
                field="contribution",
            )
    made = domain.create_submission(
        user=user,
        meeting=meeting,
        delegation=_delegation(conference, payload.delegation, "delegation"),
        title=payload.title,
        file=file,
        cosponsors=[_delegation(conference, pk, "cosponsors") for pk in payload.cosponsors],
        on_behalf_of=rto,
        contribution=contribution,
    )
    return Status(201, _one(user, conference, meeting_id, made.pk))


@router.post(
    SUBMISSIONS + "/{submission_id}/{action}",
    auth=BearerToken(),
    response={200: SubmissionOut} | WRITE_ERRORS,
    operation_id="act_on_meeting_contribution",
)
def act(
    request: HttpRequest,
    slug: str,
    meeting_id: int,
    submission_id: int,
    action: Literal["submit", "withdraw", "accept", "admit"],
) -> Any:
    """``submit`` or ``withdraw`` (for your delegation); ``accept`` or ``admit`` a late one
    (secretariat)."""
    user = request.auth  # type: ignore[attr-defined]
    conference = visible_conference(user, slug)
    meeting = find_meeting(user, conference, meeting_id)
    submission: Submission = queries.find_submission(user, meeting, submission_id)
    ACTIONS[action](user=user, submission=submission)
    return _one(user, conference, meeting_id, submission_id)
