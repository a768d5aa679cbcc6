"""The typed content of a working document, independent of the file it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Section(StrEnum):
    AGREED = "agreed"
    FURTHER_DISCUSSION = "further_discussion"


class Status(StrEnum):
    """The colour code: green, yellow, red."""

    AGREED = "agreed"
    UNDISPUTED_CHANGE = "undisputed_change"
    DISPUTED = "disputed"


class Stance(StrEnum):
    """Comments yield the first seven; the rest are recorded in Accord and written back."""

    KEEP = "keep"
    REMOVE = "remove"
    INSERT = "insert"
    MODIFY = "modify"
    ALTERNATIVE = "alternative"
    MERGE_MOVE = "merge_move"
    OTHER = "other"
    SUPPORT = "support"
    OPPOSE = "oppose"
    PREFER_OPTION = "prefer_option"
    RESERVATION = "reservation"


class ChangeKind(StrEnum):
    INSERTION = "insertion"
    DELETION = "deletion"


@dataclass
class Warning:
    where: str
    message: str


@dataclass
class Comment:
    """A comment as the file has it; ``author`` is the normalised name."""

    author: str
    text: str
    raw_author: str = ""
    initials: str = ""
    date: dt.datetime | None = None
    anchor: str | None = None
    replies: list[Comment] = field(default_factory=list)


@dataclass
class Position:
    """One delegation's stance, read from a comment line."""

    delegation: str
    stance: Stance
    detail: str
    quoted: str | None
    source: str


@dataclass
class BracketSpan:
    """``text`` is ``item.text[start:end]``, brackets included."""

    start: int
    end: int
    text: str


@dataclass
class TrackedChange:
    """A proposed insertion or deletion. Offsets are into the item's base text: an insertion
    sits at ``start`` (``start == end``); a deletion covers ``text == base[start:end]``."""

    kind: ChangeKind
    text: str
    start: int
    end: int
    author: str
    date: dt.datetime | None = None


@dataclass
class Link:
    """What an item serves. ``type`` is one of sdg, sdg_target, wsis, strategic_goal,
    resolution, regional_initiative, regional_priority, question (the platform's linkage
    types); ``target`` names it: ``9``, ``9.c``, ``C2``, ``Res. 37``."""

    type: str
    target: str
    note: str = ""


@dataclass
class Item:
    id: str
    kind: str  # "outcome" | "output"
    text: str
    section: Section
    status: Status | None = None
    brackets: list[BracketSpan] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    changes: list[TrackedChange] = field(default_factory=list)
    where: str = ""
    linkages: list[Link] = field(default_factory=list)
    """Exported from the platform (annex of the .docx, JSON); readers leave it empty."""

    def all_comments(self) -> list[Comment]:
        return flatten_comments(self.comments)


@dataclass
class Objective:
    """A priority (objective) with its outcomes and outputs."""

    id: str
    title: str
    items: list[Item] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    where: str = ""


@dataclass
class WorkingDocument:
    title: str
    objectives: list[Objective] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    """Text before the first priority (summary, colour legend…)."""
    trailing: list[str] = field(default_factory=list)
    """Text after the body (contact details…)."""
    comments: list[Comment] = field(default_factory=list)
    """Comments on text that is neither a priority nor an item."""
    source: str = ""

    def items(self) -> list[Item]:
        return [item for objective in self.objectives for item in objective.items]

    def comment_count(self) -> int:
        """Comments and replies on priorities and items (what an import stores)."""
        on_objectives = sum(len(flatten_comments(o.comments)) for o in self.objectives)
        return on_objectives + sum(len(i.all_comments()) for i in self.items())

    def position_count(self) -> int:
        on_objectives = sum(len(o.positions) for o in self.objectives)
        return on_objectives + sum(len(i.positions) for i in self.items())


def flatten_comments(comments: list[Comment]) -> list[Comment]:
    out: list[Comment] = []
    for comment in comments:
        out.append(comment)
        out.extend(flatten_comments(comment.replies))
    return out
