"""Reusable reads of the Action Plan, each respecting who may see which version."""

from accord.plans.queries.plan import (
    PriorityView,
    StatusCounts,
    current_version,
    item_detail,
    plan_tree,
    search_items,
    visible_versions,
)

__all__ = [
    "PriorityView",
    "StatusCounts",
    "current_version",
    "item_detail",
    "plan_tree",
    "search_items",
    "visible_versions",
]
