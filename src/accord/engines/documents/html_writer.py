"""Write a working document as one self-contained HTML page (also the source of the PDF)."""

from __future__ import annotations

from html import escape

from accord.engines.documents.linkage_annex import ANNEX_TITLE, COLUMNS, annex_rows
from accord.engines.documents.model import (
    Comment,
    Item,
    Objective,
    Position,
    Section,
    WorkingDocument,
)
from accord.engines.documents.segments import segments

STATUS_LABELS = {
    "agreed": "Agreed",
    "undisputed_change": "Undisputed change",
    "disputed": "Disputed",
    None: "No colour",
}
SECTION_LABELS = {Section.AGREED: "Agreed", Section.FURTHER_DISCUSSION: "For further discussion"}

_STYLE = """
body{font-family:system-ui,sans-serif;max-inline-size:60rem;margin-inline:auto;padding:1rem;
line-height:1.45;color:#1b1b1b}
h1{font-size:1.6rem}h2{margin-block-start:2rem;border-block-end:2px solid #ccc}
.item{border-inline-start:.4rem solid #bbb;padding-block:.3rem;padding-inline:.6rem;
margin-block:.5rem;background:#fafafa}
.agreed{border-color:#2e7d32;background:#eef7ee}.undisputed_change{border-color:#b58b00;
background:#fff8dc}.disputed{border-color:#c62828;background:#fdecec}
.badge{font-size:.8rem;padding-inline:.3rem;border:1px solid currentColor;border-radius:.2rem}
.bracket{background:#ffe0b2}ins{background:#d7f5d7}del{background:#f8d0d0}
.comments{font-size:.9rem;margin-block-start:.3rem}.comments li{margin-block:.2rem}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ccc;padding:.2rem .4rem;
text-align:start}
"""


def _marked(text: str) -> str:
    """Escape text and mark square brackets so disputed text stands out."""
    out = []
    for char in text:
        if char == "[":
            out.append('<span class="bracket">[')
        elif char == "]":
            out.append("]</span>")
        else:
            out.append(escape(char))
    opened = text.count("[") - text.count("]")
    return "".join(out) + "</span>" * max(opened, 0)


def _item_text(item: Item) -> str:
    parts = []
    for kind, text in segments(item):
        body = _marked(text).replace("\n", "<br>")
        parts.append(body if kind == "text" else f"<{kind}>{body}</{kind}>")
    return "".join(parts)


def _comments(comments: list[Comment]) -> str:
    if not comments:
        return ""
    rows = []
    for comment in comments:
        date = f" <small>{comment.date:%Y-%m-%d}</small>" if comment.date else ""
        body = escape(comment.text).replace("\n", "<br>")
        rows.append(
            f"<li><strong>{escape(comment.author)}</strong>{date}: {body}"
            f"{_comments(comment.replies)}</li>"
        )
    return f'<ul class="comments">{"".join(rows)}</ul>'


def _positions(positions: list[Position]) -> str:
    if not positions:
        return ""
    rows = "".join(
        f"<tr><td>{escape(p.delegation)}</td><td>{escape(str(p.stance))}</td>"
        f"<td>{escape(p.detail)}</td></tr>"
        for p in positions
    )
    return (
        "<table><thead><tr><th>Delegation</th><th>Stance</th><th>Detail</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _item(item: Item) -> str:
    status = item.status.value if item.status else None
    return (
        f'<div class="item {status or ""}" id="{escape(item.id)}">'
        f'<strong>{escape(item.id)}</strong> <span class="badge">{item.kind}</span> '
        f'<span class="badge">{STATUS_LABELS[status]}</span>'
        f"<p>{_item_text(item)}</p>{_comments(item.comments)}{_positions(item.positions)}</div>"
    )


def _objective(objective: Objective) -> str:
    parts = [
        f'<section id="{escape(objective.id)}"><h2>{escape(objective.id)} '
        f"{escape(objective.title)}</h2>",
        _comments(objective.comments),
        _positions(objective.positions),
    ]
    for section, label in SECTION_LABELS.items():
        items = [item for item in objective.items if item.section == section]
        if items:
            parts.append(f"<h3>{label}</h3>")
            parts.extend(_item(item) for item in items)
    parts.extend(f"<p><em>{escape(note)}</em></p>" for note in objective.notes)
    parts.append("</section>")
    return "".join(parts)


def _annex(document: WorkingDocument) -> str:
    rows = annex_rows(document)
    if not rows:
        return ""
    head = "".join(f'<th scope="col">{escape(title)}</th>' for title in COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row.cells) + "</tr>" for row in rows
    )
    return (
        f'<section id="linkage-annex"><h2>{escape(ANNEX_TITLE)}</h2>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>"
    )


def to_html(document: WorkingDocument, *, lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{escape(text)}</p>" for text in document.preamble)
    body = "".join(_objective(objective) for objective in document.objectives)
    trailing = "".join(f"<p>{escape(text)}</p>" for text in document.trailing)
    return (
        f'<!DOCTYPE html><html lang="{escape(lang)}" dir="auto"><head><meta charset="utf-8">'
        f"<title>{escape(document.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(document.title)}</h1>{paragraphs}{body}{trailing}{_annex(document)}"
        "</body></html>"
    )
