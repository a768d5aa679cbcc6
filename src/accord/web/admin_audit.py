"""Admin pages for the secretariat that follow the project's rules and audit every write.

The admin writes models directly, outside the domain functions, so this mixin appends the
audit entry the domain would have written: ``admin.<model>.created|changed|deleted``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.http import HttpRequest

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Conference

# How to reach the conference from each audited model, for the entry's conference column.
CONFERENCE_PATHS = (
    "conference",
    "delegation.conference",
    "plan.conference",
    "version.plan.conference",
    "item.version.plan.conference",
    "kpi.item.version.plan.conference",
)


def conference_of(obj: models.Model) -> Conference | None:
    """The conference an object belongs to, if any (organizations and people belong to none)."""
    if isinstance(obj, Conference):
        return obj
    for path in CONFERENCE_PATHS:
        value: Any = obj
        for name in path.split("."):
            value = getattr(value, name, None)
            if value is None:
                break
        if isinstance(value, Conference):
            return value
    return None


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set | models.QuerySet):
        return [_jsonable(part) for part in value]
    return str(value)


def form_changes(form: Any, *, created: bool) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields the admin form reports as changed."""
    changes = {}
    for name in form.changed_data:
        old = None if created else form.initial.get(name)
        field = form.fields.get(name)
        if isinstance(field, ModelChoiceField) and not isinstance(field, ModelMultipleChoiceField):
            # The initial value of a foreign key is its primary key: name the object instead.
            model = field.queryset.model
            old = model._default_manager.filter(pk=old).first() if old is not None else None
        changes[name] = [_jsonable(old), _jsonable(form.cleaned_data.get(name))]
    return changes


class SecretariatAdminMixin:
    """Only the secretariat (``rules.is_secretariat``) sees and changes these models."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return rules.is_secretariat(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.is_secretariat(request.user)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return rules.is_secretariat(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.is_secretariat(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.is_secretariat(request.user)


class ReadOnlyAdminMixin(SecretariatAdminMixin):
    """The secretariat may look, nobody changes through the admin."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedAdminMixin(SecretariatAdminMixin):
    """Append an audit entry for every save and delete made through the admin."""

    def _action(self, obj: models.Model, verb: str) -> str:
        return f"admin.{obj._meta.model_name}.{verb}"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)  # type: ignore[misc]
            record(
                actor=request.user,
                action=self._action(obj, "changed" if change else "created"),
                target=obj,
                conference=conference_of(obj),
                changes=form_changes(form, created=not change),
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            self._record_deletion(request, obj)
            super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        with transaction.atomic():
            for obj in queryset:
                self._record_deletion(request, obj)
            super().delete_queryset(request, queryset)  # type: ignore[misc]

    def _record_deletion(self, request: HttpRequest, obj: models.Model) -> None:
        # The entry is written first (the object still has its key); a conference being
        # deleted is not named as the entry's conference, which would protect it from deletion.
        conference = conference_of(obj)
        record(
            actor=request.user,
            action=self._action(obj, "deleted"),
            target=obj,
            conference=None if conference is obj else conference,
            changes={"deleted": [str(obj), None]},
        )


class AuditedModelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    pass


class ReadOnlyModelAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    pass
