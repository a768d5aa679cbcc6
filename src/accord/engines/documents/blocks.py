"""The common ground of every reader: the document as a sequence of paragraphs ("blocks").

A reader turns its format into blocks; ``structure.build`` turns blocks into a WorkingDocument.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.engines.documents.model import Comment, Status, TrackedChange


@dataclass
class Block:
    text: str
    where: str
    comments: list[Comment] = field(default_factory=list)
    colour: Status | None = None
    changes: list[TrackedChange] = field(default_factory=list)
    cell: tuple[int, ...] | None = None
    """Blocks sharing a cell are one table cell (or one tab-led group of lines in a text
    export): a paragraph there that carries no identifier continues the item above it."""
    column: int | None = None
    style: str = ""
