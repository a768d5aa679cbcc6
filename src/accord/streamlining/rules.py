"""Who may streamline: the people who edit the plan (the secretariat and chairs). Delegates
propose merges through contributions of their own; this page compares the whole plan."""

from __future__ import annotations

from typing import Any

from accord import rules
from accord.conferences.models import Conference


def can_streamline(user: Any, conference: Conference) -> bool:
    return rules.can_edit_plan(user, conference)
