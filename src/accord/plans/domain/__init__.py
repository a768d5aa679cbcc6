"""Writes to the Action Plan. Each function checks rules, owns its transaction and audits."""

from accord.plans.domain.items import StaleEdit, add_item, add_priority, update_item
from accord.plans.domain.linkages import add_linkage, remove_linkage
from accord.plans.domain.results import add_kpi, record_kpi_actual
from accord.plans.domain.versions import create_action_plan, create_plan_version, set_version_state

__all__ = [
    "StaleEdit",
    "add_item",
    "add_kpi",
    "add_linkage",
    "add_priority",
    "create_action_plan",
    "create_plan_version",
    "record_kpi_actual",
    "remove_linkage",
    "set_version_state",
    "update_item",
]
