"""Word-level comparison of two texts, readable the way Word's "Compare" shows it.

Texts are compared token by token (words, whitespace runs, punctuation marks), so a change
never starts or ends inside a word. The result is normalised into *hunks*: each replaces a
span of the old text with new text, and hunks are separated by unchanged text. Every other
view (ops, changed ranges, tracked changes, merges) is derived from the hunks, so they agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

# Chinese and Japanese are written without spaces: each ideograph or kana is a token.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(rf"[^\W{_CJK}]+|[{_CJK}]|\s+|[^\w\s]")

OpKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Op:
    """One piece of a comparison: text both share, or text only the new/old one has."""

    kind: OpKind
    text: str


@dataclass(frozen=True)
class Hunk:
    """Replace ``old[start:end]`` with ``text``: a deletion when ``text`` is empty, a pure
    insertion at ``start`` when ``start == end``."""

    start: int
    end: int
    text: str

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def tokenize(text: str) -> list[str]:
    """Words, whitespace runs and single punctuation marks; ``"".join`` gives ``text`` back.

    Combining marks (accents, Arabic vowel signs, Indic vowel signs) stay inside their word,
    so a word in Arabic or Hindi is one token like a word in English.
    """
    tokens: list[str] = _TOKEN.findall(text)
    if text.isascii():
        return tokens
    return _join_marks(tokens)


def _join_marks(tokens: list[str]) -> list[str]:
    """``re``'s ``\\w`` leaves combining marks out: glue each to the word it sits in."""
    out: list[str] = []
    glued = False  # the last token ends with a mark: a word run after it continues the word
    for token in tokens:
        if out and len(token) == 1 and unicodedata.category(token)[0] == "M":
            if _wordlike(out[-1]):
                out[-1] += token
                glued = True
                continue
        elif glued and _wordlike(token):
            out[-1] += token
            glued = False
            continue
        out.append(token)
        glued = False
    return out


def _wordlike(token: str) -> bool:
    first = token[0]
    return first.isalnum() or first == "_"


def hunks(old: str, new: str) -> list[Hunk]:
    """The changes that turn ``old`` into ``new``, in order, separated by unchanged text."""
    return [Hunk(start, start + len(removed), added) for start, removed, added in _blocks(old, new)]


def diff_words(old: str, new: str) -> list[Op]:
    """The comparison as ops: joining equal+delete gives ``old``, equal+insert gives ``new``;
    a replaced passage is one delete followed by one insert."""
    ops: list[Op] = []
    cursor = 0
    for start, removed, added in _blocks(old, new):
        if start > cursor:
            ops.append(Op("equal", old[cursor:start]))
        if removed:
            ops.append(Op("delete", removed))
        if added:
            ops.append(Op("insert", added))
        cursor = start + len(removed)
    if cursor < len(old):
        ops.append(Op("equal", old[cursor:]))
    return ops


def changed_ranges(old: str, new: str) -> list[tuple[int, int]]:
    """Half-open spans of ``old`` the edit touches; ``(k, k)`` for a pure insertion at ``k``.
    Two proposals whose spans overlap compete for the same words."""
    return [hunk.span for hunk in hunks(old, new)]


def apply_hunks(old: str, changes: list[Hunk]) -> str:
    """``old`` with non-overlapping hunks applied (sorted by position; at one offset a pure
    insertion goes before a replacement that starts there)."""
    out: list[str] = []
    cursor = 0
    for hunk in sorted(changes, key=lambda h: (h.start, h.end)):
        out.append(old[cursor : hunk.start])
        out.append(hunk.text)
        cursor = hunk.end
    out.append(old[cursor:])
    return "".join(out)


def _blocks(old: str, new: str) -> list[tuple[int, str, str]]:
    """(offset in old, removed text, added text) per change, after the readability clean-up."""
    if old == new:
        return []
    a, b = tokenize(old), tokenize(new)
    prefix = _common_prefix(a, b)
    suffix = _common_suffix(a[prefix:], b[prefix:])
    a_mid, b_mid = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    # Pieces alternate between shared text (str) and changes ([removed, added] token lists).
    pieces: list[str | tuple[list[str], list[str]]] = []
    matcher = SequenceMatcher(None, a_mid, b_mid, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append("".join(a_mid[i1:i2]))
        elif pieces and not isinstance(pieces[-1], str):
            pieces[-1][0].extend(a_mid[i1:i2])
            pieces[-1][1].extend(b_mid[j1:j2])
        else:
            pieces.append((a_mid[i1:i2], b_mid[j1:j2]))
    pieces = _absorb_whitespace(pieces)
    blocks: list[tuple[int, str, str]] = []
    offset = sum(len(token) for token in a[:prefix])
    for piece in pieces:
        if isinstance(piece, str):
            offset += len(piece)
        else:
            removed, added = "".join(piece[0]), "".join(piece[1])
            blocks.append((offset, removed, added))
            offset += len(removed)
    return blocks


def _absorb_whitespace(
    pieces: list[str | tuple[list[str], list[str]]],
) -> list[str | tuple[list[str], list[str]]]:
    """Fold a whitespace-only island between two changes into one replacement, as Word shows
    "reduced import duties" → "targeted subsidies": one deletion, one insertion. Islands
    between two pure insertions (or two pure deletions) stay: folding them would turn
    insertions into a replacement."""
    out: list[str | tuple[list[str], list[str]]] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if (
            isinstance(piece, str)
            and piece.isspace()
            and out
            and index + 1 < len(pieces)
            and not isinstance(left := out[-1], str)
            and not isinstance(right := pieces[index + 1], str)
            and (left[0] or right[0])
            and (left[1] or right[1])
        ):
            out[-1] = ([*left[0], piece, *right[0]], [*left[1], piece, *right[1]])
            index += 2
            continue
        out.append(piece)
        index += 1
    return out


def _common_prefix(a: list[str], b: list[str]) -> int:
    limit = min(len(a), len(b))
    count = 0
    while count < limit and a[count] == b[count]:
        count += 1
    return count


def _common_suffix(a: list[str], b: list[str]) -> int:
    limit = min(len(a), len(b))
    count = 0
    while count < limit and a[-1 - count] == b[-1 - count]:
        count += 1
    return count
