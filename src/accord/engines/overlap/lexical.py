"""The lexical similarity: cosine of two texts' sets of word shingles, found for a whole
corpus through the prefix-filtering index (see ``index``); no all-pairs comparison."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise, repeat
from operator import add, mul

from accord.engines.gc_pause import gc_paused
from accord.engines.overlap.index import COMMON, cosine, cosine_join
from accord.engines.overlap.model import OverlapError, Text
from accord.engines.overlap.normalise import WORD, normalise_word

LEXICAL_THRESHOLD = 0.65
"""Pairs at or above this similarity are reported. On the project's labelled set
(benchmarks/data/overlap_pairs.jsonl, 530 pairs) every exact duplicate, reordered and
clause-added pair scores at least 0.66, so 0.65 keeps them all at precision 0.93 (0.89 at
0.6 for no more recall; 0.98 at 0.7, where a few clause-added pairs drop out). What it
misses are paraphrases in other words (recall 0.68 in all), the semantic path's job; what
it wrongly takes are texts that share their wording but not their subject. F1 on that
balanced set would peak near 0.12, but a corpus is almost all unrelated pairs: at 0.12 the
50 narrative paragraphs of the seed documents give 154 pairs, at 0.65 none."""

MAX_CHARS = 50_000
"""Characters of a text that are read; the rest of a longer text is ignored (with a warning)."""
MAX_SHINGLES = 5_000
"""Distinct shingles kept per text, the first in text order, so one huge text cannot
dominate time or memory."""

_BIGRAM_SHIFT = 42
_MAX_WORDS = 1 << 21  # word ids below this keep a·b below 2⁴²
_STOP = 0  # the id of every stop word; content words are numbered from 1
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")  # what WORD matches in ASCII text, faster

Progress = Callable[[int, int], None]


class Shingler:
    """Turns texts into sets of integer shingles: each content word, and each pair of
    neighbouring content words regardless of their order ("skills and literacy" and
    "literacy and skills" share it). Ids are given per corpus; one Shingler per run."""

    def __init__(self) -> None:
        self._surface: dict[str, int] = {}  # word as written → word id (_STOP: a stop word)
        self._normal: dict[str, int] = {}  # normalised word → word id

    def word_ids(self, text: str) -> list[int]:
        """The text's content words as ids, in order (stop words left out)."""
        raws = (_ASCII_WORD if text.isascii() else WORD).findall(text)
        known: list[int | None] = list(map(self._surface.get, raws))
        if None in known:
            known = [
                self._learn(raw) if word_id is None else word_id
                for raw, word_id in zip(raws, known, strict=True)
            ]
        return [word_id for word_id in known if word_id]  # drops stop words (0)

    def _learn(self, raw: str) -> int:
        word = normalise_word(raw)
        word_id = self._normal.setdefault(word, len(self._normal) + 1) if word else _STOP
        self._surface[raw] = word_id
        return word_id

    def shingles(self, text: str) -> tuple[set[int], bool]:
        """The text's shingle set, and whether it was cut to MAX_CHARS / MAX_SHINGLES."""
        capped = len(text) > MAX_CHARS
        ids = self.word_ids(text[:MAX_CHARS] if capped else text)
        found = set(ids)
        if len(self._normal) < _MAX_WORDS:
            found.update(_bigrams(ids))
        else:  # a vocabulary this large would overflow the product: slow, exact path
            found.update(bigram(a, b) for a, b in pairwise(ids))
        if len(found) > MAX_SHINGLES:
            return _first_shingles(ids, MAX_SHINGLES), True
        return found, capped


def bigram(a: int, b: int) -> int:
    """The id of the unordered pair {a, b} of word ids: (a + b + 1)·2⁴² + a·b. Sum and
    product determine the pair, and every such id is above any word id."""
    return ((a + b + 1) << _BIGRAM_SHIFT) + a * b


def _bigrams(ids: list[int]) -> map[int]:
    """``bigram`` of each pair of neighbours, computed without a Python-level loop."""
    following = ids[1:]
    scaled = map(mul, map(add, ids, following), repeat(1 << _BIGRAM_SHIFT))
    return map(add, map(add, scaled, repeat(1 << _BIGRAM_SHIFT)), map(mul, ids, following))


