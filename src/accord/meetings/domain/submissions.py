"""Contributions to a meeting: a delegation (alone, with co-sponsors, or for its RTO's region)
writes a draft with its document, submits it against the meeting's deadline, and may withdraw
it; the secretariat accepts it for the meeting and admits late ones.

The deadline is the end of the meeting's ``contribution_deadline`` day on the meeting's own
clock (its ``timezone``). A contribution submitted after that is accepted and flagged
``late``, never refused or lost. Submitting assigns the next symbol of the meeting and files
the document among the meeting's documents. Who may do what: ``meetings.submission_rules``.
Every write is atomic and audited.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Delegation
from accord.core.actors import user_or_none
from accord.core.errors import DomainError, NotFound
from accord.meetings import submission_rules
from accord.meetings.domain import checks
from accord.meetings.domain.documents import next_symbol
from accord.meetings.domain.submission_reading import read_contribution
from accord.meetings.enums import DocumentKind
from accord.meetings.models import Meeting, MeetingDocument, Submission, SubmissionStatus
from accord.negotiation.models import Contribution
from accord.negotiation.rules import can_view_contribution, require_may_speak_for_rto
from accord.reference.models import RegionalOrganization

MAX_BYTES = 10 * 2**20
"""Largest document a delegation may upload: a contribution is a text, not a dataset."""
ALLOWED_SUFFIXES = (".docx", ".pdf", ".txt")


def _now() -> dt.datetime:
    """The clock; tests replace it to stand just before or after a deadline."""
    return timezone.now()


def _zone(meeting: Meeting) -> ZoneInfo:
    try:
        return ZoneInfo(meeting.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise DomainError(
            gettext("%(code)s has an unknown time zone '%(timezone)s'.")
            % {"code": meeting.code, "timezone": meeting.timezone},
            field="timezone",
        ) from error


def deadline_end(meeting: Meeting) -> dt.datetime:
    """The first instant after the deadline: midnight ending the deadline day, meeting's clock."""
    day_after = meeting.contribution_deadline + dt.timedelta(days=1)
    return dt.datetime.combine(day_after, dt.time.min, tzinfo=_zone(meeting))


def is_late(meeting: Meeting, when: dt.datetime) -> bool:
    """True if a contribution submitted at ``when`` (an aware time) missed the deadline."""
    return when >= deadline_end(meeting)


def lateness(submission: Submission) -> dt.timedelta | None:
    """How long after the deadline a late contribution came; None if it is not late."""
    if not submission.late or submission.submitted_at is None:
        return None
    return submission.submitted_at - deadline_end(submission.meeting)


def require_visible(user: Any, submission: Submission) -> None:
    """NotFound, not NotAllowed: a draft's existence does not leak to other delegations."""
    if not submission_rules.can_view_submission(user, submission):
        raise NotFound(
            gettext("%(code)s has no contribution %(pk)s that you may see.")
            % {"code": submission.meeting.code, "pk": submission.pk},
            field="submission",
        )


def _checked_file(file: File) -> tuple[str, int, str]:
    original = PurePath((file.name or "").replace("\\", "/")).name.strip()[:255] or "document"
    suffix = PurePath(original).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise DomainError(
            gettext("%(original)s: a contribution must be a %(join)s file.")
            % {"original": original, "join": ", ".join(ALLOWED_SUFFIXES)},
            field="file",
        )
    size = file.size or 0
    if size > MAX_BYTES:
        raise DomainError(
            gettext(
                "%(original)s: the file is %(value)s MB; a contribution may have up to "
                "%(value2)s MB."
            )
            % {
                "original": original,
                "value": format(size / 2**20, ".1f"),
                "value2": MAX_BYTES // 2**20,
            },
            field="file",
        )
    if size == 0:
        raise DomainError(
            gettext("%(original)s: the file is empty.") % {"original": original}, field="file"
        )
    return original, size, suffix


def _cosponsors(
    meeting: Meeting, delegation: Delegation, cosponsors: Iterable[Delegation]
) -> list[Delegation]:
    chosen: dict[int, Delegation] = {}
    for other in cosponsors:
        if other.conference_id != meeting.conference_id:
            raise DomainError(
                gettext("%(other)s is not at %(conference)s.")
                % {"other": other, "conference": meeting.conference},
                field="cosponsors",
            )
        if other.pk != delegation.pk:
            chosen[other.pk] = other
    return list(chosen.values())


