"""Split an item's base text into plain, inserted and deleted runs for writers to style."""

from __future__ import annotations

from accord.engines.documents.model import ChangeKind, Item

Segment = tuple[str, str]  # ("text" | "ins" | "del", text)


def segments(item: Item) -> list[Segment]:
    """The base text with each proposed change marked where it applies."""
    out: list[Segment] = []
    cursor = 0
    text = item.text
    for change in sorted(item.changes, key=lambda c: (c.start, c.kind != ChangeKind.DELETION)):
        start = min(max(change.start, cursor), len(text))
        if start > cursor:
            out.append(("text", text[cursor:start]))
        if change.kind == ChangeKind.INSERTION:
            out.append(("ins", change.text))
            cursor = start
        else:
            end = min(max(change.end, start), len(text))
            out.append(("del", text[start:end]))
            cursor = end
    if cursor < len(text):
        out.append(("text", text[cursor:]))
    return out
