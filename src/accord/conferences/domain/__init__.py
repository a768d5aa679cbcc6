"""Writes about conferences and who takes part. Each function checks rules, owns its transaction
and appends to the audit trail."""

from accord.conferences.domain.conferences import create_conference, update_conference
from accord.conferences.domain.people import (
    add_delegation_member,
    appoint,
    create_delegation,
    create_organization,
    create_person,
    create_secretariat_account,
)

__all__ = [
    "add_delegation_member",
    "appoint",
    "create_conference",
    "create_delegation",
    "create_organization",
    "create_person",
    "create_secretariat_account",
    "update_conference",
]
