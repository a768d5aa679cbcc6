"""Errors the domain layer raises; every edge (web, API, CLI) turns them into a clear message."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class DomainError(Exception):
    """A request the domain refuses, with the field it concerns when there is one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(DomainError, PermissionDenied):
    """The acting user may not do this. Also a PermissionDenied, so Django answers 403."""


class NotFound(DomainError):
    """The object asked for does not exist or is not visible to the acting user."""
