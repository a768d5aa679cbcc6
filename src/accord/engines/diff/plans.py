"""Compare two versions of an Action Plan item by item, matched by code (``D.2-e``)."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from accord.engines.diff.words import Op, diff_words

ItemChange = Literal["added", "removed", "changed", "moved", "unchanged"]


@dataclass(frozen=True)
class PlanItemText:
    """What a comparison needs of one item: its code, the priority it sits under, its text."""

    code: str
    priority: str
    text: str
    kind: str = ""


@dataclass(frozen=True)
class ItemDiff:
    """How one item changed. ``moved``: same code under another priority (``ops`` then show
    any text change too); ``ops`` of an added item are one insert, of a removed one one
    delete."""

    code: str
    change: ItemChange
    old: PlanItemText | None
    new: PlanItemText | None
    ops: tuple[Op, ...]


def diff_items(old: Sequence[PlanItemText], new: Sequence[PlanItemText]) -> list[ItemDiff]:
    """Item-by-item differences in the new plan's order; a removed item follows its
    predecessor in the old plan, so a reader sees it where it used to be.

    A code that appears more than once is matched occurrence by occurrence. ``changed``
    means the text or the kind differs.
    """
    unmatched: dict[str, deque[int]] = defaultdict(deque)
    for index, item in enumerate(old):
        unmatched[item.code].append(index)
    matched: dict[int, ItemDiff] = {}  # old index -> the diff of its new counterpart
    in_new_order: list[tuple[int | None, ItemDiff]] = []
    for item in new:
        queue = unmatched.get(item.code)
        if not queue:
            in_new_order.append((None, _added(item)))
            continue
        index = queue.popleft()
        diff = _compare(old[index], item)
        matched[index] = diff
        in_new_order.append((index, diff))
    # Removed items hang off their old predecessor (or the start): followers[i] holds the
    # removed item right after old item i, which in turn may have its own follower.
    removed = {index for queue in unmatched.values() for index in queue}
    result: list[ItemDiff] = []

    def place_after(index: int) -> None:
        following = index + 1
        while following in removed:
            result.append(_removed(old[following]))
            following += 1

    place_after(-1)
    for matched_index, diff in in_new_order:
        result.append(diff)
        if matched_index is not None:
            place_after(matched_index)
    return result


def _compare(before: PlanItemText, after: PlanItemText) -> ItemDiff:
    ops = tuple(diff_words(before.text, after.text))
    change: ItemChange
    if before.priority != after.priority:
        change = "moved"
    elif before.text != after.text or before.kind != after.kind:
        change = "changed"
    else:
        change = "unchanged"
    return ItemDiff(after.code, change, before, after, ops)


def _added(item: PlanItemText) -> ItemDiff:
    ops = (Op("insert", item.text),) if item.text else ()
    return ItemDiff(item.code, "added", None, item, ops)


def _removed(item: PlanItemText) -> ItemDiff:
    ops = (Op("delete", item.text),) if item.text else ()
    return ItemDiff(item.code, "removed", item, None, ops)
