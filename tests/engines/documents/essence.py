"""What a round trip must keep of a WorkingDocument, as plain data that compares exactly."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from accord.engines.documents.bracket_spans import scan_brackets
from accord.engines.documents.model import (
    Comment,
    Position,
    TrackedChange,
    WorkingDocument,
    flatten_comments,
)
from accord.engines.documents.positions import read_positions


def comments(found: list[Comment]) -> list[Any]:
    return [(c.author, c.text, comments(c.replies)) for c in found]


def changes(found: list[TrackedChange]) -> list[Any]:
    return [(c.kind.value, c.text, c.start, c.end, c.author, c.date) for c in found]


def essence(document: WorkingDocument) -> dict[str, Any]:
    """Title, objectives, items (id, kind, text, section, status, brackets), comments with
    replies, tracked changes and positions."""
    return {
        "title": document.title,
        "comments": comments(document.comments),
        "objectives": [
            (
                o.id,
                o.title,
                comments(o.comments),
                [(p.delegation, p.stance.value, p.detail) for p in o.positions],
                [
                    (
                        i.id,
                        i.kind,
                        i.text,
                        i.section.value,
                        i.status.value if i.status else None,
                        [(b.start, b.end) for b in i.brackets],
                        comments(i.comments),
                        changes(i.changes),
                        [(p.delegation, p.stance.value, p.detail, p.quoted) for p in i.positions],
                    )
                    for i in o.items
                ],
            )
            for o in document.objectives
        ],
    }


def in_layout_order(document: WorkingDocument) -> WorkingDocument:
    """The document with each priority's items in the order the writer lays them out: section
    by section (in order of first appearance), outcomes before outputs."""
    objectives = []
    for objective in document.objectives:
        sections: dict[str, list] = {}
        for item in objective.items:
            sections.setdefault(item.section.value, []).append(item)
        items = [
            item
            for group in sections.values()
            for item in sorted(group, key=lambda i: i.kind == "output")
        ]
        objectives.append(replace(objective, items=items))
    return replace(document, objectives=objectives)


def with_derived(document: WorkingDocument) -> WorkingDocument:
    """A hand-made document with what reading derives filled in: bracket spans and positions."""
    for objective in document.objectives:
        objective.positions = _positions(objective.comments)
        for item in objective.items:
            item.brackets = scan_brackets(item.text)[0]
            item.positions = _positions(item.comments)
    return document


def _positions(found: list[Comment]) -> list[Position]:
    positions: list[Position] = []
    for comment in flatten_comments(found):
        positions.extend(read_positions(comment.text))
    return positions
