"""Who may see and write a contribution.

- a **draft** is seen only by the members of the submitting delegation and of the co-sponsoring
  delegations, who write it together, and by the account that created it (a chair typing in a
  paper contribution for a delegation); other delegations, chairs and the secretariat do not
  see it;
- once **submitted** (even if later withdrawn) it is seen by everyone who may read its version.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext

from accord import rules
from accord.conferences.models import Conference, Delegation
from accord.core.actors import user_or_none
from accord.core.errors import DomainError
from accord.negotiation.enums import ContributionState
from accord.negotiation.models import Contribution
from accord.reference.models import RegionalOrganization


def _user_pk(user: Any) -> int | None:
    return getattr(user_or_none(user), "pk", None)


def is_author(user: Any, contribution: Contribution) -> bool:
    """A member of the submitting or a co-sponsoring delegation, or the contribution's creator.

    Uses ``contribution.cosponsors`` as prefetched when it is."""
    who = rules.standing(user, contribution.version.plan.conference)
    if contribution.delegation_id in who.delegation_ids:
        return True
    if contribution.created_by_id is not None and contribution.created_by_id == _user_pk(user):
        return True
    return any(d.pk in who.delegation_ids for d in contribution.cosponsors.all())


def can_view_contribution(user: Any, contribution: Contribution) -> bool:
    """Submitted: whoever reads the version. Draft: its authors only (see the module)."""
    if not rules.can_view_version(user, contribution.version):
        return False
    return contribution.submitted_at is not None or is_author(user, contribution)


def visible_contributions_filter(user: Any, conference: Conference) -> Q:
    """``can_view_contribution`` as a filter on Contribution, for the lists (the caller has
    already limited them to versions the user may read)."""
    ids = rules.standing(user, conference).delegation_ids
    cosponsored = Contribution.cosponsors.through.objects.filter(delegation_id__in=ids)
    condition = (
        Q(submitted_at__isnull=False)
        | Q(delegation_id__in=ids)
        | Q(pk__in=cosponsored.values("contribution_id"))
    )
    pk = _user_pk(user)
    return condition | Q(created_by_id=pk) if pk is not None else condition


def can_edit_contribution(user: Any, contribution: Contribution) -> bool:
    """Its authors write a draft together; nobody changes a submitted one."""
    return (
        contribution.state == ContributionState.DRAFT
        and rules.can_view_version(user, contribution.version)
        and is_author(user, contribution)
    )


def can_submit_contribution(user: Any, contribution: Contribution) -> bool:
    """Submitting (or withdrawing) speaks for the submitting delegation: co-sponsors may write
    the draft, but only someone who acts for the submitting delegation tables it."""
    return is_author(user, contribution) and rules.can_act_for_delegation(
        user, contribution.delegation
    )


def may_speak_for_rto(delegation: Delegation, rto: RegionalOrganization) -> bool:
    """A delegation tables an RTO's common proposal when it belongs to the RTO's region (its
    organization's region, or its country's) or is the RTO itself. No key links an organization
    to an RTO, so the RTO's own delegation is recognised by its short name being the RTO's code
    (``ATU``) or its name being the RTO's name."""
    organization = delegation.organization
    country = organization.country
    region_id = organization.region_id or (country.region_id if country else None)
    if region_id is not None and region_id == rto.region_id:
        return True
    return (
        organization.short_name.strip().casefold() == rto.code.casefold()
        or organization.name.strip().casefold() == rto.name.casefold()
    )


def require_may_speak_for_rto(delegation: Delegation, rto: RegionalOrganization | None) -> None:
    """Refuse a common proposal of ``rto`` tabled by a delegation that may not speak for it."""
    if rto is not None and not may_speak_for_rto(delegation, rto):
        raise DomainError(
            gettext(
                "%(organization)s is neither in the region of %(code)s "
                "(%(region)s) nor %(code)s itself."
            )
            % {"organization": delegation.organization, "code": rto.code, "region": rto.region},
            field="on_behalf_of",
        )
