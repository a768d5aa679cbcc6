"""The reader's working state for one paragraph and one table cell, and the small elements
that stand for text (tabs, breaks, symbols)."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from accord.engines.documents.docx_xml import w
from accord.engines.documents.model import ChangeKind, Status, TrackedChange

# How a run's text is taken: as it stands, proposed for insertion, proposed for deletion, or
# not at all (an insertion that was itself deleted never reaches the base text).
BASE, INSERTED, DELETED, SKIP = 0, 1, 2, 3

_TAB, _PTAB, _BR, _CR = w("tab"), w("ptab"), w("br"), w("cr")
_SYM, _NB_HYPHEN, _TYPE, _CHAR = w("sym"), w("noBreakHyphen"), w("type"), w("char")
SPECIAL_TEXT = frozenset((_TAB, _PTAB, _BR, _CR, _NB_HYPHEN, _SYM))


class Cell:
    __slots__ = ("key", "paragraphs", "shade", "skip")

    def __init__(self, key: tuple[int, int, int]) -> None:
        self.key = key
        self.shade: Status | None = None
        self.paragraphs = 0
        self.skip = False


class ParagraphState:
    """What one paragraph collects; ``length`` is the base text's length so far."""

    __slots__ = (
        "cell",
        "changes",
        "colours",
        "ilvl",
        "length",
        "markers",
        "num_id",
        "pieces",
        "shade",
        "style_id",
    )

    def __init__(self, cell: Cell | None) -> None:
        self.cell = cell
        self.pieces: list[str] = []
        self.length = 0
        self.shade: Status | None = None
        self.changes: list[TrackedChange] = []
        self.colours: dict[Status, int] = {}
        self.markers: list[tuple[str, str, int | None]] = []
        self.style_id: str | None = None
        self.num_id: str | None = None
        self.ilvl: int | None = None

    def add(self, text: str, mode: int, author: str, date: dt.datetime | None) -> None:
        """Take a piece of a run: base text, or part of a tracked insertion or deletion
        (consecutive pieces of one author's change merge into one change)."""
        start = self.length
        last = self.changes[-1] if self.changes else None
        if mode == DELETED:
            self.pieces.append(text)
            self.length += len(text)
            if (
                last is not None
                and last.kind is ChangeKind.DELETION
                and last.end == start
                and (last.author == author and last.date == date)
            ):
                last.text += text
                last.end = self.length
            else:
                self.changes.append(
                    TrackedChange(ChangeKind.DELETION, text, start, self.length, author, date)
                )
        elif (
            last is not None
            and last.kind is ChangeKind.INSERTION
            and last.start == start
            and (last.author == author and last.date == date)
        ):
            last.text += text
        else:
            self.changes.append(
                TrackedChange(ChangeKind.INSERTION, text, start, start, author, date)
            )


def special_text(el: etree._Element, tag: str) -> str:
    """What a tab, break, non-breaking hyphen or symbol element shows."""
    if tag in (_TAB, _PTAB):
        return "\t"
    if tag == _BR:
        return "\n" if el.get(_TYPE) in (None, "textWrapping") else ""
    if tag == _CR:
        return "\n"
    if tag == _NB_HYPHEN:
        return "-"
    return _symbol(el.get(_CHAR))


def _symbol(code: str | None) -> str:
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # symbol fonts map their glyphs into the private-use area
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0x110000 else ""
