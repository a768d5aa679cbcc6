"""The lexical similarity: cosine of two texts' sets of word shingles, found for a whole
corpus through the prefix-filtering index (see ``index``); no all-pairs comparison."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise

from accord.engines.gc_pause import gc_paused
from accord.engines.overlap.index import cosine, cosine_join
from accord.engines.overlap.model import OverlapError, Text
from accord.engines.overlap.normalise import WORD, normalise_word

LEXICAL_THRESHOLD = 0.6
"""Pairs at or above this cosine are reported. On hand-written policy paragraphs, drafts of
one text with a clause added, a few words changed or a list reordered score 0.62-1.0, while
texts that only share their frame ("Strengthened capacity of Member States on X") score up
to 0.6; paraphrases with other words are the semantic path's job."""

MAX_CHARS = 50_000
"""Characters of a text that are read; the rest of a longer text is ignored (with a warning)."""
MAX_SHINGLES = 5_000
"""Distinct shingles kept per text, the first in text order, so one huge text cannot
dominate time or memory."""

_BIGRAM = 32  # a bigram of word ids (a ≤ b) is ((a + 1) << 32) | b: distinct from any word id

Progress = Callable[[int, int], None]


class Shingler:
    """Turns texts into sets of integer shingles: each content word, and each pair of
    neighbouring content words regardless of their order ("skills and literacy" and
    "literacy and skills" share it). Ids are given per corpus; one Shingler per run."""

    def __init__(self) -> None:
        self._surface: dict[str, int] = {}  # word as written → word id, -1 for a stop word
        self._normal: dict[str, int] = {}  # normalised word → word id

    def word_ids(self, text: str) -> list[int]:
        known = self._surface.get
        out = []
        for raw in WORD.findall(text):
            word_id = known(raw)
            if word_id is None:
                word_id = self._learn(raw)
            if word_id >= 0:
                out.append(word_id)
        return out

    def _learn(self, raw: str) -> int:
        word = normalise_word(raw)
        word_id = self._normal.setdefault(word, len(self._normal)) if word else -1
        self._surface[raw] = word_id
        return word_id

    def shingles(self, text: str) -> tuple[set[int], bool]:
        """The text's shingle set, and whether it was cut to MAX_CHARS / MAX_SHINGLES."""
        capped = len(text) > MAX_CHARS
        ids = self.word_ids(text[:MAX_CHARS] if capped else text)
        found = set(ids)
        found.update(
            [
                ((a + 1) << _BIGRAM) | b if a <= b else ((b + 1) << _BIGRAM) | a
                for a, b in pairwise(ids)
            ]
        )
        if len(found) > MAX_SHINGLES:
            return _first_shingles(ids, MAX_SHINGLES), True
        return found, capped


def _first_shingles(ids: list[int], limit: int) -> set[int]:
    found: set[int] = set()
    previous = None
    for word in ids:
        found.add(word)
        if previous is not None:
            low, high = (previous, word) if previous <= word else (word, previous)
            found.add(((low + 1) << _BIGRAM) | high)
        if len(found) >= limit:
            break
        previous = word
    return set(list(found)[:limit]) if len(found) > limit else found


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
    similarity is at least ``threshold``, sorted by indices. Exact: the index only skips
    pairs that cannot reach the threshold."""
    return lexical_pairs_noting_capped(texts, threshold=threshold, progress=progress)[0]


def lexical_pairs_noting_capped(
    texts: Sequence[Text],
    *,
    threshold: float = LEXICAL_THRESHOLD,
    progress: Progress | None = None,
) -> tuple[list[tuple[int, int, float]], list[int]]:
    """``lexical_pairs``, and the indices of texts only partly read (too long)."""
    if not isinstance(threshold, int | float) or not 0.0 < threshold <= 1.0:
        raise OverlapError(f"the threshold must be a number above 0 and at most 1, not {threshold}")
    for number, item in enumerate(texts, start=1):
        if not isinstance(item, Text) or not isinstance(item.text, str):
            what = type(item.text if isinstance(item, Text) else item).__name__
            raise OverlapError(f"item {number} of the corpus is not a text (a {what})")
    total = 2 * len(texts)
    if len(texts) < 2:
        if progress is not None:
            progress(total, total)
        return [], []
    records, sizes, capped = _records(texts, progress, total)
    report = None if progress is None else (lambda done: progress(len(texts) + done, total))
    return cosine_join(records, sizes, threshold, report), capped


def _records(
    texts: Sequence[Text], progress: Progress | None, total: int
) -> tuple[list[tuple[int, ...]], list[int], list[int]]:
    """Each text's shared shingles sorted rarest first (ranks), its full set size, and which
    texts were capped. Shingles no other text has are dropped: they can never be shared,
    and only count in the size."""
    shingler = Shingler()
    sets: list[set[int]] = []
    capped: list[int] = []
    frequency: Counter[int] = Counter()
    with gc_paused():
        for number, item in enumerate(texts):
            found, cut = shingler.shingles(item.text)
            if cut:
                capped.append(number)
            frequency.update(found)
            sets.append(found)
            if progress is not None and number % 2_000 == 1_999:
                progress(number + 1, total)
        shared = [token for token, count in frequency.items() if count > 1]
        shared.sort(key=frequency.__getitem__)
        rank = {token: position for position, token in enumerate(shared)}
        del frequency, shared
        sizes = [len(found) for found in sets]
        records = []
        for position, found in enumerate(sets):
            ranks = [rank[token] for token in found if token in rank]
            ranks.sort()
            records.append(tuple(ranks))
            sets[position] = set()  # free as we go
    return records, sizes, capped
