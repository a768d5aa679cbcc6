"""Attach documents to a meeting and remove them (secretariat only).

The file, when there is one, is stored under the data directory with a random name (the
user's file name is kept for downloads only); a contribution may point to the negotiation
contribution it carries. Audited.
"""

from __future__ import annotations

import secrets
from pathlib import PurePath
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.core.actors import user_or_none
from accord.core.errors import DomainError
from accord.meetings.domain import checks
from accord.meetings.enums import DocumentKind
from accord.meetings.models import Meeting, MeetingDocument
from accord.negotiation.models import Contribution

MAX_BYTES = 25 * 2**20
_KEPT_SUFFIXES = {".docx", ".doc", ".pdf", ".txt", ".xlsx", ".pptx", ".odt", ".zip"}


def next_symbol(meeting: Meeting) -> str:
    """A symbol for the meeting's next document: its short name and the next number
    (``RPM-AFR/4`` after three documents)."""
    return f"{meeting.code}/{meeting.documents.count() + 1}"


def _original_name(name: str) -> str:
    base = PurePath(name.replace("\\", "/")).name.strip()
    return (base or "document")[:255]


def attach_document(
    *,
    user: Any,
    meeting: Meeting,
    symbol: str,
    title: str,
    kind: str,
    file: File | None = None,
    contribution: Contribution | None = None,
) -> MeetingDocument:
    """Add a document to the meeting, with its file if given. Symbols are unique per meeting.
    Side effects: the stored file, the document, one audit entry."""
    conference = meeting.conference
    checks.require_secretariat(user, conference, "attaches meeting documents")
    symbol = checks.text(symbol, "symbol", limit=60)
    title = checks.text(title, "title", limit=300)
    if kind not in DocumentKind.values:
        raise DomainError(
            gettext("Unknown kind '%(kind)s'; expected one of %(join)s.")
            % {"kind": kind, "join": ", ".join(DocumentKind.values)},
            field="kind",
        )
    if meeting.documents.filter(symbol=symbol).exists():
        raise DomainError(
            gettext("%(code)s already has a document %(symbol)s.")
            % {"code": meeting.code, "symbol": symbol},
            field="symbol",
        )
    if contribution is not None and contribution.version.plan.conference_id != conference.pk:
        raise DomainError(
            gettext("%(contribution)s is a contribution to another conference.")
            % {"contribution": contribution},
            field="contribution",
        )
    document = MeetingDocument(
        meeting=meeting,
        symbol=symbol,
        title=title,
        kind=kind,
        contribution=contribution,
        uploaded_by=user_or_none(user),
    )
    if file is not None:
        original = _original_name(file.name or "")
        size = file.size or 0
        if size > MAX_BYTES:
            raise DomainError(
                gettext(
                    "%(original)s: the file is %(value)s MB; a meeting document may have "
                    "up to %(value2)s MB."
                )
                % {
                    "original": original,
                    "value": format(size / 2**20, ".1f"),
                    "value2": MAX_BYTES // 2**20,
                },
                field="file",
            )
        suffix = PurePath(original).suffix.lower()
        stored = secrets.token_hex(12) + (suffix if suffix in _KEPT_SUFFIXES else "")
        document.original_name, document.size = original, size
        document.file.save(stored, file, save=False)
    try:
        with transaction.atomic():
            document.save()
            record(
                actor=user,
                action="meeting.document_attached",
                target=document,
                conference=conference,
                changes={
                    "meeting": [None, meeting.code],
                    "symbol": [None, symbol],
                    "kind": [None, kind],
                    "file": [None, document.original_name or None],
                    "contribution": [None, contribution.pk if contribution else None],
                },
            )
    except BaseException:
        if document.file:
            document.file.delete(save=False)
        raise
    return document


def remove_document(*, user: Any, document: MeetingDocument) -> None:
    """Remove a document; its file is deleted once the removal is committed. Audited."""
    meeting = document.meeting
    checks.require_secretariat(user, meeting.conference, "removes meeting documents")
    stored = document.file.name if document.file else ""
    with transaction.atomic():
        record(
            actor=user,
            action="meeting.document_removed",
            target=document,
            conference=meeting.conference,
            changes={"meeting": [meeting.code, None], "symbol": [document.symbol, None]},
        )
        storage = document.file.storage
        document.delete()
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))
