"""``find_overlaps``: the engine's one entry point, from a corpus to scored, explained pairs
and clusters, by the lexical method here or the semantic and hybrid ones (``hybrid``)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Any

from accord.engines.overlap.clusters import cluster
from accord.engines.overlap.explain import explain
from accord.engines.overlap.lexical import (
    LEXICAL_THRESHOLD,
    MAX_CHARS,
    MAX_SHINGLES,
    Progress,
    lexical_pairs_noting_capped,
)
from accord.engines.overlap.model import (
    OverlapError,
    OverlapResult,
    Pair,
    SemanticUnavailable,
    Text,
    check_corpus,
)

METHODS = ("lexical", "semantic", "hybrid")


def find_overlaps(
    texts: Sequence[Text],
    *,
    method: str = "lexical",
    threshold: float | None = None,
    top: int | None = None,
    progress: Progress | None = None,
    semantic: Any = None,
) -> OverlapResult:
    """Pairs of overlapping texts, best first (at most ``top``), each with the phrases both
    share, and the clusters those pairs form.

    ``threshold`` defaults to the method's calibrated one. The semantic and hybrid methods
    need the optional embedding model (or an embedder injected as ``semantic``); without it
    the lexical method answers, and a warning says so. ``progress(done, total)`` is called
    as the work advances. Raises OverlapError on input it cannot work on; an empty corpus or
    a single text gives an empty result.
    """
    check_corpus(texts)
    if method not in METHODS:
        raise OverlapError(f"the method must be one of {', '.join(METHODS)}, not {method!r}")
    _check_options(threshold, top)
    if method != "lexical":
        try:
            hybrid = import_module("accord.engines.overlap.hybrid")  # optional, imported late
            return hybrid.run(
                texts,
                method=method,
                threshold=threshold,
                top=top,
                progress=progress,
                semantic=semantic,
            )
        except (ImportError, SemanticUnavailable) as error:
            result = _lexical(texts, LEXICAL_THRESHOLD, top, progress)
            result.warnings.insert(
                0,
                f"the {method} method is not available ({error}); lexical similarity was used "
                f"instead, at its own threshold {LEXICAL_THRESHOLD}",
            )
            return result
    return _lexical(texts, LEXICAL_THRESHOLD if threshold is None else threshold, top, progress)


def _check_options(threshold: float | None, top: int | None) -> None:
    if threshold is not None and (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 0.0 < threshold <= 1.0
    ):
        raise OverlapError(f"the threshold must be above 0 and at most 1, not {threshold!r}")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise OverlapError(f"top must be a positive whole number, not {top!r}")


def _lexical(
    texts: Sequence[Text], threshold: float, top: int | None, progress: Progress | None
) -> OverlapResult:
    """Pairs by score (ties in corpus order), explained; clusters of the pairs reported."""
    found, capped = lexical_pairs_noting_capped(texts, threshold=threshold, progress=progress)
    found.sort(key=lambda hit: (-hit[2], hit[0], hit[1]))
    if top is not None:
        found = found[:top]
    pairs = []
    for i, j, similarity in found:
        a, b = texts[i], texts[j]
        phrases = tuple(shared.phrase for shared in explain(a.text, b.text).shared)
        score = round(similarity, 4)
        pairs.append(Pair(a=a.id, b=b.id, score=score, lexical=score, shared=phrases))
    warnings = [
        f"'{texts[i].id}' is too long to compare whole ({len(texts[i].text):,} characters): "
        f"only its first {MAX_CHARS:,} characters, {MAX_SHINGLES:,} word shingles at most, "
        "were compared"
        for i in capped
    ]
    return OverlapResult(
        pairs=pairs,
        clusters=cluster(pairs, [text.id for text in texts]),
        method="lexical",
        warnings=warnings,
    )
