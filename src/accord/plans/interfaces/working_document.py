"""Adapt a plan version to the document engine's WorkingDocument, so every writer (docx, JSON,
HTML, PDF) can export what is in the database."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Prefetch

from accord.engines.documents import model as doc
from accord.engines.documents.bracket_spans import scan_brackets
from accord.negotiation.models import Position
from accord.plans.models import Comment, Linkage, PlanItem, PlanVersion, ProposedChange


def _comments(rows: list[Comment]) -> list[doc.Comment]:
    """Rebuild reply threads from the flat rows of one owner."""
    children: dict[int | None, list[Comment]] = defaultdict(list)
    for row in rows:
        children[row.parent_id].append(row)

    def convert(row: Comment) -> doc.Comment:
        return doc.Comment(
            author=row.author,
            text=row.text,
            raw_author=row.author,
            initials=row.initials,
            date=row.written_at,
            anchor=row.anchor or None,
            replies=[convert(child) for child in children[row.pk]],
        )

    return [convert(row) for row in children[None]]


def _positions(rows: list[Position]) -> list[doc.Position]:
    return [
        doc.Position(
            delegation=row.delegation_name,
            stance=doc.Stance(row.stance),
            detail=row.detail,
            quoted=row.quoted or None,
            source=row.source_text,
        )
        for row in rows
    ]


def version_as_document(version: PlanVersion) -> doc.WorkingDocument:
    """The whole version as a WorkingDocument, in a fixed number of queries."""
    conference = version.plan.conference
    extras = version.extras or {}
    comments_by_item: dict[int, list[Comment]] = defaultdict(list)
    comments_by_priority: dict[int, list[Comment]] = defaultdict(list)
    for row in Comment.objects.filter(version=version).order_by("order", "id"):
        if row.item_id:
            comments_by_item[row.item_id].append(row)
        else:
            comments_by_priority[row.priority_id].append(row)
    positions_by_item: dict[int, list[Position]] = defaultdict(list)
    positions_by_priority: dict[int, list[Position]] = defaultdict(list)
    for row in Position.objects.filter(version=version).order_by("id"):
        if row.item_id:
            positions_by_item[row.item_id].append(row)
        else:
            positions_by_priority[row.priority_id].append(row)
    links_by_item: dict[int, list[doc.Link]] = defaultdict(list)
    for item_id, type_, target, note in (
        Linkage.objects.filter(item__version=version)
        .order_by("type", "target")
        .values_list("item_id", "type", "target", "note")
    ):
        links_by_item[item_id].append(doc.Link(type=type_, target=target, note=note))
    items_by_priority: dict[int, list[PlanItem]] = defaultdict(list)
    for item in version.items.prefetch_related(
        Prefetch("proposed_changes", queryset=ProposedChange.objects.order_by("start", "id"))
    ).order_by("order", "id"):
        items_by_priority[item.priority_id].append(item)

    objectives = []
    for priority in version.priorities.order_by("order", "id"):
        heading = priority.title
        if priority.description:
            heading = f"{heading}: {priority.description}"
        objective = doc.Objective(
            id=priority.code,
            title=heading,
            comments=_comments(comments_by_priority[priority.pk]),
            positions=_positions(positions_by_priority[priority.pk]),
            notes=[line for line in priority.notes.splitlines() if line.strip()],
        )
        for item in items_by_priority[priority.pk]:
            objective.items.append(
                doc.Item(
                    id=item.code,
                    kind=item.kind,
                    text=item.text,
                    section=doc.Section(item.section),
                    status=doc.Status(item.status),
                    brackets=scan_brackets(item.text)[0],
                    comments=_comments(comments_by_item[item.pk]),
                    positions=_positions(positions_by_item[item.pk]),
                    changes=[
                        doc.TrackedChange(
                            kind=doc.ChangeKind(change.kind),
                            text=change.text,
                            start=change.start,
                            end=change.end,
                            author=change.author,
                            date=change.proposed_at,
                        )
                        for change in item.proposed_changes.all()
                    ],
                    linkages=links_by_item[item.pk],
                )
            )
        objectives.append(objective)
    return doc.WorkingDocument(
        title=extras.get("title") or f"{conference.name} – {version.plan.title}",
        objectives=objectives,
        preamble=list(extras.get("preamble", [])),
        trailing=list(extras.get("trailing", [])),
        source=f"{conference.slug} v{version.number}",
    )
