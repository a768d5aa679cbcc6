"""The lexical similarity and ``lexical_pairs``: the index finds what comparing every pair
would find, and only that."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.engines.overlap import LEXICAL_THRESHOLD, OverlapError, Text, lexical_pairs
from accord.engines.overlap.index import SHARED, cosine, cosine_join
from accord.engines.overlap.lexical import Shingler, bigram, lexical_similarity

pytestmark = pytest.mark.unit

P1A = "Increased coverage of broadband networks in rural and remote areas, including through community networks"
P3A = P1A + " and satellite backhaul"
VOCABULARY = [
    "broadband", "networks", "rural", "remote", "areas", "community", "satellite", "backhaul",
    "universal", "service", "fund", "digital", "skills", "women", "girls", "spectrum",
    "capacity", "Member", "States", "financing",
]  # fmt: skip


def brute_force(texts, threshold):
    """Every pair compared: the reference the index must equal."""
    shingler = Shingler()
    sets = [shingler.shingles(text.text)[0] for text in texts]
    return [
        (i, j, cosine(len(sets[i] & sets[j]), len(sets[i]), len(sets[j])))
        for i, j in itertools.combinations(range(len(texts)), 2)
        if sets[i]
        and sets[j]
        and cosine(len(sets[i] & sets[j]), len(sets[i]), len(sets[j])) >= threshold
    ]


def corpus(*texts):
    return [Text(id=f"t{n}", text=text) for n, text in enumerate(texts)]


def test_lexical_threshold_keeps_one_clause_added():
    assert lexical_similarity(P1A, P3A) >= LEXICAL_THRESHOLD


def test_lexical_similarity_of_one_clause_added():
    # 8 distinct words and 8 word pairs shared ("networks" twice); 2 words and 2 pairs more.
    assert lexical_similarity(P1A, P3A) == 16 / math.sqrt(16 * 20)


def test_lexical_similarity_identical_and_disjoint():
    assert lexical_similarity(P1A, P1A.upper()) == 1.0
    assert lexical_similarity(P1A, "Toolkit for measuring digital skills") == 0.0


def test_lexical_similarity_reordered_list_is_the_same():
    assert lexical_similarity("digital skills and literacy", "digital literacy and skills") == (
        4 / math.sqrt(5 * 5)
    )  # words 3/3 shared, pairs "skills literacy" shared, "digital skills" ≠ "digital literacy"
    assert lexical_similarity("skills and literacy", "literacy and skills") == 1.0


def test_lexical_similarity_text_without_content_words_is_zero():
    assert lexical_similarity("of the and", "of the and") == 0.0
    assert lexical_similarity("", P1A) == 0.0


def test_bigram_ids_are_unordered_and_above_word_ids():
    assert bigram(3, 5) == bigram(5, 3)
    assert bigram(0, 0) > 1 << 21
    assert len({bigram(a, b) for a in range(40) for b in range(a, 40)}) == 40 * 41 // 2


def test_lexical_pairs_finds_the_near_duplicate_only():
    texts = corpus(P1A, "Guidelines on universal service fund governance", P3A)
    assert lexical_pairs(texts) == [(0, 2, 16 / math.sqrt(16 * 20))]


def test_lexical_pairs_empty_and_single_corpus():
    assert lexical_pairs([]) == []
    assert lexical_pairs(corpus(P1A)) == []


def test_lexical_pairs_reports_progress_to_the_end():
    calls = []
    lexical_pairs(corpus(P1A, P3A), progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (4, 4)


@pytest.mark.parametrize("threshold", [0, -0.1, 1.5, "0.6", True])
def test_lexical_pairs_refuses_a_bad_threshold(threshold):
    with pytest.raises(OverlapError, match="threshold"):
        lexical_pairs(corpus(P1A, P3A), threshold=threshold)


def test_lexical_pairs_refuses_a_text_that_is_not_a_string():
    with pytest.raises(OverlapError, match="item 2 of the corpus is not a text"):
        lexical_pairs([Text("a", P1A), Text("b", b"bytes")])  # type: ignore[arg-type]


def test_lexical_pairs_huge_text_is_capped_not_fatal():
    huge = (P1A + ". ") * 100_000  # about 10 MB
    assert [(i, j) for i, j, _ in lexical_pairs(corpus(huge, P1A, "unrelated words here"))] == [
        (0, 1)
    ]


sentences = st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=9).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(sentences, min_size=0, max_size=14),
    threshold=st.sampled_from([0.2, 0.35, 0.5, 0.6, LEXICAL_THRESHOLD, 0.75, 0.9, 1.0]),
)
def test_lexical_pairs_equals_comparing_all_pairs(texts, threshold):
    texts = corpus(*texts)
    assert lexical_pairs(texts, threshold=threshold) == brute_force(texts, threshold)


token_sets = st.lists(
    st.frozensets(st.integers(min_value=1, max_value=30), min_size=1, max_size=12),
    min_size=2,
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(sets=token_sets, threshold=st.sampled_from([0.3, 0.5, 0.6, 0.8]), common=st.integers(1, 31))
def test_cosine_join_misses_only_pairs_sharing_few_uncommon_tokens(sets, threshold, common):
    """With tokens from ``common`` on left out of the index, every pair the join reports is
    right, and every pair sharing at least SHARED tokens below ``common``, or identical, is
    reported."""
    records = [tuple(sorted(s)) for s in sets]
    sizes = [len(s) for s in sets]
    exact = {
        (i, j)
        for i, j in itertools.combinations(range(len(sets)), 2)
        if cosine(len(sets[i] & sets[j]), sizes[i], sizes[j]) >= threshold
    }
    found = {(i, j) for i, j, _ in cosine_join(records, sizes, threshold, common=common)}
    must = {
        (i, j)
        for i, j in exact
        if len({t for t in sets[i] & sets[j] if t < common}) >= SHARED or sets[i] == sets[j]
    }
    assert must <= found <= exact
    assert {(i, j) for i, j, _ in cosine_join(records, sizes, threshold)} == exact
