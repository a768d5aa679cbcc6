"""The approximate index: it finds the close pairs the exact search finds, scores them
exactly, and is what the semantic search uses for large corpora."""

import pytest

from accord.engines.overlap import ann, semantic

np = pytest.importorskip("numpy")


def clustered_vectors(groups: int, per_group: int, dimensions: int, seed: int):
    """Unit vectors in tight groups around random centres: many close pairs inside each
    group, none across."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(groups, dimensions))
    rows = np.repeat(centres, per_group, axis=0) + 0.15 * rng.normal(
        size=(groups * per_group, dimensions)
    )
    rows = rows[rng.permutation(len(rows))]
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def exact(vectors, threshold):
    return semantic.similar_pairs(vectors, threshold=threshold, exact=True)


def test_approximate_pairs_find_the_close_pairs_with_exact_scores():
    vectors = clustered_vectors(groups=40, per_group=30, dimensions=32, seed=3)
    expected = exact(vectors, 0.9)

    found = ann.approximate_pairs(vectors, threshold=0.9, max_neighbours=100, list_size=50)

    assert len(expected) > 1_000
    found_pairs = {(i, j): score for i, j, score in found}
    assert len(set(found_pairs) & {(i, j) for i, j, _ in expected}) / len(expected) >= 0.95
    assert set(found_pairs) <= {(i, j) for i, j, _ in expected}
    for i, j, score in expected:
        if (i, j) in found_pairs:
            assert found_pairs[(i, j)] == pytest.approx(score, abs=1e-5)
    assert found == sorted(found)
    assert all(i < j for i, j, _ in found)


def test_approximate_pairs_with_one_list_are_the_exact_pairs():
    vectors = clustered_vectors(groups=5, per_group=8, dimensions=16, seed=4)

    found = ann.approximate_pairs(vectors, threshold=0.8, max_neighbours=100, list_size=1_000)

    assert [(i, j) for i, j, _ in found] == [(i, j) for i, j, _ in exact(vectors, 0.8)]


def test_approximate_pairs_keep_the_best_neighbours_per_text():
    vectors = clustered_vectors(groups=3, per_group=20, dimensions=16, seed=5)

    found = ann.approximate_pairs(vectors, threshold=0.5, max_neighbours=3, list_size=20)

    per_row: dict[int, int] = {}
    for i, _, _ in found:
        per_row[i] = per_row.get(i, 0) + 1
    assert max(per_row.values()) == 3


def test_approximate_pairs_are_deterministic_and_report_progress():
    vectors = clustered_vectors(groups=10, per_group=10, dimensions=16, seed=6)
    seen: list[tuple[int, int]] = []

    first = ann.approximate_pairs(
        vectors,
        threshold=0.9,
        max_neighbours=100,
        list_size=10,
        progress=lambda d, t: seen.append((d, t)),
    )

    assert first == ann.approximate_pairs(vectors, threshold=0.9, max_neighbours=100, list_size=10)
    assert seen[-1] == (100, 100)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_similar_pairs_uses_the_index_from_its_size(monkeypatch):
    vectors = clustered_vectors(groups=4, per_group=10, dimensions=8, seed=7)
    calls = []
    real = ann.approximate_pairs
    monkeypatch.setattr(
        ann, "approximate_pairs", lambda v, **options: calls.append(len(v)) or real(v, **options)
    )

    monkeypatch.setattr(ann, "ANN_FROM", 41)
    semantic.similar_pairs(vectors, threshold=0.9)
    monkeypatch.setattr(ann, "ANN_FROM", 40)
    semantic.similar_pairs(vectors, threshold=0.9)
    semantic.similar_pairs(vectors, threshold=0.9, exact=True)

    assert calls == [40]
