"""Import a working document (already read by the document engine) as a new plan version."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import actor_label, record
from accord.audit.models import AuditEntry
from accord.conferences.models import Conference, Delegation
from accord.core.actors import user_or_none
from accord.core.bulk import insert_rows
from accord.core.errors import DomainError
from accord.engines.brackets import Parsed, anchor, option_of
from accord.engines.consensus import Stated, item_status, latest, place
from accord.engines.documents import model as doc
from accord.engines.gc_pause import gc_paused
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
    return _judge(item)[0]


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
                gettext(
                    "%(kind)s %(ident)s appears twice (%(value)s and %(where)s); "
                    "renumber one before importing"
                )
                % {"kind": kind, "ident": ident, "value": seen[ident], "where": where},
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
        gettext("Only the secretariat or a chair imports a working document."),
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
        with gc_paused():  # some 10,000 rows' values, all alive until written
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
    """Every row of the document, table by table, as plain values (``core.bulk``): a large
    document has some 10,000 rows, and model instances would cost far more than the SQL."""
    priority_ids = insert_rows(
        Priority,
        ("version", "code", "title", "description", "notes", "order"),
        [
            (
                version.pk,
                objective.id,
                *_title_and_description(objective),
                "\n".join(objective.notes),
                index,
            )
            for index, objective in enumerate(document.objectives, start=1)
        ],
    )
    placed = [
        (priority_id, order, item)
        for priority_id, objective in zip(priority_ids, document.objectives, strict=True)
        for order, item in enumerate(objective.items, start=1)
    ]
    items = [item for _priority_id, _order, item in placed]
    judged = [_judge(item) for item in items]
    item_ids = insert_rows(
        PlanItem,
        _ITEM_FIELDS,
        [
            (
                version.pk,
                priority_id,
                item.kind,
                item.id,
                item.text,
                status,
                derived,
                StatusSource.DERIVED if item.status is None else StatusSource.DOCUMENT,
                str(item.section),
                order,
            )
            for (priority_id, order, item), (status, derived, _stated) in zip(
                placed, judged, strict=True
            )
        ],
    )
    comments = _CommentWriter(version)
    for priority_id, objective in zip(priority_ids, document.objectives, strict=True):
        comments.add(objective.comments, "priority", priority_id)
    for item_id, item in zip(item_ids, items, strict=True):
        comments.add(item.comments, "item", item_id)
    comments.save()
    changes = insert_rows(
        ProposedChange,
        ("item", "kind", "text", "start", "end", "author", "proposed_at"),
        [
            (item_id, str(c.kind), c.text, c.start, c.end, c.author, c.date)
            for item_id, item in zip(item_ids, items, strict=True)
            for c in item.changes
        ],
    )
    positions = _write_positions(
        user, conference, version, document, priority_ids, item_ids, items, judged, comments
    )
    _audit_items(user, conference, item_ids, items, [status for status, _d, _s in judged])
    return ImportReport(
        dry_run=False,
        version_number=version.number,
        priorities=len(priority_ids),
        items=len(item_ids),
        comments=comments.count,
        positions=positions,
        changes=len(changes),
        warnings=list(document.warnings),
    )


_ITEM_FIELDS = (
    "version",
    "priority",
    "kind",
    "code",
    "text",
    "status",
    "derived_status",
    "status_source",
    "section",
    "order",
)
_COMMENT_FIELDS = (
    "version",
    "parent",
    "author",
    "initials",
    "text",
    "written_at",
    "anchor",
    "order",
    "item",
    "priority",
)
_POSITION_FIELDS = (
    "version",
    "priority",
    "item",
    "item_revision",
    "bracket",
    "option",
    "delegation",
    "delegation_name",
    "detail",
    "quoted",
    "source",
    "source_text",
    "comment",
    "stance",
    "recorded_by",
)
_AUDIT_FIELDS = (
    "actor",
    "actor_name",
    "action",
    "conference",
    "target_type",
    "target_id",
    "target_repr",
    "changes",
)


def _title_and_description(objective: doc.Objective) -> tuple[str, str]:
    title, description = split_title(objective.title)
    return title or objective.id, description


def _judge(item: doc.Item) -> tuple[str, str, list[Stated]]:
    """(status, derived status, each position's stance) of an item, its text parsed once."""
    parsed = parse_text(item.text)
    stated = [document_stance(position, parsed) for position in item.positions]
    current = place(parsed, latest(stated)).current() if stated else []
    derived = str(item_status(parsed, current, pending_changes=bool(item.changes)))
    return (derived if item.status is None else str(item.status)), derived, stated


class _CommentWriter:
    """Comments with nested replies, inserted level by level so replies can point to parents."""

    def __init__(self, version: PlanVersion) -> None:
        self.version = version
        # (comment, "item" or "priority", the owner's id, the parent comment's id)
        self.pending: list[tuple[doc.Comment, str, int, int | None]] = []
        self.count = 0
        self.by_owner: dict[tuple[str, int], list[tuple[int, str]]] = {}

    def add(self, comments: list[doc.Comment], kind: str, owner_id: int) -> None:
        self.pending.extend((comment, kind, owner_id, None) for comment in comments)

    def source_of(self, position: doc.Position, kind: str, owner_id: int) -> int | None:
        """The comment a position was read from: the first of the owner's holding its line."""
        rows = self.by_owner.get((kind, owner_id), [])
        return next((pk for pk, text in rows if position.source in text), None)

    def save(self) -> None:
        level = self.pending
        version_id = self.version.pk
        while level:
            ids = insert_rows(
                Comment,
                _COMMENT_FIELDS,
                [
                    (
                        version_id,
                        parent,
                        comment.author,
                        comment.initials,
                        comment.text,
                        comment.date,
                        comment.anchor or "",
                        index,
                        owner_id if kind == "item" else None,
                        owner_id if kind == "priority" else None,
                    )
                    for index, (comment, kind, owner_id, parent) in enumerate(level)
                ],
            )
            self.count += len(ids)
            for pk, (comment, kind, owner_id, _parent) in zip(ids, level, strict=True):
                self.by_owner.setdefault((kind, owner_id), []).append((pk, comment.text))
            level = [
                (reply, kind, owner_id, pk)
                for (comment, kind, owner_id, _parent), pk in zip(level, ids, strict=True)
                for reply in comment.replies
            ]


def _write_positions(
    user: Any,
    conference: Conference,
    version: PlanVersion,
    document: doc.WorkingDocument,
    priority_ids: list[int],
    item_ids: list[int],
    items: list[doc.Item],
    judged: list[tuple[str, str, list[Stated]]],
    comments: _CommentWriter,
) -> int:
    """The positions read from comments, linked to the conference's delegations and to the
    comment each came from; on an item, to the bracket and option its quote falls in."""
    delegations = _delegation_index(conference)
    recorder = user_or_none(user)
    recorded_by = recorder.pk if recorder is not None else None
    revision = PlanItem._meta.get_field("revision").get_default()

    def stated_by(position: doc.Position, kind: str, owner_id: int) -> tuple[Any, ...]:
        delegation = delegations.get(position.delegation.casefold())
        return (
            delegation.pk if delegation is not None else None,
            position.delegation,
            position.detail,
            position.quoted or "",
            PositionSource.COMMENT,
            position.source,
            comments.source_of(position, kind, owner_id),
            str(position.stance),
            recorded_by,
        )

    rows = [
        (
            version.pk,
            priority_id,
            None,
            None,
            "",
            None,
            *stated_by(position, "priority", priority_id),
        )
        for priority_id, objective in zip(priority_ids, document.objectives, strict=True)
        for position in objective.positions
    ]
    rows += [
        (
            version.pk,
            None,
            item_id,
            revision,
            stated.bracket,
            stated.option,
            *stated_by(position, "item", item_id),
        )
        for item_id, item, (_status, _derived, stances) in zip(item_ids, items, judged, strict=True)
        for position, stated in zip(item.positions, stances, strict=True)
    ]
    insert_rows(Position, _POSITION_FIELDS, rows)
    return len(rows)


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


def _audit_items(
    user: Any,
    conference: Conference,
    item_ids: list[int],
    items: list[doc.Item],
    statuses: list[str],
) -> None:
    """One entry per item, as ``record`` would write it: an item's history starts here."""
    recorder = user_or_none(user)
    actor_id, actor_name = (recorder.pk if recorder is not None else None), actor_label(user)
    insert_rows(
        AuditEntry,
        _AUDIT_FIELDS,
        [
            (
                actor_id,
                actor_name,
                "plan.item_imported",
                conference.pk,
                PlanItem._meta.label_lower,
                str(item_id),
                item.id,
                {"text": [None, item.text], "status": [None, status]},
            )
            for item_id, item, status in zip(item_ids, items, statuses, strict=True)
        ],
    )