def _checked_contribution(
    user: Any, meeting: Meeting, contribution: Contribution | None
) -> Contribution | None:
    if contribution is None:
        return None
    if contribution.version.plan.conference_id != meeting.conference_id:
        raise DomainError(
            gettext("%(contribution)s is a contribution to another conference.")
            % {"contribution": contribution},
            field="contribution",
        )
    if not can_view_contribution(user, contribution):
        raise NotFound(
            gettext("There is no contribution %(pk)s that you may see.") % {"pk": contribution.pk},
            field="contribution",
        )
    return contribution


def create_submission(
    *,
    user: Any,
    meeting: Meeting,
    delegation: Delegation,
    title: str,
    file: File | None = None,
    cosponsors: Iterable[Delegation] = (),
    on_behalf_of: RegionalOrganization | None = None,
    contribution: Contribution | None = None,
) -> Submission:
    """Start a draft contribution to ``meeting`` for ``delegation``, with its document (.docx,
    .pdf or .txt, up to ``MAX_BYTES``); a .docx or .txt is read with the document engine and
    refused if unreadable, its counts kept in ``reading`` (see ``submission_reading``).
    Delegates write for their own delegation only; an RTO's common contribution comes from a
    delegation of its region (or the RTO itself).
    Side effects: the stored file, the draft, one audit entry."""
    conference = meeting.conference
    if delegation.conference_id != conference.pk:
        raise DomainError(
            gettext("%(delegation)s is not at %(conference)s.")
            % {"delegation": delegation, "conference": conference},
            field="delegation",
        )
    rules.require(
        rules.can_act_for_delegation(user, delegation),
        gettext("You submit contributions for your own delegation only."),
    )
    title = checks.text(title, "title", limit=300)
    chosen = _cosponsors(meeting, delegation, cosponsors)
    require_may_speak_for_rto(delegation, on_behalf_of)
    contribution = _checked_contribution(user, meeting, contribution)
    submission = Submission(
        meeting=meeting,
        delegation=delegation,
        title=title,
        on_behalf_of=on_behalf_of,
        contribution=contribution,
        created_by=user_or_none(user),
        created_at=_now(),
    )
    if file is not None:
        original, size, suffix = _checked_file(file)
        submission.reading = read_contribution(
            file=file, original_name=original, suffix=suffix, conference=conference
        )
        submission.original_name, submission.size = original, size
        submission.file.save(secrets.token_hex(12) + suffix, file, save=False)
    try:
        with transaction.atomic():
            submission.save()
            submission.cosponsors.set(chosen)
            record(
                actor=user,
                action="meeting.submission_created",
                target=submission,
                conference=conference,
                changes={
                    "meeting": [None, meeting.code],
                    "delegation": [None, delegation.organization.name],
                    "title": [None, title],
                    "cosponsors": [None, sorted(d.organization.name for d in chosen)],
                    "on_behalf_of": [None, on_behalf_of.code if on_behalf_of else None],
                    "file": [None, submission.original_name or None],
                    "contribution": [None, contribution.pk if contribution else None],
                },
            )
    except BaseException:
        if submission.file:
            submission.file.delete(save=False)
        raise
    return submission


