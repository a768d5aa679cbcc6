"""Action Plans and their versions: each version is a full copy, so history stays readable."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Conference
from accord.core.actors import user_or_none
from accord.core.errors import DomainError
from accord.negotiation.models import Position
from accord.plans.domain.status import refresh_statuses
from accord.plans.enums import VersionState
from accord.plans.models import (
    KPI,
    ActionPlan,
    Comment,
    KPIPeriod,
    Linkage,
    PlanVersion,
    ProposedChange,
)


def _require_editor(user: Any, conference: Conference) -> None:
    rules.require(
        rules.can_edit_plan(user, conference),
        gettext("Only the secretariat or a chair changes the Action Plan."),
    )


def create_action_plan(*, user: Any, conference: Conference, title: str) -> ActionPlan:
    """Give a conference its Action Plan (one per conference)."""
    rules.require(
        rules.can_manage_conference(user, conference),
        gettext("Only the secretariat creates the Action Plan."),
    )
    if ActionPlan.objects.filter(conference=conference).exists():
        raise DomainError(
            gettext("%(conference)s already has an Action Plan.") % {"conference": conference},
            field="conference",
        )
    with transaction.atomic():
        plan = ActionPlan.objects.create(conference=conference, title=title)
        record(
            actor=user,
            action="plan.created",
            target=plan,
            conference=conference,
            changes={"title": [None, title]},
        )
    return plan


def create_plan_version(
    *, user: Any, plan: ActionPlan, label: str = "", based_on: PlanVersion | None = None
) -> PlanVersion:
    """Start a new draft version, empty or as a copy of ``based_on`` (tree, KPIs and linkages)."""
    conference = plan.conference
    _require_editor(user, conference)
    if based_on is not None and based_on.plan_id != plan.pk:
        raise DomainError(gettext("The version to copy belongs to another plan."), field="based_on")
    with transaction.atomic():
        # Lock the plan row so two new versions cannot take the same number.
        ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
        number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = PlanVersion.objects.create(
            plan=plan,
            number=number,
            label=label,
            based_on=based_on,
            created_by=user_or_none(user),
        )
        if based_on is not None:
            _copy_tree(based_on, version)
            # Statuses say what changed since the version copied: nothing yet.
            refresh_statuses(version.items.select_related("version"))
        record(
            actor=user,
            action="plan.version_created",
            target=version,
            conference=conference,
            changes={
                "number": [None, number],
                "label": [None, label],
                "based_on": [None, based_on.number if based_on else None],
            },
        )
    return version


def _clone(rows: Iterable[models.Model], **remap: Any) -> dict[int, models.Model]:
    """Bulk-copy rows; return old id → copy.

    ``remap`` names foreign keys to point elsewhere: a model instance (every copy points to it)
    or a mapping old id → copy. Keys to the same model (an output's outcome, a reply's parent)
    are remapped to the copies themselves in a second pass.
    """
    rows = list(rows)
    if not rows:
        return {}
    model = type(rows[0])
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    own_keys = [f for f in fields if f.is_relation and f.related_model is model]
    copies = []
    for row in rows:
        values: dict[str, Any] = {}
        for f in fields:
            old = getattr(row, f.attname)
            if f in own_keys:
                values[f.attname] = None
            elif f.name in remap and isinstance(remap[f.name], models.Model):
                values[f.name] = remap[f.name]
            elif f.name in remap:
                values[f.name] = None if old is None else remap[f.name][old]
            else:
                values[f.attname] = old
        copies.append(model(**values))
    created = model._default_manager.bulk_create(copies)
    mapping = {row.pk: copy for row, copy in zip(rows, created, strict=True)}
    for f in own_keys:
        linked = []
        for row, copy in zip(rows, created, strict=True):
            if getattr(row, f.attname) is not None:
                setattr(copy, f.name, mapping[getattr(row, f.attname)])
                linked.append(copy)
        model._default_manager.bulk_update(linked, [f.name])
    return mapping


def _copy_tree(source: PlanVersion, target: PlanVersion) -> None:
    """Copy the whole version: priorities, items, linkages, KPIs and periods, comments with
    their replies, proposed changes and positions."""
    priorities = _clone(source.priorities.order_by("id"), version=target)
    items = _clone(source.items.order_by("id"), version=target, priority=priorities)
    _clone(Linkage.objects.filter(item__version=source).order_by("id"), item=items)
    kpis = _clone(KPI.objects.filter(item__version=source).order_by("id"), item=items)
    _clone(KPIPeriod.objects.filter(kpi__item__version=source).order_by("id"), kpi=kpis)
    comments = _clone(
        Comment.objects.filter(version=source).order_by("id"),
        version=target,
        priority=priorities,
        item=items,
    )
    _clone(ProposedChange.objects.filter(item__version=source).order_by("id"), item=items)
    _clone(
        Position.objects.filter(version=source).order_by("id"),
        version=target,
        priority=priorities,
        item=items,
        comment=comments,
    )


def set_version_state(*, user: Any, version: PlanVersion, state: str) -> PlanVersion:
    """Circulate or publish a version (secretariat only). A version never goes back to draft."""
    conference = version.plan.conference
    rules.require(
        rules.can_manage_conference(user, conference),
        gettext("Only the secretariat circulates or publishes a version."),
    )
    order = list(VersionState.values)
    if state not in order:
        raise DomainError(
            gettext("Unknown state '%(state)s'; expected one of %(order)s.")
            % {"state": state, "order": order},
            field="state",
        )
    if order.index(state) < order.index(version.state):
        raise DomainError(
            gettext("Version %(number)s is already %(state)s; it cannot become %(state2)s.")
            % {"number": version.number, "state": version.state, "state2": state},
            field="state",
        )
    old = version.state
    with transaction.atomic():
        version.state = state
        version.save(update_fields=["state"])
        record(
            actor=user,
            action="plan.version_state_changed",
            target=version,
            conference=conference,
            changes={"state": [old, state]},
        )
    return version
