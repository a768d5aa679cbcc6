"""Reusable reads of the Action Plan, each respecting who may see which version."""

from accord.plans.queries.plan import (
    PriorityView,
    StatusCounts,
    choose_version,
    conference_versions,
    current_version,
    item_detail,
    plan_outline,
    plan_tree,
    priority_items,
    search_items,
    visible_versions,
)

__all__ = [
    "PriorityView",
    "StatusCounts",
    "choose_version",
    "conference_versions",
    "current_version",
    "item_detail",
    "plan_outline",
    "plan_tree",
    "priority_items",
    "search_items",
    "visible_versions",
]