def update_submission(
    *,
    user: Any,
    submission: Submission,
    title: str | None = None,
    file: File | None = None,
    cosponsors: Iterable[Delegation] | None = None,
) -> Submission:
    """Change what is given of a draft: its title, its document (replaced) or its co-sponsors.
    Its authors only, and only before it is submitted: a tabled document is on record.
    A new .docx or .txt is read again (``reading``), as on creation.
    Side effects: the new file (the replaced one is deleted once the change is committed),
    one audit entry naming what changed; nothing when nothing changed."""
    require_visible(user, submission)
    rules.require(
        submission_rules.is_author(user, submission),
        gettext("Only the authors of a contribution change its draft."),
    )
    meeting = submission.meeting
    new_title = None if title is None else checks.text(title, "title", limit=300)
    chosen = None if cosponsors is None else _cosponsors(meeting, submission.delegation, cosponsors)
    checked = None if file is None else _checked_file(file)
    reading: dict[str, int] = {}
    if checked is not None and file is not None:
        original, _size, suffix = checked
        reading = read_contribution(
            file=file, original_name=original, suffix=suffix, conference=meeting.conference
        )
    storage = submission.file.storage
    stored: list[str] = []
    replaced = ""
    try:
        with transaction.atomic():
            current = _locked(submission)
            if current.status != SubmissionStatus.DRAFT:
                raise DomainError(
                    gettext("%(current)s is %(lower)s; only a draft is changed.")
                    % {"current": current, "lower": current.get_status_display().lower()},
                    field="status",
                )
            changes: dict[str, list[Any]] = {}
            fields: list[str] = []
            if new_title is not None and new_title != current.title:
                changes["title"] = [current.title, new_title]
                current.title = new_title
                fields.append("title")
            if checked is not None and file is not None:
                original, size, suffix = checked
                replaced = current.file.name or ""
                current.file.save(secrets.token_hex(12) + suffix, file, save=False)
                stored.append(current.file.name or "")
                changes["file"] = [current.original_name or None, original]
                current.original_name, current.size = original, size
                current.reading = reading
                fields += ["file", "original_name", "size", "reading"]
            if chosen is not None:
                before = list(current.cosponsors.select_related("organization"))
                if {d.pk for d in before} != {d.pk for d in chosen}:
                    changes["cosponsors"] = [
                        sorted(d.organization.name for d in before),
                        sorted(d.organization.name for d in chosen),
                    ]
                    current.cosponsors.set(chosen)
            if fields:
                current.save(update_fields=fields)
            if changes:
                record(
                    actor=user,
                    action="meeting.submission_changed",
                    target=current,
                    conference=meeting.conference,
                    changes=changes,
                )
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise
    if replaced:
        transaction.on_commit(lambda: storage.delete(replaced), robust=True)
    for name in ("title", "file", "original_name", "size", "reading"):
        setattr(submission, name, getattr(current, name))
    getattr(submission, "_prefetched_objects_cache", {}).pop("cosponsors", None)
    return submission


def _free_symbol(meeting: Meeting) -> str:
    """``next_symbol``, moved on past any symbol already taken (a removed document leaves the
    count behind the numbers in use)."""
    symbol = next_symbol(meeting)
    taken = set(meeting.documents.values_list("symbol", flat=True))
    number = meeting.documents.count() + 1
    while symbol in taken:
        number += 1
        symbol = f"{meeting.code}/{number}"
    return symbol


def _locked(submission: Submission) -> Submission:
    """The submission read again under a row lock, so two clicks do not both act."""
    return Submission.objects.select_for_update().select_related("meeting").get(pk=submission.pk)


def submit_submission(*, user: Any, submission: Submission) -> Submission:
    """Table a draft: it gets the meeting's next symbol, becomes one of its documents, and is
    flagged late if the deadline has passed (it is accepted all the same).
    Side effects: the document's copy of the file, the document, one audit entry."""
    require_visible(user, submission)
    rules.require(
        submission_rules.can_submit(user, submission),
        gettext("Only someone who acts for the submitting delegation submits its contribution."),
    )
    meeting = submission.meeting
    stored: list[MeetingDocument] = []
    try:
        with transaction.atomic():
            Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
            current = _locked(submission)
            if current.status != SubmissionStatus.DRAFT:
                raise DomainError(
                    gettext("%(current)s is already %(lower)s.")
                    % {"current": current, "lower": current.get_status_display().lower()},
                    field="status",
                )
            if not current.file:
                raise DomainError(
                    gettext("Upload the document before submitting the contribution."), field="file"
                )
            when = _now()
            symbol = _free_symbol(meeting)
            document = MeetingDocument(
                meeting=meeting,
                symbol=symbol,
                title=current.title,
                kind=DocumentKind.CONTRIBUTION,
                contribution=current.contribution,
                original_name=current.original_name,
                size=current.size,
                uploaded_by=user_or_none(user),
                uploaded_at=when,
            )
            with current.file.open("rb") as handle:
                suffix = PurePath(current.file.name or "").suffix
                document.file.save(secrets.token_hex(12) + suffix, File(handle), save=False)
            stored.append(document)
            document.save()
            late = is_late(meeting, when)
            current.status = SubmissionStatus.SUBMITTED
            current.symbol, current.document = symbol, document
            current.submitted_at, current.late = when, late
            current.save(update_fields=["status", "symbol", "document", "submitted_at", "late"])
            record(
                actor=user,
                action="meeting.submission_submitted",
                target=current,
                conference=meeting.conference,
                changes={
                    "status": [SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED],
                    "symbol": [None, symbol],
                    "late": [None, late],
                },
            )
    except BaseException:
        for document in stored:
            document.file.delete(save=False)
        raise
    _copy(current, submission)
    return submission


