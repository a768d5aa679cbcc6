"""KPIs with their periods (baseline, target, actual), after the IATI results standard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.core.errors import DomainError
from accord.plans.domain.items import require_draft_editor
from accord.plans.models import KPI, KPIPeriod, PlanItem


@dataclass(frozen=True)
class PeriodInput:
    start: dt.date
    end: dt.date
    baseline: Decimal | None = None
    target: Decimal | None = None
    actual: Decimal | None = None


def add_kpi(
    *,
    user: Any,
    item: PlanItem,
    indicator: str,
    unit: str,
    periods: Iterable[PeriodInput] = (),
    description: str = "",
) -> KPI:
    """Attach a KPI and its periods to an item of a draft version."""
    require_draft_editor(user, item.version)
    if not indicator.strip():
        raise DomainError(gettext("The indicator is empty."), field="indicator")
    periods = list(periods)
    for index, period in enumerate(periods):
        if period.end < period.start:
            raise DomainError(
                gettext("Period %(value)s ends before it starts.") % {"value": index + 1},
                field=f"periods[{index}].end",
            )
    with transaction.atomic():
        kpi = KPI.objects.create(
            item=item,
            indicator=indicator.strip(),
            unit=unit.strip(),
            description=description,
            order=item.kpis.count() + 1,
        )
        KPIPeriod.objects.bulk_create(
            KPIPeriod(
                kpi=kpi,
                start=p.start,
                end=p.end,
                baseline=p.baseline,
                target=p.target,
                actual=p.actual,
            )
            for p in periods
        )
        record(
            actor=user,
            action="plan.kpi_added",
            target=item,
            conference=item.version.plan.conference,
            changes={
                "kpi": [None, kpi.indicator],
                "periods": [
                    None,
                    [f"{p.start}–{p.end}: {p.baseline} → {p.target}" for p in periods],
                ],
            },
        )
    return kpi


def record_kpi_actual(*, user: Any, period: KPIPeriod, actual: Decimal | None) -> KPIPeriod:
    """Record what was achieved in a period. Follow-up happens on published plans, so this is
    allowed on any version, for the secretariat and chairs."""
    conference = period.kpi.item.version.plan.conference
    rules.require(
        rules.can_edit_plan(user, conference),
        gettext("Only the secretariat or a chair records results."),
    )
    old = period.actual
    with transaction.atomic():
        period.actual = actual
        period.save(update_fields=["actual"])
        record(
            actor=user,
            action="plan.kpi_actual_recorded",
            target=period.kpi.item,
            conference=conference,
            changes={
                f"actual {period.start}–{period.end}": [
                    str(old) if old is not None else None,
                    str(actual) if actual is not None else None,
                ]
            },
        )
    return period
