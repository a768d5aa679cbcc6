"""Target lists, invitees and the invitation pipeline.

identified → invited → confirmed / declined → registered → attended. Moving forward may skip
steps (someone registers straight from a list); moving back, or between "confirmed" and
"declined", needs a reason, which the audit trail keeps.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.conferences.models import Conference, Organization
from accord.core.errors import DomainError, refused_if_taken
from accord.engagement import rules
from accord.engagement.domain.deadlines import RANK
from accord.engagement.enums import Gender, InviteeState
from accord.engagement.models import Invitee, TargetList
from accord.reference.models import ConstituentGroup, Country, MembershipCategory, Region
from accord.rules import require

STAMP = {state: f"{state}_at" for state in InviteeState.values}
NAME_LIMIT = 200


def create_target_list(
    *,
    user: Any,
    conference: Conference,
    name: str,
    constituent_group: ConstituentGroup | None = None,
    owner: Any = None,
) -> TargetList:
    """A new, empty list (secretariat only); its owner then manages its invitees."""
    require(
        rules.can_manage_engagement(user, conference),
        gettext("Only the secretariat creates target lists."),
    )
    name = checked_list_name(conference, name)
    with transaction.atomic():
        target_list = TargetList.objects.create(
            conference=conference, name=name, constituent_group=constituent_group, owner=owner
        )
        record(
            actor=user,
            action="engagement.list_created",
            target=target_list,
            conference=conference,
            changes={"name": [None, name], "owner": [None, str(owner) if owner else None]},
        )
    return target_list


def add_invitee(
    *,
    user: Any,
    target_list: TargetList,
    name: str,
    email: str,
    organization_name: str = "",
    organization: Organization | None = None,
    country: Country | None = None,
    region: Region | None = None,
    constituent_group: ConstituentGroup | None = None,
    membership_category: MembershipCategory | None = None,
    gender: str = Gender.UNDISCLOSED,
    star: bool = False,
    owner: Any = None,
    notes: str = "",
) -> Invitee:
    """Put someone on a list, as "identified" (the list's owner or the secretariat)."""
    require(
        rules.can_manage_list(user, target_list),
        gettext("Only the secretariat and the list's owner add invitees."),
    )
    name = checked_invitee_name(name)
    email = checked_email(target_list, email)
    checked_gender(gender)
    if region is None and country is not None:
        region = country.region
    with refused_if_taken(_on_the_list(email, target_list)):
        invitee = Invitee.objects.create(
            target_list=target_list,
            name=name,
            email=email,
            organization_name=organization_name.strip()
            or (organization.name if organization else ""),
            organization=organization,
            country=country,
            region=region,
            constituent_group=constituent_group or target_list.constituent_group,
            membership_category=membership_category,
            gender=gender,
            star=star,
            owner=owner if owner is not None else target_list.owner,
            notes=notes,
        )
        record(
            actor=user,
            action="engagement.invitee_added",
            target=invitee,
            conference=target_list.conference,
            changes={"list": [None, target_list.name], "email": [None, email]},
        )
    return invitee


def checked_list_name(
    conference: Conference, name: str, *, other_than: TargetList | None = None
) -> str:
    """A list's name, stripped; refused when empty or taken by another list of the conference."""
    name = name.strip()
    if not name:
        raise DomainError(gettext("A target list needs a name."), field="name")
    if len(name) > NAME_LIMIT:
        raise DomainError(
            gettext("A list's name has at most %(name_limit)s characters.")
            % {"name_limit": NAME_LIMIT},
            field="name",
        )
    taken = TargetList.objects.filter(conference=conference, name=name)
    if other_than is not None:
        taken = taken.exclude(pk=other_than.pk)
    if taken.exists():
        raise DomainError(
            gettext("A target list named '%(name)s' exists.") % {"name": name}, field="name"
        )
    return name


def checked_invitee_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise DomainError(gettext("An invitee needs a name."), field="name")
    if len(name) > NAME_LIMIT:
        raise DomainError(
            gettext("A name has at most %(name_limit)s characters.") % {"name_limit": NAME_LIMIT},
            field="name",
        )
    return name


def checked_email(target_list: TargetList, email: str, *, other_than: Invitee | None = None) -> str:
    """An invitee's address, stripped and lower-cased; refused when it is not an e-mail
    address or another invitee of the list has it."""
    email = email.strip().lower()
    if not email:
        raise DomainError(gettext("An invitee needs an e-mail address."), field="email")
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(
            gettext("'%(email)s' is not an e-mail address.") % {"email": email}, field="email"
        ) from None
    taken = target_list.invitees.filter(email=email)
    if other_than is not None:
        taken = taken.exclude(pk=other_than.pk)
    if taken.exists():
        raise _on_the_list(email, target_list)
    return email


def _on_the_list(email: str, target_list: TargetList) -> DomainError:
    return DomainError(
        gettext("%(email)s is already on the list '%(target_list)s'.")
        % {"email": email, "target_list": target_list},
        field="email",
    )


def checked_gender(gender: str) -> str:
    if gender not in Gender.values:
        raise DomainError(
            gettext("Unknown gender '%(gender)s'; expected one of %(join)s.")
            % {"gender": gender, "join": ", ".join(Gender.values)},
            field="gender",
        )
    return gender


def set_star(*, user: Any, invitee: Invitee, star: bool) -> Invitee:
    require(rules.can_manage_invitee(user, invitee), gettext("You do not manage this invitee."))
    if invitee.star != star:
        with transaction.atomic():
            invitee.star = star
            invitee.save(update_fields=["star"])
            record(
                actor=user,
                action="engagement.invitee_star",
                target=invitee,
                conference=invitee.target_list.conference,
                changes={"star": [not star, star]},
            )
    return invitee


def _is_backwards(old: str, new: str) -> bool:
    return RANK[new] <= RANK[old]


def move_invitee(
    *, user: Any, invitee: Invitee, state: str, reason: str = "", check: bool = True
) -> Invitee:
    """Move an invitee to ``state``, stamping when. A move back (or sideways between
    confirmed and declined) needs a ``reason``. ``check=False`` is for the system's own moves
    (an invitation sent, a registration approved), already authorised by their caller."""
    if check:
        require(rules.can_manage_invitee(user, invitee), gettext("You do not manage this invitee."))
    if state not in InviteeState.values:
        raise DomainError(
            gettext("Unknown state '%(state)s'; expected one of %(join)s.")
            % {"state": state, "join": ", ".join(InviteeState.values)},
            field="state",
        )
    old = invitee.state
    if state == old:
        raise DomainError(
            gettext("%(invitee)s is already %(lower)s.")
            % {"invitee": invitee, "lower": invitee.get_state_display().lower()}
        )
    reason = reason.strip()
    backwards = _is_backwards(old, state)
    if backwards and not reason:
        raise DomainError(
            gettext("Moving %(invitee)s back from %(old)s to %(state)s needs a reason.")
            % {"invitee": invitee, "old": old, "state": state},
            field="reason",
        )
    if RANK[state] > RANK[InviteeState.CONFIRMED] and old == InviteeState.DECLINED and not reason:
        raise DomainError(
            gettext("%(invitee)s declined; say why they now go on to %(state)s.")
            % {"invitee": invitee, "state": state},
            field="reason",
        )
    when = timezone.now()
    fields = ["state", STAMP[state]]
    with transaction.atomic():
        invitee.state = state
        setattr(invitee, STAMP[state], when)
        if backwards:
            # Steps beyond the new state did not happen (any more): clear their stamps.
            for other in InviteeState.values:
                if (
                    other != state
                    and RANK[other] >= RANK[state]
                    and other != InviteeState.IDENTIFIED
                ):
                    setattr(invitee, STAMP[other], None)
                    fields.append(STAMP[other])
        invitee.save(update_fields=sorted(set(fields)))
        changes: dict[str, Any] = {"state": [old, state]}
        if reason:
            changes["reason"] = [None, reason]
        record(
            actor=user,
            action="engagement.invitee_moved",
            target=invitee,
            conference=invitee.target_list.conference,
            changes=changes,
        )
    return invitee
