"""An item's text as HTML with each bracket marked, nested as in the text, so a reader sees at
once which words are still open and which bracket a position concerns."""

from __future__ import annotations

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from accord.engines.brackets import Bracket, Parsed, TextRun


def _node(node: Bracket | TextRun) -> str:
    if isinstance(node, TextRun):
        return str(conditional_escape(node.text))
    inner = "".join(_node(child) for child in node.children)
    return format_html(
        '<mark class="bracket bracket--depth-{}" data-bracket="{}">'
        '<span class="bracket__mark">[</span>{}<span class="bracket__mark">]</span>'
        '<sup class="bracket__number">{}</sup></mark>',
        min(node.depth, 2),
        node.index,
        mark_safe(inner),  # built from escaped parts above
        node.index + 1,
    )


def bracketed_html(parsed: Parsed) -> SafeString:
    """Line breaks become <br>; the text itself is escaped."""
    html = "".join(_node(node) for node in parsed.nodes)
    return mark_safe(html.replace("\n", "<br>"))  # every piece escaped in _node
