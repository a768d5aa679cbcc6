"""Errors the domain layer raises; every edge (web, API, CLI) turns them into a clear message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction


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


@contextmanager
def refused_if_taken(error: DomainError) -> Iterator[None]:
    """Writes in their own atomic block, with ``error`` raised instead of the IntegrityError
    of a unique constraint: the refusal the check before the write gives, when a concurrent
    request took the value between that check and the write."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        raise error from None
