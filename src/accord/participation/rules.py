"""Who may see and change participation figures.

- The dashboard shows aggregate counts and shares only, never a name. The secretariat and
  chairs see it; so do the other participants (delegates, observers), since one-dimension
  totals of a conference's whole attendance identify no one. The public does not.
- Targets and a previous conference's figures: the secretariat only.
"""

from __future__ import annotations

from typing import Any

from accord import rules
from accord.conferences.models import Conference


def can_view_participation(user: Any, conference: Conference) -> bool:
    return rules.standing(user, conference).participant


def can_manage_participation(user: Any, conference: Conference) -> bool:
    return rules.can_manage_conference(user, conference)
