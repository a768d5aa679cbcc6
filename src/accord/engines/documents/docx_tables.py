"""Where a paragraph sits in the tables: table, row and cell numbers, the cell's shading, and
whether the cell merely continues a merged one (Word repeats merged cells; they are read once).

Worked out when a cell's first paragraph is met, not from the table elements themselves: a
working document has thousands of cells, and the reader's single pass then needs no event
for tables, rows or cells. Tables are numbered in document order (an enclosing table before
the tables inside it), rows and cells in the order their paragraphs come.
"""

from __future__ import annotations

from lxml import etree

from accord.engines.documents.docx_colours import status_of_fill, status_of_shading
from accord.engines.documents.docx_state import Cell
from accord.engines.documents.docx_xml import w
from accord.engines.documents.model import Status

_TBL, _TR, _TC, _TCPR, _BODY = w("tbl"), w("tr"), w("tc"), w("tcPr"), w("body")
_SHD, _MERGES = w("shd"), frozenset((w("vMerge"), w("hMerge")))
_VAL, _COLOR, _FILL = w("val"), w("color"), w("fill")


class TablePlaces:
    def __init__(self) -> None:
        self.tables = 0
        self._tables: dict[etree._Element, list[int]] = {}
        self._rows: dict[etree._Element, list[int]] = {}
        self._cells: dict[etree._Element, Cell] = {}
        self._current_tc: etree._Element | None = None
        self._current_cell: Cell | None = None
        self._current_tr: etree._Element | None = None
        self._current_row: list[int] | None = None

    def cell_of(self, paragraph: etree._Element) -> Cell | None:
        """The cell holding ``paragraph`` (None in the document body)."""
        parent = paragraph.getparent()
        if parent is None:
            return None
        if parent is self._current_tc:
            return self._current_cell
        while parent.tag != _TC:
            if parent.tag == _BODY:
                return None
            parent = parent.getparent()
            if parent is None:
                return None
        cell = self._cells.get(parent)
        if cell is None:
            cell = self._new_cell(parent)
        self._current_tc, self._current_cell = parent, cell
        return cell

    def _new_cell(self, tc: etree._Element) -> Cell | None:
        row = self._row_of(tc)
        if row is None:
            return None
        row[2] += 1
        cell = Cell((row[0], row[1], row[2]))
        if len(tc) and tc[0].tag == _TCPR:
            for prop in tc[0]:
                tag = prop.tag
                if tag == _SHD:
                    cell.shade = shading(prop)
                elif tag in _MERGES and prop.get(_VAL, "continue") == "continue":
                    cell.skip = True
        self._cells[tc] = cell
        return cell

    def _row_of(self, tc: etree._Element) -> list[int] | None:
        """[table number, row number, cells seen so far] of the row holding ``tc``."""
        tr = _ancestor(tc, _TR)
        if tr is None:
            return None
        if tr is self._current_tr:
            return self._current_row
        row = self._rows.get(tr)
        if row is None:
            table = self._table_of(tr)
            if table is None:
                return None
            table[1] += 1
            row = self._rows[tr] = [table[0], table[1], 0]
        self._current_tr, self._current_row = tr, row
        return row

    def _table_of(self, tr: etree._Element) -> list[int] | None:
        """[table number, rows seen so far]; numbers enclosing tables first if need be."""
        tbl = _ancestor(tr, _TBL)
        if tbl is None:
            return None
        if tbl not in self._tables:
            unnumbered = []
            current: etree._Element | None = tbl
            while current is not None and current not in self._tables:
                unnumbered.append(current)
                current = _ancestor(current, _TBL)
            for table in reversed(unnumbered):
                self.tables += 1
                self._tables[table] = [self.tables, 0]
        return self._tables[tbl]


def shading(shd: etree._Element) -> Status | None:
    """The status a ``w:shd`` shows: a solid pattern its colour, anything else its fill."""
    val = shd.get(_VAL)
    if val == "solid":
        return status_of_shading(val, shd.get(_COLOR), shd.get(_FILL))
    return None if val == "nil" else status_of_fill(shd.get(_FILL))


def _ancestor(el: etree._Element, tag: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent
