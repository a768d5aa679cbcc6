"""An exact similarity join by prefix filtering (the "All-Pairs" algorithm of Bayardo, Ma and
Srikant, 2007), for the cosine similarity of sets.

Why this and not MinHash/LSH: LSH hashes every shingle k times and still misses pairs;
prefix filtering hashes nothing, touches only each set's rarest tokens and misses no pair.
If |x ∩ y| ≥ α, then under any fixed order of tokens the first |x| − α + 1 tokens of x and
the first |y| − α + 1 tokens of y share a token. Ordering tokens rarest first makes those
prefixes hit short posting lists, so the work grows about linearly with the corpus.

For cosine o / √(|x|·|y|) ≥ t, with sets processed by size (y before x, |y| ≤ |x|):
  - a partner must have |y| ≥ t²·|x| (the size filter);
  - x probes its first |x| − ⌈t²·|x|⌉ + 1 tokens (α ≥ t²·|x| for any partner);
  - x is indexed under its first |x| − ⌈t·|x|⌉ + 1 tokens (later partners are larger,
    so α ≥ t·|x|).
Every candidate is then verified exactly, so precision is 1.0 as well.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from accord.engines.gc_pause import gc_paused

_EPS = 1e-9  # bounds are rounded towards longer prefixes, never shorter
_REPORT_EVERY = 2_000


def cosine(overlap: int, size_a: int, size_b: int) -> float:
    """The one formula both the join and any brute-force check use, so they agree exactly."""
    return overlap / math.sqrt(size_a * size_b)


def cosine_join(
    records: Sequence[Sequence[int]],
    sizes: Sequence[int],
    threshold: float,
    progress: Callable[[int], None] | None = None,
) -> list[tuple[int, int, float]]:
    """Every pair (i, j, similarity), i < j, with cosine ≥ ``threshold``.

    ``records[i]`` holds set i's tokens that other sets may share, sorted by the global
    order (rarest first); ``sizes[i]`` is the full size of set i, counting the tokens no
    other set has (they sort before all others, so they are the head of every prefix).
    ``progress(done)`` is called every few thousand sets.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    squared = threshold * threshold
    order = sorted(range(len(records)), key=sizes.__getitem__)
    postings: dict[int, list[int]] = {}
    found: list[tuple[int, int, float]] = []
    with gc_paused():
        for done, x in enumerate(order, start=1):
            if progress is not None and done % _REPORT_EVERY == 0:
                progress(done)
            size = sizes[x]
            tokens = records[x]
            if not tokens:
                continue
            unique = size - len(tokens)
            probe = size - math.ceil(squared * size - _EPS) + 1 - unique
            candidates: set[int] = set()
            for token in tokens[:probe]:
                posted = postings.get(token)
                if posted is not None:
                    candidates.update(posted)
            if candidates:
                _verify(x, candidates, records, sizes, threshold, squared * size - _EPS, found)
            for token in tokens[: size - math.ceil(threshold * size - _EPS) + 1 - unique]:
                posted = postings.get(token)
                if posted is None:
                    postings[token] = [x]
                else:
                    posted.append(x)
    if progress is not None:
        progress(len(records))
    found.sort()
    return found


def _verify(
    x: int,
    candidates: set[int],
    records: Sequence[Sequence[int]],
    sizes: Sequence[int],
    threshold: float,
    min_size: float,
    found: list[tuple[int, int, float]],
) -> None:
    """Exact overlap with each candidate that passes the size filter."""
    own = set(records[x])
    size = sizes[x]
    for y in candidates:
        other = sizes[y]
        if other < min_size:
            continue
        similarity = cosine(len(own.intersection(records[y])), size, other)
        if similarity >= threshold:
            found.append((x, y, similarity) if x < y else (y, x, similarity))
