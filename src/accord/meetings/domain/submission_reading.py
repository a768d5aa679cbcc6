"""Read a contribution's document with the document engine, before anything is stored.

A .docx or .txt contribution is read at upload time: a file the engine cannot read at all
(a damaged Word file, undecodable text) is refused while the delegation is still at the form;
a working document (priorities, items, comments, positions, brackets) gets a short count of
what it holds for the list; any other document (a report, a note) is stored with an empty
count. A PDF is stored as it is: the engine reads Word documents and their text exports only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files import File
from django.utils.translation import gettext

from accord.conferences.models import Conference, Delegation
from accord.core.errors import DomainError
from accord.engines.documents.errors import DocumentError, NoItemsError
from accord.engines.documents.model import WorkingDocument, flatten_comments
from accord.engines.documents.reader import read_document

READ_SUFFIXES = (".docx", ".txt")
"""The contribution formats the document engine reads; others are stored unread."""


def read_contribution(
    *, file: File, original_name: str, suffix: str, conference: Conference
) -> dict[str, int]:
    """The counts of what the uploaded document holds; {} for a PDF or a document that is not
    a working document.
    A file the engine cannot read is refused with a DomainError (field ``file``) naming it
    and the engine's place and reason. Nothing is stored: the engine reads a temporary copy."""
    if suffix not in READ_SUFFIXES:
        return {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"contribution{suffix}"
        with path.open("wb") as target:
            for chunk in file.chunks():
                target.write(chunk)
        try:
            document = read_document(path, known_delegations=_known_delegations(conference))
        except NoItemsError:
            return {}
        except DocumentError as error:
            place = f" ({error.where})" if error.where else ""
            raise DomainError(
                gettext("%(original_name)s%(place)s: %(message)s")
                % {"original_name": original_name, "place": place, "message": error.message},
                field="file",
            ) from error
    if hasattr(file, "seek"):
        file.seek(0)
    return counts(document)


def counts(document: WorkingDocument) -> dict[str, int]:
    """What a list shows of a working document: how many of each thing it holds."""
    return {
        "priorities": len(document.objectives),
        "items": len(document.items()),
        "comments": document.comment_count() + len(flatten_comments(document.comments)),
        "positions": document.position_count(),
        "brackets": sum(len(item.brackets) for item in document.items()),
        "warnings": len(document.warnings),
    }


def _known_delegations(conference: Conference) -> list[str]:
    """Names that count as delegations in comments even when they do not look like names."""
    names = Delegation.objects.filter(conference=conference).values_list(
        "organization__name", "organization__short_name"
    )
    return [name for pair in names for name in pair if name]
