"""Contributions: changes to a plan version proposed by a delegation (with co-sponsors, or as
the common proposal of an RTO's region), written as a draft, submitted, then decided amendment
by amendment. Nothing here is ever deleted: rejected and withdrawn proposals stay on record.

Who sees and writes what is decided in ``negotiation.rules``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Conference, Delegation
from accord.core.actors import user_or_none
from accord.core.errors import DomainError, NotFound
from accord.negotiation.domain.positions import record_position
from accord.negotiation.enums import (
    AmendmentKind,
    ContributionState,
    Decision,
    PositionSource,
    Stance,
)
from accord.negotiation.models import Amendment, Contribution
from accord.negotiation.rules import (
    can_edit_contribution,
    can_submit_contribution,
    can_view_contribution,
    require_may_speak_for_rto,
)
from accord.plans.enums import ItemKind
from accord.plans.models import PlanItem, PlanVersion, Priority
from accord.reference.models import RegionalOrganization

# The stance a submitted amendment records for its delegation on the item it concerns.
STANCE_OF = {
    AmendmentKind.MODIFY: Stance.MODIFY,
    AmendmentKind.DELETE: Stance.REMOVE,
    AmendmentKind.MOVE: Stance.MERGE_MOVE,
    AmendmentKind.ADD: Stance.INSERT,
}


def require_visible(user: Any, contribution: Contribution) -> None:
    """NotFound, not NotAllowed: a draft's existence does not leak to other delegations."""
    if not can_view_contribution(user, contribution):
        raise NotFound(
            gettext("There is no contribution %(pk)s that you may see.") % {"pk": contribution.pk},
            field="id",
        )


# --- Writes ---------------------------------------------------------------------------------


