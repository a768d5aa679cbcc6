"""A similarity join by prefix filtering: the "All-Pairs" algorithm (Bayardo, Ma and
Srikant, 2007) with the ℓ-prefix count filter (Wang, Li and Feng, 2012), for the cosine
similarity of sets.

Why this and not MinHash/LSH: LSH hashes every shingle k times and, at a threshold as low
as ours, either misses pairs or returns a large share of all pairs as candidates. Prefix
filtering hashes nothing and touches only each set's rarest tokens: if |x ∩ y| ≥ α, then
under any fixed order of tokens the first ℓ tokens the sets share lie within the first
|x| − α + ℓ tokens of x and the first |y| − α + ℓ tokens of y. Ordering tokens rarest first
makes those prefixes hit short posting lists.

For cosine o / √(|x|·|y|) ≥ t, with sets processed by size (y before x, so |y| ≤ |x|):
  - a partner has |y| ≥ t²·|x| (the size filter), and they share α ≥ t·√(|x|·|y|) tokens;
  - x's token at position p can only be one of the first ℓ shared ones with partners of
    α ≤ |x| − p + ℓ − 1, that is |y| ≤ (|x| − p + ℓ − 1)² / (t²·|x|); posting lists are in
    size order, so each probe reads only that slice (a positional filter);
  - x is indexed under its first |x| − ⌈t·|x|⌉ + ℓ tokens (later partners are larger);
  - a set met on fewer than min(ℓ, ⌈t²·|x|⌉) probed tokens cannot reach the threshold;
    the others are verified exactly, so every pair reported is right (precision 1.0).

One approximation keeps the work per set bounded however large the corpus grows: tokens
found in more than ``COMMON`` sets ("Member States", "developing countries"…) are not used
to find candidates (they still count in every similarity). A pair is then missed only if
it shares fewer than ℓ tokens rarer than that, i.e. it overlaps through boilerplate, and is
not a pair of identical sets (those are found apart, by grouping); a corpus in which no
token is that common (any corpus of at most ``COMMON`` texts) gets every pair, exactly as
a comparison of all pairs would.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import compress, islice
from operator import eq

from accord.engines.gc_pause import gc_paused

SHARED = 4
"""ℓ: tokens a candidate must share within the prefixes. Longer prefixes cost more counting
(fast, in C) and save verifications (slower); 4 was fastest on the scale benchmark."""
COMMON = 500
"""Tokens in more than this many sets are too common to find candidates with. On the scale
benchmark's 100,000 texts this leaves out 0.6% of the pairs (short texts that share only
boilerplate) and halves the join's time (11 s instead of 24 s); 100 would leave out 1.1%.
It also bounds the posting lists, so the work per text stops growing with the corpus."""
_EPS = 1e-9  # bounds are rounded towards longer prefixes and wider size ranges, never tighter
_REPORT_EVERY = 2_000
_SHORT = 16  # posting lists this short are taken whole, without bisecting


def cosine(overlap: int, size_a: int, size_b: int) -> float:
    """The one formula the join and any brute-force check use, so they agree exactly."""
    return overlap / math.sqrt(size_a * size_b)


def cosine_join(
    records: Sequence[Sequence[int]],
    sizes: Sequence[int],
    threshold: float,
    *,
    common: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[tuple[int, int, float]]:
    """Every pair (i, j, similarity), i < j, with cosine ≥ ``threshold``, sorted.

    ``records[i]`` holds the tokens set i may share with others, as ranks in the global
    order (rarest first, ascending); ``sizes[i]`` is the full size of set i, counting the
    tokens no other set has (they come first in the order, so they head every prefix).
    Ranks from ``common`` on are too common to find candidates with (see the module).
    ``progress(done)`` is called every few thousand sets.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    squared = threshold * threshold
    too_common = common if common is not None else math.inf
    order = sorted(range(len(records)), key=sizes.__getitem__)
    # Posting lists hold positions in ``order``, so they are sorted by set size too;
    # starts[m] is the first position whose set has at least m tokens.
    ordered_sizes = [sizes[x] for x in order]
    starts = [bisect_left(ordered_sizes, m) for m in range(max(sizes, default=0) + 2)]
    reach: dict[int, list[int]] = {}
    postings: dict[int, list[int]] = {}
    found: list[tuple[int, int, float]] = []
    with gc_paused():
        for position, x in enumerate(order):
            if progress is not None and position % _REPORT_EVERY == _REPORT_EVERY - 1:
                progress(position + 1)
            tokens = records[x]
            if not tokens:
                continue
            size = sizes[x]
            limits = reach.get(size) or reach.setdefault(size, _reach(size, squared))
            least = math.ceil(squared * size - _EPS)  # overlap needed with any partner
            unique = size - len(tokens)
            met = _probe(tokens, limits[unique:], postings, starts, starts[least], too_common)
            if met:
                candidates = _at_least(met, min(SHARED, least))
                _verify(x, [order[q] for q in candidates], records, sizes, threshold, found)
            for token in tokens[: size - math.ceil(threshold * size - _EPS) + SHARED - unique]:
                if token >= too_common:
                    break
                posted = postings.get(token)
                if posted is None:
                    postings[token] = [position]
                else:
                    posted.append(position)
    if common is not None:
        found += _duplicates(records, sizes, {(a, b) for a, b, _ in found})
    if progress is not None:
        progress(len(records))
    found.sort()
    return found


