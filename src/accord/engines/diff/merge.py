"""Three-way merge of several edited versions of one text, word by word."""

from __future__ import annotations

from collections.abc import Sequence

from accord.engines.diff.words import Hunk, apply_hunks, hunks


class EditConflict(ValueError):
    """Two edits change the same words differently.

    ``ranges``: the half-open spans of the base text in dispute (overlapping disputes joined);
    ``edits``: the pairs of 0-based edit indices that disagree.
    """

    def __init__(
        self, message: str, ranges: list[tuple[int, int]], edits: list[tuple[int, int]]
    ) -> None:
        super().__init__(message)
        self.ranges = ranges
        self.edits = edits


def merge_edits(base: str, edits: Sequence[str]) -> str:
    """``base`` with every edit's word-level changes applied, so proposals that touch
    different words combine; EditConflict when two change the same words differently
    (an identical change made by several edits is applied once)."""
    owners: dict[Hunk, int] = {}
    for number, edit in enumerate(edits):
        for hunk in hunks(base, edit):
            owners.setdefault(hunk, number)
    ordered = sorted(owners, key=lambda h: (h.start, h.end))
    clashes = _clashes(ordered)
    if clashes:
        raise _conflict(base, clashes, owners)
    return apply_hunks(base, ordered)


def _clashes(ordered: list[Hunk]) -> list[tuple[Hunk, Hunk]]:
    """Pairs that cannot both apply: overlapping spans, or two insertions at one offset.
    A pure insertion touching a replaced span's edge is no clash: it goes beside it."""
    found = []
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if first.start == first.end:
                if second.start != first.start or second.end != second.start:
                    break
            elif second.start >= first.end:
                break
            found.append((first, second))
    return found


def _conflict(base: str, clashes: list[tuple[Hunk, Hunk]], owners: dict[Hunk, int]) -> EditConflict:
    ranges: list[tuple[int, int]] = []
    for first, second in clashes:
        start, end = min(first.start, second.start), max(first.end, second.end)
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    edits = sorted({_pair(owners[first], owners[second]) for first, second in clashes})
    lines = [_describe(base, first, second, owners) for first, second in clashes]
    message = f"{len(clashes)} conflicting change(s): " + "; ".join(lines)
    return EditConflict(message, ranges, edits)


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a <= b else (b, a)


def _describe(base: str, first: Hunk, second: Hunk, owners: dict[Hunk, int]) -> str:
    def change(hunk: Hunk) -> str:
        if hunk.start == hunk.end:
            return f"inserts {hunk.text!r}"
        if not hunk.text:
            return f"deletes {base[hunk.start : hunk.end]!r}"
        return f"replaces {base[hunk.start : hunk.end]!r} with {hunk.text!r}"

    where = (
        f"at character {first.start}"
        if first.start == first.end == second.start == second.end
        else f"characters {min(first.start, second.start)}-{max(first.end, second.end)}"
    )
    a, b = sorted((first, second), key=lambda hunk: owners[hunk])
    return f"edit {owners[a] + 1} {change(a)} but edit {owners[b] + 1} {change(b)} ({where})"
