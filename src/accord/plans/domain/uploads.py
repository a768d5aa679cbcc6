"""Stage a working document, report what importing it would do, then import or discard it.

An editor uploads a file and reads the dry-run report before anything changes in the plan. The
file is kept (a DocumentUpload) in between, so the real import reads the very file reviewed.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Conference, Delegation
from accord.core.actors import user_or_none
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.engines.documents import model as doc
from accord.engines.documents.errors import DocumentError
from accord.engines.documents.reader import MAX_BYTES, read_document
from accord.plans.domain.imports import ImportReport, import_working_document
from accord.plans.models import DocumentUpload, PlanVersion

_LABEL_MAX = 200
_NAME_MAX = 255
_KEPT_SUFFIXES = {".docx", ".txt"}


def _require_editor(user: Any, conference: Conference) -> None:
    rules.require(
        rules.can_edit_plan(user, conference),
        gettext("Only the secretariat or a chair imports a working document."),
    )


def find_upload(*, user: Any, conference: Conference, upload_id: int) -> DocumentUpload:
    """The conference's upload ``upload_id``; NotFound for another conference's, so ids of
    other conferences' uploads are not revealed."""
    _require_editor(user, conference)
    upload = (
        DocumentUpload.objects.select_related("conference", "uploaded_by", "imported_version")
        .filter(pk=upload_id, conference=conference)
        .first()
    )
    if upload is None:
        raise NotFound(
            gettext("%(conference)s has no uploaded document %(upload_id)s.")
            % {"conference": conference, "upload_id": upload_id},
            field="upload",
        )
    return upload


def stage_document(
    *, user: Any, conference: Conference, uploaded_file: File, label: str = ""
) -> tuple[DocumentUpload, ImportReport, doc.WorkingDocument]:
    """Keep the file and return the dry-run report of importing it, with what was read.

    A file the engine cannot read, or that the import would refuse, is deleted again and
    refused with a DomainError (field ``file``) naming it: nothing stays behind. Side effects:
    the stored file, one DocumentUpload, one audit entry.
    """
    _require_editor(user, conference)
    original = _original_name(uploaded_file.name or "")
    label = label.strip()
    if len(label) > _LABEL_MAX:
        raise DomainError(
            gettext("A version label has at most %(label_max)s characters.")
            % {"label_max": _LABEL_MAX},
            field="label",
        )
    size = uploaded_file.size or 0
    if size > MAX_BYTES:
        raise DomainError(
            gettext(
                "%(original)s: the file is %(value)s MB, more than the "
                "%(value2)s MB a working document may have"
            )
            % {
                "original": original,
                "value": format(size / 2**20, ".1f"),
                "value2": format(MAX_BYTES / 2**20, ".0f"),
            },
            field="file",
        )
    upload = DocumentUpload(
        conference=conference,
        uploaded_by=user_or_none(user),
        original_name=original,
        size=size,
        label=label,
    )
    upload.file.save(_storage_name(original), uploaded_file, save=False)
    try:
        report, document = _dry_run(user, upload)
        with transaction.atomic():
            upload.save()
            record(
                actor=user,
                action="plan.document_staged",
                target=upload,
                conference=conference,
                changes={"file": [None, original], "size": [None, size], "label": [None, label]},
            )
    except BaseException:
        upload.file.delete(save=False)
        raise
    return upload, report, document


def review_upload(*, user: Any, upload: DocumentUpload) -> tuple[ImportReport, doc.WorkingDocument]:
    """The dry-run report of a staged upload, read again from the stored file.

    A dry run rather than a count of what was read: it reports exactly what the import would
    write today, and refuses what the import would refuse. Its writes are rolled back.
    """
    _require_editor(user, upload.conference)
    _require_staged(upload)
    return _dry_run(user, upload)


def confirm_upload(*, user: Any, upload: DocumentUpload) -> ImportReport:
    """Import a staged upload as a new draft version, labelled as the upload asks.

    All or nothing: the upload is claimed (marked imported) in the same transaction, so a second
    confirmation, even a concurrent one, is refused. Side effects: the version with all it holds
    (see import_working_document), the upload marked imported, one audit entry.
    """
    conference = upload.conference
    _require_editor(user, conference)
    with transaction.atomic():
        _claim(upload, state=DocumentUpload.State.IMPORTED)
        document = _read(upload)
        try:
            report = import_working_document(
                user=user, conference=conference, document=document, label=upload.label
            )
        except NotAllowed:
            raise
        except DomainError as error:
            raise DomainError(
                gettext("%(original_name)s: %(message)s")
                % {"original_name": upload.original_name, "message": error.message},
                field="file",
            ) from error
        upload.state = DocumentUpload.State.IMPORTED
        assert report.version_number is not None  # a real import always makes a version
        upload.imported_version = PlanVersion.objects.get(
            plan__conference=conference, number=report.version_number
        )
        upload.save(update_fields=["state", "imported_version"])
        record(
            actor=user,
            action="plan.document_imported",
            target=upload,
            conference=conference,
            changes={
                "state": [DocumentUpload.State.STAGED, DocumentUpload.State.IMPORTED],
                "version": [None, report.version_number],
            },
        )
    return report


