"""A first draft of one text for a cluster of overlapping texts, for a secretariat to edit.

It keeps every distinct clause once: the longest text is the base; a clause of another text
is dropped when its content words are already in one clause of the draft (a repeat, or the
same words reordered), replaces that clause when it says the same and more, and is
appended otherwise. Clauses are the pieces between commas, semicolons, colons and full
stops. Deterministic: the same texts in the same order give the same draft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from accord.engines.overlap.model import OverlapError
from accord.engines.overlap.normalise import words

_CLAUSE = re.compile(r"[^,;:.\n]+(?:\.(?=\w)[^,;:.\n]*)*")  # a full stop inside "e.g." stays
_END = ".;,: \t\n"


@dataclass
class _Clause:
    text: str
    words: frozenset[str]
    start: int = -1  # where it sits in the base text; -1 for an appended clause
    end: int = -1
    before: int = -1  # where the separator before it starts (the previous clause's end)
    gone: bool = False  # merged into a wider clause


def merged_draft(texts: Sequence[str]) -> str:
    """The longest text (most content words; the first of equals), then what the others
    add, each distinct clause once."""
    if isinstance(texts, str) or not all(isinstance(text, str) for text in texts):
        raise OverlapError("merged_draft takes a sequence of strings")
    present = [text.strip() for text in texts if text.strip()]
    if not present:
        return ""
    base = max(present, key=lambda text: len(words(text)))  # the first of the longest
    kept = _clauses(base, anchored=True)
    for text in present:
        if text is base:
            continue
        for clause in _clauses(text, anchored=False):
            _take(kept, clause)
    return _write(base, kept)


def _clauses(text: str, *, anchored: bool) -> list[_Clause]:
    out: list[_Clause] = []
    for match in _CLAUSE.finditer(text):
        piece = match.group().strip()
        content = frozenset(words(piece))
        if not content:
            continue
        if not anchored:
            out.append(_Clause(piece, content))
            continue
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        before = out[-1].end if out else start
        out.append(_Clause(piece, content, start, start + len(piece), before))
    return out


def _take(kept: list[_Clause], clause: _Clause) -> None:
    """Drop a clause the draft covers; or let it replace the clauses it covers (the first
    takes its text, the others go); or add it."""
    present = [other for other in kept if not other.gone]
    if any(clause.words <= other.words for other in present):
        return
    covered = [other for other in present if other.words < clause.words]
    if not covered:
        kept.append(clause)
        return
    first, *others = covered
    first.text, first.words = clause.text, clause.words
    for other in others:
        other.gone = True


def _write(base: str, kept: list[_Clause]) -> str:
    """The base with widened clauses put in place and merged ones taken out (with the
    separator before them), then the added clauses after it."""
    out = base
    for clause in sorted((c for c in kept if c.start >= 0), key=lambda c: -c.start):
        if clause.gone:
            out = out[: clause.before] + out[clause.end :]
        elif out[clause.start : clause.end] != clause.text:
            out = out[: clause.start] + clause.text + out[clause.end :]
    out = out.lstrip(_END)
    added = [clause.text for clause in kept if clause.start < 0 and not clause.gone]
    if not added:
        return out
    body = out.rstrip(_END)
    ending = "." if out.rstrip().endswith(".") else ""
    return body + "; " + "; ".join(added) + ending
