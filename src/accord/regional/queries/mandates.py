"""Reads of the delegations acting for an RTO: the secretariat's records, in a fixed number of
queries however many there are."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext

from accord import rules
from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.regional import rules as regional_rules
from accord.regional.models import RtoMandate


def require_manager(user: Any, conference: Conference) -> None:
    rules.require(
        regional_rules.can_manage(user, conference),
        gettext("Only the secretariat sees and records which delegations act for an RTO."),
    )


def mandates_of(user: Any, conference: Conference) -> QuerySet[RtoMandate]:
    """The conference's mandates by RTO and delegation (secretariat only)."""
    require_manager(user, conference)
    return (
        RtoMandate.objects.filter(conference=conference)
        .select_related("rto__region", "delegation__organization", "conference")
        .order_by("rto__code", "delegation__organization__name", "id")
    )


def find_mandate(user: Any, conference: Conference, mandate_id: int) -> RtoMandate:
    found = mandates_of(user, conference).filter(pk=mandate_id).first()
    if found is None:
        raise NotFound(
            gettext("%(short_name)s has no RTO mandate %(mandate_id)s.")
            % {"short_name": conference.short_name, "mandate_id": mandate_id},
            field="mandate",
        )
    return found
