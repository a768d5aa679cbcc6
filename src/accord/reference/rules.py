"""Who may change reference data: the secretariat (and operators, who act with its rights).
Reference data is shared by every conference, so no chair of one conference changes it."""

from __future__ import annotations

from typing import Any

from accord import rules


def can_import_reference(user: Any) -> bool:
    return rules.is_secretariat(user)
