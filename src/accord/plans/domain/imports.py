"""Import a working document (already read by the document engine) as a new plan version."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from accord import rules
from accord.audit.domain import actor_label, record
from accord.audit.models import AuditEntry
from accord.conferences.models import Conference, Delegation
from accord.core.actors import user_or_none
from accord.core.errors import DomainError
from accord.engines.brackets import Parsed, anchor, option_of
from accord.engines.consensus import Stated, item_status, latest, place
from accord.engines.documents import model as doc
from accord.negotiation.enums import PositionSource
from accord.negotiation.models import Position
from accord.plans.domain.status import parse_text
from accord.plans.domain.versions import create_action_plan, create_plan_version
from accord.plans.enums import StatusSource
from accord.plans.models import ActionPlan, Comment, PlanItem, PlanVersion, Priority, ProposedChange

_TITLE_MAX = 80


@dataclass
class ImportReport:
    """What an import created (or, on a dry run, would create)."""

    dry_run: bool
    version_number: int | None
    priorities: int = 0
    items: int = 0
    comments: int = 0
    positions: int = 0
    changes: int = 0
    warnings: list[doc.Warning] = field(default_factory=list)


def derive_status(item: doc.Item) -> str:
    """The colour when the file has one; otherwise the rule of ``engines.consensus`` over the
    item's brackets, the positions read from its comments, and its tracked changes."""
    if item.status is not None:
        return str(item.status)
    return rule_status(item)


def rule_status(item: doc.Item) -> str:
    parsed = parse_text(item.text)
    stances = latest(document_stance(position, parsed) for position in item.positions)
    status = item_status(
        parsed, place(parsed, stances).current(), pending_changes=bool(item.changes)
    )
    return str(status)


def document_stance(position: doc.Position, parsed: Parsed) -> Stated:
    """A position read from a comment, tied to the bracket (and option) its quote falls in."""
    bracket = anchor(parsed, position.quoted)
    return Stated(
        position.delegation,
        str(position.stance),
        bracket.text if bracket else "",
        option_of(bracket, position.quoted) if bracket else None,
        position.detail,
    )


def split_title(heading: str) -> tuple[str, str]:
    """``Affordable access: Expand …`` → (``Affordable access``, ``Expand …``)."""
    head, sep, rest = heading.partition(": ")
    if sep and 0 < len(head) <= _TITLE_MAX and rest:
        return head.strip(), rest.strip()
    return heading.strip()[:300], ""


def _check_unique(document: doc.WorkingDocument) -> None:
    """Identifiers must be unique in a version: refuse, naming both places, before writing."""
    entries = [("priority", o.id, o.where) for o in document.objectives]
    entries += [("item", i.id, i.where) for i in document.items()]
    seen: dict[str, str] = {}
    for kind, ident, where in entries:
        if ident in seen:
            raise DomainError(
                f"{kind} {ident} appears twice ({seen[ident]} and {where}); "
                "renumber one before importing",
                field=where,
            )
        seen[ident] = where


def import_working_document(
    *,
    user: Any,
    conference: Conference,
    document: doc.WorkingDocument,
    label: str = "",
    dry_run: bool = False,
) -> ImportReport:
    """Write the document as a new draft version: priorities, items, comments with replies,
    tracked changes as proposals, and positions linked to the conference's delegations.

    All or nothing. A dry run performs the same writes and rolls them back, so it reports
    exactly what a real import would do. Audited: one entry for the import, one per item.
    """
    rules.require(
        rules.can_edit_plan(user, conference),
        "Only the secretariat or a chair imports a working document.",
    )
    _check_unique(document)
    with transaction.atomic():
        plan = ActionPlan.objects.filter(conference=conference).first() or create_action_plan(
            user=user, conference=conference, title=f"{conference.short_name} Action Plan"
        )
        version = create_plan_version(
            user=user, plan=plan, label=label or f"Imported from {_basename(document.source)}"
        )
        version.source = _basename(document.source)[:300]
        version.extras = {
            "title": document.title,
            "preamble": document.preamble,
            "trailing": document.trailing,
        }
        version.save(update_fields=["source", "extras"])
        report = _write(user, conference, version, document)
        record(
            actor=user,
            action="plan.imported",
            target=version,
            conference=conference,
            changes={
                "source": [None, version.source],
                "priorities": [None, report.priorities],
                "items": [None, report.items],
                "comments": [None, report.comments],
                "positions": [None, report.positions],
                "proposed changes": [None, report.changes],
                "warnings": [None, len(report.warnings)],
            },
        )
        if dry_run:
            transaction.set_rollback(True)
            report.dry_run, report.version_number = True, None
    return report


