"""The labelled evaluation set (benchmarks/data/overlap_pairs.jsonl) is well formed, and the
calibrated constants in ``hybrid`` are the ones its benchmark fits."""

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from accord.engines.overlap import hybrid, semantic

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "benchmarks" / "data" / "overlap_pairs.jsonl"
LABELS = {
    "exact_duplicate": "overlap",
    "reordered": "overlap",
    "synonyms_paraphrase": "overlap",
    "clause_added_removed": "overlap",
    "similar_not_same": "distinct",
    "unrelated": "distinct",
}


def rows():
    with DATA.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def benchmark_module():
    spec = importlib.util.spec_from_file_location(
        "overlap_quality", ROOT / "benchmarks" / "overlap_quality.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("overlap_quality", module)
    spec.loader.exec_module(module)
    return module


def test_labelled_set_has_at_least_300_pairs():
    assert len(rows()) >= 300


def test_labelled_set_rows_have_exactly_the_documented_fields():
    assert {tuple(sorted(row)) for row in rows()} == {("a", "b", "category", "id", "label")}


def test_labelled_set_every_category_has_at_least_30_pairs():
    counts = Counter(row["category"] for row in rows())
    assert set(counts) == set(LABELS)
    assert min(counts.values()) >= 30


def test_labelled_set_label_follows_category():
    assert [row["id"] for row in rows() if LABELS[row["category"]] != row["label"]] == []


def test_labelled_set_ids_are_unique():
    ids = [row["id"] for row in rows()]
    assert len(ids) == len(set(ids))


def test_labelled_set_has_no_empty_text():
    assert [row["id"] for row in rows() if not row["a"].strip() or not row["b"].strip()] == []


def test_labelled_set_identical_sides_only_for_exact_duplicates():
    identical = [row["id"] for row in rows() if row["a"] == row["b"]]
    assert identical
    assert [i for i in identical if not i.startswith("dup-")] == []


def test_labelled_set_no_pair_is_listed_twice():
    seen = Counter(frozenset((row["a"], row["b"])) for row in rows())
    assert [pair for pair, count in seen.items() if count > 1] == []


def test_labelled_set_no_pair_carries_both_labels():
    labels: dict[frozenset, set] = {}
    for row in rows():
        labels.setdefault(frozenset((row["a"].strip(), row["b"].strip())), set()).add(row["label"])
    assert [pair for pair, found in labels.items() if len(found) > 1] == []


def test_labelled_set_varies_in_length():
    lengths = [len(row[side].split()) for row in rows() for side in ("a", "b")]
    assert min(lengths) <= 6
    assert max(lengths) >= 60


def test_benchmark_best_threshold_maximises_f1_between_scores():
    quality = benchmark_module()
    scores = [0.9, 0.8, 0.7, 0.2, 0.1]
    labels = [True, True, False, True, False]
    # keeping the top 4 gives F1 = 6/7 (best); the threshold sits between 0.2 and 0.1
    assert quality.best_threshold(scores, labels) == 0.15


def test_benchmark_best_threshold_respects_minimum():
    quality = benchmark_module()
    scores = [0.9, 0.8, 0.7, 0.2, 0.1]
    labels = [True, True, False, True, False]
    assert quality.best_threshold(scores, labels, minimum=0.5) == 0.75


def test_benchmark_folds_keep_a_family_together():
    quality = benchmark_module()
    pairs = quality.load_pairs()
    folds = quality.folds(pairs)
    by_family: dict[str, set[int]] = {}
    for pair, fold in zip(pairs, folds, strict=True):
        by_family.setdefault(pair.family, set()).add(fold)
    assert [family for family, found in by_family.items() if len(found) > 1] == []
    assert set(folds) == set(range(quality.FOLDS))


@pytest.mark.skipif(not semantic.available(), reason="wordllama (accord[semantic]) not installed")
def test_hybrid_constants_are_what_the_benchmark_calibrates():
    quality = benchmark_module()
    pairs = quality.load_pairs()
    features = hybrid.pair_features([(p.a, p.b) for p in pairs], semantic.load())
    fitted = quality.calibrate(pairs, features)
    assert fitted.semantic_threshold == pytest.approx(hybrid.SEMANTIC_THRESHOLD, abs=5e-3)
    assert fitted.hybrid_threshold == pytest.approx(hybrid.HYBRID_THRESHOLD, abs=5e-3)
    assert fitted.hybrid_weights == pytest.approx(hybrid.HYBRID_WEIGHTS, abs=5e-2)
