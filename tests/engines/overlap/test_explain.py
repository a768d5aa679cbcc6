"""Explanations: shared phrases aligned with their spans, and the words only one side has."""

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.engines.overlap import Explanation, OverlapError, Shared, explain
from accord.engines.overlap.normalise import words

pytestmark = pytest.mark.unit

P1A = "Increased coverage of broadband networks in rural and remote areas, including through community networks"
P3A = P1A + " and satellite backhaul"


def test_explain_one_clause_added():
    assert explain(P1A, P3A) == Explanation(
        shared=(Shared(P1A, (0, 104), (0, 104)),),
        only_a=(),
        only_b=("satellite", "backhaul"),
    )


def test_explain_reordered_phrases_in_a_order_with_spans_in_both():
    a = "Workshops on spectrum management for regulators, with regional case studies"
    b = "Regional case studies and workshops on spectrum management"
    result = explain(a, b)
    assert result == Explanation(
        shared=(
            Shared("Workshops on spectrum management", (0, 32), (26, 58)),
            Shared("regional case studies", (54, 75), (0, 21)),
        ),
        only_a=("regulators",),
        only_b=(),
    )
    for phrase in result.shared:
        assert a[phrase.a[0] : phrase.a[1]] == phrase.phrase
        assert words(b[phrase.b[0] : phrase.b[1]]) == words(phrase.phrase)


def test_explain_matches_words_by_their_normalised_form():
    result = explain("Strengthened national strategies", "strengthening National Strategy")
    assert result.shared == (Shared("Strengthened national strategies", (0, 32), (0, 31)),)
    assert (result.only_a, result.only_b) == ((), ())


def test_explain_single_shared_words_are_not_phrases():
    result = explain("Toolkit for digital skills", "Skills toolkit")
    assert result == Explanation(shared=(), only_a=("digital",), only_b=())


def test_explain_only_words_are_listed_once_as_first_written():
    result = explain("Fund, funds and FUNDS for schools", "Schools")
    assert result.only_a == ("Fund",)


def test_explain_each_word_is_used_in_one_phrase_only():
    result = explain("digital skills digital skills", "digital skills")
    assert result.shared == (Shared("digital skills", (0, 14), (0, 14)),)


def test_explain_refuses_what_is_not_text():
    with pytest.raises(OverlapError, match="two strings"):
        explain(P1A, None)  # type: ignore[arg-type]


def test_explain_huge_text_is_bounded():
    huge = "rural broadband " * 2_000_000
    result = explain(huge, "rural broadband networks")
    assert result.shared == (Shared("rural broadband", (0, 15), (0, 15)),)
    assert result.only_b == ("networks",)


VOCABULARY = ["the", "broadband", "rural", "networks", "of", "remote", "areas", "and"]
VOCABULARY += ["community", "skills", "digital"]
texts = st.lists(st.sampled_from(VOCABULARY), max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(a=texts, b=texts)
def test_explain_phrases_are_runs_both_texts_have(a, b):
    result = explain(a, b)
    a_spans = [phrase.a for phrase in result.shared]
    assert a_spans == sorted(a_spans)
    for phrase in result.shared:
        assert a[phrase.a[0] : phrase.a[1]] == phrase.phrase
        assert len(words(phrase.phrase)) >= 2
        assert words(b[phrase.b[0] : phrase.b[1]]) == words(phrase.phrase)
    for spans in (a_spans, sorted(phrase.b for phrase in result.shared)):
        assert all(first[1] <= second[0] for first, second in pairwise(spans))
    assert not set(words(" ".join(result.only_a))) & set(words(b))
    assert not set(words(" ".join(result.only_b))) & set(words(a))
