"""Merge the accepted amendments of a version's contributions into a new draft version.

The whole merge is planned before anything is written, so a conflict refuses it with nothing
changed; the writes then happen in one transaction. The version merged from never changes.

Semantics, amendment by amendment in contribution order:

- **modify** replaces the item's text. Several accepted modifications of one item are combined
  word by word (``engines.diff.merge_edits``); a modification written against an older text of
  the item is first carried over to its current text the same way. Two that change the same
  words differently refuse the merge, naming them.
- **delete** removes the item from the new version.
- **move** puts the item at the end of its new priority.
- **add** creates the item at the end of its priority.

A delete accepted together with a modify or move of the same item, two moves of one item to
different priorities, or two adds of one identifier cannot both apply: the merge is refused,
naming them, until the chair rejects one (``queries.contributions.overlapping_amendments``
shows such amendments together before anyone decides).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.core.errors import DomainError
from accord.engines.diff import EditConflict, merge_edits
from accord.negotiation.enums import AmendmentKind, ContributionState, Decision
from accord.negotiation.models import Amendment
from accord.plans.domain import add_item, create_plan_version, update_item
from accord.plans.domain.status import refresh_statuses
from accord.plans.models import PlanItem, PlanVersion, Priority


def _names(amendments: Sequence[Amendment]) -> str:
    return ", ".join(f"#{a.pk} ({a.contribution}: {a})" for a in amendments)


class MergeConflict(DomainError):
    """Accepted amendments that cannot all apply; ``amendments`` holds them."""

    def __init__(self, reason: str, amendments: Sequence[Amendment]) -> None:
        then = "Reject one of them" if len(amendments) > 1 else "Reject it"
        super().__init__(
            f"Cannot merge: {reason}: {_names(amendments)}. {then} and merge again.",
            field="amendments",
        )
        self.amendments = list(amendments)


@dataclass
class _Plan:
    """What the merge will write, worked out before writing."""

    texts: dict[str, str] = field(default_factory=dict)  # item code -> merged text
    deletes: set[str] = field(default_factory=set)
    moves: dict[str, str] = field(default_factory=dict)  # item code -> priority code
    adds: list[Amendment] = field(default_factory=list)
    order: list[tuple[str, str]] = field(default_factory=list)  # (kind, code), first come


def accepted_amendments(version: PlanVersion) -> list[Amendment]:
    """Accepted, not yet merged amendments of the submitted contributions, in contribution
    order; locked until the transaction ends, so two merges cannot apply one amendment twice."""
    return list(
        Amendment.objects.filter(
            contribution__version=version,
            contribution__state=ContributionState.SUBMITTED,
            decision=Decision.ACCEPTED,
            merged_into__isnull=True,
        )
        .select_related("item__priority", "priority", "contribution")
        .select_for_update(of=("self",))
        .order_by("contribution_id", "order", "id")
    )


def _combined_text(item: PlanItem, amendments: list[Amendment]) -> str:
    """The item's current text with every modification applied; MergeConflict otherwise."""
    rebased = []
    for amendment in amendments:
        if amendment.base_text == item.text:
            rebased.append(amendment.text)
            continue
        try:
            rebased.append(merge_edits(amendment.base_text, [item.text, amendment.text]))
        except EditConflict:
            raise MergeConflict(
                gettext("%(code)s changed since the amendment was written, in the same words")
                % {"code": item.code},
                [amendment],
            ) from None
    try:
        return merge_edits(item.text, rebased)
    except EditConflict as conflict:
        clashing = sorted({index for pair in conflict.edits for index in pair})
        raise MergeConflict(
            gettext("they change the same words of %(code)s differently") % {"code": item.code},
            [amendments[index] for index in clashing],
        ) from None


