"""Why two texts overlap: the phrases they share, aligned side by side, and the words only
one of them has. Phrases are runs of content words, so "coverage of broadband" matches
"coverage for broadband"; spans point into the original texts, for highlighting."""

from __future__ import annotations

from accord.engines.overlap.model import Explanation, OverlapError, Shared
from accord.engines.overlap.normalise import words_with_spans

MAX_WORDS = 2_000
"""Content words of each text that are aligned; enough for any paragraph, and it bounds the
work on a pathological text."""

_MAX_PLACES = 50  # occurrences of one word in b that runs may start from (bounds the work)

_Word = tuple[str, int, int]


def explain(a: str, b: str) -> Explanation:
    """Shared phrases (maximal runs of two or more content words found in both, in a's
    order, each used once) with their spans in ``a`` and ``b``; then the content words only
    ``a`` has and only ``b`` has, as written, each once."""
    if not isinstance(a, str) or not isinstance(b, str):
        raise OverlapError("explain compares two strings")
    left = _content(a)
    right = _content(b)
    shared = []
    for i, j, length in _runs(left, right):
        a_span = (left[i][1], left[i + length - 1][2])
        b_span = (right[j][1], right[j + length - 1][2])
        shared.append(Shared(a[a_span[0] : a_span[1]], a_span, b_span))
    return Explanation(
        shared=tuple(shared),
        only_a=_only(a, left, {word for word, _, _ in right}),
        only_b=_only(b, right, {word for word, _, _ in left}),
    )


def _content(text: str) -> list[_Word]:
    out = []
    for word in words_with_spans(text):
        out.append(word)
        if len(out) >= MAX_WORDS:
            break
    return out


def _runs(left: list[_Word], right: list[_Word]) -> list[tuple[int, int, int]]:
    """(i, j, length) of common runs of ≥ 2 words, longest first and never overlapping on
    either side, returned in a's order."""
    a = [word for word, _, _ in left]
    b = [word for word, _, _ in right]
    where: dict[str, list[int]] = {}
    for j, word in enumerate(b):
        places = where.setdefault(word, [])
        if len(places) < _MAX_PLACES:
            places.append(j)
    runs = []
    for i, word in enumerate(a):
        for j in where.get(word, ()):
            if i and j and a[i - 1] == b[j - 1]:
                continue  # inside a run that starts earlier
            length = 1
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            if length >= 2:
                runs.append((length, i, j))
    runs.sort(key=lambda run: (-run[0], run[1], run[2]))
    used_a = bytearray(len(a))
    used_b = bytearray(len(b))
    chosen = []
    for length, i, j in runs:
        if any(used_a[i : i + length]) or any(used_b[j : j + length]):
            continue
        used_a[i : i + length] = b"\x01" * length
        used_b[j : j + length] = b"\x01" * length
        chosen.append((i, j, length))
    chosen.sort()
    return chosen


def _only(text: str, words: list[_Word], other: set[str]) -> tuple[str, ...]:
    """Words of ``text`` (as first written) whose normalised form the other text lacks."""
    found: dict[str, str] = {}
    for word, start, end in words:
        if word not in other and word not in found:
            found[word] = text[start:end]
    return tuple(found.values())
