"""Merged drafts: the longest text, then every clause the others add, each once."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.engines.overlap import OverlapError, merged_draft
from accord.engines.overlap.normalise import words

pytestmark = pytest.mark.unit

P1A = "Increased coverage of broadband networks in rural and remote areas, including through community networks"
P3A = P1A + " and satellite backhaul"


def test_merged_draft_keeps_the_text_that_contains_the_other():
    assert merged_draft([P1A, P3A]) == P3A
    assert merged_draft([P3A, P1A]) == P3A


def test_merged_draft_widens_and_appends_clauses_the_base_lacks():
    texts = [
        "Guidelines on universal service fund governance, with regional case studies.",
        "Guidelines on universal service fund governance and transparency; a toolkit for regulators.",
        "A toolkit for regulators",
    ]
    assert merged_draft(texts) == (
        "Guidelines on universal service fund governance and transparency, with regional "
        "case studies; a toolkit for regulators."
    )


def test_merged_draft_widens_a_clause_in_place():
    base = "Workshops on community network licensing, for regulators and operators, in every region"
    wider = "workshops on community network licensing and spectrum sharing"
    assert merged_draft([base, wider]) == (
        "workshops on community network licensing and spectrum sharing, for regulators and "
        "operators, in every region"
    )


def test_merged_draft_drops_a_reordered_repeat():
    texts = [
        "Foster digital skills and literacy for all, in particular women and girls",
        "For all, in particular girls and women, foster digital literacy and skills",
    ]
    assert merged_draft(texts) == texts[0]


def test_merged_draft_every_distinct_clause_once():
    texts = [
        "Regional studies on the cost of backhaul; guidelines on infrastructure sharing",
        "Regional studies on the cost of backhaul; a workshop for regulators",
        "A workshop for regulators; guidelines on infrastructure sharing; an online course",
    ]
    draft = merged_draft(texts)
    for clause in (
        "Regional studies on the cost of backhaul",
        "guidelines on infrastructure sharing",
        "a workshop for regulators",
        "an online course",
    ):
        assert draft.casefold().count(clause.casefold()) == 1
    assert draft == merged_draft(list(texts))  # deterministic


def test_merged_draft_empty_and_blank_texts():
    assert merged_draft([]) == ""
    assert merged_draft(["", "  "]) == ""
    assert merged_draft(["", P1A]) == P1A


def test_merged_draft_refuses_what_is_not_a_list_of_strings():
    with pytest.raises(OverlapError, match="sequence of strings"):
        merged_draft(P1A)  # type: ignore[arg-type]
    with pytest.raises(OverlapError, match="sequence of strings"):
        merged_draft([P1A, 3])  # type: ignore[list-item]


def test_merged_draft_one_clause_covering_two_takes_their_place():
    base = "Workshops on licensing, for regulators, in every region"
    wider = "Workshops on licensing for regulators and operators"
    assert merged_draft([base, wider]) == (
        "Workshops on licensing for regulators and operators, in every region"
    )


def test_merged_draft_covering_the_first_clauses_leaves_no_stray_separator():
    base = "Regulators, operators; toolkit for spectrum sharing"
    wider = "Regulators and operators"
    assert merged_draft([base, wider]) == "Regulators and operators; toolkit for spectrum sharing"


WORDS = ["broadband", "rural", "networks", "skills", "women", "spectrum", "fund", "the", "and"]
clause = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
text = st.lists(clause, min_size=1, max_size=4).map(", ".join)


def clause_words(text):
    return [set(words(piece)) for piece in re.split(r"[,;:.]", text) if words(piece)]


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(text, min_size=1, max_size=4))
def test_merged_draft_covers_every_clause_of_every_text(texts):
    draft = merged_draft(texts)
    kept = clause_words(draft)
    for source in texts:
        for piece in clause_words(source):
            assert any(piece <= other for other in kept)
    assert merged_draft(texts) == draft
