"""Record writes in the audit trail. Domain functions call ``record`` inside their transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from accord.audit.models import AuditEntry
from accord.core.actors import user_or_none


def actor_label(user: Any) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return "system"
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return f"{full} ({user.get_username()})" if full else user.get_username()


def _jsonable(value: Any) -> Any:
    """Keep JSON's own types; anything else (dates, decimals, related objects) as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def diff(instance: models.Model, before: Mapping[str, Any], fields: Iterable[str]) -> dict:
    """Return ``{field: [old, new]}`` for the fields whose value changed since ``before``."""
    changes = {}
    for name in fields:
        old, new = before.get(name), getattr(instance, name)
        if old != new:
            changes[name] = [_jsonable(old), _jsonable(new)]
    return changes


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in fields}


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    changes: Mapping[str, Any] | None = None,
    conference: Any = None,
) -> AuditEntry:
    """Append one entry. ``actor`` is a user or None for the system (migrations, seeding)."""
    user = user_or_none(actor)
    return AuditEntry.objects.create(
        actor=user,
        actor_name=actor_label(actor),
        action=action,
        conference=conference,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        changes=dict(changes or {}),
    )


def history_of(target: models.Model) -> models.QuerySet[AuditEntry]:
    """The entries about one object, newest first."""
    return AuditEntry.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).select_related("actor")
