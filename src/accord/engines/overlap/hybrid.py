"""The semantic and hybrid methods of the overlap engine (``find_overlaps`` calls ``run``).

*semantic*: the cosine of two texts' sentence embeddings (see ``semantic``), at or above
``SEMANTIC_THRESHOLD``.

*hybrid*: the pairs the semantic method finds, re-scored by a logistic combination of three
similarities, read as the probability that a secretariat would merge the two texts:

- ``lexical`` — the lexical engine's shingle cosine;
- ``semantic`` — the embedding cosine;
- ``difference`` — the cosine between the mean word vector of the words only ``a`` has and
  that of the words only ``b`` has (1.0 when one side has no words of its own: one text
  contains the other's words). Word vectors come from the same model, one per distinct
  spelling in the corpus, so the cost does not grow with the number of pairs.

Why the third: two outcomes that share their frame but not their subject ("digital skills
for women" / "... for out-of-school youth") score as high on word overlap and embedding as a
true paraphrase does; what differs is *what* differs. A paraphrase swaps words for synonyms
(the differences are alike), another subject swaps them for other things (they are not).
The fitted lexical weight is negative: among pairs the embedding finds close, more shared
wording means the closeness is owed to the shared frame rather than to the meaning.

Why only the semantic method's pairs (the *gate*, at ``SEMANTIC_THRESHOLD``): without it the
logistic score extrapolates badly to long paragraphs of one domain, whose mean-pooled
embeddings all sit near a common centre. On the 56 narrative paragraphs of the project's
seed documents (/work/shared/seeds, almost no true overlaps) the ungated score flagged 457
of 1,540 pairs, the gated one 32 (semantic alone: 39), at a cost of 0.02 in cross-validated
F1 on the labelled set. So the hybrid is the semantic method with a filter that removes
"similar but not the same" pairs: it finds no paraphrase the semantic method misses.

Candidates: pairs at or above the gate from the exact embedding search, plus the lexical
engine's pairs from ``HYBRID_LEXICAL_FLOOR`` (insurance for pairs the search drops when one
text has more than ``semantic.MAX_NEIGHBOURS`` neighbours above the gate).

Thresholds and weights come from ``benchmarks/overlap_quality.py`` (``calibrate``), fitted on
``benchmarks/data/overlap_pairs.jsonl`` with the wordllama model; another model needs a new
calibration.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from accord.engines.overlap import semantic as semantic_module
from accord.engines.overlap.clusters import cluster
from accord.engines.overlap.model import (
    OverlapError,
    OverlapResult,
    Pair,
    SemanticUnavailable,
    Text,
)
from accord.engines.overlap.normalise import WORD, normalise_word

Progress = Callable[[int, int], None]
Scored = tuple[int, int, float, float | None, float]
"""(index a, index b, score, lexical similarity if known, semantic similarity)."""

# Calibrated by benchmarks/overlap_quality.py, calibrate(): the semantic threshold maximises
# F1 on the whole labelled set; the hybrid weights are a logistic regression fitted on the
# labelled pairs at or above that threshold, and the hybrid threshold maximises F1 of the
# gated score. The benchmark also reports grouped 5-fold cross-validation of all three.
SEMANTIC_THRESHOLD = 0.666
HYBRID_WEIGHTS = (-1.31, -5.85, 3.97, 8.16)
"""Intercept, then the weights of lexical, semantic and difference similarity."""
HYBRID_THRESHOLD = 0.489
HYBRID_LEXICAL_FLOOR = 0.5

METHODS = ("semantic", "hybrid")
_CHUNK = 2_000  # pairs whose word vectors are summed at once (bounded memory)


@dataclass(frozen=True)
class Features:
    """The three similarities of a pair that the hybrid score combines."""

    lexical: float
    semantic: float
    difference: float


def hybrid_score(
    features: Features,
    weights: Sequence[float] = HYBRID_WEIGHTS,
    gate: float = SEMANTIC_THRESHOLD,
) -> float:
    """The gated logistic combination: 0.0 below the semantic gate, else a number in (0, 1),
    the calibrated probability of a merge."""
    if features.semantic < gate:
        return 0.0
    intercept, lexical, semantic, difference = weights
    z = (
        intercept
        + lexical * features.lexical
        + semantic * features.semantic
        + difference * features.difference
    )
    if z < -60:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def content_words(text: str) -> dict[str, str]:
    """A text's content words: normalised form → first spelling as written (stop words
    left out), read up to the embedding cap."""
    words: dict[str, str] = {}
    for raw in WORD.findall(text[: semantic_module.MAX_EMBED_CHARS]):
        word = normalise_word(raw)
        if word and word not in words:
            words[word] = raw
    return words


def difference_similarities(
    pairs: Sequence[tuple[str, str]], embedder: semantic_module.Embedder
) -> list[float]:
    """The difference similarity of each (a, b) pair of texts (see the module docstring)."""
    texts = sorted({text for pair in pairs for text in pair})
    position = {text: n for n, text in enumerate(texts)}
    words = [content_words(text) for text in texts]
    return _differences(words, [(position[a], position[b]) for a, b in pairs], embedder)


def _differences(
    words: Sequence[dict[str, str]],
    pairs: Sequence[tuple[int, int]],
    embedder: semantic_module.Embedder,
) -> list[float]:
    """Cosine of the mean word vector of each side's own words (1.0 when a side has none).
    Each distinct spelling is embedded once, however many pairs it appears in."""
    sides: list[tuple[list[str], list[str]]] = []
    for i, j in pairs:
        first, second = words[i], words[j]
        sides.append(
            (
                [raw for word, raw in first.items() if word not in second],
                [raw for word, raw in second.items() if word not in first],
            )
        )
    vocabulary = sorted({raw for left, right in sides for raw in left + right})
    row = {raw: n for n, raw in enumerate(vocabulary)}
    vectors = semantic_module.embed(vocabulary, embedder) if vocabulary else []
    values = [1.0] * len(pairs)
    needed = [n for n, (left, right) in enumerate(sides) if left and right]
    for start in range(0, len(needed), _CHUNK):
        chunk = needed[start : start + _CHUNK]
        groups = [[row[raw] for raw in sides[n][k]] for n in chunk for k in (0, 1)]
        sums = semantic_module.group_sums(vectors, groups)
        cosines = semantic_module.pair_cosines(
            semantic_module.unit_rows(sums), [(2 * k, 2 * k + 1) for k in range(len(chunk))]
        )
        for n, value in zip(chunk, cosines, strict=True):
            values[n] = value
    return values


def pair_features(
    pairs: Sequence[tuple[str, str]],
    embedder: semantic_module.Embedder,
    *,
    lexical: Sequence[float] | None = None,
) -> list[Features]:
    """The features of each (a, b) pair of texts, e.g. for the labelled evaluation;
    ``lexical`` may pass similarities already known."""
    if lexical is None:
        lexical = [lexical_similarity(a, b) for a, b in pairs]
    firsts = semantic_module.embed([a for a, _ in pairs], embedder)
    seconds = semantic_module.embed([b for _, b in pairs], embedder)
    cosines = [semantic_module.cosine(firsts[i], seconds[i]) for i in range(len(pairs))]
    differences = difference_similarities(pairs, embedder)
    return [
        Features(lex, sem, diff)
        for lex, sem, diff in zip(lexical, cosines, differences, strict=True)
    ]


def lexical_similarity(a: str, b: str) -> float:
    """The lexical engine's similarity of any two texts, including pairs below its
    threshold (which ``lexical_pairs`` does not report)."""
    from accord.engines.overlap.lexical import lexical_similarity as similarity

    return float(similarity(a, b))


def run(
    texts: Sequence[Text],
    *,
    method: str,
    threshold: float | None = None,
    top: int | None = None,
    progress: Progress | None = None,
    semantic: semantic_module.Embedder | None = None,
) -> OverlapResult:
    """Pairs of ``texts`` scored by the semantic or hybrid method, at or above
    ``threshold`` (the calibrated one by default), best first, at most ``top``.

    For the hybrid method ``threshold`` applies to the hybrid score; the semantic gate
    stays at SEMANTIC_THRESHOLD, which the weights were fitted behind.

    ``semantic`` injects an embedder (tests, another model); without it the offline model is
    loaded, and ``SemanticUnavailable`` is raised when it cannot be (the caller then falls
    back to the lexical method).
    """
    if method not in METHODS:
        raise OverlapError(f"the method must be one of {', '.join(METHODS)}, not {method!r}")
    if threshold is None:
        threshold = SEMANTIC_THRESHOLD if method == "semantic" else HYBRID_THRESHOLD
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise OverlapError(f"the threshold must be a number, not {threshold!r}")
    if not 0.0 < threshold <= 1.0:
        raise OverlapError(f"the threshold must be above 0 and at most 1, not {threshold}")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise OverlapError(f"top must be a positive whole number, not {top!r}")
    embedder = semantic if semantic is not None else semantic_module.load()
    if embedder is None:
        raise SemanticUnavailable(
            "the semantic model is not installed: pip install 'accord[semantic]'"
        )
    steps = _Steps(progress, len(texts))
    if len(texts) < 2:
        steps.finish()
        return _result(texts, [], method, top)
    vectors = semantic_module.embed([t.text for t in texts], embedder, progress=steps.phase(0))
    if method == "semantic":
        found = semantic_module.similar_pairs(vectors, threshold=threshold, progress=steps.phase(1))
        scored: list[Scored] = [(i, j, cos, None, cos) for i, j, cos in found]
    else:
        scored = _hybrid_pairs(texts, vectors, embedder, threshold, steps)
    steps.finish()
    return _result(texts, scored, method, top)


def _hybrid_pairs(
    texts: Sequence[Text],
    vectors: semantic_module.Vectors,
    embedder: semantic_module.Embedder,
    threshold: float,
    steps: _Steps,
) -> list[Scored]:
    """(i, j, hybrid score, lexical, semantic) for candidates scoring at least threshold."""
    from accord.engines.overlap.lexical import lexical_pairs

    found = semantic_module.similar_pairs(
        vectors, threshold=SEMANTIC_THRESHOLD, progress=steps.phase(1)
    )
    lexical_known = {
        (i, j): value
        for i, j, value in lexical_pairs(
            texts, threshold=HYBRID_LEXICAL_FLOOR, progress=steps.phase(2)
        )
    }
    cosines = {(i, j): value for i, j, value in found}
    missing = [pair for pair in lexical_known if pair not in cosines]
    cosines.update(zip(missing, semantic_module.pair_cosines(vectors, missing), strict=True))
    candidates = sorted(pair for pair, value in cosines.items() if value >= SEMANTIC_THRESHOLD)
    lexical = _lexical_similarities(texts, candidates, lexical_known)
    words = [content_words(text.text) for text in texts]
    differences = _differences(words, candidates, embedder)
    scored: list[Scored] = []
    for (i, j), lex, diff in zip(candidates, lexical, differences, strict=True):
        sem = cosines[(i, j)]
        score = hybrid_score(Features(lex, sem, diff))
        if score >= threshold:
            scored.append((i, j, score, lex, sem))
    return scored


def _lexical_similarities(
    texts: Sequence[Text],
    pairs: Sequence[tuple[int, int]],
    known: dict[tuple[int, int], float],
) -> list[float]:
    """The lexical similarity of each pair: from ``known`` (the lexical engine's own pairs),
    else computed from each text's shingle set, built once per text rather than per pair."""
    try:
        from accord.engines.overlap.index import cosine
        from accord.engines.overlap.lexical import Shingler
    except ImportError:  # pragma: no cover - the lexical engine's internals moved
        return [
            known[pair]
            if pair in known
            else lexical_similarity(texts[pair[0]].text, texts[pair[1]].text)
            for pair in pairs
        ]
    shingler = Shingler()
    sets: dict[int, set[int]] = {}

    def shingles(index: int) -> set[int]:
        if index not in sets:
            sets[index] = shingler.shingles(texts[index].text)[0]
        return sets[index]

    values = []
    for pair in pairs:
        if pair in known:
            values.append(known[pair])
            continue
        first, second = shingles(pair[0]), shingles(pair[1])
        common = len(first & second)
        values.append(float(cosine(common, len(first), len(second))) if common else 0.0)
    return values


def _result(
    texts: Sequence[Text],
    scored: list[Scored],
    method: str,
    top: int | None,
) -> OverlapResult:
    """Pairs best first (ties in corpus order), with the lexical similarity and shared
    phrases filled in, and the clusters they form."""
    scored = sorted(scored, key=lambda hit: (-hit[2], hit[0], hit[1]))
    if top is not None:
        scored = scored[:top]
    unknown = [(i, j) for i, j, _, lex, _ in scored if lex is None]
    computed = dict(zip(unknown, _lexical_similarities(texts, unknown, {}), strict=True))
    shared = _shared_phrases()
    pairs = []
    for i, j, score, lex, sem in scored:
        a, b = texts[i], texts[j]
        pairs.append(
            Pair(
                a=a.id,
                b=b.id,
                score=round(score, 4),
                lexical=round(lex if lex is not None else computed[(i, j)], 4),
                semantic=round(sem, 4),
                shared=shared(a.text, b.text),
            )
        )
    limit = semantic_module.MAX_EMBED_CHARS
    warnings = [
        f"'{text.id}' is too long to embed whole ({len(text.text):,} characters): only its "
        f"first {limit:,} characters were compared by meaning"
        for text in texts
        if len(text.text) > limit
    ]
    return OverlapResult(
        pairs=pairs,
        clusters=cluster(pairs, [t.id for t in texts]),
        method=method,
        warnings=warnings,
    )


def _shared_phrases() -> Callable[[str, str], tuple[str, ...]]:
    """The phrases two texts share, as the lexical engine's explanation aligns them."""
    try:
        from accord.engines.overlap.explain import explain
    except ImportError:  # pragma: no cover - the explanation module ships with the engine
        return lambda a, b: ()
    return lambda a, b: tuple(item.phrase for item in explain(a, b).shared)


class _Steps:
    """One progress bar over three phases (embedding, neighbour search, lexical candidates),
    each counted over the corpus size."""

    def __init__(self, progress: Progress | None, size: int) -> None:
        self._progress = progress
        self._size = max(size, 1)
        self._total = 3 * self._size

    def phase(self, number: int) -> Progress | None:
        if self._progress is None:
            return None
        report = self._progress

        def step(done: int, total: int) -> None:
            share = done / total if total else 1.0
            report(number * self._size + round(share * self._size), self._total)

        return step

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self._total, self._total)
