"""Who may see and write regional priorities.

- Regional priorities are as visible as the conference: the public sees those of a public
  conference (RTOs publish them), participants see all.
- An RTO's priorities are written by the secretariat, and by the delegates of a delegation
  that *speaks for the RTO*: either the RTO's own delegation (no key links an organization to
  an RTO, so, as for common proposals in ``negotiation.rules``, it is the delegation whose
  organization's short name is the RTO's code or whose name is the RTO's name), or a
  delegation the secretariat recorded as acting for the RTO at this conference
  (``RtoMandate``, e.g. the administration chairing the RTO's preparation). Merely belonging
  to the region is not enough: a region has dozens of administrations, and each RTO agrees
  its short list before entering it.
- The cap and the mandates are the secretariat's.
"""

from __future__ import annotations

from typing import Any

from accord import rules
from accord.conferences.models import Conference, Delegation
from accord.reference.models import RegionalOrganization
from accord.regional.models import RtoMandate


def can_view_priorities(user: Any, conference: Conference) -> bool:
    return rules.can_view_conference(user, conference)


def can_manage(user: Any, conference: Conference) -> bool:
    return rules.can_manage_conference(user, conference)


def is_rto_delegation(delegation: Delegation, rto: RegionalOrganization) -> bool:
    organization = delegation.organization
    return (
        organization.short_name.strip().casefold() == rto.code.casefold()
        or organization.name.strip().casefold() == rto.name.casefold()
    )


def rtos_written_by(user: Any, conference: Conference) -> set[int]:
    """The ids of the RTOs whose priorities the user writes (every RTO for the secretariat)."""
    who = rules.standing(user, conference)
    every = RegionalOrganization.objects.all()
    if who.secretariat:
        return set(every.values_list("pk", flat=True))
    if not who.delegation_ids:
        return set()
    own = Delegation.objects.filter(pk__in=who.delegation_ids).select_related("organization")
    found = {rto.pk for rto in every for d in own if is_rto_delegation(d, rto)}
    mandated = RtoMandate.objects.filter(
        conference=conference, delegation_id__in=who.delegation_ids
    ).values_list("rto_id", flat=True)
    return found | set(mandated)


def can_write_for_rto(user: Any, conference: Conference, rto: RegionalOrganization) -> bool:
    return rto.pk in rtos_written_by(user, conference)
