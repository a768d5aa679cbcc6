"""Exports of a target list, of all a conference's invitees and of its registrations, as CSV
or .xlsx. The list export uses the import's columns (and the state, which an import leaves
out, saying so), so an exported file imports back."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from accord.conferences.models import Conference
from accord.engagement.domain.imports import COLUMNS
from accord.engagement.interfaces.tabular import write_table
from accord.engagement.models import Invitee, Registration, TargetList
from accord.engagement.queries.pipeline import visible_invitees

INVITEE_COLUMNS = (*COLUMNS, "state")
REGISTRATION_COLUMNS = (
    "name",
    "email",
    "organization",
    "region",
    "constituent group",
    "membership category",
    "gender",
    "state",
    "attended",
    "submitted",
)


def _invitee_row(i: Invitee) -> tuple[object, ...]:
    return (
        i.name,
        i.email,
        i.organization_name,
        i.country.iso3 if i.country else "",
        i.constituent_group.code if i.constituent_group else "",
        i.membership_category.code if i.membership_category else "",
        i.gender,
        "yes" if i.star else "no",
        i.owner.get_username() if i.owner else "",
        i.state,
    )


def _with_references(invitees: QuerySet[Invitee]) -> QuerySet[Invitee]:
    return invitees.select_related(
        "target_list", "country", "constituent_group", "membership_category", "owner"
    )


def export_target_list(target_list: TargetList, fmt: str, *, user: Any) -> bytes:
    """The list's invitees the user may see (all of them for those who manage the list)."""
    invitees = _with_references(visible_invitees(user, target_list)).order_by("name", "id")
    return write_table(INVITEE_COLUMNS, (_invitee_row(i) for i in invitees), fmt)


def export_conference_invitees(conference: Conference, fmt: str) -> bytes:
    """Every list's invitees (for the operator), a "list" column first; imports back into
    one list at a time (the import leaves the "list" and "state" columns out, saying so)."""
    invitees = _with_references(
        Invitee.objects.filter(target_list__conference=conference)
    ).order_by("target_list__name", "name", "id")
    rows = ((i.target_list.name, *_invitee_row(i)) for i in invitees)
    return write_table(("list", *INVITEE_COLUMNS), rows, fmt)


def export_registrations(conference: Conference, fmt: str) -> bytes:
    registrations = Registration.objects.filter(conference=conference).select_related(
        "region", "constituent_group", "membership_category"
    )
    rows = [
        (
            r.name,
            r.email,
            r.organization_name,
            r.region.code if r.region else "",
            r.constituent_group.code if r.constituent_group else "",
            r.membership_category.code if r.membership_category else "",
            r.gender,
            r.state,
            "yes" if r.attended else "no",
            r.submitted_at.strftime("%Y-%m-%d %H:%M"),
        )
        for r in registrations.order_by("submitted_at", "id")
    ]
    return write_table(REGISTRATION_COLUMNS, rows, fmt)
