"""Who is calling: a bearer token for writes; a token or the session (or nobody) for reads."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from accord.api.domain import TokenRejected, authenticate_key

MISSING_TOKEN = "This needs an API token: send the header 'Authorization: Bearer <token>'."


class BearerToken(HttpBearer):
    """Writes accept tokens only: a session would need CSRF protection, a script has none."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return authenticate_key(token)


def reader(request: HttpRequest) -> Any:
    """The user a read acts as: the token's user if one is sent, else the session's (or anonymous).

    A bad token is refused rather than ignored, so a script never silently reads as the public.
    """
    header = request.headers.get("Authorization", "")
    if not header:
        return request.user
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer":
        raise TokenRejected(MISSING_TOKEN, field="Authorization")
    return authenticate_key(key)
