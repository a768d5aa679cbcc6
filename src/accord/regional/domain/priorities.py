"""Writes of regional priorities: an RTO's priorities (within the conference's cap), the cap
itself, and which delegations act for an RTO. Each write checks ``regional.rules``, owns its
transaction and appends to the audit trail."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Conference, Delegation
from accord.core.actors import user_or_none
from accord.core.errors import DomainError
from accord.plans.models import PlanItem
from accord.reference.models import RegionalOrganization
from accord.regional import rules as regional_rules
from accord.regional.models import DEFAULT_CAP, RegionalPriority, RegionalSettings, RtoMandate

MAX_CAP = 50


def cap_of(conference: Conference) -> int:
    """How many priorities each RTO may bring to the conference."""
    found = RegionalSettings.objects.filter(conference=conference).values_list("cap", flat=True)
    return next(iter(found), DEFAULT_CAP)


def rto_by_code(value: RegionalOrganization | str) -> RegionalOrganization:
    """An RTO given as itself or by its code (ATU, CITEL, ASMG, APT, RCC, CEPT)."""
    if isinstance(value, RegionalOrganization):
        return value
    found = RegionalOrganization.objects.filter(code=str(value).strip().upper()).first()
    if found is None:
        codes = ", ".join(RegionalOrganization.objects.values_list("code", flat=True))
        raise DomainError(
            gettext("Unknown RTO '%(value)s'; expected one of %(codes)s.")
            % {"value": value, "codes": codes},
            field="rto",
        )
    return found


def _text(value: str, field: str, limit: int | None, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise DomainError(gettext("The %(field)s is empty.") % {"field": field}, field=field)
    if limit is not None and len(value) > limit:
        raise DomainError(
            gettext("The %(field)s is longer than %(limit)s characters.")
            % {"field": field, "limit": limit},
            field=field,
        )
    return value


def _items(conference: Conference, items: Iterable[PlanItem]) -> list[PlanItem]:
    """The items, each once, checked to be of the conference's plan in one query (not two
    per item)."""
    chosen = {item.pk: item for item in items}
    foreign = (
        PlanItem.objects.filter(pk__in=chosen)
        .exclude(version__plan__conference=conference)
        .order_by("code")
        .values_list("code", flat=True)
        .first()
    )
    if foreign is not None:
        raise DomainError(
            gettext("Plan item %(foreign)s belongs to another conference.") % {"foreign": foreign},
            field="plan_items",
        )
    return list(chosen.values())


def _item_labels(items: Iterable[PlanItem]) -> list[str]:
    """Identifiers for the audit trail, each with its version (an item keeps its identifier
    from version to version), read in one query."""
    rows = PlanItem.objects.filter(pk__in=[item.pk for item in items]).values_list(
        "code", "version__number"
    )
    return sorted(f"{code} (v{number})" for code, number in rows)


def _require_writer(user: Any, conference: Conference, rto: RegionalOrganization) -> None:
    rules.require(
        regional_rules.can_write_for_rto(user, conference, rto),
        gettext(
            "Only the secretariat and the delegations acting for %(code)s write its priorities."
        )
        % {"code": rto.code},
    )


def add_priority(
    *,
    user: Any,
    conference: Conference,
    rto: RegionalOrganization | str,
    code: str,
    title: str,
    text: str = "",
    plan_items: Iterable[PlanItem] = (),
) -> RegionalPriority:
    """Add one of the RTO's priorities, refused beyond the conference's cap. Audited."""
    rto = rto_by_code(rto)
    _require_writer(user, conference, rto)
    code = _text(code, "code", 20)
    title = _text(title, "title", 200)
    text = _text(text, "text", None, required=False)
    items = _items(conference, plan_items)
    with transaction.atomic():
        # Lock the conference row: two writers of one RTO cannot both take the last place.
        Conference.objects.select_for_update().filter(pk=conference.pk).first()
        cap = cap_of(conference)
        held = RegionalPriority.objects.filter(conference=conference, rto=rto).count()
        if held >= cap:
            raise DomainError(
                gettext(
                    "%(code)s already has %(held)s regional priorities; each RTO may bring at "
                    "most %(cap)s to %(short_name)s. Remove or merge one first."
                )
                % {"code": rto.code, "held": held, "cap": cap, "short_name": conference.short_name},
                field="rto",
            )
        if RegionalPriority.objects.filter(conference=conference, rto=rto, code=code).exists():
            raise DomainError(
                gettext("%(code)s already has a priority %(code2)s.")
                % {"code": rto.code, "code2": code},
                field="code",
            )
        priority = RegionalPriority.objects.create(
            conference=conference,
            rto=rto,
            code=code,
            title=title,
            text=text,
            created_by=user_or_none(user),
        )
        priority.plan_items.set(items)
        record(
            actor=user,
            action="regional.priority_added",
            target=priority,
            conference=conference,
            changes={
                "rto": [None, rto.code],
                "code": [None, code],
                "title": [None, title],
                "plan_items": [None, sorted(i.code for i in items)],
            },
        )
    return priority


def update_priority(
    *,
    user: Any,
    priority: RegionalPriority,
    title: str | None = None,
    text: str | None = None,
    plan_items: Iterable[PlanItem] | None = None,
) -> RegionalPriority:
    """Change the title, text or linked items given; all checked before anything changes, so
    a refusal leaves the priority as it was. Linked items are compared by item, not by
    identifier: the same identifier in a newer version is another item. Audited with what
    changed."""
    conference = priority.conference
    _require_writer(user, conference, priority.rto)
    new_title = None if title is None else _text(title, "title", 200)
    new_text = None if text is None else _text(text, "text", None, required=False)
    items = None if plan_items is None else _items(conference, plan_items)
    changes: dict[str, list[Any]] = {}
    fields: list[str] = []
    with transaction.atomic():
        if new_title is not None and new_title != priority.title:
            changes["title"] = [priority.title, new_title]
            priority.title = new_title
            fields.append("title")
        if new_text is not None and new_text != priority.text:
            changes["text"] = [priority.text, new_text]
            priority.text = new_text
            fields.append("text")
        if items is not None:
            before = list(priority.plan_items.all())
            if {i.pk for i in before} != {i.pk for i in items}:
                changes["plan_items"] = [_item_labels(before), _item_labels(items)]
                priority.plan_items.set(items)
        if changes:
            priority.updated_at = timezone.now()
            priority.save(update_fields=[*fields, "updated_at"])
            record(
                actor=user,
                action="regional.priority_changed",
                target=priority,
                conference=conference,
                changes=changes,
            )
    return priority


def remove_priority(*, user: Any, priority: RegionalPriority) -> None:
    conference = priority.conference
    _require_writer(user, conference, priority.rto)
    with transaction.atomic():
        record(
            actor=user,
            action="regional.priority_removed",
            target=priority,
            conference=conference,
            changes={"rto": [priority.rto.code, None], "code": [priority.code, None]},
        )
        priority.delete()


def set_cap(*, user: Any, conference: Conference, cap: int) -> RegionalSettings:
    """Set how many priorities each RTO may bring (secretariat). Lowering it below what an
    RTO already has is refused, naming the RTOs, so no priority is silently over the cap."""
    rules.require(
        regional_rules.can_manage(user, conference),
        gettext("Only the secretariat sets the number of regional priorities."),
    )
    if not 1 <= cap <= MAX_CAP:
        raise DomainError(
            gettext("The cap must be between 1 and %(max_cap)s, not %(cap)s.")
            % {"max_cap": MAX_CAP, "cap": cap},
            field="cap",
        )
    with transaction.atomic():
        # The lock add_priority takes: no priority is added past the new cap meanwhile.
        Conference.objects.select_for_update().filter(pk=conference.pk).first()
        over = [
            code
            for code, held in _held(conference).items()
            if held > cap  # keep the order of the codes
        ]
        if over:
            raise DomainError(
                gettext("%(join)s already have more than %(cap)s priorities; remove some first.")
                % {"join": ", ".join(over), "cap": cap},
                field="cap",
            )
        settings_row, _ = RegionalSettings.objects.get_or_create(conference=conference)
        before = settings_row.cap
        if before != cap:
            settings_row.cap, settings_row.updated_at = cap, timezone.now()
            settings_row.save(update_fields=["cap", "updated_at"])
            record(
                actor=user,
                action="regional.cap_set",
                target=settings_row,
                conference=conference,
                changes={"cap": [before, cap]},
            )
    return settings_row


def _held(conference: Conference) -> dict[str, int]:
    held: dict[str, int] = {}
    for code in RegionalPriority.objects.filter(conference=conference).values_list(
        "rto__code", flat=True
    ):
        held[code] = held.get(code, 0) + 1
    return dict(sorted(held.items()))


def mandate_delegation(
    *, user: Any, rto: RegionalOrganization | str, delegation: Delegation
) -> RtoMandate:
    """Record that ``delegation`` acts for the RTO at its conference (secretariat)."""
    conference = delegation.conference
    rules.require(
        regional_rules.can_manage(user, conference),
        gettext("Only the secretariat records which delegations act for an RTO."),
    )
    rto = rto_by_code(rto)
    with transaction.atomic():
        mandate, created = RtoMandate.objects.get_or_create(
            conference=conference, rto=rto, delegation=delegation
        )
        if created:
            record(
                actor=user,
                action="regional.rto_mandate_given",
                target=mandate,
                conference=conference,
                changes={
                    "rto": [None, rto.code],
                    "delegation": [None, str(delegation.organization)],
                },
            )
    rules.forget_standing(user)
    return mandate


def revoke_mandate(*, user: Any, mandate: RtoMandate) -> None:
    conference = mandate.conference
    rules.require(
        regional_rules.can_manage(user, conference),
        gettext("Only the secretariat records which delegations act for an RTO."),
    )
    with transaction.atomic():
        record(
            actor=user,
            action="regional.rto_mandate_revoked",
            target=mandate,
            conference=conference,
            changes={"rto": [mandate.rto.code, None], "delegation": [mandate.delegation_id, None]},
        )
        mandate.delete()
