"""The plan as plain JSON-ready data: a stable contract that the API and ``accord plan show``
share and that users script against. Change the shape only with a new API version."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from accord.plans.models import KPI, KPIPeriod, Linkage, PlanItem, PlanVersion
from accord.plans.queries import plan_tree


def plan_as_dict(version: PlanVersion) -> dict[str, Any]:
    """``{"conference", "version", "priorities": [{"id", "title", "items": [...]}]}``.

    Reads the tree with ``plan_tree`` (a fixed number of queries whatever the plan's size);
    pass a version fetched with ``select_related("plan__conference")`` to save two more.
    """
    return {
        "conference": version.plan.conference.slug,
        "version": version.number,
        "priorities": [
            {
                "id": view.priority.code,
                "title": view.priority.title,
                "items": [item_summary(item) for item in view.items],
            }
            for view in plan_tree(version)
        ],
    }


def item_summary(item: PlanItem) -> dict[str, Any]:
    """One item as it appears in the plan: identifier, kind, status, text and linkages.

    Expects an item from ``plan_tree`` (with ``linkage_list``)."""
    return {
        "id": item.code,
        "kind": item.kind,
        "status": item.status,
        "text": item.text,
        "linkages": [{"type": link.type, "target": link.target} for link in item.linkage_list],
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