def plan_merge(version: PlanVersion, amendments: list[Amendment]) -> _Plan:
    """Check that the amendments can all apply to ``version`` and work out the result; writes
    nothing."""
    plan = _Plan()
    by_item: dict[str, dict[str, list[Amendment]]] = defaultdict(lambda: defaultdict(list))
    adds: dict[str, list[Amendment]] = defaultdict(list)
    for amendment in amendments:
        if amendment.kind == AmendmentKind.ADD:
            adds[amendment.item_code].append(amendment)
            key = (AmendmentKind.ADD.value, amendment.item_code)
        else:
            if amendment.item is None:
                raise MergeConflict(
                    gettext("%(item_code)s no longer exists") % {"item_code": amendment.item_code},
                    [amendment],
                )
            by_item[amendment.item.code][amendment.kind].append(amendment)
            key = (amendment.kind, amendment.item.code)
        if key not in plan.order:
            plan.order.append(key)
    for code, kinds in by_item.items():
        deletes, modifies, moves = (kinds[k] for k in ("delete", "modify", "move"))
        if deletes and (modifies or moves):
            raise MergeConflict(
                gettext("%(code)s would be deleted and changed") % {"code": code},
                [*deletes, *modifies, *moves],
            )
        if len({a.priority_id for a in moves}) > 1:
            raise MergeConflict(
                gettext("%(code)s would move to different priorities") % {"code": code}, moves
            )
        if deletes:
            plan.deletes.add(code)
        if moves:
            assert moves[0].priority is not None  # add_amendment requires it
            plan.moves[code] = moves[0].priority.code
        if modifies:
            item = modifies[0].item
            assert item is not None
            plan.texts[code] = _combined_text(item, modifies)
    taken = set(version.items.filter(code__in=list(adds)).values_list("code", flat=True))
    for code, proposed in adds.items():
        if len(proposed) > 1:
            raise MergeConflict(gettext("each adds an item %(code)s") % {"code": code}, proposed)
        if code in taken:
            raise MergeConflict(
                gettext("version %(number)s has an item %(code)s by now")
                % {"number": version.number, "code": code},
                proposed,
            )
        plan.adds.append(proposed[0])
    return plan


def merge_contributions(*, user: Any, version: PlanVersion, label: str = "") -> PlanVersion:
    """A new draft version: a copy of ``version`` (priorities, items, KPIs, linkages, comments
    and positions) with every accepted, not yet merged amendment of its submitted contributions
    applied. The applied amendments point to the new version (``merged_into``); rejected and
    pending ones stay as they are. Item statuses of the new version are derived again.

    Audited: one entry for the merge listing the amendments applied, one per item changed.
    Raises NotAllowed (not a chair or the secretariat) and DomainError (nothing to merge, or
    amendments in conflict, naming them; nothing is written then).
    """
    conference = version.plan.conference
    rules.require(
        rules.can_edit_plan(user, conference),
        gettext("Only the secretariat or a chair merges contributions."),
    )
    with transaction.atomic():  # a refusal below rolls back: nothing is written
        amendments = accepted_amendments(version)
        if not amendments:
            raise DomainError(
                gettext("No accepted amendment to version %(number)s awaits merging.")
                % {"number": version.number},
                field="version",
            )
        plan = plan_merge(version, amendments)
        merged = create_plan_version(
            user=user,
            plan=version.plan,
            label=label.strip() or f"v{version.number} with accepted contributions",
            based_on=version,
        )
        _apply(user, merged, plan)
        ids = [a.pk for a in amendments]
        Amendment.objects.filter(pk__in=ids).update(merged_into=merged)
        refresh_statuses(merged.items.all())
        record(
            actor=user,
            action="negotiation.contributions_merged",
            target=merged,
            conference=conference,
            changes={
                "based_on": [None, version.number],
                "amendments": [None, ids],
                "contributions": [None, sorted({a.contribution_id for a in amendments})],
            },
        )
    return merged


def _apply(user: Any, version: PlanVersion, plan: _Plan) -> None:
    items = {item.code: item for item in version.items.select_related("priority")}
    priorities = {p.code: p for p in version.priorities.all()}
    added = {a.item_code: a for a in plan.adds}
    for kind, code in plan.order:
        if kind == AmendmentKind.ADD:
            amendment = added[code]
            assert amendment.priority is not None
            add_item(
                user=user,
                priority=priorities[amendment.priority.code],
                kind=amendment.item_kind,
                code=code,
                text=amendment.text,
            )
        elif kind == AmendmentKind.DELETE:
            _delete(user, items[code])
        elif kind == AmendmentKind.MOVE:
            _move(user, items[code], priorities[plan.moves[code]])
        elif kind == AmendmentKind.MODIFY:
            item = items[code]
            items[code] = update_item(
                user=user, item=item, expected_revision=item.revision, text=plan.texts[code]
            )


def _delete(user: Any, item: PlanItem) -> None:
    record(
        actor=user,
        action="plan.item_deleted",
        target=item,
        conference=item.version.plan.conference,
        changes={"text": [item.text, None], "priority": [item.priority.code, None]},
    )
    item.delete()


def _move(user: Any, item: PlanItem, priority: Priority) -> None:
    old = item.priority.code
    item.priority = priority
    item.order = (priority.items.aggregate(n=Max("order"))["n"] or 0) + 1
    item.save(update_fields=["priority", "order", "updated_at"])
    record(
        actor=user,
        action="plan.item_moved",
        target=item,
        conference=item.version.plan.conference,
        changes={"priority": [old, priority.code]},
    )