def discard_upload(*, user: Any, upload: DocumentUpload) -> None:
    """Drop a staged upload: mark it discarded and delete its file once that is committed.

    The row stays, so the audit trail keeps pointing at something. Side effects: the upload
    marked discarded, its file deleted, one audit entry.
    """
    conference = upload.conference
    _require_editor(user, conference)
    stored = upload.file.name
    with transaction.atomic():
        _claim(upload, state=DocumentUpload.State.DISCARDED, file="")
        upload.state, upload.file.name = DocumentUpload.State.DISCARDED, ""
        record(
            actor=user,
            action="plan.document_discarded",
            target=upload,
            conference=conference,
            changes={"state": [DocumentUpload.State.STAGED, DocumentUpload.State.DISCARDED]},
        )
        if stored:
            storage = upload.file.storage
            transaction.on_commit(lambda: storage.delete(stored))


def _claim(upload: DocumentUpload, **changes: Any) -> None:
    """Move a staged upload on in one UPDATE, so of two concurrent requests only one wins."""
    claimed = DocumentUpload.objects.filter(pk=upload.pk, state=DocumentUpload.State.STAGED).update(
        **changes
    )
    if not claimed:
        upload.refresh_from_db(fields=["state", "imported_version"])
        _require_staged(upload)
        raise DomainError(
            gettext("%(original_name)s is no longer staged.")
            % {"original_name": upload.original_name},
            field="upload",
        )


def _require_staged(upload: DocumentUpload) -> None:
    if upload.state == DocumentUpload.State.IMPORTED:
        version = upload.imported_version
        where = f" as version {version.number}" if version else ""
        raise DomainError(
            gettext(
                "%(original_name)s has already been imported%(where)s; "
                "upload it again to import another copy."
            )
            % {"original_name": upload.original_name, "where": where},
            field="upload",
        )
    if upload.state == DocumentUpload.State.DISCARDED:
        raise DomainError(
            gettext("%(original_name)s was discarded; upload it again to import it.")
            % {"original_name": upload.original_name},
            field="upload",
        )


def _dry_run(user: Any, upload: DocumentUpload) -> tuple[ImportReport, doc.WorkingDocument]:
    document = _read(upload)
    try:
        report = import_working_document(
            user=user,
            conference=upload.conference,
            document=document,
            label=upload.label,
            dry_run=True,
        )
    except NotAllowed:
        raise
    except DomainError as error:
        raise DomainError(
            gettext("%(original_name)s: %(message)s")
            % {"original_name": upload.original_name, "message": error.message},
            field="file",
        ) from error
    return report, document


def _read(upload: DocumentUpload) -> doc.WorkingDocument:
    """The stored file as a WorkingDocument whose source is the name the user knows it by."""
    try:
        with _local_path(upload) as path:
            document = read_document(path, known_delegations=_known_delegations(upload.conference))
    except DocumentError as error:
        place = f" ({error.where})" if error.where else ""
        raise DomainError(
            gettext("%(original_name)s%(place)s: %(message)s")
            % {"original_name": upload.original_name, "place": place, "message": error.message},
            field="file",
        ) from error
    document.source = upload.original_name
    return document


@contextmanager
def _local_path(upload: DocumentUpload) -> Iterator[Path]:
    """A path to the stored file: its own on local storage, else a temporary copy."""
    try:
        local = Path(upload.file.path)
    except NotImplementedError:  # storage without local files (e.g. object storage)
        local = None
    if local is not None:
        yield local
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        with upload.file.open("rb") as source, path.open("wb") as target:
            shutil.copyfileobj(source, target)
        yield path


def _known_delegations(conference: Conference) -> list[str]:
    """Names that count as delegations in comments even when they do not look like names."""
    names = Delegation.objects.filter(conference=conference).values_list(
        "organization__name", "organization__short_name"
    )
    return [name for pair in names for name in pair if name]


def _original_name(name: str) -> str:
    """The file's own name, without any folder a browser may send, as the user will see it."""
    base = PurePath(name.replace("\\", "/")).name.strip()
    return (base or "document")[:_NAME_MAX]


def _storage_name(original: str) -> str:
    """A random name, so uploads never collide and the user's name never reaches the disk."""
    suffix = PurePath(original).suffix.lower()
    return secrets.token_hex(12) + (suffix if suffix in _KEPT_SUFFIXES else "")


def staged_uploads(*, user: Any, conference: Conference, limit: int = 10) -> list[DocumentUpload]:
    """The conference's uploads still awaiting a decision, newest first, for the import page."""
    _require_editor(user, conference)
    return list(
        DocumentUpload.objects.filter(conference=conference, state=DocumentUpload.State.STAGED)
        .select_related("uploaded_by")
        .order_by("-uploaded_at", "-id")[:limit]
    )
