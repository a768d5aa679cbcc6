"""Item status: derived by the rule in ``engines.consensus``, or set by a chair.

``PlanItem.status`` is what everyone sees; ``derived_status`` what the rule says;
``status_source`` tells which one ``status`` follows (the rule, the imported document's colour,
or a chair's decision, which ``status_note`` explains).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.core.errors import DomainError
from accord.engines.brackets import Parsed, parse
from accord.engines.consensus import Stated, item_status, place
from accord.engines.gc_pause import gc_paused
from accord.negotiation.models import Position
from accord.plans.enums import ItemStatus, StatusSource, VersionState
from accord.plans.models import PlanItem, ProposedChange


@lru_cache(maxsize=10_000)
def parse_text(text: str) -> Parsed:
    """``engines.brackets.parse``, remembered per text: every status refresh and consensus read
    parses the same texts again, and a Parsed is immutable, so one can be shared."""
    return parse(text)


_WHOLE_VERSION = 100
"""From this many items on, positions are read by version rather than by a list of item ids
(a long IN list costs more than skipping the few rows of other items)."""


def current_stances(items: Sequence[PlanItem]) -> dict[int, list[Stated]]:
    """Each delegation's latest stance per item and bracket, leaving out stances on the whole
    item stated on an earlier revision of its text (they lapse when the text changes)."""
    versions = {item.version_id for item in items}
    version_id = versions.pop() if len(versions) == 1 else None
    return stances_at({item.pk: item.revision for item in items}, version_id=version_id)


def stances_at(
    revision: Mapping[int, int], *, version_id: int | None = None
) -> dict[int, list[Stated]]:
    """``current_stances`` of the items given as id → revision, for reads that load items as
    plain rows (on large plans, building model instances costs more than the rule). Give
    ``version_id`` when all the items belong to that version."""
    positions = Position.objects.all()
    if version_id is not None and len(revision) >= _WHOLE_VERSION:
        positions = positions.filter(version_id=version_id, item__isnull=False)
    else:
        # item__id__in: the same SQL as item_id__in, without normalising every id as a
        # related object (it cost ~10 ms for a 2,000-item version).
        positions = positions.filter(item__id__in=revision)
    rows = (
        positions.annotate(who=Coalesce(F("delegation__organization__name"), F("delegation_name")))
        .order_by("stated_at", "id")
        .values_list("item_id", "who", "stance", "bracket", "option", "detail", "item_revision")
    )
    # The latest word of each delegation on each item and bracket: rows come oldest first,
    # so a later row replaces an earlier one (keeping the place of the delegation's first).
    last: dict[tuple[int, str, str], tuple[Any, ...]] = {}
    for row in rows:
        item_id, who, _stance, bracket, _option, _detail, item_revision = row
        current = revision.get(item_id)
        if current is None or (not bracket and item_revision not in (None, current)):
            continue
        last[(item_id, who, bracket)] = row
    stated: dict[int, list[Stated]] = {}
    for item_id, who, stance, bracket, option, detail, _revision in last.values():
        stated.setdefault(item_id, []).append(Stated(who, stance, bracket, option, detail))
    return stated


def _base_texts(items: Sequence[PlanItem]) -> dict[str, str]:
    version_ids = {item.version_id for item in items}
    if len(version_ids) != 1:
        raise ValueError("Statuses are refreshed one version at a time.")
    version = items[0].version
    if version.based_on_id is None:
        return {}
    base = PlanItem.objects.filter(version_id=version.based_on_id)
    if len(items) < _WHOLE_VERSION:
        base = base.filter(code__in=[item.code for item in items])
    return dict(base.values_list("code", "text"))


def derive_statuses(items: Sequence[PlanItem]) -> dict[int, str]:
    """What the rule says of each item (one version), in a constant number of queries."""
    if not items:
        return {}
    with gc_paused():
        return _derive(items)


def _derive(items: Sequence[PlanItem]) -> dict[int, str]:
    stances = current_stances(items)
    base = _base_texts(items)
    changes = ProposedChange.objects.all()
    if len(items) >= _WHOLE_VERSION:
        changes = changes.filter(item__version_id=items[0].version_id)
    else:
        changes = changes.filter(item__id__in=[item.pk for item in items])
    pending = set(changes.values_list("item_id", flat=True))
    out = {}
    for item in items:
        parsed = parse_text(item.text)
        placed = place(parsed, stances.get(item.pk, ()))
        out[item.pk] = str(
            item_status(
                parsed,
                placed.current(),
                text_changed=item.code in base and base[item.code] != item.text,
                pending_changes=item.pk in pending,
            )
        )
    return out


def refresh_statuses(items: Iterable[PlanItem]) -> list[PlanItem]:
    """Re-apply the rule after positions or texts changed; ``status`` follows it unless the
    document or a chair set it. Returns the items whose derived status changed."""
    items = list(items)
    derived = derive_statuses(items)
    changed = []
    for item in items:
        if item.derived_status != derived[item.pk]:
            item.derived_status = derived[item.pk]
            if item.status_source == StatusSource.DERIVED:
                item.status = item.derived_status
            changed.append(item)
    if changed:
        PlanItem.objects.bulk_update(changed, ["derived_status", "status"])
    return changed


def _require_status_setter(user: Any, item: PlanItem) -> None:
    rules.require(
        rules.can_edit_plan(user, item.version.plan.conference),
        gettext("Only the secretariat or a chair sets an item's status."),
    )
    if item.version.state == VersionState.PUBLISHED:
        raise DomainError(
            gettext("Version %(number)s is published; its statuses are final.")
            % {"number": item.version.number},
            field="status",
        )


def set_item_status(*, user: Any, item: PlanItem, status: str, note: str = "") -> PlanItem:
    """A chair's decision on the status, overriding the rule until cleared. Audited, and shown
    with its note wherever the status is."""
    _require_status_setter(user, item)
    if status not in ItemStatus.values:
        raise DomainError(
            gettext("Unknown status '%(status)s'; expected one of %(values)s.")
            % {"status": status, "values": ItemStatus.values},
            field="status",
        )
    return _set(user, item, status, StatusSource.CHAIR, note.strip()[:300])


def clear_status_override(*, user: Any, item: PlanItem) -> PlanItem:
    """Let the rule decide again."""
    _require_status_setter(user, item)
    (derived,) = derive_statuses([item]).values()
    item.derived_status = derived
    return _set(user, item, derived, StatusSource.DERIVED, "")


def _set(user: Any, item: PlanItem, status: str, source: str, note: str) -> PlanItem:
    fields = ("status", "status_source", "status_note")
    before = {name: getattr(item, name) for name in fields}
    with transaction.atomic():
        item.status, item.status_source, item.status_note = status, source, note
        item.save(update_fields=[*fields, "derived_status", "updated_at"])
        changes = {k: [v, getattr(item, k)] for k, v in before.items() if v != getattr(item, k)}
        if changes:
            record(
                actor=user,
                action="plan.item_status_set",
                target=item,
                conference=item.version.plan.conference,
                changes=changes,
            )
    return item
