"""Word comments and their reply threads.

comments.xml holds every comment flat. Since Word 2013, commentsExtended.xml links a reply to
its parent (``w15:paraIdParent`` names the ``w14:paraId`` of the parent's last paragraph).
Older files have no such part: a reply there is a comment on exactly the same range, so the
first comment on a range is the parent and the later ones are its replies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass, field

from lxml import etree

from accord.engines.documents.docx_xml import W14, W15, w
from accord.engines.documents.model import Comment

_COMMENT, _P, _T, _TAB, _BR, _CR = w("comment"), w("p"), w("t"), w("tab"), w("br"), w("cr")
_PARA_ID = f"{{{W14}}}paraId"
_ID, _AUTHOR, _INITIALS, _DATE = w("id"), w("author"), w("initials"), w("date")


@dataclass
class CommentRecord:
    id: str
    comment: Comment
    para_ids: list[str] = field(default_factory=list)
    parent: str | None = None


def parse_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def read_comments(root: etree._Element | None) -> dict[str, CommentRecord]:
    """Comments by id, in the order comments.xml lists them; text is the accepted text
    (insertions in, deletions out), paragraphs joined with newlines. One pass over the part."""
    records: dict[str, CommentRecord] = {}
    if root is None:
        return records
    record: CommentRecord | None = None
    lines = [""]
    dates: dict[str | None, dt.datetime | None] = {}
    for el in root.iter(_T, _P, _COMMENT, _TAB, _BR, _CR):
        tag = el.tag
        if tag == _T:
            if el.text:
                lines[-1] += el.text
        elif tag == _P:
            lines.append("")
            para_id = el.get(_PARA_ID)
            if para_id and record is not None:
                record.para_ids.append(para_id)
        elif tag == _COMMENT:
            _finish(record, lines)
            lines = [""]
            author = el.get(_AUTHOR, "")
            date = el.get(_DATE)
            if date not in dates:
                dates[date] = parse_date(date)  # one parse per distinct timestamp
            comment = Comment(author, "", author, el.get(_INITIALS, ""), dates[date])
            record = CommentRecord(el.get(_ID, ""), comment, [])
            records[record.id] = record
        elif tag == _TAB:
            lines[-1] += "\t"
        elif tag in (_BR, _CR):
            lines[-1] += "\n"
    _finish(record, lines)
    return records


def _finish(record: CommentRecord | None, lines: list[str]) -> None:
    if record is not None:
        record.comment.text = "\n".join(lines[1:]).strip()


def link_replies(records: dict[str, CommentRecord], extended: etree._Element | None) -> None:
    """Set ``parent`` from commentsExtended.xml (paraIds compared case-insensitively)."""
    if extended is None:
        return
    owner = {pid.upper(): rec.id for rec in records.values() for pid in rec.para_ids}
    for entry in extended.iter(f"{{{W15}}}commentEx"):
        child = owner.get((entry.get(f"{{{W15}}}paraId") or "").upper())
        parent = owner.get((entry.get(f"{{{W15}}}paraIdParent") or "").upper())
        if child is not None and parent is not None and child != parent:
            records[child].parent = parent
    for rec in records.values():  # a cycle would hide a whole thread: break it
        seen = {rec.id}
        current = rec.parent
        while current is not None:
            if current in seen:
                rec.parent = None
                break
            seen.add(current)
            current = records[current].parent


def link_same_range(records: dict[str, CommentRecord], ranges: dict[str, Hashable]) -> None:
    """The older convention: later comments on an identical range reply to the first."""
    first: dict[Hashable, str] = {}
    for rec in records.values():
        key = ranges.get(rec.id)
        if key is None:
            continue
        if key in first:
            rec.parent = first[key]
        else:
            first[key] = rec.id


def thread(records: dict[str, CommentRecord]) -> list[CommentRecord]:
    """Nest replies under their parents (in comments.xml order); return the top-level ones."""
    top = []
    for rec in records.values():
        if rec.parent is None:
            top.append(rec)
        else:
            records[rec.parent].comment.replies.append(rec.comment)
    return top
