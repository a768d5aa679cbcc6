"""Find square-bracket spans in a text and report brackets that do not pair up."""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.engines.documents.model import BracketSpan

_BRACKET = re.compile(r"[\[\]]")


@dataclass(frozen=True)
class Unbalanced:
    offset: int
    char: str

    @property
    def message(self) -> str:
        if self.char == "[":
            return f"'[' at offset {self.offset} is never closed"
        return f"']' at offset {self.offset} closes nothing"


def scan_brackets(text: str) -> tuple[list[BracketSpan], list[Unbalanced]]:
    """Spans of every matched pair (outer before inner), and every unmatched bracket."""
    if "[" not in text and "]" not in text:
        return [], []
    open_at: list[int] = []
    spans: list[BracketSpan] = []
    stray: list[Unbalanced] = []
    for match in _BRACKET.finditer(text):
        offset, char = match.start(), match.group()
        if char == "[":
            open_at.append(offset)
        elif char == "]":
            if open_at:
                start = open_at.pop()
                spans.append(BracketSpan(start, offset + 1, text[start : offset + 1]))
            else:
                stray.append(Unbalanced(offset, "]"))
    stray.extend(Unbalanced(offset, "[") for offset in open_at)
    spans.sort(key=lambda span: (span.start, -span.end))
    stray.sort(key=lambda u: u.offset)
    return spans, stray
