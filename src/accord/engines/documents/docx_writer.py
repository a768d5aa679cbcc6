"""Write a WorkingDocument as a .docx a chair can table.

Laid out like the drafting group's own document: title, preamble, colour legend, then per
priority a heading and, per section (in the order the sections first appear), a table with a
merged heading row, an Outcomes | Outputs header row and one row holding the outcomes in its
first cell and the outputs in its second, each item one paragraph "P.1-a: text", highlighted
by status. Items therefore read back section by section, outcomes before outputs: the order
every working document has, so a document read from Word or a text export reads back as it
was. Comments (with reply threads) and tracked changes are real Word comments and revisions.
Items' links follow the body as a linkage annex table (see ``linkage_annex``).
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from lxml import etree

from accord.engines.documents.docx_colours import HIGHLIGHT_OF
from accord.engines.documents.docx_comment_parts import CommentEntry, add_comment_parts
from accord.engines.documents.docx_paragraphs import CommentRange, ParagraphWriter, clean, run
from accord.engines.documents.docx_xml import W, w
from accord.engines.documents.linkage_annex import ANNEX_TITLE, COLUMNS, AnnexRow, annex_rows
from accord.engines.documents.model import (
    Comment,
    Item,
    Objective,
    Section,
    Status,
    WorkingDocument,
)

_LEGEND = re.compile(r"colou?r.cod", re.I)
_LEGEND_LINES = (
    (Status.AGREED, "Green highlights", "Outcomes or Outputs with no changes or comments"),
    (Status.UNDISPUTED_CHANGE, "Yellow highlights", "Outcomes and Outputs with undisputed changes"),
    (Status.DISPUTED, "Red highlights", "Outcomes and Outputs with changes that were disputed"),
)
_SECTION_HEADING = {
    Section.AGREED: "Priority {n} outputs and outcomes agreed",
    Section.FURTHER_DISCUSSION: "Priority {n} outputs and outcomes for further discussion",
}
_RULE = "_" * 16
_TABLE_WIDTH = 9350  # twentieths of a point: a Letter/A4 text column
_GREY = "D9D9D9"
_ANNEX_SHARES = (3, 3, 5, 4, 5)
"""The annex's column widths, in twentieths of the table."""


def write_docx(document: WorkingDocument, path: str | Path) -> None:
    """Write ``document`` to ``path`` as WordprocessingML that Word and LibreOffice open."""
    package = docx.Document()
    package.core_properties.title = clean(document.title)
    package.core_properties.author = "Accord"
    package.core_properties.last_modified_by = "Accord"
    writer = _Writer(package.element.body)
    writer.document(document)
    add_comment_parts(package.part, writer.comments)
    package.save(str(path))


