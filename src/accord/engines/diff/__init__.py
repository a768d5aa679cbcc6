"""Word-level comparison of plan texts: diffs, changed ranges, three-way merges, and redlines
written as Word tracked changes. Pure Python; builds on the document model and writers."""

from accord.engines.diff.merge import EditConflict, merge_edits
from accord.engines.diff.plans import ItemDiff, PlanItemText, diff_items
from accord.engines.diff.redline import as_tracked_changes, redline_document
from accord.engines.diff.words import (
    Hunk,
    Op,
    apply_hunks,
    changed_ranges,
    diff_words,
    hunks,
    tokenize,
)

__all__ = [
    "EditConflict",
    "Hunk",
    "ItemDiff",
    "Op",
    "PlanItemText",
    "apply_hunks",
    "as_tracked_changes",
    "changed_ranges",
    "diff_items",
    "diff_words",
    "hunks",
    "merge_edits",
    "redline_document",
    "tokenize",
]
