"""Writes about regional priorities."""

from accord.regional.domain.priorities import (
    add_priority,
    cap_of,
    mandate_delegation,
    remove_priority,
    revoke_mandate,
    rto_by_code,
    set_cap,
    update_priority,
)

__all__ = [
    "add_priority",
    "cap_of",
    "mandate_delegation",
    "remove_priority",
    "revoke_mandate",
    "rto_by_code",
    "set_cap",
    "update_priority",
]
