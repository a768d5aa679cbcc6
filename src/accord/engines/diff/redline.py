"""Show the step from one plan version to the next as Word revisions (a redline).

The document model keeps an item's *base* text (what Word shows with changes rejected) and
its tracked changes as offsets into it: a deletion covers ``base[start:end]``, an insertion
sits at ``start``. For old → new the base is the old text; each replaced passage becomes a
deletion followed by an insertion at the deletion's end, the order Word's compare shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from accord.engines.diff.plans import ItemDiff, PlanItemText, diff_items
from accord.engines.diff.words import hunks
from accord.engines.documents.bracket_spans import scan_brackets
from accord.engines.documents.model import (
    ChangeKind,
    Item,
    Objective,
    TrackedChange,
    WorkingDocument,
)


def as_tracked_changes(
    old: str, new: str, *, author: str, date: dt.datetime | None = None
) -> tuple[str, list[TrackedChange]]:
    """The base text and the changes that turn it into ``new``, ready for ``Item.text`` and
    ``Item.changes`` (the writers and the .docx reader use the same offsets)."""
    changes: list[TrackedChange] = []
    for hunk in hunks(old, new):
        if hunk.end > hunk.start:
            removed = old[hunk.start : hunk.end]
            changes.append(
                TrackedChange(ChangeKind.DELETION, removed, hunk.start, hunk.end, author, date)
            )
        if hunk.text:
            changes.append(
                TrackedChange(ChangeKind.INSERTION, hunk.text, hunk.end, hunk.end, author, date)
            )
    return old, changes


def redline_document(
    old: WorkingDocument,
    new: WorkingDocument,
    *,
    author: str,
    date: dt.datetime | None = None,
    title: str | None = None,
) -> WorkingDocument:
    """The new plan with every item's text change from ``old`` as tracked changes, so a chair
    can table one document showing what moved on: removed items stay in their old place as
    deletions, added ones are insertions. Fields other than text and changes come from the
    new item (the old one for a removed item); tracked changes already in the inputs are
    replaced, their base text is compared. Priorities removed altogether stay, after their
    old predecessor, holding their deleted items. The inputs are not modified."""
    old_items, old_texts = _plan_texts(old)
    new_items, new_texts = _plan_texts(new)
    source = {id(text): item for text, item in zip(old_texts, old_items, strict=True)}
    source.update({id(text): item for text, item in zip(new_texts, new_items, strict=True)})

    objectives = _objectives(old, new)
    for diff in diff_items(old_texts, new_texts):
        plan_text = diff.new or diff.old
        assert plan_text is not None
        item = _redlined(diff, source[id(plan_text)], author=author, date=date)
        objectives[plan_text.priority].items.append(item)
    return replace(
        new,
        title=new.title if title is None else title,
        objectives=list(objectives.values()),
        warnings=[],
    )


def _plan_texts(document: WorkingDocument) -> tuple[list[Item], list[PlanItemText]]:
    items: list[Item] = []
    texts: list[PlanItemText] = []
    for objective in document.objectives:
        for item in objective.items:
            items.append(item)
            texts.append(PlanItemText(item.id, objective.id, item.text, item.kind))
    return items, texts


def _objectives(old: WorkingDocument, new: WorkingDocument) -> dict[str, Objective]:
    """Empty copies of the new priorities, and of removed ones in their old place (the same
    ordering rule as items, so it is ``diff_items`` on the priorities)."""
    by_id = {objective.id: objective for objective in old.objectives}
    by_id.update({objective.id: objective for objective in new.objectives})
    order = diff_items(
        [PlanItemText(o.id, "", o.title) for o in old.objectives],
        [PlanItemText(o.id, "", o.title) for o in new.objectives],
    )
    out: dict[str, Objective] = {}
    for diff in order:
        objective = by_id[diff.code]
        out.setdefault(
            diff.code,
            replace(
                objective,
                items=[],
                comments=list(objective.comments),
                positions=list(objective.positions),
                notes=list(objective.notes),
            ),
        )
    return out


def _redlined(diff: ItemDiff, item: Item, *, author: str, date: dt.datetime | None) -> Item:
    before = diff.old.text if diff.old else ""
    after = diff.new.text if diff.new else ""
    text, changes = as_tracked_changes(before, after, author=author, date=date)
    brackets, _ = scan_brackets(text)
    return replace(
        item,
        text=text,
        changes=changes,
        brackets=brackets,
        comments=list(item.comments),
        positions=list(item.positions),
    )
