"""Approximate nearest neighbours for large corpora: an inverted-file index on the vectors.

The exact search (``semantic.similar_pairs``) compares every pair, so its time grows with n²:
about a second at 10,000 texts, forty at 100,000. Past ``ANN_FROM`` texts the semantic path
uses this index instead. The unit vectors are grouped by spherical k-means into lists of
about ``LIST_SIZE``; each text is filed in the list of its nearest centroid and compared
exactly with the texts filed in the lists of its ``PROBES`` nearest centroids. Two texts
similar enough to be an overlap lie close together, so one of them is filed in a list the
other probes unless both sit far from every centroid. The work is about
n × PROBES × LIST_SIZE products: linear in n. Recall against the exact search is printed by
``benchmarks/semantic_scale.py``; the pairs found are scored exactly, so precision is
unchanged.
"""

from __future__ import annotations

from typing import Any

from accord.engines.overlap.semantic import Progress, Vectors, cap_per_row

ANN_FROM = 20_000
"""Texts from which the index is used; below it the exact search takes under two seconds."""
LIST_SIZE = 1_000
"""Texts per list on average: smaller lists are faster and lose more pairs at boundaries."""
PROBES = 8
"""Lists each text is compared with (those of its nearest centroids). On 100,000 synthetic
paragraphs, 4 find 92% of the exact pairs, 6 find 96%, 8 find 98% in about 2.5 times the
time of 4 (still a third of the exact search's)."""
TRAIN_PER_LIST = 40
"""Texts sampled per centroid to train k-means: enough for stable centroids, cheap to fit."""
ITERATIONS = 8
BLOCK_ROWS = 2_048


def approximate_pairs(
    vectors: Vectors,
    *,
    threshold: float,
    max_neighbours: int,
    probes: int = PROBES,
    list_size: int = LIST_SIZE,
    seed: int = 0,
    progress: Progress | None = None,
) -> list[tuple[int, int, float]]:
    """(i, j, cosine) with i < j for the pairs of rows at or above ``threshold`` of which
    one is filed in a list the other probes, at most ``max_neighbours`` per row i, sorted by
    (i, j). Deterministic for a given ``seed``. Needs numpy (the model brings it)."""
    import numpy as np

    matrix = np.ascontiguousarray(vectors, dtype=np.float32)
    n = len(matrix)
    lists = max(1, n // list_size)
    centroids = _spherical_kmeans(matrix, lists, np.random.default_rng(seed))
    nearest = _nearest_centroids(matrix, centroids, min(probes, lists))
    filed = _grouped(nearest[:, 0], lists)  # each text in the list of its nearest centroid
    probing = _grouped(nearest.ravel(), lists, width=nearest.shape[1])
    keys: list[Any] = []
    values: list[Any] = []
    for number in range(lists):
        found_keys, found_values = _pairs_across(
            matrix, probing[number], filed[number], threshold, n
        )
        keys.append(found_keys)
        values.append(found_values)
        if progress is not None:
            progress((number + 1) * n // lists, n)
    all_keys = np.concatenate(keys)
    unique, first = np.unique(all_keys, return_index=True)
    left, right = np.divmod(unique, n)
    found = list(
        zip(
            left.tolist(),
            right.tolist(),
            np.clip(np.concatenate(values)[first], -1.0, 1.0).tolist(),
            strict=True,
        )
    )
    return sorted(cap_per_row(found, max_neighbours))


def _grouped(labels: Any, lists: int, width: int = 1) -> list[Any]:
    """For each list number, the row numbers (ascending) whose label is that list; ``labels``
    holds ``width`` labels per row, flattened."""
    import numpy as np

    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(lists + 1))
    rows = order // width
    return [rows[bounds[number] : bounds[number + 1]] for number in range(lists)]


def _spherical_kmeans(matrix: Any, lists: int, rng: Any) -> Any:
    """``lists`` unit centroids fitted on a sample: each step moves a centroid to the
    normalised sum of the texts nearest to it; an emptied centroid is re-seeded."""
    import numpy as np

    n = len(matrix)
    sample = matrix[rng.choice(n, size=min(n, lists * TRAIN_PER_LIST), replace=False)]
    centroids = sample[rng.choice(len(sample), size=lists, replace=False)].copy()
    for _ in range(ITERATIONS):
        assigned = np.argmax(sample @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assigned, sample)
        norms = np.linalg.norm(sums, axis=1)
        empty = norms == 0
        if empty.any():
            sums[empty] = sample[rng.choice(len(sample), size=int(empty.sum()), replace=False)]
            norms[empty] = np.linalg.norm(sums[empty], axis=1)
        centroids = sums / np.where(norms == 0, 1, norms)[:, None]
    return centroids


def _nearest_centroids(matrix: Any, centroids: Any, probes: int) -> Any:
    """For each row, the numbers of its ``probes`` nearest centroids, nearest first."""
    import numpy as np

    out = np.empty((len(matrix), probes), dtype=np.int64)
    for start in range(0, len(matrix), BLOCK_ROWS):
        scores = matrix[start : start + BLOCK_ROWS] @ centroids.T
        if probes == 1:
            out[start : start + BLOCK_ROWS, 0] = np.argmax(scores, axis=1)
        else:
            top = np.argpartition(-scores, probes - 1, axis=1)[:, :probes]
            best_first = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1)
            out[start : start + BLOCK_ROWS] = np.take_along_axis(top, best_first, axis=1)
    return out


def _pairs_across(
    matrix: Any, queries: Any, filed: Any, threshold: float, n: int
) -> tuple[Any, Any]:
    """Pair keys (i × n + j, i < j) and cosines at or above ``threshold`` between the texts
    that probe a list and the texts filed in it."""
    import numpy as np

    keys: list[Any] = [np.empty(0, dtype=np.int64)]
    values: list[Any] = [np.empty(0, dtype=np.float32)]
    if len(queries) == 0 or len(filed) == 0:
        return keys[0], values[0]
    data = matrix[filed]
    for start in range(0, len(queries), BLOCK_ROWS):
        rows = queries[start : start + BLOCK_ROWS]
        scores = matrix[rows] @ data.T
        hit_rows, hit_columns = np.divmod(np.flatnonzero(scores.ravel() >= threshold), len(filed))
        left, right = rows[hit_rows], filed[hit_columns]
        keep = left != right
        left, right = left[keep], right[keep]
        keys.append(np.minimum(left, right) * n + np.maximum(left, right))
        values.append(scores[hit_rows[keep], hit_columns[keep]])
    return np.concatenate(keys), np.concatenate(values)
