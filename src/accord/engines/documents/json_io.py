"""JSON forms of a working document.

``summary`` is the stable contract of ``accord import --dry-run --json``:

    {"title": str,
     "objectives": [{"id": str, "title": str,
                     "items": [{"id": str, "kind": "outcome"|"output", "text": str,
                                "section": "agreed"|"further_discussion",
                                "status": "agreed"|"undisputed_change"|"disputed"|null,
                                "brackets": [{"start": int, "end": int, "text": str}],
                                "comments": [{"author": str, "text": str}],
                                "positions": [{"delegation": str, "stance": str, "detail": str}]}],
                     "comments": [...], "positions": [...]}],
     "warnings": [{"where": str, "message": str}]}

Comments are listed with their replies after them; ``author`` is the normalised name; stance
is one of keep, remove, insert, modify, alternative, merge_move, other. An objective's own
comments and positions (on the priority heading) are listed beside its items.

``dump``/``load`` are the full export (schema ``accord.working-document/1``): everything the
model holds, replies nested, dates in ISO 8601, tracked changes with offsets into the base text,
and each item's links as ``"linkages": [{"type": str, "target": str, "note": str}]`` (type one
of sdg, sdg_target, wsis, strategic_goal, resolution, regional_initiative, regional_priority,
question; target e.g. "9", "9.c", "C2", "Res. 37"). ``load`` reads files written before items
had links (no ``linkages``: none).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from accord.engines.documents.model import (
    BracketSpan,
    ChangeKind,
    Comment,
    Item,
    Link,
    Objective,
    Position,
    Section,
    Stance,
    Status,
    TrackedChange,
    Warning,
    WorkingDocument,
    flatten_comments,
)

SCHEMA = "accord.working-document/1"


def _comment_summary(comments: list[Comment]) -> list[dict[str, str]]:
    return [{"author": c.author, "text": c.text} for c in flatten_comments(comments)]


def _position_summary(positions: list[Position]) -> list[dict[str, str]]:
    return [
        {"delegation": p.delegation, "stance": str(p.stance), "detail": p.detail} for p in positions
    ]


def summary(document: WorkingDocument) -> dict[str, Any]:
    return {
        "title": document.title,
        "objectives": [
            {
                "id": objective.id,
                "title": objective.title,
                "items": [
                    {
                        "id": item.id,
                        "kind": item.kind,
                        "text": item.text,
                        "section": str(item.section),
                        "status": str(item.status) if item.status else None,
                        "brackets": [
                            {"start": b.start, "end": b.end, "text": b.text} for b in item.brackets
                        ],
                        "comments": _comment_summary(item.comments),
                        "positions": _position_summary(item.positions),
                    }
                    for item in objective.items
                ],
                "comments": _comment_summary(objective.comments),
                "positions": _position_summary(objective.positions),
            }
            for objective in document.objectives
        ],
        "warnings": [{"where": w.where, "message": w.message} for w in document.warnings],
    }


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _encode(v) for key, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def dump(document: WorkingDocument) -> dict[str, Any]:
    return {"schema": SCHEMA, **_encode(asdict(document))}


def _date(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _comment(data: dict[str, Any]) -> Comment:
    return Comment(
        author=data["author"],
        text=data["text"],
        raw_author=data.get("raw_author", ""),
        initials=data.get("initials", ""),
        date=_date(data.get("date")),
        anchor=data.get("anchor"),
        replies=[_comment(reply) for reply in data.get("replies", [])],
    )


def _position(data: dict[str, Any]) -> Position:
    return Position(
        delegation=data["delegation"],
        stance=Stance(data["stance"]),
        detail=data["detail"],
        quoted=data.get("quoted"),
        source=data.get("source", ""),
    )


def _item(data: dict[str, Any]) -> Item:
    return Item(
        id=data["id"],
        kind=data["kind"],
        text=data["text"],
        section=Section(data["section"]),
        status=Status(data["status"]) if data.get("status") else None,
        brackets=[BracketSpan(**b) for b in data.get("brackets", [])],
        comments=[_comment(c) for c in data.get("comments", [])],
        positions=[_position(p) for p in data.get("positions", [])],
        changes=[
            TrackedChange(
                kind=ChangeKind(c["kind"]),
                text=c["text"],
                start=c["start"],
                end=c["end"],
                author=c["author"],
                date=_date(c.get("date")),
            )
            for c in data.get("changes", [])
        ],
        where=data.get("where", ""),
        linkages=[
            Link(type=link["type"], target=link["target"], note=link.get("note", ""))
            for link in data.get("linkages", [])
        ],
    )


def load(data: dict[str, Any]) -> WorkingDocument:
    """Read the full export back; raises ValueError naming the first thing that is wrong."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"expected schema {SCHEMA!r}, found {data.get('schema')!r}")
    try:
        return WorkingDocument(
            title=data["title"],
            objectives=[
                Objective(
                    id=o["id"],
                    title=o["title"],
                    items=[_item(i) for i in o.get("items", [])],
                    comments=[_comment(c) for c in o.get("comments", [])],
                    positions=[_position(p) for p in o.get("positions", [])],
                    notes=list(o.get("notes", [])),
                    where=o.get("where", ""),
                )
                for o in data.get("objectives", [])
            ],
            warnings=[Warning(**w) for w in data.get("warnings", [])],
            preamble=list(data.get("preamble", [])),
            trailing=list(data.get("trailing", [])),
            comments=[_comment(c) for c in data.get("comments", [])],
            source=data.get("source", ""),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a valid {SCHEMA} document: {error}") from None
