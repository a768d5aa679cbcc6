"""Item-by-item comparison of two plan versions."""

import pytest

from accord.engines.diff import ItemDiff, Op, PlanItemText, diff_items

pytestmark = pytest.mark.unit

A = PlanItemText("D.1-a", "D.1", "Affordable broadband for all", "outcome")
B = PlanItemText("D.1-b", "D.1", "Digital skills for women and girls", "outcome")
C = PlanItemText("D.1-1", "D.1", "Guidelines on spectrum pricing", "output")
D = PlanItemText("D.2-a", "D.2", "Resilient networks", "outcome")


def test_diff_items_marks_unchanged_and_changed():
    b2 = PlanItemText("D.1-b", "D.1", "Digital skills for women, girls and youth", "outcome")

    diffs = diff_items([A, B], [A, b2])

    assert diffs == [
        ItemDiff("D.1-a", "unchanged", A, A, (Op("equal", "Affordable broadband for all"),)),
        ItemDiff(
            "D.1-b",
            "changed",
            B,
            b2,
            (
                Op("equal", "Digital skills for women"),
                Op("insert", ", girls"),
                Op("equal", " and "),
                Op("delete", "girls"),
                Op("insert", "youth"),
            ),
        ),
    ]


def test_diff_items_marks_moved_with_text_change():
    moved = PlanItemText("D.1-b", "D.2", "Digital skills for all", "outcome")

    (diff,) = [d for d in diff_items([A, B, D], [A, D, moved]) if d.code == "D.1-b"]

    assert diff.change == "moved"
    assert diff.old == B
    assert diff.new == moved
    assert diff.ops == (
        Op("equal", "Digital skills for "),
        Op("delete", "women and girls"),
        Op("insert", "all"),
    )


def test_diff_items_moved_without_text_change_has_equal_ops():
    moved = PlanItemText("D.2-a", "D.1", "Resilient networks", "outcome")

    diffs = diff_items([A, D], [A, moved])

    assert [(d.code, d.change) for d in diffs] == [("D.1-a", "unchanged"), ("D.2-a", "moved")]
    assert diffs[1].ops == (Op("equal", "Resilient networks"),)


def test_diff_items_added_items_follow_new_order():
    added = PlanItemText("D.1-c", "D.1", "Community networks", "outcome")

    diffs = diff_items([A, C], [A, added, C])

    assert [(d.code, d.change) for d in diffs] == [
        ("D.1-a", "unchanged"),
        ("D.1-c", "added"),
        ("D.1-1", "unchanged"),
    ]
    assert diffs[1] == ItemDiff(
        "D.1-c", "added", None, added, (Op("insert", "Community networks"),)
    )


def test_diff_items_removed_item_follows_its_old_predecessor():
    diffs = diff_items([A, B, C, D], [C, A, D])

    assert [(d.code, d.change) for d in diffs] == [
        ("D.1-1", "unchanged"),
        ("D.1-a", "unchanged"),
        ("D.1-b", "removed"),
        ("D.2-a", "unchanged"),
    ]
    assert diffs[2] == ItemDiff("D.1-b", "removed", B, None, (Op("delete", B.text),))


def test_diff_items_removed_first_items_come_first_in_old_order():
    diffs = diff_items([A, B, C], [C])

    assert [(d.code, d.change) for d in diffs] == [
        ("D.1-a", "removed"),
        ("D.1-b", "removed"),
        ("D.1-1", "unchanged"),
    ]


def test_diff_items_kind_change_counts_as_changed():
    as_output = PlanItemText("D.1-a", "D.1", A.text, "output")

    assert diff_items([A], [as_output])[0].change == "changed"


def test_diff_items_matches_repeated_codes_in_order():
    first = PlanItemText("D.1-a", "D.1", "First")
    again = PlanItemText("D.1-a", "D.1", "Second")

    diffs = diff_items([first, again], [first])

    assert [(d.change, d.old) for d in diffs] == [("unchanged", first), ("removed", again)]


def test_diff_items_of_empty_plans():
    assert diff_items([], []) == []


def _plan(count: int, *, revised: bool) -> list[PlanItemText]:
    items = []
    for number in range(count):
        priority = f"D.{number // 100 + 1}"
        text = (
            f"Item {number}: improved affordability of devices and services through "
            f"[reduced import duties/targeted subsidies] in region {number % 6}, with "
            "measurable targets agreed by Member States and Sector Members"
        )
        if revised and number % 3 == 0:
            text = text.replace("[reduced import duties/targeted subsidies]", "targeted subsidies")
        if revised and number % 7 == 0:
            text += " and reported annually to TDAG"
        items.append(PlanItemText(f"{priority}-{number}", priority, text))
    if revised:
        del items[::50]
        items.reverse()
    return items


def test_diff_items_of_two_thousand_items_matches_every_item():
    old, new = _plan(2000, revised=False), _plan(2000, revised=True)

    diffs = diff_items(old, new)

    assert len(diffs) == 2000
    assert sum(d.change == "removed" for d in diffs) == 40
