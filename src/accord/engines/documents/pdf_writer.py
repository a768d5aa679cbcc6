"""Write a working document as PDF with reportlab: colour-coded items, brackets, changes,
comments and positions, for circulation to people who do not edit it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from accord.engines.documents.html_writer import SECTION_LABELS, STATUS_LABELS
from accord.engines.documents.linkage_annex import ANNEX_TITLE, COLUMNS, annex_rows
from accord.engines.documents.model import Comment, Item, Position, WorkingDocument
from accord.engines.documents.segments import segments

_FILL = {
    "agreed": "#eef7ee",
    "undisputed_change": "#fff8dc",
    "disputed": "#fdecec",
    None: "#f5f5f5",
}
_EDGE = {
    "agreed": "#2e7d32",
    "undisputed_change": "#b58b00",
    "disputed": "#c62828",
    None: "#999999",
}
# Fonts with wide Unicode coverage where the system has them; reportlab's own Vera otherwise.
_FONT_CANDIDATES = [
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    ),
]


@cache
def _fonts() -> tuple[str, str]:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    bundled = Path(reportlab.__file__).parent / "fonts"
    candidates = [*_FONT_CANDIDATES, (str(bundled / "Vera.ttf"), str(bundled / "VeraBd.ttf"))]
    regular, bold = next((r, b) for r, b in candidates if Path(r).exists() and Path(b).exists())
    pdfmetrics.registerFont(TTFont("AccordSans", regular))
    pdfmetrics.registerFont(TTFont("AccordSans-Bold", bold))
    pdfmetrics.registerFontFamily("AccordSans", normal="AccordSans", bold="AccordSans-Bold")
    return "AccordSans", "AccordSans-Bold"


def _markup(text: str) -> str:
    """reportlab paragraph markup: escaped text, brackets shaded, line breaks kept."""
    out = escape(text)
    out = out.replace("[", '<font backColor="#ffe0b2">[').replace("]", "]</font>")
    opened = text.count("[") - text.count("]")
    return out.replace("\n", "<br/>") + "</font>" * max(opened, 0)


def _item_markup(item: Item) -> str:
    styles = {
        "text": "{}",
        "ins": '<u><font color="#1b5e20">{}</font></u>',
        "del": '<strike><font color="#b71c1c">{}</font></strike>',
    }
    body = "".join(styles[kind].format(_markup(text)) for kind, text in segments(item))
    status = STATUS_LABELS[item.status.value if item.status else None]
    return f"<b>{escape(item.id)}</b> <font size=8>({item.kind}, {status})</font><br/>{body}"


def write_pdf(document: WorkingDocument, path: str | Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, leftIndent=0.4 * cm)
    h1 = ParagraphStyle("h1", parent=body, fontName=bold, fontSize=16, leading=20, spaceAfter=8)
    h2 = ParagraphStyle("h2", parent=body, fontName=bold, fontSize=13, leading=16, spaceBefore=12)
    h3 = ParagraphStyle("h3", parent=body, fontName=bold, fontSize=11, leading=14, spaceBefore=6)

    def comments(items: list[Comment], depth: int = 0) -> list:
        out = []
        for comment in items:
            style = ParagraphStyle(f"c{depth}", parent=small, leftIndent=(0.4 + 0.5 * depth) * cm)
            out.append(
                Paragraph(f"<b>{escape(comment.author)}</b>: {_markup(comment.text)}", style)
            )
            out.extend(comments(comment.replies, depth + 1))
        return out

    def positions(rows: list[Position]) -> list:
        if not rows:
            return []
        data = [
            [
                Paragraph(escape(p.delegation), small),
                Paragraph(str(p.stance), small),
                Paragraph(escape(p.detail), small),
            ]
            for p in rows
        ]
        table = Table(data, colWidths=[4.5 * cm, 2.5 * cm, 9 * cm])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]))
        return [table]

    story: list = [Paragraph(escape(document.title), h1)]
    story += [Paragraph(_markup(text), body) for text in document.preamble]
    for objective in document.objectives:
        story.append(Paragraph(f"{escape(objective.id)} {escape(objective.title)}", h2))
        story += comments(objective.comments) + positions(objective.positions)
        for section, label in SECTION_LABELS.items():
            items = [item for item in objective.items if item.section == section]
            if items:
                story.append(Paragraph(label, h3))
            for item in items:
                status = item.status.value if item.status else None
                box = Table([[Paragraph(_item_markup(item), body)]], colWidths=[16 * cm])
                box.setStyle(
                    TableStyle(
                        [
                            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(_FILL[status])),
                            ("LINEBEFORE", (0, 0), (0, -1), 3, colors.HexColor(_EDGE[status])),
                        ]
                    )
                )
                story += [Spacer(1, 4), box, *comments(item.comments), *positions(item.positions)]
        story += [Paragraph(f"<i>{_markup(note)}</i>", small) for note in objective.notes]
    story += [Paragraph(_markup(text), body) for text in document.trailing]
    if rows := annex_rows(document):
        story.append(Paragraph(escape(ANNEX_TITLE), h2))
        data = [[Paragraph(f"<b>{escape(title)}</b>", small) for title in COLUMNS]]
        data += [[Paragraph(escape(cell), small) for cell in row.cells] for row in rows]
        annex = Table(data, colWidths=[2.4 * cm, 2.4 * cm, 4 * cm, 3.2 * cm, 4 * cm], repeatRows=1)
        annex.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]))
        story.append(annex)
    SimpleDocTemplate(str(path), pagesize=A4, title=document.title, author="Accord").build(story)
