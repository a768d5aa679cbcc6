"""Suggest links for an item, and accept or reject a suggestion.

Suggestions come from the linkage engine, above its calibrated confidence only. An item keeps
one row per (type, target): pending until someone decides; accepting makes the Linkage;
rejecting keeps the row, so the link is not suggested again — for this item, nor for the item
with the same identifier in later versions of the plan. A link the item already has is not
suggested. Suggesting again replaces the pending rows with what the engine says now. Only the
secretariat and chairs, on a draft. Every write is atomic and audited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.core.actors import user_or_none
from accord.core.errors import DomainError
from accord.linkages.domain.suggester import current_suggester
from accord.linkages.enums import SuggestionState
from accord.linkages.models import LinkSuggestion
from accord.linkages.queries import pending_suggestions
from accord.linkages.rules import can_judge_suggestions
from accord.plans.domain.linkages import add_linkage
from accord.plans.enums import LinkageType, VersionState
from accord.plans.models import Linkage, PlanItem, PlanVersion
from accord.rules import require

TOP = 3
"""Suggestions kept per kind (goals, targets, WSIS lines) and item."""
MAX_EVIDENCE = 10

KIND_TO_TYPE = {
    "sdg_goal": LinkageType.SDG,
    "sdg_target": LinkageType.SDG_TARGET,
    "wsis": LinkageType.WSIS,
}

Key = tuple[str, str]


@dataclass(frozen=True)
class Candidate:
    """One suggestion as the engine made it, in the platform's terms."""

    type: str
    target: str
    score: float
    evidence: list[str]
    reference: str

    @property
    def key(self) -> Key:
        return (self.type, self.target)


def require_judge(user: Any, version: PlanVersion) -> None:
    """Only the secretariat or a chair, and only on a draft (only drafts change)."""
    require(
        can_judge_suggestions(user, version),
        gettext("Only the secretariat or a chair suggests, accepts or rejects links."),
    )
    if version.state != VersionState.DRAFT:
        raise DomainError(
            gettext(
                "Version %(number)s is %(state)s and can no longer change; "
                "links are suggested for drafts."
            )
            % {"number": version.number, "state": version.state},
            field="version",
        )


def item_text(item: PlanItem) -> str:
    """What the engine reads: the item's text (its identifier carries no meaning)."""
    return item.text


def candidates(found: Any) -> list[Candidate]:
    """The engine's ``Suggestions`` as candidates, best first within each kind."""
    out = []
    for group in (found.goals, found.targets, found.wsis):
        for suggestion in group:
            type_ = KIND_TO_TYPE.get(suggestion.kind)
            if type_ is None:
                continue
            out.append(
                Candidate(
                    type=type_,
                    target=str(suggestion.code),
                    score=round(float(suggestion.score), 4),
                    evidence=[str(e) for e in suggestion.evidence][:MAX_EVIDENCE],
                    reference=str(suggestion.reference or ""),
                )
            )
    return out


@dataclass
class _Known:
    """What a version's items already have: links, suggestions, and rejections by item code."""

    linked: dict[int, set[Key]]
    rows: dict[int, dict[Key, LinkSuggestion]]
    rejected: dict[str, set[Key]]


def _known(version: PlanVersion, items: Sequence[PlanItem]) -> _Known:
    """Three queries, whatever the number of items."""
    ids = [item.pk for item in items]
    linked: dict[int, set[Key]] = defaultdict(set)
    for item_id, type_, target in Linkage.objects.filter(item_id__in=ids).values_list(
        "item_id", "type", "target"
    ):
        linked[item_id].add((type_, target))
    rows: dict[int, dict[Key, LinkSuggestion]] = defaultdict(dict)
    for row in LinkSuggestion.objects.filter(item_id__in=ids):
        rows[row.item_id][(row.type, row.target)] = row
    rejected: dict[str, set[Key]] = defaultdict(set)
    codes = {item.code for item in items}
    for code, type_, target in LinkSuggestion.objects.filter(
        item__version__plan_id=version.plan_id,
        item__code__in=codes,
        state=SuggestionState.REJECTED,
    ).values_list("item__code", "type", "target"):
        rejected[code].add((type_, target))
    return _Known(linked=linked, rows=rows, rejected=rejected)


@dataclass(frozen=True)
class StoreResult:
    created: int
    updated: int
    removed: int
    pending: dict[int, list[Key]]
    """Per item id, the pending (type, target) pairs after storing, best first."""


def store_suggestions(
    version: PlanVersion,
    found: Iterable[tuple[PlanItem, list[Candidate]]],
    *,
    method: str,
) -> StoreResult:
    """Replace the pending suggestions of each item with its candidates, leaving out links
    the item has and links decided before (accepted, or rejected for an item of that
    identifier in any version of the plan). In bulk: a fixed number of queries. The caller
    holds the transaction and audits."""
    pairs = list(found)
    known = _known(version, [item for item, _ in pairs])
    now = timezone.now()
    to_create: list[LinkSuggestion] = []
    to_update: list[LinkSuggestion] = []
    to_remove: list[int] = []
    pending: dict[int, list[Key]] = {}
    for item, proposed in pairs:
        rows = known.rows.get(item.pk, {})
        excluded = known.linked.get(item.pk, set()) | known.rejected.get(item.code, set())
        excluded |= {key for key, row in rows.items() if row.state != SuggestionState.PENDING}
        keep = [c for c in proposed if c.key not in excluded]
        keep.sort(key=lambda c: -c.score)
        wanted = {c.key for c in keep}
        for key, row in rows.items():
            if row.state == SuggestionState.PENDING and key not in wanted:
                to_remove.append(row.pk)
        for candidate in keep:
            stored = rows.get(candidate.key)
            if stored is None:
                to_create.append(
                    LinkSuggestion(
                        item=item,
                        type=candidate.type,
                        target=candidate.target,
                        score=candidate.score,
                        evidence=candidate.evidence,
                        reference=candidate.reference,
                        method=method,
                        created_at=now,
                    )
                )
            else:
                stored.score, stored.evidence, stored.reference = (
                    candidate.score,
                    candidate.evidence,
                    candidate.reference,
                )
                stored.method, stored.created_at = method, now
                to_update.append(stored)
        pending[item.pk] = [c.key for c in keep]
    if to_remove:
        LinkSuggestion.objects.filter(pk__in=to_remove).delete()
    if to_update:
        LinkSuggestion.objects.bulk_update(
            to_update, ["score", "evidence", "reference", "method", "created_at"], batch_size=500
        )
    if to_create:
        LinkSuggestion.objects.bulk_create(to_create, batch_size=500)
    return StoreResult(
        created=len(to_create), updated=len(to_update), removed=len(to_remove), pending=pending
    )


def _label(key: Key) -> str:
    return f"{key[0]}:{key[1]}"


def suggest_links(*, user: Any, item: PlanItem, suggester: Any = None) -> list[LinkSuggestion]:
    """Ask the engine which SDGs, SDG targets and WSIS lines the item serves and keep its
    confident suggestions as pending, replacing the earlier pending ones; returns them,
    best first. ``suggester`` defaults to the process's cached one. Audited."""
    version = item.version
    require_judge(user, version)
    engine = suggester if suggester is not None else current_suggester()
    proposed = candidates(engine.suggest(item_text(item), top=TOP))
    with transaction.atomic():
        before = sorted(
            _label((t, g))
            for t, g in item.link_suggestions.filter(state=SuggestionState.PENDING).values_list(
                "type", "target"
            )
        )
        stored = store_suggestions(version, [(item, proposed)], method=engine.method)
        after = sorted(_label(key) for key in stored.pending[item.pk])
        record(
            actor=user,
            action="linkages.suggested",
            target=item,
            conference=version.plan.conference,
            changes={"pending": [before, after], "method": [None, engine.method]},
        )
    return pending_suggestions(item)


def _locked(suggestion: LinkSuggestion) -> LinkSuggestion:
    """The suggestion as stored now, locked until the transaction ends (two people deciding
    at once: the second sees the first's decision)."""
    return LinkSuggestion.objects.select_for_update().get(pk=suggestion.pk)


def _require_pending(suggestion: LinkSuggestion) -> None:
    if suggestion.state != SuggestionState.PENDING:
        raise DomainError(
            gettext("The suggested link to %(get_type_display)s %(target)s was already %(state)s.")
            % {
                "get_type_display": suggestion.get_type_display(),
                "target": suggestion.target,
                "state": suggestion.state,
            },
            field="suggestion",
        )


def accept_suggestion(*, user: Any, suggestion: LinkSuggestion) -> Linkage:
    """Make the suggested link (through ``add_linkage``, which checks the target against the
    reference data) and mark the suggestion accepted. If someone linked the same target by
    hand meanwhile, that link is kept. Audited."""
    item = suggestion.item
    version = item.version
    require_judge(user, version)
    with transaction.atomic():
        current = _locked(suggestion)
        _require_pending(current)
        linkage = item.linkages.filter(type=current.type, target=current.target).first()
        if linkage is None:
            linkage = add_linkage(user=user, item=item, type=current.type, target=current.target)
        current.state = SuggestionState.ACCEPTED
        current.decided_by = user_or_none(user)
        current.decided_at = timezone.now()
        current.save(update_fields=["state", "decided_by", "decided_at"])
        record(
            actor=user,
            action="linkages.suggestion_accepted",
            target=item,
            conference=version.plan.conference,
            changes={
                "suggestion": [None, _label((current.type, current.target))],
                "score": [None, current.score],
                "method": [None, current.method],
            },
        )
    _copy_decision(current, suggestion)
    return linkage


def reject_suggestion(*, user: Any, suggestion: LinkSuggestion, reason: str = "") -> LinkSuggestion:
    """Mark the suggestion rejected, with why; the link is not suggested again for the item.
    Audited."""
    item = suggestion.item
    version = item.version
    require_judge(user, version)
    reason = reason.strip()
    with transaction.atomic():
        current = _locked(suggestion)
        _require_pending(current)
        current.state = SuggestionState.REJECTED
        current.decided_by = user_or_none(user)
        current.decided_at = timezone.now()
        current.reason = reason
        current.save(update_fields=["state", "decided_by", "decided_at", "reason"])
        record(
            actor=user,
            action="linkages.suggestion_rejected",
            target=item,
            conference=version.plan.conference,
            changes={
                "suggestion": [None, _label((current.type, current.target))],
                "reason": [None, reason],
            },
        )
    _copy_decision(current, suggestion)
    return suggestion


def _copy_decision(source: LinkSuggestion, target: LinkSuggestion) -> None:
    """Keep the caller's object (with its loaded item) up to date."""
    for name in ("state", "decided_by_id", "decided_at", "reason"):
        setattr(target, name, getattr(source, name))
