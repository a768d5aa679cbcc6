"""Three-way merge of several proposals on one text."""

import pytest
from hypothesis import given

from accord.engines.diff import EditConflict, apply_hunks, hunks, merge_edits
from tests.engines.diff.strategies import any_texts, plan_texts, word_lists

pytestmark = pytest.mark.unit

BASE = "Improved affordability of devices through reduced import duties in rural areas"


def test_merge_edits_combines_changes_to_different_words():
    proposals = [
        "Improved affordability of mobile devices through reduced import duties in rural areas",
        "Improved affordability of devices through reduced import duties in rural and remote areas",
    ]

    merged = merge_edits(BASE, proposals)

    assert merged == (
        "Improved affordability of mobile devices through reduced import duties in rural and "
        "remote areas"
    )


def test_merge_edits_applies_an_identical_change_once():
    proposal = "Improved affordability of devices through targeted subsidies in rural areas"

    assert merge_edits(BASE, [proposal, proposal]) == proposal


def test_merge_edits_without_edits_is_the_base():
    assert merge_edits(BASE, []) == BASE


def test_merge_edits_puts_insertion_before_adjacent_replacement():
    merged = merge_edits("a old b", ["a new b", "a x old b"])

    assert merged == "a x new b"


def test_merge_edits_conflict_on_same_words():
    first = "Improved affordability of devices through targeted subsidies in rural areas"
    second = "Improved affordability of devices through lower tariffs in rural areas"

    with pytest.raises(EditConflict) as caught:
        merge_edits(BASE, [first, second])

    assert caught.value.ranges == [(42, 63)]
    assert BASE[42:63] == "reduced import duties"
    assert caught.value.edits == [(0, 1)]
    assert str(caught.value) == (
        "1 conflicting change(s): edit 1 replaces 'reduced import duties' with 'targeted "
        "subsidies' but edit 2 replaces 'reduced import duties' with 'lower tariffs' "
        "(characters 42-63)"
    )


def test_merge_edits_conflict_on_insertions_at_one_offset():
    with pytest.raises(EditConflict) as caught:
        merge_edits("a b", ["a x b", "a y b"])

    assert caught.value.ranges == [(2, 2)]
    assert "at character 2" in str(caught.value)


def test_merge_edits_conflict_on_insertion_inside_a_deletion():
    with pytest.raises(EditConflict) as caught:
        merge_edits("keep one two three keep", ["keep keep", "keep one two extra three keep"])

    assert caught.value.ranges == [(5, 19)]
    assert caught.value.edits == [(0, 1)]


def test_merge_edits_reports_every_conflicting_pair():
    with pytest.raises(EditConflict) as caught:
        merge_edits("a b c d", ["a x c d", "a y c d", "a b c z", "a b c w"])

    assert caught.value.ranges == [(2, 3), (6, 7)]
    assert caught.value.edits == [(0, 1), (2, 3)]


@given(any_texts, any_texts)
def test_merge_edits_of_one_edit_is_that_edit(base, edit):
    assert merge_edits(base, [edit]) == edit


@given(any_texts, any_texts)
def test_merge_edits_of_the_same_edit_twice_is_that_edit(base, edit):
    assert merge_edits(base, [edit, edit]) == edit


@given(word_lists, word_lists, word_lists, word_lists)
def test_merge_edits_of_disjoint_edits_contains_both(left, right, new_left, new_right):
    base = " ".join([*left, "|", "pivot", "|", *right])
    first = " ".join([*new_left, "|", "pivot", "|", *right])
    second = " ".join([*left, "|", "pivot", "|", *new_right])

    merged = merge_edits(base, [first, second])

    changes = hunks(base, first) + hunks(base, second)
    assert all(change.text in merged for change in changes)
    assert merged == apply_hunks(base, changes)
    assert merged == " ".join([*new_left, "|", "pivot", "|", *new_right])


@given(plan_texts(), plan_texts(), plan_texts())
def test_merge_edits_either_merges_or_names_overlapping_ranges(base, first, second):
    try:
        merged = merge_edits(base, [first, second])
    except EditConflict as conflict:
        assert conflict.ranges
        assert all(0 <= start <= end <= len(base) for start, end in conflict.ranges)
    else:
        for change in hunks(base, first) + hunks(base, second):
            assert change.text in merged
