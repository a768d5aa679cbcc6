"""Who may see and judge suggested links: the people who edit the plan's drafts (the
secretariat and chairs). Suggestions are working material of the draft, so the people who
may not see drafts (delegates, observers, the public) do not see them either."""

from __future__ import annotations

from typing import Any

from accord import rules
from accord.plans.enums import VersionState


def can_judge_suggestions(user: Any, version: Any) -> bool:
    """Ask for suggestions, accept or reject them (the domain also requires a draft)."""
    return rules.can_edit_plan(user, version.plan.conference)


def can_view_suggestions(user: Any, version: Any) -> bool:
    return VersionState.DRAFT in rules.visible_version_states(user, version.plan.conference)
