"""Sentence embeddings for the overlap engine: an optional, offline model and the search for
similar pairs among its vectors.

The model is ``wordllama`` (the optional extra ``accord[semantic]``): its 256-dimension
weights ship inside the wheel, so it is loaded from the package folder with downloads
disabled and never touches the network. Everything here still imports without wordllama or
numpy: ``available()`` says False, ``load()`` returns None, and a caller may inject any
object with an ``embed`` method instead (tests use a deterministic fake).

Nearest neighbours: up to ``ann.ANN_FROM`` texts, an *exact* blocked search. Vectors are
unit length, so cosine is a dot product; the upper triangle of the similarity matrix is
computed tile by tile (``TILE_ROWS × TILE_COLUMNS`` floats, 64 MB, at a time) with numpy's
matrix product and only the cells at or above the threshold are kept, at most
``MAX_NEIGHBOURS`` per text. It is exact and its memory is bounded, but its time grows with
n²: 10,000 texts take under a second on this two-core machine, 100,000 about 40 s. Larger
corpora go through the approximate inverted-file index of ``ann`` (linear time, recall
measured by ``benchmarks/semantic_scale.py``). Embedding runs at about 2,500
paragraphs a second.
"""

from __future__ import annotations

import heapq
import importlib.util
import logging
import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Vectors = Any
"""A numpy float32 array of shape (n, d) when numpy is installed, else a list of lists."""

MAX_EMBED_CHARS = 20_000
"""Characters of a text that are embedded. A mean of word vectors is dominated by a text's
first thousands of words anyway, and the cap bounds time and memory for a huge paragraph."""
BATCH_TEXTS = 512
"""Texts per call to the model: large enough for numpy to be efficient."""
BATCH_CHARS = 400_000
"""Padded characters per call (texts × longest text): wordllama pads a batch to its longest
text, so long texts go in small batches (about 100 MB of token vectors at most)."""
TILE_ROWS = 1_024
TILE_COLUMNS = 16_384
MAX_NEIGHBOURS = 100
"""Most neighbours kept per text by the search, the best first: a corpus with a thousand
copies of one paragraph would otherwise yield half a million pairs; its cluster still
forms from the pairs kept."""
PAIR_CHUNK = 50_000
MODEL_NAME = "wordllama l2_supercat 256"


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into vectors, one per text (any length, any scale: the
    vectors are normalised here)."""

    def embed(self, texts: list[str]) -> Any: ...


def _numpy() -> Any:
    """numpy if installed, else None (a function, so tests can simulate its absence)."""
    try:
        import numpy
    except ImportError:  # pragma: no cover - numpy comes with wordllama
        return None
    return numpy


def _model_folder() -> Path | None:
    """The installed wordllama package's folder, found without importing it."""
    try:
        spec = importlib.util.find_spec("wordllama")
    except (ImportError, ValueError):  # a broken or blocked installation
        return None
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the offline model can be used: wordllama and numpy installed and the weights
    and tokenizer present in the package folder (so loading needs no download)."""
    folder = _model_folder()
    if folder is None or _numpy() is None:
        return False
    return any((folder / "weights").glob("*_256.safetensors")) and any(
        (folder / "tokenizers").glob("*.json")
    )


class WordLlamaEmbedder:
    """The wordllama model behind the ``Embedder`` protocol: unit vectors, 256 dimensions."""

    name = MODEL_NAME

    def __init__(self, model: Any) -> None:
        self._model = model
        self.dimensions = int(model.embedding.shape[1])

    def embed(self, texts: list[str]) -> Any:
        np = _numpy()
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        keep = [i for i, text in enumerate(texts) if text.strip()]
        if keep:  # the model divides by the token count: an empty text would give NaN
            vectors = self._model.embed(
                [texts[i] for i in keep], norm=True, batch_size=max(1, len(keep))
            )
            out[keep] = np.nan_to_num(vectors)
        return out


@lru_cache(maxsize=1)
def load() -> Embedder | None:
    """The offline model, loaded once per process; None (with a logged reason) when it is
    not installed or its files are missing. Never downloads."""
    if not available():
        log.info("semantic overlap: wordllama is not installed (pip install 'accord[semantic]')")
        return None
    folder = _model_folder()
    root = logging.getLogger()
    guard = logging.NullHandler()
    # wordllama calls logging.basicConfig() on import; a handler on the root logger while
    # it is imported makes that call a no-op, so the package does not configure our logging.
    root.addHandler(guard)
    try:
        from wordllama import WordLlama

        model = WordLlama.load(cache_dir=folder, disable_download=True)
    except Exception as error:  # any failure here means "no semantic path", never a crash
        log.warning("semantic overlap: the wordllama model could not be loaded: %s", error)
        return None
    finally:
        root.removeHandler(guard)
    return WordLlamaEmbedder(model)


def clean(text: str) -> str:
    """What the model sees: at most MAX_EMBED_CHARS; lone surrogates (from text decoded with
    errors="surrogateescape"), which the tokenizer rejects, replaced; and a text written
    mostly in capitals (a heading) lowercased, since the model's vocabulary is cased and
    reads "SPECTRUM MANAGEMENT" as fragments unrelated to "spectrum management"."""
    text = text[:MAX_EMBED_CHARS].encode("utf-8", "replace").decode("utf-8")
    upper = sum(map(str.isupper, text))
    if upper > 1 and upper > sum(map(str.islower, text)):
        text = text.lower()
    return text


def embed(
    texts: Sequence[str],
    embedder: Embedder,
    *,
    progress: Progress | None = None,
) -> Vectors:
    """Unit vectors for ``texts`` (zero vectors for texts without words), in batches of
    similar length so padding stays small; ``progress(done, len(texts))`` after each."""
    cleaned = [clean(text) for text in texts]
    order = sorted(range(len(cleaned)), key=lambda i: len(cleaned[i]))
    np = _numpy()
    result: Any = None if np is not None else [[] for _ in cleaned]
    done = 0
    for batch in _batches(order, cleaned):
        vectors = unit_rows(embedder.embed([cleaned[i] for i in batch]))
        if len(vectors) != len(batch):
            raise ValueError(f"the embedder returned {len(vectors)} vectors for {len(batch)}")
        if np is not None:
            if result is None:
                result = np.zeros((len(cleaned), vectors.shape[1]), dtype=np.float32)
            result[batch] = vectors
        else:
            for position, row in zip(batch, vectors, strict=True):
                result[position] = row
        done += len(batch)
        if progress is not None:
            progress(done, len(cleaned))
    if result is None:  # no texts at all
        result = np.zeros((0, 0), dtype=np.float32)
    return result


def _batches(order: list[int], texts: list[str]) -> list[list[int]]:
    """Indices in ``order`` (shortest text first) cut into batches of at most BATCH_TEXTS
    whose padded size (count × longest) stays within BATCH_CHARS."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        longest = max(len(texts[index]), 1)
        if current and (len(current) >= BATCH_TEXTS or (len(current) + 1) * longest > BATCH_CHARS):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


