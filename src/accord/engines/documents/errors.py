"""The one error a reader raises: it names the file, the place and what was expected."""

from __future__ import annotations


class DocumentError(Exception):
    def __init__(self, path: str, message: str, where: str | None = None) -> None:
        self.path = path
        self.where = where
        self.message = message
        place = f" ({where})" if where else ""
        super().__init__(f"{path}{place}: {message}")


class NoItemsError(DocumentError):
    """The file reads, but holds no priorities or items: a document, not a working document.
    Callers that accept any document (a contribution to a meeting) tell it apart from a file
    that cannot be read at all."""
