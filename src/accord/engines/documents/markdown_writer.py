"""Write a working document as Markdown: readable in e-mail, diffable in version control."""

from __future__ import annotations

import re

from accord.engines.documents.html_writer import SECTION_LABELS, STATUS_LABELS
from accord.engines.documents.linkage_annex import ANNEX_TITLE, COLUMNS, annex_rows
from accord.engines.documents.model import Comment, Item, WorkingDocument
from accord.engines.documents.segments import segments

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _text(item: Item) -> str:
    marks = {"text": "{}", "ins": "<ins>{}</ins>", "del": "~~{}~~"}
    return "".join(marks[kind].format(_escape(text)) for kind, text in segments(item))


def _comments(comments: list[Comment], depth: int = 1) -> list[str]:
    lines = []
    for comment in comments:
        body = _escape(comment.text).replace("\n", "<br>")
        lines.append(f"{'>' * depth} **{_escape(comment.author)}**: {body}")
        lines.extend(_comments(comment.replies, depth + 1))
    return lines


def _annex(document: WorkingDocument) -> list[str]:
    rows = annex_rows(document)
    if not rows:
        return []
    table = [
        f"| {' | '.join(COLUMNS)} |",
        f"|{'---|' * len(COLUMNS)}",
        *(f"| {' | '.join(_escape(cell) for cell in row.cells)} |" for row in rows),
    ]
    return [f"## {ANNEX_TITLE}", "", *table, ""]


def to_markdown(document: WorkingDocument) -> str:
    lines = [f"# {_escape(document.title)}", ""]
    lines += [line for text in document.preamble for line in (_escape(text), "")]
    for objective in document.objectives:
        lines += [f"## {_escape(objective.id)} {_escape(objective.title)}", ""]
        if objective.comments:
            lines += [*_comments(objective.comments), ""]
        for section, label in SECTION_LABELS.items():
            items = [item for item in objective.items if item.section == section]
            if not items:
                continue
            lines += [f"### {label}", ""]
            for item in items:
                status = STATUS_LABELS[item.status.value if item.status else None]
                text = _text(item).replace("\n", "<br>")
                lines.append(f"- **{_escape(item.id)}** ({item.kind}, {status}): {text}")
                lines += [f"  {line}" for line in _comments(item.comments)]
                lines += [
                    f"  - *{_escape(p.delegation)}*: {p.stance} — {_escape(p.detail)}"
                    for p in item.positions
                ]
            lines.append("")
        lines += [line for note in objective.notes for line in (f"*{_escape(note)}*", "")]
    lines += [line for text in document.trailing for line in (_escape(text), "")]
    lines += _annex(document)
    return "\n".join(lines).rstrip() + "\n"
