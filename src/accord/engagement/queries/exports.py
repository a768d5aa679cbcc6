"""Exports of a target list and of a conference's registrations, as CSV or .xlsx. The list
export uses the import's columns, so an exported file imports back."""

from __future__ import annotations

from accord.conferences.models import Conference
from accord.engagement.domain.imports import COLUMNS
from accord.engagement.interfaces.tabular import write_table
from accord.engagement.models import Registration, TargetList

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


def export_target_list(target_list: TargetList, fmt: str) -> bytes:
    invitees = target_list.invitees.select_related(
        "country", "constituent_group", "membership_category", "owner"
    ).order_by("name", "id")
    rows = [
        (
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
        for i in invitees
    ]
    return write_table(INVITEE_COLUMNS, rows, fmt)


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