def _duplicates(
    records: Sequence[Sequence[int]], sizes: Sequence[int], known: set[tuple[int, int]]
) -> list[tuple[int, int, float]]:
    """Pairs of identical sets not already found: copies of a text made only of common
    tokens would otherwise be missed by the approximation (see the module docstring)."""
    groups: dict[tuple[int, Sequence[int]], list[int]] = {}
    for x, tokens in enumerate(records):
        if tokens and len(tokens) == sizes[x]:  # a set with a token of its own has no copy
            groups.setdefault((sizes[x], tuple(tokens)), []).append(x)
    return [
        (a, b, 1.0)
        for group in groups.values()
        for position, a in enumerate(group)
        for b in group[position + 1 :]
        if (a, b) not in known
    ]


def _reach(size: int, squared: float) -> list[int]:
    """For each position p of a set of ``size`` tokens, the largest partner size for which
    the token at p can be among the first ℓ shared ones; the list ends where none can."""
    smallest = math.ceil(squared * size - _EPS)
    limits = []
    for p in range(size):
        room = size - p + SHARED - 1
        largest = min(size, math.floor(room * room / (squared * size) + _EPS))
        if largest < smallest:
            break
        limits.append(largest)
    return limits


def _probe(
    tokens: Sequence[int],
    limits: list[int],
    postings: dict[int, list[int]],
    starts: list[int],
    first: int,
    too_common: float,
) -> list[int]:
    """The earlier sets indexed under x's probed tokens, one entry per token they share,
    taking from each long posting list only the sets of a size that allows a match there."""
    met: list[int] = []
    for token, largest in zip(tokens, limits, strict=False):
        if token >= too_common:
            break
        posted = postings.get(token)
        if posted is None:
            continue
        if len(posted) <= _SHORT:
            met += posted
        else:
            low = bisect_left(posted, first) if first else 0
            met += posted[low : bisect_left(posted, starts[largest + 1], low)]
    return met


def _at_least(met: list[int], times: int) -> set[int]:
    """The entries of ``met`` that occur at least ``times`` times (sorting, then comparing
    each entry with the one ``times - 1`` further on, all in C)."""
    if times <= 1:
        return set(met)
    met.sort()
    return set(compress(met, map(eq, met, islice(met, times - 1, None))))


def _verify(
    x: int,
    candidates: list[int],
    records: Sequence[Sequence[int]],
    sizes: Sequence[int],
    threshold: float,
    found: list[tuple[int, int, float]],
) -> None:
    """Exact overlap with each candidate."""
    own = set(records[x]).intersection
    size = sizes[x]
    for y in candidates:
        similarity = cosine(len(own(records[y])), size, sizes[y])
        if similarity >= threshold:
            found.append((x, y, similarity) if x < y else (y, x, similarity))
