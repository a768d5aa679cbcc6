"""Split a bracket's own-level text into its options (the slash and OR rules), and an item's
top-level text into whole-item alternatives.

Callers pass a *masked* text: the region with every nested bracket replaced by NUL
characters of the same length, so offsets still match the source and separators inside a
nested bracket are invisible at this level.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

COMPOUNDS: frozenset[str] = frozenset(
    {
        "telecommunication/ICT",
        "telecommunications/ICTs",
        "telecommunication/ICTs",
        "telecommunications/ICT",
        "ICT/telecommunication",
        "ICTs/telecommunications",
        "and/or",
        "either/or",
        "his/her",
        "him/her",
        "he/she",
        "she/he",
        "s/he",
    }
)
"""Fixed compounds whose slash never separates options (compared case-insensitively)."""

MASK = "\x00"

_H = r"[^\S\n]"  # horizontal whitespace (also \r)
_LABEL = rf"[Aa]lternative(?:{_H}+[^\s:]{{1,30}}){{0,3}}{_H}*:"
OR_SEPARATOR = re.compile(
    # "OR" alone on its line, then an optional "Alternative X:" label
    rf"\n{_H}*OR{_H}*\n\s*(?:{_LABEL})?"
    # " OR Alternative X: " in running text (uppercase OR between whitespace)
    rf"|(?<=\s)OR\s+(?=[Aa]lternative\b)(?:{_LABEL})?"
)

_URL = re.compile(r"://|www\.|^[\w-]+(?:\.[\w-]+)+/", re.IGNORECASE)
_EDGE_OPEN = "([{\"'“‘«"
_EDGE_CLOSE = ".,;:!?)]}\"'”’»"
_SYMBOL = re.compile(r"[A-Z0-9][A-Z0-9.()-]*(?:/[A-Z0-9][A-Z0-9.()-]*)+")
_ABBREVIATION_LEFT = re.compile(r"(?<![\w.])[A-Za-z]{1,6}\.$")
_ABBREVIATION_RIGHT = re.compile(r"[A-Z][A-Za-z]{0,5}\.")
_WINDOW = 120  # characters read on each side of a slash; longer words are cut there
_WORD_END = re.compile(r"\w+$")
_WORD_START = re.compile(r"\w+")


def _pair(left: str, right: str) -> tuple[str, str] | None:
    """The words that touch a slash: the last word on its left, the first on its right."""
    end = _WORD_END.search(left)
    start = _WORD_START.match(right)
    if end is None or start is None:
        return None
    return end.group().casefold(), start.group().casefold()


@lru_cache(maxsize=64)
def compound_pairs(extra: frozenset[str] = frozenset()) -> frozenset[tuple[str, str]]:
    """Word pairs joined by a fixed slash ("he/she/they" gives he/she and she/they)."""
    pairs: set[tuple[str, str]] = set()
    for compound in COMPOUNDS | extra:
        parts = compound.split("/")
        for left, right in pairwise(parts):
            pair = _pair(left, right)
            if pair is not None:
                pairs.add(pair)
    return frozenset(pairs)


_LONGEST = 40  # compound words are shorter; keeps the word searches short


def _token_is_fixed(token: str) -> bool:
    """URLs, paths and document symbols ("TDAG-20/37-E", "WTDC-22/INF/1-E") stay whole."""
    core = token.lstrip(_EDGE_OPEN).rstrip(_EDGE_CLOSE)
    if _URL.search(core):
        return True
    return _SYMBOL.fullmatch(core) is not None and any(c.isdigit() for c in core)


def _slash_is_fixed(left: str, right: str, pairs: frozenset[tuple[str, str]]) -> bool:
    """A slash inside a word: numbers and dates, "Res./Rec." abbreviations, compounds."""
    if left[-1].isdigit() and right[0].isdigit():
        return True
    if _ABBREVIATION_LEFT.search(left[-_LONGEST:]) and _ABBREVIATION_RIGHT.match(right):
        return True
    return _pair(left[-_LONGEST:], right[:_LONGEST]) in pairs


def slash_separators(masked: str, pairs: frozenset[tuple[str, str]]) -> list[tuple[int, int]]:
    """(start, end) of every slash that separates options in ``masked``.

    Each slash is judged on the word it sits in, read from a window around it: constant
    work per slash, so a long text costs linear time.
    """
    found: list[tuple[int, int]] = []
    at = masked.find("/")
    while at != -1:
        before = masked[max(0, at - _WINDOW) : at]
        after = masked[at + 1 : at + 1 + _WINDOW]
        if not before or not after or before[-1].isspace() or after[0].isspace():
            found.append((at, at + 1))  # spaced (" / ") or at the edge of the bracket
        else:
            left = before.rsplit(None, 1)[-1]
            right = after.split(None, 1)[0]
            if left.isalnum() and right.isalnum():  # "duties/targeted": the common case
                fixed = (left[-1].isdigit() and right[0].isdigit()) or (
                    left.casefold(),
                    right.casefold(),
                ) in pairs
            else:
                fixed = _token_is_fixed(f"{left}/{right}") or _slash_is_fixed(left, right, pairs)
            if not fixed:
                found.append((at, at + 1))
        at = masked.find("/", at + 1)
    return found


def or_separators(masked: str) -> list[tuple[int, int]]:
    """(start, end) of every "OR" separator, its "Alternative X:" label included."""
    if "OR" not in masked:
        return []
    return [match.span() for match in OR_SEPARATOR.finditer(masked)]


def split_at(text: str, separators: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    """The stripped pieces of ``text`` between the separators."""
    pieces: list[str] = []
    previous = 0
    for start, end in separators:
        pieces.append(text[previous:start].strip())
        previous = end
    pieces.append(text[previous:].strip())
    return tuple(pieces)


def bracket_options(inner: str, masked: str, pairs: frozenset[tuple[str, str]]) -> tuple[str, ...]:
    """A bracket's options: OR separators win; without them, separating slashes split."""
    separators = or_separators(masked)
    if not separators and "/" in masked:
        separators = slash_separators(masked, pairs)
    if not separators:
        return (inner.strip(),)
    return split_at(inner, separators)


def whole_alternatives(text: str, masked: str) -> tuple[str, ...]:
    """Whole-item alternatives ("X OR Alternative X: Y") outside any bracket; () if none."""
    separators = or_separators(masked)
    return split_at(text, separators) if separators else ()
