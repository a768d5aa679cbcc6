"""Create, revoke and check API tokens. Creation and revocation are audited; use is not
(``last_used_at`` says enough, and every write a token makes is audited by its own domain)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord import rules
from accord.api.models import NAME_MAX, ApiToken
from accord.audit.domain import record
from accord.core.errors import DomainError, NotFound

KEY_PREFIX = "acc_"
# Writing last_used_at on every request would turn each read into a write; once a minute is
# precise enough to tell a token in use from a forgotten one.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class TokenRejected(DomainError):
    """The token sent is unknown, revoked, or belongs to a disabled account."""


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_token(*, user: Any, name: str, actor: Any = None) -> tuple[ApiToken, str]:
    """Create a token that acts as ``user``; returns the token and its key (shown only once).

    ``actor`` is who asks: the user themselves or the secretariat; ``None`` is the system
    (an operator on the server, e.g. ``accord token create``). Side effect: an audit entry.
    """
    if actor is not None:
        rules.require(
            actor.pk == user.pk or rules.is_secretariat(actor),
            gettext("Only the account holder or the secretariat creates a token for an account."),
        )
    name = name.strip()
    if not name:
        raise DomainError(gettext("The token's name is empty."), field="name")
    if len(name) > NAME_MAX:
        raise DomainError(
            gettext("The token's name is longer than %(name_max)s characters.")
            % {"name_max": NAME_MAX},
            field="name",
        )
    if not user.is_active:
        raise DomainError(
            gettext("The account '%(get_username)s' is disabled.")
            % {"get_username": user.get_username()},
            field="user",
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name, prefix=key[:8], key_digest=digest(key)
        )
        record(
            actor=actor,
            action="api_token.created",
            target=token,
            changes={"user": [None, user.get_username()], "name": [None, name]},
        )
    return token, key


def revoke_api_token(*, token: ApiToken, actor: Any = None) -> ApiToken:
    """Revoke a token for good (owner, secretariat, or the system when ``actor`` is None)."""
    if actor is not None:
        rules.require(
            actor.pk == token.user_id or rules.is_secretariat(actor),
            gettext("Only the account holder or the secretariat revokes its tokens."),
        )
    if token.revoked:
        return token
    with transaction.atomic():
        token.revoked = True
        token.save(update_fields=["revoked"])
        record(
            actor=actor,
            action="api_token.revoked",
            target=token,
            changes={"revoked": [False, True]},
        )
    return token


def find_token(token_id: int) -> ApiToken:
    token = ApiToken.objects.select_related("user").filter(pk=token_id).first()
    if token is None:
        raise NotFound(
            gettext("No API token with id %(token_id)s.") % {"token_id": token_id}, field="token"
        )
    return token


def authenticate_key(key: str) -> Any:
    """The active user a key acts as; TokenRejected otherwise. Notes when it was last used."""
    token = ApiToken.objects.select_related("user").filter(key_digest=digest(key.strip())).first()
    if token is None:
        raise TokenRejected(gettext("Unknown API token."), field="Authorization")
    if token.revoked:
        raise TokenRejected(gettext("This API token was revoked."), field="Authorization")
    if not token.user.is_active:
        raise TokenRejected(gettext("This API token's account is disabled."), field="Authorization")
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