def unit_rows(vectors: Any) -> Vectors:
    """Rows scaled to length 1 (zero rows stay zero; NaN becomes 0)."""
    np = _numpy()
    if np is not None:
        array = np.nan_to_num(np.asarray(vectors, dtype=np.float32))
        if array.ndim != 2:
            raise ValueError(f"the embedder returned an array of shape {array.shape}")
        norms = np.linalg.norm(array, axis=1, keepdims=True)
        return array / np.where(norms == 0, 1, norms)
    rows = []
    for row in vectors:
        values = [0.0 if math.isnan(v) else float(v) for v in row]
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        rows.append([v / norm for v in values])
    return rows


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of two unit vectors (their dot product), clipped to [-1, 1]."""
    value = float(sum(x * y for x, y in zip(a, b, strict=True)))
    return max(-1.0, min(1.0, value))


def pair_cosines(vectors: Vectors, pairs: Sequence[tuple[int, int]]) -> list[float]:
    """The cosine of each (i, j) pair of rows of unit ``vectors`` (in chunks, so a million
    pairs do not gather a million rows at once)."""
    np = _numpy()
    if np is None:
        return [cosine(vectors[i], vectors[j]) for i, j in pairs]
    out: list[float] = []
    for start in range(0, len(pairs), PAIR_CHUNK):
        chunk = pairs[start : start + PAIR_CHUNK]
        left = np.fromiter((i for i, _ in chunk), dtype=np.int64, count=len(chunk))
        right = np.fromiter((j for _, j in chunk), dtype=np.int64, count=len(chunk))
        values = np.einsum("ij,ij->i", vectors[left], vectors[right])
        out.extend(np.clip(values, -1.0, 1.0).tolist())
    return out


def group_sums(vectors: Vectors, groups: Sequence[Sequence[int]]) -> Vectors:
    """For each group of row numbers (none empty), the sum of those rows of ``vectors``."""
    np = _numpy()
    if np is None:
        width = len(vectors[0]) if len(vectors) else 0
        return [[sum(vectors[r][d] for r in group) for d in range(width)] for group in groups]
    flat = [r for group in groups for r in group]
    starts = np.cumsum([0] + [len(group) for group in groups[:-1]])
    return np.add.reduceat(vectors[np.asarray(flat, dtype=np.int64)], starts, axis=0)


def similar_pairs(
    vectors: Vectors,
    *,
    threshold: float,
    max_neighbours: int = MAX_NEIGHBOURS,
    exact: bool = False,
    progress: Progress | None = None,
) -> list[tuple[int, int, float]]:
    """(i, j, cosine) with i < j for every pair of rows at or above ``threshold``, keeping
    at most ``max_neighbours`` per row i (the highest), sorted by (i, j). Exact and blocked,
    or approximate from ``ann.ANN_FROM`` rows unless ``exact`` (see the module docstring);
    ``progress(rows_done, n)`` after each block of rows."""
    n = len(vectors)
    np = _numpy()
    if n < 2:
        if progress is not None:
            progress(n, n)
        return []
    if np is None:
        return _similar_pairs_python(vectors, threshold, max_neighbours, progress)
    from accord.engines.overlap import ann  # here, not at the top: ann builds on this module

    if n >= ann.ANN_FROM and not exact:
        return ann.approximate_pairs(
            vectors, threshold=threshold, max_neighbours=max_neighbours, progress=progress
        )
    found: list[tuple[int, int, float]] = []
    matrix = np.ascontiguousarray(vectors, dtype=np.float32)
    for start in range(0, n, TILE_ROWS):
        stop = min(start + TILE_ROWS, n)
        rows = matrix[start:stop]
        block: list[tuple[int, int, float]] = []
        for column in range(start, n, TILE_COLUMNS):
            end = min(column + TILE_COLUMNS, n)
            scores = rows @ matrix[column:end].T
            # flatnonzero on the flat view is ~8x faster than nonzero on the 2-D mask
            hit_rows, hit_columns = np.divmod(
                np.flatnonzero(scores.ravel() >= threshold), end - column
            )
            keep = hit_columns + column > hit_rows + start  # upper triangle only
            hit_rows, hit_columns = hit_rows[keep], hit_columns[keep]
            values = scores[hit_rows, hit_columns]
            block.extend(
                zip(
                    (hit_rows + start).tolist(),
                    (hit_columns + column).tolist(),
                    np.clip(values, -1.0, 1.0).tolist(),
                    strict=True,
                )
            )
        found.extend(cap_per_row(block, max_neighbours))
        if progress is not None:
            progress(stop, n)
    found.sort()
    return found


def _similar_pairs_python(
    vectors: Vectors, threshold: float, max_neighbours: int, progress: Progress | None
) -> list[tuple[int, int, float]]:
    """All pairs in pure Python: only for small corpora with an injected embedder when numpy
    is missing (the real model always brings numpy)."""
    n = len(vectors)
    found: list[tuple[int, int, float]] = []
    for i in range(n):
        row = [(i, j, cosine(vectors[i], vectors[j])) for j in range(i + 1, n)]
        found.extend(cap_per_row([hit for hit in row if hit[2] >= threshold], max_neighbours))
        if progress is not None:
            progress(i + 1, n)
    found.sort()
    return found


def cap_per_row(
    hits: list[tuple[int, int, float]], max_neighbours: int
) -> list[tuple[int, int, float]]:
    by_row: dict[int, list[tuple[int, int, float]]] = {}
    for hit in hits:
        by_row.setdefault(hit[0], []).append(hit)
    kept: list[tuple[int, int, float]] = []
    for row_hits in by_row.values():
        if len(row_hits) > max_neighbours:
            row_hits = heapq.nlargest(max_neighbours, row_hits, key=lambda hit: (hit[2], -hit[1]))
        kept.extend(row_hits)
    return kept
