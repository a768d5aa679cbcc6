"""Word-level comparison: tokens, ops, changed ranges."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.engines.diff import Op, changed_ranges, diff_words, hunks, tokenize
from tests.engines.diff.strategies import any_texts, plan_texts

pytestmark = pytest.mark.unit

AFFORDABILITY = (
    "Improved affordability of devices through [reduced import duties/targeted subsidies]"
)


def test_tokenize_splits_words_whitespace_and_punctuation():
    tokens = tokenize("Reduce e-waste  by 50%, [now].")

    assert tokens == [
        "Reduce",
        " ",
        "e",
        "-",
        "waste",
        "  ",
        "by",
        " ",
        "50",
        "%",
        ",",
        " ",
        "[",
        "now",
        "]",
        ".",
    ]


def test_tokenize_keeps_combining_marks_inside_words():
    assert tokenize("e\u0301te\u0301 العَرَبِيَّة हिन्दी") == [
        "e\u0301te\u0301",
        " ",
        "العَرَبِيَّة",
        " ",
        "हिन्दी",
    ]


def test_tokenize_splits_chinese_into_characters():
    assert tokenize("中国电信 plan") == ["中", "国", "电", "信", " ", "plan"]


def test_diff_words_resolves_bracketed_alternative():
    new = "Improved affordability of devices through targeted subsidies"

    assert diff_words(AFFORDABILITY, new) == [
        Op("equal", "Improved affordability of devices through "),
        Op("delete", "[reduced import duties/"),
        Op("equal", "targeted subsidies"),
        Op("delete", "]"),
    ]


def test_diff_words_replacement_is_one_delete_and_one_insert():
    ops = diff_words(
        "Improved affordability of devices through reduced import duties",
        "Improved affordability of devices through targeted subsidies",
    )

    assert ops == [
        Op("equal", "Improved affordability of devices through "),
        Op("delete", "reduced import duties"),
        Op("insert", "targeted subsidies"),
    ]


def test_diff_words_realistic_rewording():
    ops = diff_words(
        "Number of countries with a national broadband plan",
        "Number of Member States with a national broadband plan or strategy",
    )

    assert ops == [
        Op("equal", "Number of "),
        Op("delete", "countries"),
        Op("insert", "Member States"),
        Op("equal", " with a national broadband plan"),
        Op("insert", " or strategy"),
    ]


def test_diff_words_insertion_keeps_words_whole():
    assert diff_words("Reduce e-waste by 2030.", "Reduce e-waste by 50% by 2030.") == [
        Op("equal", "Reduce e-waste by "),
        Op("insert", "50% by "),
        Op("equal", "2030."),
    ]


def test_diff_words_keeps_shared_words_between_separate_changes():
    ops = diff_words(
        "Promote digital literacy among women and girls",
        "Promote digital skills among women, girls and youth",
    )

    assert ops == [
        Op("equal", "Promote digital "),
        Op("delete", "literacy"),
        Op("insert", "skills"),
        Op("equal", " among women"),
        Op("insert", ", girls"),
        Op("equal", " and "),
        Op("delete", "girls"),
        Op("insert", "youth"),
    ]


def test_diff_words_of_equal_and_empty_texts():
    assert diff_words("same text", "same text") == [Op("equal", "same text")]
    assert diff_words("", "") == []
    assert diff_words("", "new") == [Op("insert", "new")]
    assert diff_words("old", "") == [Op("delete", "old")]


def test_changed_ranges_of_deletions():
    new = "Improved affordability of devices through targeted subsidies"

    assert changed_ranges(AFFORDABILITY, new) == [(42, 65), (83, 84)]
    assert AFFORDABILITY[42:65] == "[reduced import duties/"


def test_changed_ranges_of_replacement():
    old = "Enhanced cybersecurity capacity of Member States"

    assert changed_ranges(old, "Enhanced ICT security capacity of Member States") == [(9, 22)]


def test_changed_ranges_of_pure_insertion():
    old = "Reduce e-waste by 2030."

    assert changed_ranges(old, "Reduce e-waste by 50% by 2030.") == [(18, 18)]


def test_changed_ranges_of_equal_texts_is_empty():
    assert changed_ranges("unchanged", "unchanged") == []


@given(st.text())
def test_tokenize_round_trips(text):
    assert "".join(tokenize(text)) == text


@given(any_texts, any_texts)
def test_diff_words_joins_back_to_both_texts(old, new):
    ops = diff_words(old, new)

    assert "".join(op.text for op in ops if op.kind != "insert") == old
    assert "".join(op.text for op in ops if op.kind != "delete") == new


@given(any_texts, any_texts)
def test_diff_words_is_in_normal_form(old, new):
    ops = diff_words(old, new)

    assert all(op.text for op in ops)
    pairs = list(itertools.pairwise(ops))
    assert all(a.kind != b.kind for a, b in pairs)
    assert not any(a.kind == "insert" and b.kind == "delete" for a, b in pairs)


@given(plan_texts(), plan_texts())
def test_diff_words_leaves_no_whitespace_island_inside_a_replacement(old, new):
    ops = diff_words(old, new)

    for before, island, after in zip(ops, ops[1:], ops[2:], strict=False):
        if island.kind == "equal" and island.text.isspace():
            kinds = {before.kind, after.kind}
            assert kinds in ({"insert"}, {"delete"})


@given(any_texts, any_texts)
def test_changed_ranges_cover_exactly_the_deleted_text(old, new):
    deleted = [op.text for op in diff_words(old, new) if op.kind == "delete"]

    ranges = changed_ranges(old, new)

    assert [old[start:end] for start, end in ranges if end > start] == deleted
    assert ranges == sorted(ranges)
    assert all(a_end < b_start for (_, a_end), (b_start, _) in itertools.pairwise(ranges))
    assert [h.span for h in hunks(old, new)] == ranges
