"""Priorities and their outcomes and outputs. Only a draft version changes."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.core.errors import DomainError
from accord.plans.domain.status import refresh_statuses
from accord.plans.enums import ItemKind, ItemStatus, StatusSource, VersionState
from accord.plans.models import PlanItem, PlanVersion, Priority
from accord.plans.signals import touch_version


class StaleEdit(DomainError):
    """The item changed since the editor loaded it; carries the current item to show them."""

    def __init__(self, current: PlanItem) -> None:
        super().__init__(
            f"{current.code} was changed by someone else (now revision {current.revision}); "
            "review their change before saving yours.",
            field="revision",
        )
        self.current = current


def require_draft_editor(user: Any, version: PlanVersion) -> None:
    """Only the secretariat or a chair edits, and only a draft: circulated text is frozen."""
    rules.require(
        rules.can_edit_plan(user, version.plan.conference),
        gettext("Only the secretariat or a chair changes the Action Plan."),
    )
    if version.state != VersionState.DRAFT:
        raise DomainError(
            gettext(
                "Version %(number)s is %(state)s and can no longer change; "
                "start a new version from it."
            )
            % {"number": version.number, "state": version.state},
            field="version",
        )


def _check_status(status: str) -> str:
    if status not in ItemStatus.values:
        raise DomainError(
            gettext("Unknown status '%(status)s'; expected one of %(values)s.")
            % {"status": status, "values": ItemStatus.values},
            field="status",
        )
    return status


def _non_empty(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise DomainError(gettext("The %(field)s is empty.") % {"field": field}, field=field)
    if field == "code" and any(ch.isspace() for ch in value):
        raise DomainError(
            gettext("The identifier '%(value)s' contains spaces.") % {"value": value}, field=field
        )
    return value


def add_priority(
    *, user: Any, version: PlanVersion, code: str, title: str, description: str = ""
) -> Priority:
    """Append a priority (objective) to a draft version."""
    require_draft_editor(user, version)
    code = _non_empty(code, "code")
    if version.priorities.filter(code=code).exists():
        raise DomainError(
            gettext("Priority %(code)s already exists in this version.") % {"code": code},
            field="code",
        )
    with transaction.atomic():
        order = (version.priorities.aggregate(n=Max("order"))["n"] or 0) + 1
        priority = Priority.objects.create(
            version=version,
            code=code,
            title=_non_empty(title, "title"),
            description=description,
            order=order,
        )
        record(
            actor=user,
            action="plan.priority_added",
            target=priority,
            conference=version.plan.conference,
            changes={"code": [None, code], "title": [None, priority.title]},
        )
    return priority


def add_item(
    *,
    user: Any,
    priority: Priority,
    kind: str,
    code: str,
    text: str,
    status: str | None = None,
    outcome: PlanItem | None = None,
) -> PlanItem:
    """Append an outcome or output to a priority; an output may name the outcome it serves.

    The status follows the rule (``plans.domain.status``) unless ``status`` says otherwise,
    which then stands as the editor's decision.
    """
    version = priority.version
    require_draft_editor(user, version)
    code = _non_empty(code, "code")
    if kind not in ItemKind.values:
        raise DomainError(
            gettext("Unknown kind '%(kind)s'; expected outcome or output.") % {"kind": kind},
            field="kind",
        )
    if status is not None:
        _check_status(status)
    if version.items.filter(code=code).exists():
        raise DomainError(
            gettext("Item %(code)s already exists in this version.") % {"code": code}, field="code"
        )
    if outcome is not None and (kind != ItemKind.OUTPUT or outcome.kind != ItemKind.OUTCOME):
        raise DomainError(gettext("Only an output serves an outcome."), field="outcome")
    if outcome is not None and outcome.version_id != version.pk:
        raise DomainError(gettext("The outcome belongs to another version."), field="outcome")
    with transaction.atomic():
        order = (priority.items.aggregate(n=Max("order"))["n"] or 0) + 1
        item = PlanItem.objects.create(
            version=version,
            priority=priority,
            kind=kind,
            code=code,
            text=_non_empty(text, "text"),
            outcome=outcome,
            order=order,
        )
        refresh_statuses([item])
        if status is not None and status != item.status:
            item.status, item.status_source = status, StatusSource.CHAIR
            item.save(update_fields=["status", "status_source"])
        record(
            actor=user,
            action="plan.item_added",
            target=item,
            conference=version.plan.conference,
            changes={
                "kind": [None, kind],
                "text": [None, item.text],
                "status": [None, item.status],
                "outcome": [None, outcome.code if outcome else None],
            },
        )
    return item


def update_item(
    *,
    user: Any,
    item: PlanItem,
    expected_revision: int,
    text: str | None = None,
    status: str | None = None,
) -> PlanItem:
    """Change an item's text and/or status, refusing a save based on an outdated revision.

    Raises StaleEdit (with the current item) when someone saved in between: no lost update.
    """
    require_draft_editor(user, item.version)
    changes: dict[str, Any] = {}
    if text is not None:
        changes["text"] = _non_empty(text, "text")
    if status is not None:
        changes["status"] = _check_status(status)
        changes["status_source"] = StatusSource.CHAIR
    if not changes:
        raise DomainError(gettext("Nothing to change: give a new text or status."), field="text")
    with transaction.atomic():
        current = PlanItem.objects.select_for_update().get(pk=item.pk)
        if current.revision != expected_revision:
            raise StaleEdit(current)
        audit = {
            k: [getattr(current, k), v] for k, v in changes.items() if getattr(current, k) != v
        }
        if not audit:
            return current
        updated = PlanItem.objects.filter(pk=item.pk, revision=expected_revision).update(
            revision=F("revision") + 1, updated_at=timezone.now(), **changes
        )
        if updated != 1:  # SQLite has no row lock: the conditional update is the guard there
            raise StaleEdit(PlanItem.objects.get(pk=item.pk))
        current.refresh_from_db()
        if "text" in audit:
            refresh_statuses([current])
        touch_version(current.version_id)
        record(
            actor=user,
            action="plan.item_updated",
            target=current,
            conference=item.version.plan.conference,
            changes=audit,
        )
    return current
