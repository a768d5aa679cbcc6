"""The plan as plain JSON-ready data: a stable contract that the API and ``accord plan show``
share and that users script against. Change the shape only with a new API version."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from accord.plans.models import KPI, KPIPeriod, Linkage, PlanItem, PlanVersion


def plan_as_dict(version: PlanVersion) -> dict[str, Any]:
    """``{"conference", "version", "priorities": [{"id", "title", "items": [...]}]}``.

    Three queries whatever the plan's size, reading plain values rather than model objects:
    building a thousand items as objects took most of the time of a large plan.
    """
    linkages: dict[int, list[dict[str, str]]] = defaultdict(list)
    for item_id, type_, target in (
        Linkage.objects.filter(item__version=version)
        .order_by("type", "target")
        .values_list("item_id", "type", "target")
    ):
        linkages[item_id].append({"type": type_, "target": target})
    items: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for pk, priority_id, code, kind, status, text in (
        PlanItem.objects.filter(version=version)
        .order_by("order", "id")
        .values_list("pk", "priority_id", "code", "kind", "status", "text")
    ):
        items[priority_id].append(
            {"id": code, "kind": kind, "status": status, "text": text, "linkages": linkages[pk]}
        )
    return {
        "conference": version.plan.conference.slug,
        "version": version.number,
        "priorities": [
            {"id": code, "title": title, "items": items[pk]}
            for pk, code, title in version.priorities.order_by("order", "id").values_list(
                "pk", "code", "title"
            )
        ],
    }


def item_detail_as_dict(item: PlanItem) -> dict[str, Any]:
    """One item with everything an editor needs: revision, outcome, outputs, KPIs, linkage ids.

    Expects the item from ``plans.queries.item_detail`` (related rows already fetched).
    """
    version = item.version
    return {
        "conference": version.plan.conference.slug,
        "version": version.number,
        "id": item.code,
        "kind": item.kind,
        "status": item.status,
        "status_by_rule": item.derived_status,
        "status_source": item.status_source,
        "status_note": item.status_note,
        "text": item.text,
        "revision": item.revision,
        "updated_at": item.updated_at.isoformat(),
        "priority": {"id": item.priority.code, "title": item.priority.title},
        "outcome": item.outcome.code if item.outcome_id else None,
        "outputs": [output.code for output in item.outputs.all()],
        "linkages": [linkage_as_dict(link) for link in item.linkages.all()],
        "kpis": [kpi_as_dict(kpi) for kpi in item.kpis.all()],
    }


def linkage_as_dict(link: Linkage) -> dict[str, Any]:
    return {"id": link.pk, "type": link.type, "target": link.target, "note": link.note}


def kpi_as_dict(kpi: KPI) -> dict[str, Any]:
    return {
        "indicator": kpi.indicator,
        "unit": kpi.unit,
        "description": kpi.description,
        "periods": [period_as_dict(period) for period in kpi.periods.all()],
    }


def period_as_dict(period: KPIPeriod) -> dict[str, Any]:
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "baseline": _number(period.baseline),
        "target": _number(period.target),
        "actual": _number(period.actual),
    }


def _number(value: Decimal | None) -> int | float | None:
    """Decimals as JSON numbers: whole values as integers (``45``, not ``"45.0000"``)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