class _Writer:
    def __init__(self, body: etree._Element) -> None:
        # Content is built in a plain lxml tree (python-docx's element classes make every new
        # element slower) and moved into the document body at the end.
        self.target = body
        self.body = etree.Element(w("body"), nsmap={"w": W})
        self.section_properties = body.find(w("sectPr"))
        if self.section_properties is not None:
            body.remove(self.section_properties)
        self.comments: list[CommentEntry] = []
        self._last_id = -1
        self.paragraphs = ParagraphWriter(self.next_id)

    def next_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def document(self, document: WorkingDocument) -> None:
        if document.title:
            self.paragraphs.write(self.body, document.title, style="Title", split_lines=False)
        preamble = list(document.preamble)
        legend = not any(_LEGEND.search(line) for line in preamble)
        first = preamble[0] if preamble else "Colour coding:"
        self.paragraphs.write(
            self.body,
            first,
            comments=self.ranges(document.comments, first),
            split_lines=False,
        )
        for line in preamble[1:]:
            self.paragraphs.write(self.body, line, split_lines=False)
        if legend:
            self.legend(with_heading=bool(preamble))
        for objective in document.objectives:
            self.objective(objective)
        if document.trailing:
            self.paragraphs.write(self.body, _RULE)
            for line in document.trailing:
                self.paragraphs.write(self.body, line, split_lines=False)
        rows = annex_rows(document)
        if rows:
            self.annex(rows)
        self.target.extend(list(self.body))
        if self.section_properties is not None:
            self.target.append(self.section_properties)

    def legend(self, *, with_heading: bool) -> None:
        if with_heading:
            self.paragraphs.write(self.body, "Colour coding:")
        for status, label, meaning in _LEGEND_LINES:
            p = etree.SubElement(self.body, w("p"))
            run(p, label, HIGHLIGHT_OF[status])
            run(p, f": {meaning}")

    def objective(self, objective: Objective) -> None:
        heading = f"{objective.id} {objective.title}".strip()
        self.paragraphs.write(
            self.body,
            heading,
            style="Heading1",
            comments=self.ranges(objective.comments, heading),
            split_lines=False,
        )
        sections: dict[Section, list[Item]] = {}
        for item in objective.items:
            sections.setdefault(item.section, []).append(item)
        number = objective.id.split(".", 1)[-1]
        for section, items in sections.items():
            self.table(_SECTION_HEADING[section].format(n=number), items)
            etree.SubElement(self.body, w("p"))
        for note in objective.notes:
            self.paragraphs.write(self.body, note, split_lines=False)

    def table(self, heading: str, items: list[Item]) -> None:
        table = self.new_table([_TABLE_WIDTH // 2] * 2)
        cell = self.cell(self.row(table, header=True), span=2, shade=_GREY)
        self.paragraphs.write(cell, heading, bold=True, split_lines=False)
        header = self.row(table, header=True)
        for title in ("Outcomes", "Outputs"):
            self.paragraphs.write(self.cell(header, shade=_GREY), title, bold=True)
        row = self.row(table)
        outputs = [item for item in items if item.kind == "output"]
        outcomes = [item for item in items if item.kind != "output"]
        for column in (outcomes, outputs):
            cell = self.cell(row)
            if not column:
                self.paragraphs.write(cell, "None")
            for item in column:
                self.item(cell, item)

    def annex(self, rows: list[AnnexRow]) -> None:
        """The linkage annex: a heading and a table, item | goals | targets | lines | other."""
        self.paragraphs.write(self.body, ANNEX_TITLE, style="Heading1", split_lines=False)
        widths = [_TABLE_WIDTH * share // 20 for share in _ANNEX_SHARES]
        table = self.new_table(widths)
        header = self.row(table, header=True)
        for title, column in zip(COLUMNS, widths, strict=True):
            cell = self.cell(header, shade=_GREY, width=column)
            self.paragraphs.write(cell, title, bold=True, split_lines=False)
        for entry in rows:
            row = self.row(table)
            for text, column in zip(entry.cells, widths, strict=True):
                self.paragraphs.write(self.cell(row, width=column), text, split_lines=False)

    def new_table(self, widths: list[int]) -> etree._Element:
        """A gridded table as wide as the text column, its columns ``widths`` wide."""
        table = etree.SubElement(self.body, w("tbl"))
        props = etree.SubElement(table, w("tblPr"))
        etree.SubElement(props, w("tblStyle")).set(w("val"), "TableGrid")
        width = etree.SubElement(props, w("tblW"))
        width.set(w("w"), str(_TABLE_WIDTH))
        width.set(w("type"), "dxa")
        grid = etree.SubElement(table, w("tblGrid"))
        for column in widths:
            etree.SubElement(grid, w("gridCol")).set(w("w"), str(column))
        return table

    def row(self, table: etree._Element, *, header: bool = False) -> etree._Element:
        row = etree.SubElement(table, w("tr"))
        if header:
            etree.SubElement(etree.SubElement(row, w("trPr")), w("tblHeader"))
        return row

    def cell(
        self,
        row: etree._Element,
        *,
        span: int = 1,
        shade: str | None = None,
        width: int | None = None,
    ) -> etree._Element:
        """A cell of ``width`` twentieths of a point; by default half the table per column
        spanned (the two-column item tables)."""
        cell = etree.SubElement(row, w("tc"))
        props = etree.SubElement(cell, w("tcPr"))
        size = etree.SubElement(props, w("tcW"))
        size.set(w("w"), str(width if width is not None else _TABLE_WIDTH * span // 2))
        size.set(w("type"), "dxa")
        if span > 1:
            etree.SubElement(props, w("gridSpan")).set(w("val"), str(span))
        if shade:
            shd = etree.SubElement(props, w("shd"))
            shd.set(w("val"), "clear")
            shd.set(w("color"), "auto")
            shd.set(w("fill"), shade)
        return cell

    def item(self, cell: etree._Element, item: Item) -> None:
        prefix = f"{item.id}: "
        text = prefix + item.text
        shifted = [
            type(change)(
                change.kind,
                change.text,
                change.start + len(prefix),
                change.end + len(prefix),
                change.author,
                change.date,
            )
            for change in item.changes
        ]
        self.paragraphs.write(
            cell,
            text,
            highlight=HIGHLIGHT_OF[item.status] if item.status else None,
            changes=shifted,
            comments=self.ranges(item.comments, text, skip=len(prefix)),
        )

    def ranges(self, comments: list[Comment], text: str, *, skip: int = 0) -> list[CommentRange]:
        """Register comments (replies included) and anchor each thread: on its anchor text
        when every anchor is found in order, else on the whole passage."""
        found = []
        for comment in comments:
            where = text.find(comment.anchor, skip) if comment.anchor else -1
            found.append((where, where + len(comment.anchor or "")))
        starts = [start for start, _ in found]
        precise = all(start >= 0 for start in starts) and starts == sorted(starts)
        ranges = []
        for comment, (start, end) in zip(comments, found, strict=True):
            if not precise:
                start, end = 0, len(text)
            for comment_id in self.register(comment, parent=None):
                ranges.append(CommentRange(comment_id, start, end))
        return ranges

    def register(self, comment: Comment, parent: int | None) -> list[int]:
        comment_id = self.next_id()
        self.comments.append(CommentEntry(comment_id, comment, parent))
        ids = [comment_id]
        for reply in comment.replies:
            ids.extend(self.register(reply, parent=comment_id))
        return ids