def _first_shingles(ids: list[int], limit: int) -> set[int]:
    """The first ``limit`` distinct shingles in text order (each word, then its bigram with
    the word before)."""
    found: set[int] = set()
    previous = None
    for word in ids:
        found.add(word)
        if previous is not None and len(found) < limit:
            found.add(bigram(previous, word))
        if len(found) >= limit:
            break
        previous = word
    return found


def lexical_similarity(a: str, b: str) -> float:
    """The similarity of two texts, as ``lexical_pairs`` computes it (0.0 if either has no
    content word)."""
    shingler = Shingler()
    first, _ = shingler.shingles(a)
    second, _ = shingler.shingles(b)
    if not first or not second:
        return 0.0
    return cosine(len(first & second), len(first), len(second))


def lexical_pairs(
    texts: Sequence[Text],
    *,
    threshold: float = LEXICAL_THRESHOLD,
    progress: Progress | None = None,
) -> list[tuple[int, int, float]]:
    """(index_a, index_b, similarity), index_a < index_b, for every pair of texts whose
    similarity is at least ``threshold``, sorted by indices; found through the prefix index,
    never by comparing all pairs. Every pair reported is exact; the only pairs left out are
    those sharing fewer than four shingles found in at most ``index.COMMON`` (500) texts,
    unless identical: overlaps through boilerplate. A corpus of up to 500 texts gets every
    pair.
    ``progress(done, total)`` is called as the work advances."""
    return lexical_pairs_noting_capped(texts, threshold=threshold, progress=progress)[0]


def lexical_pairs_noting_capped(
    texts: Sequence[Text],
    *,
    threshold: float = LEXICAL_THRESHOLD,
    progress: Progress | None = None,
) -> tuple[list[tuple[int, int, float]], list[int]]:
    """``lexical_pairs``, and the indices of texts only partly read (too long)."""
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise OverlapError(f"the threshold must be a number, not {threshold!r}")
    if not 0.0 < threshold <= 1.0:
        raise OverlapError(f"the threshold must be above 0 and at most 1, not {threshold!r}")
    for number, item in enumerate(texts, start=1):
        if not isinstance(item, Text) or not isinstance(item.text, str):
            what = type(item.text if isinstance(item, Text) else item).__name__
            raise OverlapError(f"item {number} of the corpus is not a text (a {what})")
    total = 2 * len(texts)
    if len(texts) < 2:
        if progress is not None:
            progress(total, total)
        return [], []
    records, sizes, common, capped = _records(texts, progress, total)
    report = None if progress is None else (lambda done: progress(len(texts) + done, total))
    return cosine_join(records, sizes, threshold, common=common, progress=report), capped


def _records(
    texts: Sequence[Text], progress: Progress | None, total: int
) -> tuple[list[tuple[int, ...]], list[int], int, list[int]]:
    """Each text's shared shingles as ranks, rarest first; its full set size; the first
    rank of a shingle too common to find candidates with; which texts were capped.
    Shingles no other text has are dropped: they can never be shared, and only count in
    the size."""
    shingler = Shingler()
    sets: list[tuple[int, ...]] = []  # a tuple takes a fifth of a set's memory
    capped: list[int] = []
    frequency: Counter[int] = Counter()
    with gc_paused():
        for number, item in enumerate(texts):
            found, cut = shingler.shingles(item.text)
            if cut:
                capped.append(number)
            frequency.update(found)
            sets.append(tuple(found))
            if progress is not None and number % 2_000 == 1_999:
                progress(number + 1, total)
        shared = [token for token, count in frequency.items() if count > 1]
        shared.sort(key=frequency.__getitem__)
        rank = {token: position for position, token in enumerate(shared, start=1)}
        common = 1 + sum(1 for token in shared if frequency[token] <= COMMON)
        del frequency, shared
        sizes = [len(found) for found in sets]
        records = []
        for position, shingles in enumerate(sets):
            records.append(tuple(sorted(filter(None, map(rank.get, shingles)))))  # ranks from 1
            sets[position] = ()  # free as we go
    return records, sizes, common, capped
