"""Small presentation helpers for Accord's templates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext_lazy as _

from accord.engines.consensus import leaning
from accord.negotiation.enums import Stance
from accord.plans.enums import ItemStatus, VersionState

register = template.Library()

AUDIT_ACTIONS = {
    "plan.item_added": _("Item added"),
    "plan.item_updated": _("Item changed"),
    "plan.kpi_added": _("KPI added"),
    "plan.kpi_actual_recorded": _("Result recorded"),
    "plan.linkage_added": _("Linkage added"),
    "plan.linkage_removed": _("Linkage removed"),
    "plan.item_status_set": _("Status set"),
    "negotiation.bracket_resolved": _("Bracket settled"),
}


@register.inclusion_tag("accord/_status_badge.html")
def status_badge(status: str) -> dict[str, Any]:
    """A coloured label that also says the status in words (colour is never the only cue)."""
    return {"status": status, "label": ItemStatus(status).label}


@register.inclusion_tag("accord/_state_badge.html")
def state_badge(state: str) -> dict[str, Any]:
    return {"state": state, "label": VersionState(state).label}


@register.filter
def figure(value: Decimal | None) -> str:
    """A KPI value without trailing zeros (68.0000 → 68, 1200.5000 → 1,200.5), localised."""
    if value is None:
        return ""
    places = max(0, -Decimal(value).normalize().as_tuple().exponent)
    return floatformat(value, f"{places}g")


@register.filter
def audit_action(action: str) -> str:
    """A readable name for an audit action, or the action's code when it has none."""
    return str(AUDIT_ACTIONS.get(action, action))


@register.filter
def audit_value(value: Any) -> str:
    """One side of a recorded change, lists joined; None shown as an empty string."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(part) for part in value)
    return str(value)


@register.filter
def stance_label(stance: str) -> str:
    """The translated name of a stance value ("prefer_option" → "Prefers an option")."""
    return str(Stance(stance).label) if stance in Stance.values else stance


@register.filter
def stance_leaning(stance: str) -> str:
    """hold, change, object or neutral: the class that colours a stance."""
    return str(leaning(stance))
