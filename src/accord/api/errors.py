"""Every error the API returns is ``{"message": str, "field": str | null}`` with a fitting status:
400 invalid input or refused by the domain, 401 no valid token, 403 not allowed, 404 not found
or not visible, 409 edit based on an outdated revision (with the current item)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from accord.api.auth import MISSING_TOKEN
from accord.api.domain import TokenRejected
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.plans.domain import StaleEdit

# Where ninja says a value came from; the first part of an error location, not a field name.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


class ItemConflict(Exception):
    """A StaleEdit, with the current item already serialised for the 409 body."""

    def __init__(self, stale: StaleEdit, current: dict[str, Any]) -> None:
        super().__init__(stale.message)
        self.message = stale.message
        self.field = stale.field
        self.current = current


def error_body(message: str, field: str | None = None) -> dict[str, Any]:
    return {"message": message, "field": field}


def field_of(location: tuple | list, body_params: set[str]) -> str | None:
    """``("body", "payload", "text")`` → ``"text"``; ``("path", "number")`` → ``"number"``."""
    parts = [str(part) for part in location]
    if parts and parts[0] in _SOURCES:
        source, parts = parts[0], parts[1:]
        if source == "body" and parts and parts[0] in body_params:
            parts = parts[1:]
    return ".".join(parts) or None


def install_error_handlers(api: NinjaAPI, *, body_params: set[str]) -> None:
    """Register the handlers on ``api``; ``body_params`` are the names endpoints give their body."""

    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        response = api.create_response(request, body, status=status)
        if status == 401:
            response["WWW-Authenticate"] = 'Bearer realm="accord"'
        return response

    def validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        first = exc.errors[0] if exc.errors else {}
        field = field_of(first.get("loc", ()), body_params)
        message = first.get("msg", "Invalid request.")
        if first.get("type") == "value_error":  # our own validators: drop pydantic's prefix
            message = str(first.get("ctx", {}).get("error", message))
        return respond(request, 400, error_body(f"{field}: {message}" if field else message, field))

    def conflict(request: HttpRequest, exc: ItemConflict) -> HttpResponse:
        return respond(request, 409, error_body(exc.message, exc.field) | {"current": exc.current})

    handlers: dict[type[Exception], Any] = {
        DomainError: lambda r, e: respond(r, 400, error_body(e.message, e.field)),
        NotAllowed: lambda r, e: respond(r, 403, error_body(e.message, e.field)),
        NotFound: lambda r, e: respond(r, 404, error_body(e.message, e.field)),
        StaleEdit: lambda r, e: respond(r, 409, error_body(e.message, e.field)),
        ItemConflict: conflict,
        TokenRejected: lambda r, e: respond(r, 401, error_body(e.message, e.field)),
        AuthenticationError: lambda r, e: respond(
            r, 401, error_body(MISSING_TOKEN, "Authorization")
        ),
        ValidationError: validation,
        HttpError: lambda r, e: respond(r, e.status_code, error_body(e.message)),
        Http404: lambda r, e: respond(r, 404, error_body("Not found.")),
        PermissionDenied: lambda r, e: respond(r, 403, error_body(str(e) or "Not allowed.")),
    }
    for exception, handler in handlers.items():
        api.add_exception_handler(exception, handler)
