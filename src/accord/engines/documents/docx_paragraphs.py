"""Write one passage of text as WordprocessingML paragraphs with everything that sits on it:
highlight, tracked insertions and deletions, and comment ranges with their references.

Offsets are into the passage's base text (deletions present, insertions absent), the same
offsets the reader produces, so what is written reads back to the same changes and anchors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from accord.engines.documents.docx_xml import XML_NS, w
from accord.engines.documents.model import ChangeKind, TrackedChange

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"([\t\n])")
_SPACE = f"{{{XML_NS}}}space"

# Order of things that happen at one offset: ranges close, ranges open, empty ranges close,
# insertions go in; then the text (or deleted text) from that offset on follows.
_CLOSE, _OPEN, _CLOSE_EMPTY, _INSERT = 0, 1, 2, 3


def clean(text: str) -> str:
    """XML cannot hold control characters: each becomes U+FFFD, so offsets do not move."""
    return _INVALID_XML.sub("\ufffd", text)


def xml_date(value: dt.datetime) -> str:
    """xsd:dateTime as Word writes it: UTC with ``Z``; a naive time stays naive."""
    suffix = ""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
        suffix = "Z"
    return value.isoformat(timespec="microseconds" if value.microsecond else "seconds") + suffix


@dataclass(frozen=True)
class CommentRange:
    """A comment to anchor on ``base[start:end]`` of the passage."""

    comment_id: int
    start: int
    end: int


@dataclass
class _Event:
    offset: int
    phase: int
    order: int
    action: Callable[[etree._Element], None]


class ParagraphWriter:
    """Appends paragraphs to a container; ``next_id`` hands out annotation ids."""

    def __init__(self, next_id: Callable[[], int]) -> None:
        self.next_id = next_id

    def write(
        self,
        container: etree._Element,
        text: str,
        *,
        style: str | None = None,
        highlight: str | None = None,
        changes: Sequence[TrackedChange] = (),
        comments: Sequence[CommentRange] = (),
        split_lines: bool = True,
        bold: bool = False,
    ) -> list[etree._Element]:
        """One paragraph per line of ``text`` (or one paragraph with line breaks)."""
        lines = text.split("\n") if split_lines else [text]
        starts = []
        position = 0
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        events: list[list[_Event]] = [[] for _ in lines]
        deletions: list[list[tuple[int, int, TrackedChange]]] = [[] for _ in lines]

        def locate(offset: int) -> tuple[int, int]:
            for index in range(len(lines) - 1, -1, -1):
                if offset >= starts[index]:
                    return index, min(offset - starts[index], len(lines[index]))
            return 0, 0

        order = 0
        for change in changes:
            order += 1
            if change.kind is ChangeKind.INSERTION:
                number, local = locate(change.start)
                act = self._insertion(change, highlight)
                events[number].append(_Event(local, _INSERT, order, act))
            else:
                for index, line_start in enumerate(starts):
                    low = max(change.start, line_start) - line_start
                    high = min(change.end, line_start + len(lines[index])) - line_start
                    if high > low:
                        deletions[index].append((low, high, change))
        for comment in comments:
            order += 1
            number, local = locate(comment.start)
            opener = _marker("commentRangeStart", comment)
            events[number].append(_Event(local, _OPEN, order, opener))
            end_line, end_local = locate(max(comment.end, comment.start))
            phase = _CLOSE_EMPTY if comment.end <= comment.start else _CLOSE
            events[end_line].append(_Event(end_local, phase, order, _closer(comment)))
        paragraphs = []
        for index, line in enumerate(lines):
            p = etree.SubElement(container, w("p"))
            if style:
                etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle")).set(w("val"), style)
            self._fill(p, line, events[index], deletions[index], highlight, bold)
            paragraphs.append(p)
        return paragraphs

    def _fill(
        self,
        p: etree._Element,
        line: str,
        events: list[_Event],
        deletions: list[tuple[int, int, TrackedChange]],
        highlight: str | None,
        bold: bool,
    ) -> None:
        deletions.sort(key=lambda d: d[0])
        cuts = {0, len(line)} | {e.offset for e in events}
        for low, high, _ in deletions:
            cuts.update((low, high))
        events.sort(key=lambda e: (e.offset, e.phase, e.order))
        pending = 0
        points = sorted(cuts)
        for number, cut in enumerate(points):
            while pending < len(events) and events[pending].offset == cut:
                events[pending].action(p)
                pending += 1
            if number + 1 == len(points):
                break
            end = points[number + 1]
            segment = line[cut:end]
            deletion = next((d for d in deletions if d[0] <= cut < d[1]), None)
            if deletion is None:
                run(p, segment, highlight, bold=bold)
            else:
                change = deletion[2]
                wrapper = etree.SubElement(p, w("del"))
                _revision(wrapper, self.next_id(), change)
                run(wrapper, segment, highlight, deleted=True, bold=bold)
        for event in events[pending:]:
            event.action(p)

    def _insertion(
        self, change: TrackedChange, highlight: str | None
    ) -> Callable[[etree._Element], None]:
        def act(p: etree._Element) -> None:
            wrapper = etree.SubElement(p, w("ins"))
            _revision(wrapper, self.next_id(), change)
            run(wrapper, change.text, highlight)

        return act


def run(
    parent: etree._Element,
    text: str,
    highlight: str | None = None,
    *,
    deleted: bool = False,
    bold: bool = False,
) -> etree._Element:
    """A ``w:r`` holding ``text``; tabs and line breaks become ``w:tab`` and ``w:br``."""
    r = etree.SubElement(parent, w("r"))
    if highlight or bold:
        props = etree.SubElement(r, w("rPr"))
        if bold:
            etree.SubElement(props, w("b"))
        if highlight:
            etree.SubElement(props, w("highlight")).set(w("val"), highlight)
    for piece in _BREAKS.split(clean(text)):
        if piece == "\t":
            etree.SubElement(r, w("tab"))
        elif piece == "\n":
            etree.SubElement(r, w("br"))
        elif piece:
            t = etree.SubElement(r, w("delText") if deleted else w("t"))
            t.text = piece
            t.set(_SPACE, "preserve")
    return r


def _revision(wrapper: etree._Element, revision_id: int, change: TrackedChange) -> None:
    wrapper.set(w("id"), str(revision_id))
    wrapper.set(w("author"), clean(change.author))
    if change.date is not None:
        wrapper.set(w("date"), xml_date(change.date))


def _marker(tag: str, comment: CommentRange) -> Callable[[etree._Element], None]:
    def act(p: etree._Element) -> None:
        etree.SubElement(p, w(tag)).set(w("id"), str(comment.comment_id))

    return act


def _closer(comment: CommentRange) -> Callable[[etree._Element], None]:
    def act(p: etree._Element) -> None:
        etree.SubElement(p, w("commentRangeEnd")).set(w("id"), str(comment.comment_id))
        r = etree.SubElement(p, w("r"))
        etree.SubElement(r, w("commentReference")).set(w("id"), str(comment.comment_id))

    return act
