"""How the semantic overlap search scales: the exact search against the approximate index.

On the synthetic corpora of ``overlap_scale.py`` (policy paragraphs with planted
near-duplicates), embeds every paragraph with the offline model, then finds the pairs at or
above ``SEMANTIC_THRESHOLD`` twice: with the exact blocked search (every pair; the
baseline) and with the inverted-file index of ``accord.engines.overlap.ann`` (what the
engine uses from ``ANN_FROM`` texts). Prints, per size, the time of each, the growth of the
index's time beside linear growth, and the index's recall of the exact pairs. Both searches
run uncapped (no limit of neighbours per text), so recall measures the index alone. The
exact search runs in full up to ``--full-up-to`` texts; above, its pairs are found for a
sample of texts (each against all) and its time is extrapolated from that sample.

    .venv/bin/python benchmarks/semantic_scale.py [--sizes 10000,100000] [--sample 2000]

Needs the optional model (``pip install 'accord[semantic]'``); says so and stops without it.
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Any

from accord.engines.overlap import ann, semantic
from accord.engines.overlap.hybrid import SEMANTIC_THRESHOLD
from overlap_scale import Generator  # the script's own folder is on the path

Pairs = set[tuple[int, int]]


def exact_sample(vectors: Any, rows: list[int], threshold: float) -> Pairs:
    """Pairs (i, j), i < j, at or above ``threshold`` with one of ``rows`` among them."""
    import numpy as np

    found: Pairs = set()
    for start in range(0, len(rows), 512):
        chunk = np.asarray(rows[start : start + 512])
        hit_rows, hit_columns = np.nonzero(vectors[chunk] @ vectors.T >= threshold)
        for i, j in zip(chunk[hit_rows].tolist(), hit_columns.tolist(), strict=True):
            if i != j:
                found.add((min(i, j), max(i, j)))
    return found


def measure(size: int, sample: int, seed: int, embedder: semantic.Embedder) -> dict[str, object]:
    texts, _ = Generator(seed).corpus(size)
    start = time.perf_counter()
    vectors = semantic.embed([text.text for text in texts], embedder)
    embedding = time.perf_counter() - start
    start = time.perf_counter()
    approximate = ann.approximate_pairs(vectors, threshold=SEMANTIC_THRESHOLD, max_neighbours=size)
    index_seconds = time.perf_counter() - start
    found = {(i, j) for i, j, _ in approximate}
    start = time.perf_counter()
    if sample >= size:
        exact_pairs = semantic.similar_pairs(
            vectors, threshold=SEMANTIC_THRESHOLD, max_neighbours=size, exact=True
        )
        exact = {(i, j) for i, j, _ in exact_pairs}
        exact_seconds = time.perf_counter() - start
        rows = "all"
    else:
        chosen = random.Random(seed + size).sample(range(size), sample)
        exact = exact_sample(vectors, chosen, SEMANTIC_THRESHOLD)
        exact_seconds = (time.perf_counter() - start) * size / sample / 2  # half: i < j only
        picked = set(chosen)
        found = {(i, j) for i, j in found if i in picked or j in picked}
        rows = f"{sample:,} sampled"
    return {
        "size": size,
        "embedding": embedding,
        "index": index_seconds,
        "pairs": len(approximate),
        "exact": len(exact),
        "exact_seconds": exact_seconds,
        "estimated": sample < size,
        "rows": rows,
        "recall": len(exact & found) / len(exact) if exact else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes, comma-separated")
    parser.add_argument("--sample", type=int, default=2_000, help="texts checked above full")
    parser.add_argument("--full-up-to", type=int, default=10_000, help="all pairs checked")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    embedder = semantic.load()
    if embedder is None:
        raise SystemExit("The embedding model is not installed: pip install 'accord[semantic]'.")
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    print(
        f"semantic search at threshold {SEMANTIC_THRESHOLD}: approximate index "
        f"(lists of {ann.LIST_SIZE}, {ann.PROBES} probed) against the exact search; "
        f"the engine uses the index from {ann.ANN_FROM:,} texts"
    )
    print(
        f"{'texts':>8} {'embed':>7} {'index':>7} {'pairs':>7} {'rows checked':>14} "
        f"{'exact':>7} {'recall':>7} {'exact search':>13}"
    )
    rows = []
    for size in sizes:
        sample = size if size <= args.full_up_to else min(args.sample, size)
        row = measure(size, sample, args.seed, embedder)
        rows.append(row)
        exact_time = ("~" if row["estimated"] else "") + f"{row['exact_seconds']:.1f} s"
        print(
            f"{row['size']:>8,} {row['embedding']:>5.1f} s {row['index']:>5.1f} s "
            f"{row['pairs']:>7,} {row['rows']:>14} {row['exact']:>7,} {row['recall']:>7.4f} "
            f"{exact_time:>13}",
            flush=True,
        )
    first = rows[0]
    for row in rows[1:]:
        print(
            f"growth {row['size']:,} / {first['size']:,} texts: index x"
            f"{row['index'] / first['index']:.1f}, exact x"
            f"{row['exact_seconds'] / first['exact_seconds']:.1f} "
            f"(linear: x{row['size'] / first['size']:.1f})"
        )
    for line in (
        "embed: the model's time for all texts; index: ann.approximate_pairs; pairs: what it",
        "  found; exact: pairs at or above the threshold among the rows checked (every pair in",
        "  full; above --full-up-to, the pairs of sampled texts, each against all); recall: the",
        "  share of them the index found; exact search: its time (~ extrapolated from the",
        "  sample). Both searches keep every neighbour (no MAX_NEIGHBOURS cap).",
    ):
        print(line)


if __name__ == "__main__":
    main()