def _text(value: str, field: str, *, limit: int | None = None, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise DomainError(
            gettext("The %(replace)s is empty.") % {"replace": field.replace("_", " ")}, field=field
        )
    if limit is not None and len(value) > limit:
        raise DomainError(
            gettext("The %(replace)s is longer than %(limit)s characters.")
            % {"replace": field.replace("_", " "), "limit": limit},
            field=field,
        )
    return value


def _cosponsors(
    conference: Conference, delegation: Delegation, cosponsors: Iterable[Delegation]
) -> list[Delegation]:
    chosen: dict[int, Delegation] = {}
    for cosponsor in cosponsors:
        if cosponsor.conference_id != conference.pk:
            raise DomainError(
                gettext("%(cosponsor)s is not at %(conference)s.")
                % {"cosponsor": cosponsor, "conference": conference},
                field="cosponsors",
            )
        if cosponsor.pk == delegation.pk:
            raise DomainError(
                gettext("%(organization)s submits the contribution; it cannot also co-sponsor it.")
                % {"organization": delegation.organization},
                field="cosponsors",
            )
        chosen[cosponsor.pk] = cosponsor
    return list(chosen.values())


def create_contribution(
    *,
    user: Any,
    version: PlanVersion,
    delegation: Delegation,
    title: str,
    summary: str = "",
    cosponsors: Iterable[Delegation] = (),
    on_behalf_of: RegionalOrganization | None = None,
    reference: str = "",
) -> Contribution:
    """Start a draft contribution to ``version`` for ``delegation``, which only its authors see
    until it is submitted. Delegates write for their own delegation; chairs and the
    secretariat for any. Audited."""
    conference = version.plan.conference
    if not rules.can_view_version(user, version):
        raise NotFound(
            gettext("%(conference)s has no such version that you may read.")
            % {"conference": conference},
            field="version",
        )
    if delegation.conference_id != conference.pk:
        raise DomainError(
            gettext("%(delegation)s is not at %(conference)s.")
            % {"delegation": delegation, "conference": conference},
            field="delegation",
        )
    rules.require(
        rules.can_act_for_delegation(user, delegation),
        gettext("You write contributions for your own delegation only."),
    )
    title = _text(title, "title", limit=300)
    reference = _text(reference, "reference", limit=60, required=False)
    chosen = _cosponsors(conference, delegation, cosponsors)
    require_may_speak_for_rto(delegation, on_behalf_of)
    with transaction.atomic():
        contribution = Contribution.objects.create(
            version=version,
            reference=reference,
            title=title,
            summary=summary.strip(),
            delegation=delegation,
            on_behalf_of=on_behalf_of,
            created_by=user_or_none(user),
        )
        contribution.cosponsors.set(chosen)
        record(
            actor=user,
            action="negotiation.contribution_created",
            target=contribution,
            conference=conference,
            changes={
                "version": [None, version.number],
                "delegation": [None, delegation.organization.name],
                "title": [None, title],
                "cosponsors": [None, sorted(d.organization.name for d in chosen)],
                "on_behalf_of": [None, on_behalf_of.code if on_behalf_of else None],
            },
        )
    return contribution


def _require_editable(user: Any, contribution: Contribution) -> None:
    require_visible(user, contribution)
    if contribution.state != ContributionState.DRAFT:
        raise DomainError(
            gettext("%(contribution)s is %(lower)s; its amendments can no longer change.")
            % {"contribution": contribution, "lower": contribution.get_state_display().lower()},
            field="contribution",
        )
    rules.require(
        can_edit_contribution(user, contribution),
        gettext("Only the delegations that write a contribution change it."),
    )


def _own_item(contribution: Contribution, item: PlanItem | None, kind: str) -> PlanItem:
    if item is None:
        raise DomainError(gettext("Say which item to %(kind)s.") % {"kind": kind}, field="item")
    if item.version_id != contribution.version_id:
        raise DomainError(
            gettext("%(code)s belongs to another version than the contribution's.")
            % {"code": item.code},
            field="item",
        )
    if contribution.amendments.filter(item=item).exists():
        raise DomainError(
            gettext("This contribution already has an amendment of %(code)s; change that one.")
            % {"code": item.code},
            field="item",
        )
    return item


def _own_priority(contribution: Contribution, priority: Priority | None) -> Priority:
    if priority is None:
        raise DomainError(gettext("Say under which priority the item goes."), field="priority")
    if priority.version_id != contribution.version_id:
        raise DomainError(
            gettext("Priority %(code)s belongs to another version than the contribution's.")
            % {"code": priority.code},
            field="priority",
        )
    return priority


def add_amendment(
    *,
    user: Any,
    contribution: Contribution,
    kind: str,
    item: PlanItem | None = None,
    text: str = "",
    priority: Priority | None = None,
    item_code: str = "",
    item_kind: str = "",
    note: str = "",
) -> Amendment:
    """Add one proposed change to a draft: ``modify`` an item's text, ``delete`` an item,
    ``move`` it under another ``priority``, or ``add`` a new item ``item_code`` of
    ``item_kind``. A modification keeps the text and revision it was written against, so it
    can be shown as a redline and merged after the text moved on. Audited."""
    _require_editable(user, contribution)
    values: dict[str, Any] = {"kind": kind, "note": note.strip()}
    if kind == AmendmentKind.MODIFY:
        item = _own_item(contribution, item, "modify")
        text = _text(text, "text")
        if text == item.text:
            raise DomainError(
                gettext("The proposed text is %(code)s's text: it changes nothing.")
                % {"code": item.code},
                field="text",
            )
        values |= {"text": text, "base_text": item.text, "base_revision": item.revision}
    elif kind == AmendmentKind.DELETE:
        item = _own_item(contribution, item, "delete")
        values |= {"base_text": item.text, "base_revision": item.revision}
    elif kind == AmendmentKind.MOVE:
        item = _own_item(contribution, item, "move")
        priority = _own_priority(contribution, priority)
        if priority.pk == item.priority_id:
            raise DomainError(
                gettext("%(code)s is already under %(code2)s.")
                % {"code": item.code, "code2": priority.code},
                field="priority",
            )
        values |= {"priority": priority, "base_text": item.text, "base_revision": item.revision}
    elif kind == AmendmentKind.ADD:
        item = None
        item_code = _text(item_code, "item_code", limit=20)
        if any(ch.isspace() for ch in item_code):
            raise DomainError(
                gettext("The identifier '%(item_code)s' contains spaces.")
                % {"item_code": item_code},
                field="item_code",
            )
        if contribution.version.items.filter(code=item_code).exists():
            raise DomainError(
                gettext("Item %(item_code)s already exists in version %(number)s.")
                % {"item_code": item_code, "number": contribution.version.number},
                field="item_code",
            )
        if contribution.amendments.filter(kind=AmendmentKind.ADD, item_code=item_code).exists():
            raise DomainError(
                gettext("This contribution already adds an item %(item_code)s.")
                % {"item_code": item_code},
                field="item_code",
            )
        if item_kind not in ItemKind.values:
            raise DomainError(
                gettext("Unknown item kind '%(item_kind)s'; expected outcome or output.")
                % {"item_kind": item_kind},
                field="item_kind",
            )
        values |= {
            "priority": _own_priority(contribution, priority),
            "text": _text(text, "text"),
            "item_code": item_code,
            "item_kind": item_kind,
        }
    else:
        raise DomainError(
            gettext("Unknown kind '%(kind)s'; expected one of %(join)s.")
            % {"kind": kind, "join": ", ".join(AmendmentKind.values)},
            field="kind",
        )
    if item is not None:
        values |= {"item": item, "item_code": item.code, "item_kind": item.kind}
    with transaction.atomic():
        order = (contribution.amendments.aggregate(n=Max("order"))["n"] or 0) + 1
        amendment = Amendment.objects.create(contribution=contribution, order=order, **values)
        record(
            actor=user,
            action="negotiation.amendment_added",
            target=amendment,
            conference=contribution.version.plan.conference,
            changes={
                "contribution": [None, str(contribution)],
                "kind": [None, kind],
                "item": [None, amendment.item_code],
                "priority": [None, amendment.priority.code if amendment.priority else None],
                "text": [None, amendment.text or None],
            },
        )
    return amendment


def submit_contribution(*, user: Any, contribution: Contribution) -> Contribution:
    """Table a draft: from now on everyone who reads the version sees it, and each amendment
    of an existing item is recorded as the submitting delegation's position on that item
    (source: this contribution). A proposed new item has no item to hold a position yet."""
    require_visible(user, contribution)
    rules.require(
        can_submit_contribution(user, contribution),
        gettext("Only the submitting delegation submits its contribution."),
    )
    if contribution.state != ContributionState.DRAFT:
        raise DomainError(
            gettext("%(contribution)s is already %(lower)s.")
            % {"contribution": contribution, "lower": contribution.get_state_display().lower()},
            field="state",
        )
    amendments = list(contribution.amendments.select_related("item__version__plan__conference"))
    if not amendments:
        raise DomainError(gettext("The contribution proposes no change yet."), field="amendments")
    with transaction.atomic():
        contribution.state = ContributionState.SUBMITTED
        contribution.submitted_at = timezone.now()
        contribution.save(update_fields=["state", "submitted_at"])
        record(
            actor=user,
            action="negotiation.contribution_submitted",
            target=contribution,
            conference=contribution.version.plan.conference,
            changes={"state": [ContributionState.DRAFT, ContributionState.SUBMITTED]},
        )
        for amendment in amendments:
            if amendment.item is None:
                continue
            record_position(
                user=user,
                item=amendment.item,
                delegation=contribution.delegation,
                stance=STANCE_OF[AmendmentKind(amendment.kind)],
                detail=amendment.note or contribution.title,
                source=PositionSource.CONTRIBUTION,
                stated_at=contribution.submitted_at,
                contribution=contribution,
            )
    return contribution


def withdraw_contribution(*, user: Any, contribution: Contribution) -> Contribution:
    """The submitting delegation takes its contribution back. It stays on record (and so do
    the positions its submission recorded); none of its amendments is merged any more. Refused
    once an amendment was merged into a version."""
    require_visible(user, contribution)
    rules.require(
        can_submit_contribution(user, contribution),
        gettext("Only the submitting delegation withdraws its contribution."),
    )
    if contribution.state == ContributionState.WITHDRAWN:
        raise DomainError(
            gettext("%(contribution)s is already withdrawn.") % {"contribution": contribution},
            field="state",
        )
    merged = contribution.amendments.filter(merged_into__isnull=False).first()
    if merged is not None:
        raise DomainError(
            gettext("%(merged)s was already merged into a new version; the contribution stays.")
            % {"merged": merged},
            field="state",
        )
    old = contribution.state
    with transaction.atomic():
        contribution.state = ContributionState.WITHDRAWN
        contribution.save(update_fields=["state"])
        record(
            actor=user,
            action="negotiation.contribution_withdrawn",
            target=contribution,
            conference=contribution.version.plan.conference,
            changes={"state": [old, ContributionState.WITHDRAWN]},
        )
    return contribution


def decide_amendment(
    *, user: Any, amendment: Amendment, decision: str, note: str = ""
) -> Amendment:
    """A chair's (or the secretariat's) decision on one amendment of a submitted contribution:
    accepted ones are applied by the next merge; rejected ones stay on record. A decision may
    change until the amendment is merged. Audited."""
    contribution = amendment.contribution
    conference = contribution.version.plan.conference
    rules.require(
        rules.can_edit_plan(user, conference),
        gettext("Only the secretariat or a chair decides on amendments."),
    )
    require_visible(user, contribution)
    if contribution.state != ContributionState.SUBMITTED:
        raise DomainError(
            gettext("%(contribution)s is %(lower)s; only submitted contributions are decided on.")
            % {"contribution": contribution, "lower": contribution.get_state_display().lower()},
            field="decision",
        )
    if decision not in Decision.values:
        raise DomainError(
            gettext("Unknown decision '%(decision)s'; expected one of %(join)s.")
            % {"decision": decision, "join": ", ".join(Decision.values)},
            field="decision",
        )
    if amendment.merged_into_id is not None:
        raise DomainError(
            gettext("%(amendment)s was already merged into a new version; its decision is final.")
            % {"amendment": amendment},
            field="decision",
        )
    note = note.strip()
    before = {"decision": amendment.decision, "decision_note": amendment.decision_note}
    with transaction.atomic():
        amendment.decision = decision
        amendment.decision_note = note
        amendment.decided_by = user_or_none(user)
        amendment.decided_at = timezone.now()
        amendment.save(update_fields=["decision", "decision_note", "decided_by", "decided_at"])
        record(
            actor=user,
            action="negotiation.amendment_decided",
            target=amendment,
            conference=conference,
            changes={
                key: [old, getattr(amendment, key)]
                for key, old in before.items()
                if old != getattr(amendment, key)
            },
        )
    return amendment