def _copy(source: Submission, target: Submission) -> None:
    for name in ("status", "symbol", "document_id", "submitted_at", "late", "admitted_at"):
        setattr(target, name, getattr(source, name))


def _transition(
    *,
    user: Any,
    submission: Submission,
    to: str,
    allowed_from: tuple[str, ...],
    action: str,
    check: Callable[[Submission], None] | None = None,
) -> Submission:
    """Move the submission, read again under its lock, from one of ``allowed_from`` to
    ``to``; ``check`` may refuse on what the locked row says."""
    with transaction.atomic():
        current = _locked(submission)
        if current.status not in allowed_from:
            raise DomainError(
                gettext("%(current)s is %(lower)s; it cannot become %(lower2)s.")
                % {
                    "current": current,
                    "lower": current.get_status_display().lower(),
                    "lower2": SubmissionStatus(to).label.lower(),
                },
                field="status",
            )
        if check is not None:
            check(current)
        before = current.status
        current.status = to
        current.save(update_fields=["status"])
        record(
            actor=user,
            action=action,
            target=current,
            conference=submission.meeting.conference,
            changes={"status": [before, to]},
        )
    _copy(current, submission)
    return submission


def withdraw_submission(*, user: Any, submission: Submission) -> Submission:
    """Withdraw a draft or a tabled contribution; it stays on record (and its symbol taken)."""
    require_visible(user, submission)
    rules.require(
        submission_rules.can_submit(user, submission),
        gettext("Only someone who acts for the submitting delegation withdraws its contribution."),
    )
    return _transition(
        user=user,
        submission=submission,
        to=SubmissionStatus.WITHDRAWN,
        allowed_from=(
            SubmissionStatus.DRAFT,
            SubmissionStatus.SUBMITTED,
            SubmissionStatus.ACCEPTED,
        ),
        action="meeting.submission_withdrawn",
    )


def accept_submission(*, user: Any, submission: Submission) -> Submission:
    """Accept a submitted contribution for the meeting (secretariat); a late one must first be
    admitted."""
    require_visible(user, submission)
    rules.require(
        submission_rules.can_decide(user, submission.meeting.conference),
        gettext("Only the secretariat accepts contributions for a meeting."),
    )

    def admitted_if_late(current: Submission) -> None:
        if current.late and not current.admitted:
            raise DomainError(
                gettext("%(current)s came after the deadline; admit it before accepting it.")
                % {"current": current},
                field="status",
            )

    return _transition(
        user=user,
        submission=submission,
        to=SubmissionStatus.ACCEPTED,
        allowed_from=(SubmissionStatus.SUBMITTED,),
        action="meeting.submission_accepted",
        check=admitted_if_late,
    )


def admit_late_submission(*, user: Any, submission: Submission) -> Submission:
    """Admit a late contribution to the meeting despite the deadline (secretariat). The late
    flag stays: the record shows both that it was late and that it was admitted."""
    require_visible(user, submission)
    rules.require(
        submission_rules.can_decide(user, submission.meeting.conference),
        gettext("Only the secretariat admits late contributions."),
    )
    with transaction.atomic():
        current = _locked(submission)
        if not current.late:
            raise DomainError(
                gettext("%(current)s was not late; there is nothing to admit.")
                % {"current": current},
                field="late",
            )
        if current.admitted_at is not None:
            raise DomainError(
                gettext("%(current)s is already admitted.") % {"current": current}, field="late"
            )
        if current.status == SubmissionStatus.WITHDRAWN:
            raise DomainError(
                gettext("%(current)s was withdrawn.") % {"current": current}, field="status"
            )
        current.admitted_at = _now()
        current.save(update_fields=["admitted_at"])
        record(
            actor=user,
            action="meeting.submission_admitted",
            target=current,
            conference=submission.meeting.conference,
            changes={"admitted": [False, True]},
        )
    _copy(current, submission)
    return submission
