"""Read a .docx into blocks: one per paragraph, in document order, tables included.

A 300-page working document with thousands of comments must import in a few times what
python-docx takes merely to open it, so there are no python-docx objects here: one lxml
iteration over the elements that matter (paragraphs, runs, text, comment markers, colours,
paragraph properties), filtered in C, with everything else skipped unseen; a paragraph's
table cell is worked out from its parent (docx_tables). Each paragraph's text is what
Word shows with tracked changes *not* applied (deleted text present, inserted text absent);
the changes, the comments anchored there, the colour code and the automatic numbering label
come with it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree

from accord.engines.documents.blocks import Block
from accord.engines.documents.docx_anchors import Marker, Markers, place_comments
from accord.engines.documents.docx_colours import (
    dominant,
    status_of_highlight,
)
from accord.engines.documents.docx_comments import parse_date, read_comments
from accord.engines.documents.docx_numbering import Numbering
from accord.engines.documents.docx_state import (
    BASE,
    DELETED,
    INSERTED,
    SKIP,
    SPECIAL_TEXT,
    ParagraphState,
    special_text,
)
from accord.engines.documents.docx_styles import Styles
from accord.engines.documents.docx_tables import TablePlaces, shading
from accord.engines.documents.docx_xml import MC, DocxPackage, small_int, w
from accord.engines.documents.model import Status

_P, _TBL, _TR, _TC, _R, _BODY = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("body")
_PPR, _RPR, _PSTYLE, _NUM_ID, _ILVL = w("pPr"), w("rPr"), w("pStyle"), w("numId"), w("ilvl")
_INS, _DEL, _MOVE_TO, _MOVE_FROM = w("ins"), w("del"), w("moveTo"), w("moveFrom")
_T, _DEL_TEXT, _TAB, _PTAB, _BR, _CR = w("t"), w("delText"), w("tab"), w("ptab"), w("br"), w("cr")
_SYM, _NB_HYPHEN = w("sym"), w("noBreakHyphen")
_RANGE_START, _RANGE_END, _REFERENCE = (
    w("commentRangeStart"),
    w("commentRangeEnd"),
    w("commentReference"),
)
_HIGHLIGHT, _SHD, _VANISH = w("highlight"), w("shd"), w("vanish")
_VAL, _ID, _AUTHOR, _DATE = w("val"), w("id"), w("author"), w("date")

_TAGS = (
    _T,
    _DEL_TEXT,
    _R,
    _P,
    _HIGHLIGHT,
    _SHD,
    _VANISH,
    _TAB,
    _PTAB,
    _BR,
    _CR,
    _NB_HYPHEN,
    _SYM,
    _REFERENCE,
    _RANGE_START,
    _RANGE_END,
    _PSTYLE,
    _NUM_ID,
    _ILVL,
)
# Removed before reading, content and all: text boxes and drawings (their paragraphs are not
# the document's), superseded formatting (*PrChange), tab stops, field instructions.
_STRIPPED = (
    w("drawing"),
    w("pict"),
    w("object"),
    f"{{{MC}}}AlternateContent",
    w("rPrChange"),
    w("pPrChange"),
    w("sectPrChange"),
    w("tblPrChange"),
    w("trPrChange"),
    w("tcPrChange"),
    w("numberingChange"),
    w("tabs"),
    w("instrText"),
    w("delInstrText"),
)
_INSERTS, _DELETES = frozenset((_INS, _MOVE_TO)), frozenset((_DEL, _MOVE_FROM))
_TEXTS = frozenset((_T, _DEL_TEXT))
_MARKS = frozenset((_HIGHLIGHT, _VANISH))
_RANGES = frozenset((_RANGE_START, _RANGE_END))
_BLOCK_LEVEL = frozenset((_BODY, _TC, _TR, _TBL))
_OFF = frozenset(("0", "false", "off"))


def read_docx_blocks(path: str | Path) -> list[Block]:
    """The paragraphs of a .docx as blocks; DocumentError when the file is not a usable .docx."""
    package = DocxPackage(path)
    try:
        return _Reader(package).read()
    finally:
        package.close()


class _Reader:
    def __init__(self, package: DocxPackage) -> None:
        main = package.main
        root = package.xml(main)
        assert root is not None
        body = next(root.iterchildren(_BODY), None)
        if body is None:
            raise package.damaged(f"{main} has no document body; save it again from Word")
        self.body = body
        self.styles = Styles(package.xml(package.related(main, "styles")))
        self.numbering = Numbering(package.xml(package.related(main, "numbering")), self.styles)
        self.records = read_comments(package.xml(package.related(main, "comments")))
        self.extended = (
            package.xml(package.related(main, "commentsExtended")) if self.records else None
        )
        self.blocks: list[Block] = []
        self.markers = Markers({}, {}, {})
        self.seq = 0
        self.body_paragraphs = 0
        self.places = TablePlaces()
        self.pending_starts: list[str] = []
        self.dates: dict[str, dt.datetime | None] = {}
        self.style_info: dict[str | None, tuple[str, str | None, int | None]] = {}

    def read(self) -> list[Block]:
        self._walk()
        place_comments(self.blocks, self.records, self.markers, self.extended)
        return self.blocks

    def _walk(self) -> None:
        etree.strip_elements(self.body, *_STRIPPED, with_tail=False)
        para: ParagraphState | None = None
        p_el: etree._Element | None = None  # para's element, held so identity tests work
        run: etree._Element | None = None
        mode, author, date = BASE, "", None
        highlight: Status | None = None
        run_shading: Status | None = None
        shade: Status | None = None  # para.shade, kept in step
        hidden = False
        # The paragraph's hot state lives in locals (pieces of base text, its length, colours,
        # comment markers), and so do the tag names: this loop runs once per element that
        # matters. lxml hands back the same proxy for an element while one is referenced, so
        # ``el.getparent() is p_el`` answers "directly in this paragraph" without a new tag.
        pieces: list[str] = []
        markers: list[tuple[str, str, int | None]] = []
        length = 0
        colours: dict[Status, int] = {}
        texts, r_tag, p_tag, shd_tag, highlight_tag = _TEXTS, _R, _P, _SHD, _HIGHLIGHT
        marks, ranges = _MARKS, _RANGES
        start_tag, reference_tag, id_attr, val_attr = _RANGE_START, _REFERENCE, _ID, _VAL
        specials = SPECIAL_TEXT
        base, skip = BASE, SKIP
        highlights: dict[str | None, Status | None] = {}
        for el in self.body.iter(*_TAGS):
            tag = el.tag
            if tag == r_tag:
                run = el
                parent = el.getparent()
                if parent is p_el or (parent is not None and parent.tag == p_tag):
                    mode, author, date = base, "", None
                else:
                    mode, author, date = self._mode(el)
                highlight = run_shading = None
                hidden = False
                continue
            if tag in texts:
                text = el.text
            elif tag == reference_tag:
                if para is not None:
                    markers.append(("r", el.get(id_attr, ""), length))
                continue
            elif tag in ranges and para is not None and el.getparent() is p_el:
                markers.append(("s" if tag == start_tag else "e", el.get(id_attr, ""), length))
                continue
            elif tag in marks:
                # Only a run's own properties can follow its start: the paragraph mark's come
                # before the first run, and a content control's are followed by a new run.
                if run is not None:
                    value = el.get(val_attr)
                    if tag == highlight_tag:
                        if value not in highlights:
                            highlights[value] = status_of_highlight(value)
                        highlight = highlights[value]
                    else:
                        hidden = value not in _OFF
                continue
            elif tag == p_tag:
                if para is not None:
                    para.length = length
                    self._finish(para, pieces, colours)
                para = self._start(el)
                p_el = el
                pieces, length, colours, markers = para.pieces, 0, para.colours, para.markers
                run = shade = None
                continue
            elif tag == shd_tag:
                props = el.getparent()
                owner = props.tag if props is not None else None
                if owner == _RPR:
                    if run is not None and props is not None and props.getparent() is run:
                        run_shading = shading(el)
                elif owner == _PPR and para is not None:
                    para.shade = shade = shading(el)
                continue
            elif tag in specials:
                text = special_text(el, tag)
            else:
                if para is not None:
                    para.length = length
                self._structure(el, tag, para)
                continue
            if not text or hidden or mode == skip or para is None or run is None:
                continue
            colour = highlight or run_shading or shade
            if colour is not None:
                visible = len(text) - text.count(" ")
                if visible:
                    colours[colour] = colours.get(colour, 0) + visible
            if mode == base:
                pieces.append(text)
                length += len(text)
            else:
                para.length = length
                para.add(text, mode, author, date)
                length = para.length
        if para is not None:
            para.length = length
            self._finish(para, pieces, colours)

    def _structure(self, el: etree._Element, tag: str, para: ParagraphState | None) -> None:
        """The rarer elements: comment markers, paragraph properties, table structure."""
        if tag == _REFERENCE:
            if para is not None:
                para.markers.append(("r", el.get(_ID, ""), para.length))
        elif tag in (_RANGE_START, _RANGE_END):
            kind = "s" if tag == _RANGE_START else "e"
            comment_id = el.get(_ID, "")
            parent = el.getparent()
            inside = parent is not None and (parent.tag == _P or _in_paragraph(parent))
            if para is not None and inside:
                para.markers.append((kind, comment_id, para.length))
            elif kind == "s":
                self.pending_starts.append(comment_id)
            elif para is not None:
                para.markers.append(("e", comment_id, None))
        elif para is None:
            return
        elif tag == _PSTYLE:
            para.style_id = el.get(_VAL)
        elif tag == _NUM_ID:
            para.num_id = el.get(_VAL)
        elif tag == _ILVL:
            para.ilvl = small_int(el.get(_VAL)) or 0

    def _mode(self, run: etree._Element) -> tuple[int, str, dt.datetime | None]:
        """How a run's text counts, from the revisions around it (innermost author wins)."""
        parent = run.getparent()
        if parent is None or parent.tag == _P:
            return BASE, "", None
        mode, author, date = BASE, "", None
        found = False
        while parent is not None and parent.tag != _P:
            tag = parent.tag
            if tag in _INSERTS or tag in _DELETES:
                if tag in _INSERTS:
                    mode = INSERTED if mode == BASE else SKIP
                else:
                    mode = DELETED if mode in (BASE, DELETED) else SKIP
                if not found:
                    found = True
                    author, date = parent.get(_AUTHOR, ""), self._date(parent.get(_DATE))
            parent = parent.getparent()
        return mode, author, date

    def _date(self, value: str | None) -> dt.datetime | None:
        if value is None:
            return None
        if value not in self.dates:
            self.dates[value] = parse_date(value)
        return self.dates[value]

    def _start(self, p: etree._Element) -> ParagraphState:
        para = ParagraphState(self.places.cell_of(p))
        if self.pending_starts:
            para.markers.extend(("s", comment_id, 0) for comment_id in self.pending_starts)
            self.pending_starts.clear()
        return para

    def _finish(self, para: ParagraphState, pieces: list[str], colours: dict[Status, int]) -> None:
        cell = para.cell
        if cell is not None and cell.skip:
            return
        style_id, num_id, ilvl = para.style_id, para.num_id, para.ilvl
        info = self.style_info.get(style_id) or self._style(style_id)
        label = ""
        if num_id is None:
            num_id, ilvl = info[1], ilvl if ilvl is not None else info[2]
        if num_id is not None and num_id != "0":
            label = self.numbering.label(num_id, ilvl, style_id or self.styles.default_paragraph)
            pieces.insert(0, label)
        text = "".join(pieces)
        if cell is None:
            self.body_paragraphs += 1
        else:
            cell.paragraphs += 1
        if not text and not para.markers and not para.changes:
            return  # an empty paragraph: counted, never a block
        shift = len(label)
        if shift:
            for change in para.changes:
                change.start += shift
                change.end += shift
        if para.markers:
            self._record_markers(para.markers, len(self.blocks), shift, len(text))
        if cell is None:
            where, key, column = f"paragraph {self.body_paragraphs}", None, None
        else:
            t, r, c = key = cell.key
            where = f"table {t}, row {r}, cell {c}, paragraph {cell.paragraphs}"
            column = c - 1
        colour: Status | None
        if len(colours) == 1:  # the usual case: one colour, nothing to weigh
            (colour,) = colours
        else:
            colour = dominant(colours) if colours else None
        if colour is None and cell is not None:
            colour = cell.shade
        self.blocks.append(Block(text, where, [], colour, para.changes, key, column, info[0]))

    def _record_markers(
        self, found: list[tuple[str, str, int | None]], block: int, shift: int, end: int
    ) -> None:
        markers = self.markers
        seq = self.seq
        for kind, comment_id, offset in found:
            seq += 1
            table = markers.starts if kind == "s" else markers.ends if kind == "e" else markers.refs
            if comment_id not in table:  # the first marker of each kind counts
                table[comment_id] = Marker(block, end if offset is None else offset + shift, seq)
        self.seq = seq

    def _style(self, style_id: str | None) -> tuple[str, str | None, int | None]:
        """(name, numId, ilvl) of a paragraph style, looked up once per style."""
        info = self.style_info.get(style_id)
        if info is None:
            info = self.style_info[style_id] = (
                self.styles.name(style_id),
                *self.styles.numbering(style_id),
            )
        return info


def _in_paragraph(parent: etree._Element | None) -> bool:
    """Whether a marker whose parent is ``parent`` sits inside a paragraph (not between
    paragraphs, rows or cells)."""
    while parent is not None:
        tag = parent.tag
        if tag == _P:
            return True
        if tag in _BLOCK_LEVEL:
            return False
        parent = parent.getparent()
    return False