def _basename(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _write(
    user: Any, conference: Conference, version: PlanVersion, document: doc.WorkingDocument
) -> ImportReport:
    report = ImportReport(
        dry_run=False, version_number=version.number, warnings=list(document.warnings)
    )
    priorities = Priority.objects.bulk_create(
        Priority(
            version=version,
            code=objective.id,
            title=split_title(objective.title)[0] or objective.id,
            description=split_title(objective.title)[1],
            notes="\n".join(objective.notes),
            order=index,
        )
        for index, objective in enumerate(document.objectives, start=1)
    )
    pairs = [
        (priority, objective, item, order)
        for priority, objective in zip(priorities, document.objectives, strict=True)
        for order, item in enumerate(objective.items, start=1)
    ]
    items = PlanItem.objects.bulk_create(
        PlanItem(
            version=version,
            priority=priority,
            kind=item.kind,
            code=item.id,
            text=item.text,
            status=derive_status(item),
            derived_status=rule_status(item),
            status_source=StatusSource.DERIVED if item.status is None else StatusSource.DOCUMENT,
            section=str(item.section),
            order=order,
        )
        for priority, _objective, item, order in pairs
    )
    comments = _CommentWriter(version)
    for priority, objective in zip(priorities, document.objectives, strict=True):
        comments.add(objective.comments, priority=priority)
    for row, (_priority, _objective, item, _order) in zip(items, pairs, strict=True):
        comments.add(item.comments, item=row)
    comments.save()
    changes = ProposedChange.objects.bulk_create(
        ProposedChange(
            item=row,
            kind=str(change.kind),
            text=change.text,
            start=change.start,
            end=change.end,
            author=change.author,
            proposed_at=change.date,
        )
        for row, (_p, _o, item, _n) in zip(items, pairs, strict=True)
        for change in item.changes
    )
    delegations = _delegation_index(conference)
    positions = [
        _position(
            version,
            user,
            delegations,
            p,
            comments.source_of(p, priority=priority),
            priority=priority,
        )
        for priority, objective in zip(priorities, document.objectives, strict=True)
        for p in objective.positions
    ] + [
        _position(
            version,
            user,
            delegations,
            p,
            comments.source_of(p, item=row),
            item=row,
            item_revision=row.revision,
            **_anchored(document_stance(p, parse_text(row.text))),
        )
        for row, (_p, _o, item, _n) in zip(items, pairs, strict=True)
        for p in item.positions
    ]
    Position.objects.bulk_create(positions)
    _audit_items(user, conference, items)
    report.priorities, report.items = len(priorities), len(items)
    report.comments, report.changes, report.positions = comments.count, len(changes), len(positions)
    return report


class _CommentWriter:
    """Comments with nested replies, inserted level by level so replies can point to parents."""

    def __init__(self, version: PlanVersion) -> None:
        self.version = version
        self.pending: list[tuple[doc.Comment, dict[str, Any], Comment | None]] = []
        self.saved: list[Comment] = []
        self.by_owner: dict[tuple[str, int | None], list[Comment]] = {}

    def add(self, comments: list[doc.Comment], **owner: Any) -> None:
        self.pending.extend((comment, owner, None) for comment in comments)

    @property
    def count(self) -> int:
        return len(self.saved)

    def source_of(self, position: doc.Position, **owner: Any) -> Comment | None:
        """The comment a position was read from: the first of the owner's holding its line."""
        ((field_name, obj),) = owner.items()
        rows = self.by_owner.get((field_name, obj.pk), [])
        return next((row for row in rows if position.source in row.text), None)

    def save(self) -> None:
        level = self.pending
        while level:
            rows = Comment.objects.bulk_create(
                Comment(
                    version=self.version,
                    parent=parent,
                    author=comment.author,
                    initials=comment.initials,
                    text=comment.text,
                    written_at=comment.date,
                    anchor=comment.anchor or "",
                    order=index,
                    **owner,
                )
                for index, (comment, owner, parent) in enumerate(level)
            )
            self.saved.extend(rows)
            for row in rows:
                key = ("item", row.item_id) if row.item_id else ("priority", row.priority_id)
                self.by_owner.setdefault(key, []).append(row)
            level = [
                (reply, owner, row)
                for (comment, owner, _parent), row in zip(level, rows, strict=True)
                for reply in comment.replies
            ]


def _delegation_index(conference: Conference) -> dict[str, Delegation]:
    """Names a comment may use for a registered delegation: organization, short name,
    country name and ISO code, compared without case."""
    index: dict[str, Delegation] = {}
    for delegation in Delegation.objects.filter(conference=conference).select_related(
        "organization__country"
    ):
        organization = delegation.organization
        names = [organization.name, organization.short_name]
        if organization.country:
            names += [organization.country.name, organization.country.iso3]
        for name in filter(None, names):
            index.setdefault(name.casefold(), delegation)
    return index


def _position(
    version: PlanVersion,
    user: Any,
    delegations: dict[str, Delegation],
    position: doc.Position,
    comment: Comment | None,
    **target: Any,
) -> Position:
    """``target``: the priority or item, and for an item the bracket and option."""
    return Position(
        version=version,
        delegation=delegations.get(position.delegation.casefold()),
        delegation_name=position.delegation,
        detail=position.detail,
        quoted=position.quoted or "",
        source=PositionSource.COMMENT,
        source_text=position.source,
        comment=comment,
        recorded_by=user_or_none(user),
        stance=str(position.stance),
        **target,
    )


def _anchored(stated: Stated) -> dict[str, Any]:
    return {"bracket": stated.bracket, "option": stated.option}


def _audit_items(user: Any, conference: Conference, items: list[PlanItem]) -> None:
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=user_or_none(user),
            actor_name=actor_label(user),
            action="plan.item_imported",
            conference=conference,
            target_type=PlanItem._meta.label_lower,
            target_id=str(item.pk),
            target_repr=str(item),
            changes={"text": [None, item.text], "status": [None, item.status]},
        )
        for item in items
    )
