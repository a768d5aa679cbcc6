"""Action Plans and their versions: each version is a full copy, so history stays readable."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Conference
from accord.core.errors import DomainError
from accord.plans.enums import VersionState
from accord.plans.models import KPI, ActionPlan, KPIPeriod, Linkage, PlanItem, PlanVersion, Priority


def _require_editor(user: Any, conference: Conference) -> None:
    rules.require(
        rules.can_edit_plan(user, conference),
        "Only the secretariat or a chair changes the Action Plan.",
    )


def create_action_plan(*, user: Any, conference: Conference, title: str) -> ActionPlan:
    """Give a conference its Action Plan (one per conference)."""
    rules.require(
        rules.can_manage_conference(user, conference),
        "Only the secretariat creates the Action Plan.",
    )
    if ActionPlan.objects.filter(conference=conference).exists():
        raise DomainError(f"{conference} already has an Action Plan.", field="conference")
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
        raise DomainError("The version to copy belongs to another plan.", field="based_on")
    with transaction.atomic():
        # Lock the plan row so two new versions cannot take the same number.
        ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
        number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = PlanVersion.objects.create(
            plan=plan,
            number=number,
            label=label,
            based_on=based_on,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        if based_on is not None:
            _copy_tree(based_on, version)
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


def _copy_tree(source: PlanVersion, target: PlanVersion) -> None:
    """Copy priorities, items, outcome links, KPIs, periods and linkages with bulk inserts."""
    priorities = list(source.priorities.all())
    new_priorities = Priority.objects.bulk_create(
        Priority(
            version=target, code=p.code, title=p.title, description=p.description, order=p.order
        )
        for p in priorities
    )
    priority_map = {old.pk: new for old, new in zip(priorities, new_priorities, strict=True)}
    items = list(source.items.select_related("outcome").order_by("id"))
    new_items = PlanItem.objects.bulk_create(
        PlanItem(
            version=target,
            priority=priority_map[i.priority_id],
            kind=i.kind,
            code=i.code,
            text=i.text,
            order=i.order,
            status=i.status,
        )
        for i in items
    )
    by_code = {item.code: item for item in new_items}
    with_outcome = []
    for old, new in zip(items, new_items, strict=True):
        if old.outcome is not None:
            new.outcome = by_code[old.outcome.code]
            with_outcome.append(new)
    PlanItem.objects.bulk_update(with_outcome, ["outcome"])
    item_map = {old.pk: new for old, new in zip(items, new_items, strict=True)}
    Linkage.objects.bulk_create(
        Linkage(item=item_map[link.item_id], type=link.type, target=link.target, note=link.note)
        for link in Linkage.objects.filter(item__version=source)
    )
    kpis = list(KPI.objects.filter(item__version=source).order_by("id"))
    new_kpis = KPI.objects.bulk_create(
        KPI(
            item=item_map[k.item_id],
            indicator=k.indicator,
            unit=k.unit,
            description=k.description,
            order=k.order,
        )
        for k in kpis
    )
    kpi_map = {old.pk: new for old, new in zip(kpis, new_kpis, strict=True)}
    KPIPeriod.objects.bulk_create(
        KPIPeriod(
            kpi=kpi_map[p.kpi_id],
            start=p.start,
            end=p.end,
            baseline=p.baseline,
            target=p.target,
            actual=p.actual,
        )
        for p in KPIPeriod.objects.filter(kpi__item__version=source)
    )


def set_version_state(*, user: Any, version: PlanVersion, state: str) -> PlanVersion:
    """Circulate or publish a version (secretariat only). A version never goes back to draft."""
    conference = version.plan.conference
    rules.require(
        rules.can_manage_conference(user, conference),
        "Only the secretariat circulates or publishes a version.",
    )
    order = list(VersionState.values)
    if state not in order:
        raise DomainError(f"Unknown state '{state}'; expected one of {order}.", field="state")
    if order.index(state) < order.index(version.state):
        raise DomainError(
            f"Version {version.number} is already {version.state}; it cannot become {state}.",
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
