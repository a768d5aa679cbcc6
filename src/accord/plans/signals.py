"""Keep ``PlanVersion.changed_at`` true whoever writes: domain functions, imports, the admin.

Saves and deletes of priorities and items arrive here as signals; bulk writes and
``QuerySet.update`` send none, so the domain functions that use them call ``touch_version``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.utils import timezone


def touch_version(version_id: int) -> None:
    from accord.plans.models import PlanVersion

    PlanVersion.objects.filter(pk=version_id).update(changed_at=timezone.now())


def _touch(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        touch_version(instance.version_id)


def connect() -> None:
    from accord.plans.models import PlanItem, Priority

    for model in (Priority, PlanItem):
        post_save.connect(_touch, sender=model, dispatch_uid=f"touch-version-{model.__name__}")
        post_delete.connect(_touch, sender=model, dispatch_uid=f"touch-deleted-{model.__name__}")
