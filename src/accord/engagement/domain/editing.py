"""Editing and removing target lists and invitees, without losing what happened.

- An invitee is **removed** only while nothing has happened to them: still "identified", no
  invitation e-mail on record (sent, queued or failed) and no registration. Anyone further
  along is marked declined instead (``pipeline.move_invitee``), which keeps their history.
- A list is **deleted** only when each of its invitees could be removed that way; they go
  with it, each with an audit entry of their own. A list that holds anyone invited or
  registered stays: rename it instead.
- Every change is audited with the old and the new values; an entry outlives what it is about.

Changing an invitee's e-mail address voids the personal links already sent to them (see
``domain.tokens``): invite them again to give them a working one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext, ngettext

from accord.audit.domain import diff, record, snapshot
from accord.core.errors import DomainError
from accord.engagement import rules
from accord.engagement.domain.pipeline import (
    checked_email,
    checked_gender,
    checked_invitee_name,
    checked_list_name,
)
from accord.engagement.enums import InviteeState
from accord.engagement.models import Invitee, TargetList
from accord.rules import require

LIST_FIELDS = ("name", "constituent_group", "owner")
INVITEE_FIELDS = (
    "name",
    "email",
    "organization_name",
    "organization",
    "country",
    "region",
    "constituent_group",
    "membership_category",
    "gender",
    "star",
    "owner",
    "notes",
)


def _known(changes: dict[str, Any], fields: Iterable[str]) -> None:
    unknown = sorted(set(changes) - set(fields))
    if unknown:
        raise DomainError(
            gettext("Unknown field: %(value)s.") % {"value": unknown[0]}, field=unknown[0]
        )


def _save_changes(
    *,
    user: Any,
    instance: models.Model,
    changes: dict[str, Any],
    fields: tuple[str, ...],
    action: str,
    conference: Any,
) -> None:
    """Apply checked ``changes``; save and audit the fields whose value differs."""
    before = snapshot(instance, fields)
    for name, value in changes.items():
        setattr(instance, name, value)
    changed = diff(instance, before, fields)
    if not changed:
        return
    with transaction.atomic():
        instance.save(update_fields=[name for name in fields if name in changed])
        record(actor=user, action=action, target=instance, conference=conference, changes=changed)


def update_target_list(*, user: Any, target_list: TargetList, **changes: Any) -> TargetList:
    """Change the named fields of a list (any of ``LIST_FIELDS``: its name, constituent group,
    owner; secretariat only). The group is the default of invitees added later; those on the
    list keep theirs. Side effects: the list, one audit entry with old and new values (none
    when nothing changed)."""
    require(
        rules.can_edit_list(user, target_list),
        gettext("Only the secretariat renames target lists or changes their group or owner."),
    )
    _known(changes, LIST_FIELDS)
    if "name" in changes:
        changes["name"] = checked_list_name(
            target_list.conference, changes["name"] or "", other_than=target_list
        )
    _save_changes(
        user=user,
        instance=target_list,
        changes=changes,
        fields=LIST_FIELDS,
        action="engagement.list_changed",
        conference=target_list.conference,
    )
    return target_list


def update_invitee(*, user: Any, invitee: Invitee, **changes: Any) -> Invitee:
    """Change the named fields of an invitee (any of ``INVITEE_FIELDS``), as ``add_invitee``
    checks them: an empty constituent group or owner means the list's, an empty region the
    country's (and a new country brings its region along when the region was the old
    country's). Those who manage the invitee edit; handing them to another owner is for
    those who manage the list. Side effects: the invitee, one audit entry with old and new
    values (none when nothing changed)."""
    require(rules.can_manage_invitee(user, invitee), gettext("You do not manage this invitee."))
    _known(changes, INVITEE_FIELDS)
    target_list = invitee.target_list
    if "name" in changes:
        changes["name"] = checked_invitee_name(changes["name"] or "")
    if "email" in changes:
        changes["email"] = checked_email(target_list, changes["email"] or "", other_than=invitee)
    if "gender" in changes:
        checked_gender(changes["gender"])
    for text in ("organization_name", "notes"):
        if text in changes:
            changes[text] = (changes[text] or "").strip()
    if "star" in changes:
        changes["star"] = bool(changes["star"])
    if "constituent_group" in changes and changes["constituent_group"] is None:
        changes["constituent_group"] = target_list.constituent_group
    if "owner" in changes:
        if changes["owner"] is None:
            changes["owner"] = target_list.owner
        if changes["owner"] != invitee.owner:
            require(
                rules.can_reassign_invitee(user, invitee),
                gettext(
                    "Only the secretariat and the list's owner hand an invitee to another owner."
                ),
            )
    country = changes.get("country", invitee.country)
    if "region" in changes:
        if changes["region"] is None and country is not None:
            changes["region"] = country.region
    elif (
        "country" in changes
        and country is not None
        and invitee.region_id == getattr(invitee.country, "region_id", None)
    ):
        changes["region"] = country.region
    _save_changes(
        user=user,
        instance=invitee,
        changes=changes,
        fields=INVITEE_FIELDS,
        action="engagement.invitee_changed",
        conference=target_list.conference,
    )
    return invitee


def removal_refusal(invitee: Invitee) -> str | None:
    """Why the invitee may not be removed (see the module doc), or None when they may."""
    if invitee.state != InviteeState.IDENTIFIED:
        reason = gettext("%(name)s is %(state)s, not just identified")
    elif invitee.sends.exists():
        reason = gettext("%(name)s has an invitation e-mail on record")
    elif invitee.registrations.exists():
        reason = gettext("%(name)s has registered")
    else:
        return None
    return gettext("%(reason)s; mark them declined instead, so their record stays.") % {
        "reason": reason % {"name": invitee.name, "state": invitee.get_state_display().lower()}
    }


def deletion_refusal(target_list: TargetList) -> str | None:
    """Why the list may not be deleted (see the module doc), or None when it may."""
    on_record = (
        target_list.invitees.filter(
            ~Q(state=InviteeState.IDENTIFIED)
            | Q(sends__isnull=False)
            | Q(registrations__isnull=False)
        )
        .distinct()
        .order_by("name", "id")
    )
    names = list(on_record.values_list("name", flat=True))
    if not names:
        return None
    shown = ", ".join(names[:3])
    if len(names) > 3:
        shown = gettext("%(names)s and %(more)s more") % {"names": shown, "more": len(names) - 3}
    return ngettext(
        "The list '%(list)s' cannot be deleted: %(shown)s has been invited or registered, and "
        "a list with invitations on record stays. Rename it instead, or mark them declined.",
        "The list '%(list)s' cannot be deleted: %(shown)s have been invited or registered, and "
        "a list with invitations on record stays. Rename it instead, or mark them declined.",
        len(names),
    ) % {"list": target_list.name, "shown": shown}


def _named(value: object) -> str | None:
    return None if value is None else str(value)


def _removed_changes(invitee: Invitee, reason: str) -> dict[str, list[Any]]:
    return {
        "list": [invitee.target_list.name, None],
        "name": [invitee.name, None],
        "email": [invitee.email, None],
        "state": [invitee.state, None],
        "reason": [None, reason],
    }


def remove_invitee(*, user: Any, invitee: Invitee) -> None:
    """Take an invitee who has not been invited off their list (the list's owner or the
    secretariat); anyone further along is refused, to be marked declined instead. Side
    effects: the invitee is deleted, one audit entry keeps what they were."""
    require(
        rules.can_remove_invitee(user, invitee),
        gettext("Only the secretariat and the list's owner remove invitees."),
    )
    with transaction.atomic():
        current = (
            Invitee.objects.select_for_update().select_related("target_list").get(pk=invitee.pk)
        )
        refusal = removal_refusal(current)
        if refusal:
            raise DomainError(refusal, field="state")
        record(
            actor=user,
            action="engagement.invitee_removed",
            target=current,
            conference=current.target_list.conference,
            changes=_removed_changes(current, "removed from the list"),
        )
        current.delete()


def delete_target_list(*, user: Any, target_list: TargetList) -> None:
    """Delete a list whose invitees are all still only identified, with them (secretariat);
    refused, naming who, when anyone on it was invited or registered. Side effects: the list
    and its invitees are deleted; one audit entry for each invitee and one for the list."""
    require(
        rules.can_edit_list(user, target_list),
        gettext("Only the secretariat deletes target lists."),
    )
    conference = target_list.conference
    with transaction.atomic():
        current = TargetList.objects.select_for_update().get(pk=target_list.pk)
        refusal = deletion_refusal(current)
        if refusal:
            raise DomainError(refusal, field="invitees")
        invitees = list(current.invitees.select_related("target_list").order_by("name", "id"))
        for invitee in invitees:
            record(
                actor=user,
                action="engagement.invitee_removed",
                target=invitee,
                conference=conference,
                changes=_removed_changes(invitee, "the list was deleted"),
            )
        record(
            actor=user,
            action="engagement.list_deleted",
            target=current,
            conference=conference,
            changes={
                "name": [current.name, None],
                "constituent_group": [_named(current.constituent_group), None],
                "owner": [_named(current.owner), None],
                "invitees": [len(invitees), None],
            },
        )
        current.delete()
