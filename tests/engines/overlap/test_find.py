"""``find_overlaps``: the sample working document, bad input, and the semantic fallback."""

import sys
import types
from pathlib import Path

import pytest

from accord.engines.overlap import (
    LEXICAL_THRESHOLD,
    OverlapError,
    OverlapResult,
    Pair,
    SemanticUnavailable,
    Text,
    find_overlaps,
)
from accord.engines.overlap.corpus import read_corpus

pytestmark = pytest.mark.unit

SAMPLE = (
    Path(__file__).resolve().parents[3].parent
    / "shared/samples/regional-priorities-working-document.txt"
)
P1A = "Increased coverage of broadband networks in rural and remote areas, including through community networks"
P3A = P1A + " and satellite backhaul"
NEAR_DUPLICATE = Pair(a="P.1-a", b="P.3-a", score=0.8944, lexical=0.8944, shared=(P1A,))


@pytest.fixture(scope="module")
def sample():
    return read_corpus(SAMPLE)


def test_find_overlaps_sample_reports_the_near_duplicate_outcomes(sample):
    assert find_overlaps(sample) == OverlapResult(
        pairs=[NEAR_DUPLICATE], clusters=[["P.1-a", "P.3-a"]], method="lexical", warnings=[]
    )


def test_find_overlaps_sample_lower_threshold_adds_related_not_unrelated(sample):
    result = find_overlaps(sample, threshold=0.3)
    assert [(p.a, p.b, p.score, p.shared) for p in result.pairs] == [
        ("P.1-a", "P.3-a", 0.8944, (P1A,)),
        ("P.1-b", "P.1-2", 0.3824, ("universal service funds",)),
        ("P.3-b", "P.3-1", 0.3363, ("co-financing",)),
    ]
    assert result.clusters == [["P.1-a", "P.3-a"], ["P.1-b", "P.1-2"], ["P.3-b", "P.3-1"]]
    found = {(p.a, p.b) for p in result.pairs}
    assert ("P.2-1", "P.3-2") not in found
    assert ("P.2-a", "P.2-2") not in found  # both about digital skills, not the same outcome


def test_find_overlaps_top_keeps_the_best_and_their_clusters(sample):
    result = find_overlaps(sample, threshold=0.3, top=1)
    assert (result.pairs, result.clusters) == ([NEAR_DUPLICATE], [["P.1-a", "P.3-a"]])


def test_find_overlaps_pairs_best_first_ties_in_corpus_order():
    texts = [Text("c", "rural broadband"), Text("a", "rural broadband"), Text("b", "spectrum")]
    texts.append(Text("d", "rural broadband"))
    result = find_overlaps(texts)
    assert [(p.a, p.b, p.score) for p in result.pairs] == [
        ("c", "a", 1.0), ("c", "d", 1.0), ("a", "d", 1.0),
    ]  # fmt: skip
    assert result.clusters == [["c", "a", "d"]]


@pytest.mark.parametrize("texts", [[], [Text("only", P1A)]])
def test_find_overlaps_empty_or_single_text_gives_an_empty_result(texts):
    assert find_overlaps(texts) == OverlapResult(pairs=[], clusters=[], method="lexical")


def test_find_overlaps_duplicate_ids_are_refused_by_name():
    with pytest.raises(OverlapError, match=r"^the id 'P\.1-a' is used by more than one text$"):
        find_overlaps([Text("P.1-a", P1A), Text("P.3-a", P3A), Text("P.1-a", "other")])


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ([Text("a", P1A), Text("b", None)], "the text of 'b' is a NoneType, not a string"),
        ([Text("a", P1A), P3A], "item 2 of the corpus is a str, not a Text"),
        ([Text("", P1A), Text("b", P3A)], "item 1 of the corpus has no id"),
    ],
)
def test_find_overlaps_refuses_malformed_texts(texts, message):
    with pytest.raises(OverlapError, match=message):
        find_overlaps(texts)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"method": "fuzzy"}, "the method must be one of lexical, semantic, hybrid, not 'fuzzy'"),
        ({"threshold": 0}, r"the threshold must be above 0 and at most 1, not 0"),
        ({"threshold": 1.01}, r"the threshold must be above 0 and at most 1, not 1.01"),
        ({"top": 0}, "top must be a positive whole number, not 0"),
    ],
)
def test_find_overlaps_refuses_bad_options(options, message):
    with pytest.raises(OverlapError, match=message):
        find_overlaps([Text("a", P1A), Text("b", P3A)], **options)


def test_find_overlaps_ten_megabyte_paragraph_is_read_in_part_with_a_warning():
    huge = (P1A + ". ") * 95_000
    result = find_overlaps([Text("huge", huge), Text("P.1-a", P1A), Text("x", "spectrum")])
    assert [(p.a, p.b) for p in result.pairs] == [("huge", "P.1-a")]
    assert result.warnings == [
        "'huge' is too long to compare whole (10,070,000 characters): only its first 50,000 "
        "characters, 5,000 word shingles at most, were compared"
    ]


def test_find_overlaps_reports_progress():
    calls = []
    find_overlaps([Text("a", P1A), Text("b", P3A)], progress=lambda *step: calls.append(step))
    assert calls[-1] == (4, 4)


@pytest.fixture
def fake_hybrid(monkeypatch):
    """Stands in for the semantic engine's module: records how it was called."""
    module = types.ModuleType("accord.engines.overlap.hybrid")
    module.calls = []

    def run(texts, **options):
        module.calls.append(options)
        return OverlapResult(method=options["method"])

    module.run = run
    monkeypatch.setitem(sys.modules, "accord.engines.overlap.hybrid", module)
    return module


def test_find_overlaps_semantic_methods_go_to_the_hybrid_module(fake_hybrid):
    scorer = object()
    texts = [Text("a", P1A), Text("b", P3A)]
    result = find_overlaps(texts, method="hybrid", threshold=0.7, top=3, semantic=scorer)
    assert result == OverlapResult(method="hybrid")
    assert fake_hybrid.calls == [
        {"method": "hybrid", "threshold": 0.7, "top": 3, "progress": None, "semantic": scorer}
    ]


def test_find_overlaps_falls_back_to_lexical_when_the_model_is_unavailable(fake_hybrid):
    def unavailable(texts, **options):
        raise SemanticUnavailable("the semantic model is not installed")

    fake_hybrid.run = unavailable
    result = find_overlaps([Text("P.1-a", P1A), Text("P.3-a", P3A)], method="semantic")
    assert result == OverlapResult(
        pairs=[NEAR_DUPLICATE],
        clusters=[["P.1-a", "P.3-a"]],
        method="lexical",
        warnings=[
            "the semantic method is not available (the semantic model is not installed); "
            f"lexical similarity was used instead, at its own threshold {LEXICAL_THRESHOLD}"
        ],
    )


def test_find_overlaps_falls_back_to_lexical_when_the_module_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "accord.engines.overlap.hybrid", None)
    result = find_overlaps([Text("P.1-a", P1A), Text("P.3-a", P3A)], method="hybrid")
    assert (result.method, result.pairs) == ("lexical", [NEAR_DUPLICATE])
    assert result.warnings[0].startswith("the hybrid method is not available (")
