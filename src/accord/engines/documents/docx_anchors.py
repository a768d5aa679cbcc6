"""Put each Word comment thread on the paragraph it comments, with the text it covers.

A comment's range (commentRangeStart … commentRangeEnd) may start at the very end of one
paragraph or run over several; the thread belongs to the first paragraph whose text it
actually covers, so "P.1-b" gets the comment that Word shows on it.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from lxml import etree

from accord.engines.documents.blocks import Block
from accord.engines.documents.docx_comments import (
    CommentRecord,
    link_replies,
    link_same_range,
    thread,
)

_ANCHOR_LIMIT = 10_000


@dataclass
class Marker:
    """Where a comment marker sits: block index, offset into its text, document order."""

    block: int
    offset: int
    seq: int


@dataclass
class Markers:
    starts: dict[str, Marker]
    ends: dict[str, Marker]
    refs: dict[str, Marker]


def place_comments(
    blocks: list[Block],
    records: dict[str, CommentRecord],
    markers: Markers,
    extended: etree._Element | None,
) -> None:
    """Set anchors, link replies (commentsExtended.xml when present, else same range) and
    append each top-level comment to its block, in document order."""
    if not records:
        return
    for comment_id, rec in records.items():
        rec.comment.anchor = _anchor(blocks, markers, comment_id)
    if extended is not None:
        link_replies(records, extended)
    else:
        ranges: dict[str, Hashable] = {}
        for comment_id in records:
            start, end = markers.starts.get(comment_id), markers.ends.get(comment_id)
            if start is not None and end is not None:
                ranges[comment_id] = (start.block, start.offset, end.block, end.offset)
        link_same_range(records, ranges)
    children: dict[str, list[str]] = {}
    for rec in records.values():
        if rec.parent is not None:
            children.setdefault(rec.parent, []).append(rec.id)
    placed = []
    for rec in thread(records):
        home = _home(blocks, markers, rec, children)
        if home is not None:
            placed.append((home, rec))
    placed.sort(key=lambda pair: pair[0])
    for (block, _, _), rec in placed:
        blocks[block].comments.append(rec.comment)


def _home(
    blocks: list[Block], markers: Markers, rec: CommentRecord, children: dict[str, list[str]]
) -> tuple[int, int, int] | None:
    """(block, offset, order) of a thread: where its range first covers text, else where its
    range or reference is; a parent without markers goes where a reply is."""
    pending = [rec.id]
    while pending:
        comment_id = pending.pop(0)
        start, end = markers.starts.get(comment_id), markers.ends.get(comment_id)
        if start is not None and end is not None:
            block = _first_covered(blocks, start, end)
            offset = start.offset if block == start.block else 0
            return block, offset, start.seq
        marker = start or markers.refs.get(comment_id) or end
        if marker is not None:
            return marker.block, marker.offset, marker.seq
        pending.extend(children.get(comment_id, []))
    return None


def _first_covered(blocks: list[Block], start: Marker, end: Marker) -> int:
    if (end.block, end.offset) <= (start.block, start.offset):
        return start.block
    for block in range(start.block, end.block + 1):
        low = start.offset if block == start.block else 0
        high = end.offset if block == end.block else len(blocks[block].text)
        if high > low:
            return block
    return start.block


def _anchor(blocks: list[Block], markers: Markers, comment_id: str) -> str | None:
    start, end = markers.starts.get(comment_id), markers.ends.get(comment_id)
    if start is None or end is None or (end.block, end.offset) <= (start.block, start.offset):
        return None
    if start.block == end.block:
        return blocks[start.block].text[start.offset : end.offset] or None
    parts = [blocks[start.block].text[start.offset :]]
    size = len(parts[0])
    for block in range(start.block + 1, end.block):
        if size > _ANCHOR_LIMIT:
            break
        parts.append(blocks[block].text)
        size += len(parts[-1])
    parts.append(blocks[end.block].text[: end.offset])
    return "\n".join(parts)
