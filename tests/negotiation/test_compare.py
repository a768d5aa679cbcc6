"""Redlines between versions: item by item, one item, grouped by priority, and as Word."""

import io
import re
import zipfile

import pytest

from accord.core.errors import NotFound
from accord.engines.diff import ItemDiff, Op, PlanItemText
from accord.negotiation import domain
from accord.negotiation.queries import (
    compare_by_priority,
    compare_item,
    compare_versions,
    redline_docx,
)
from tests.negotiation.contribution_data import (
    D1_1,
    D1A,
    accept_all,
    add,
    contribute,
    delete,
    modify,
    move,
    negotiation,
)

pytestmark = pytest.mark.integration

REMOTE = D1A.replace("rural", "remote")


@pytest.fixture
def merged(admin, conference, draft):
    """Version 1 (circulated) and version 2 (draft): D.1-a changed, D.1-1 removed, D.1-b moved
    to D.2, D.2-9 added."""
    n = negotiation(admin, conference, draft)
    contribution = contribute(
        n.kenyan,
        n.version,
        n.kenya,
        modify("D.1-a", REMOTE),
        delete("D.1-1"),
        move("D.1-b", "D.2"),
        add("D.2-9", "D.2", "Regional centres"),
    )
    accept_all(n.chair, contribution)
    n.merged = domain.merge_contributions(user=n.chair, version=n.version)
    return n


def test_compare_versions_lists_changed_removed_moved_and_added_items(merged, conference):
    diffs = compare_versions(merged.chair, conference, 1, 2)

    d1b = "Text of item 2 under priority 1 about broadband connectivity"
    assert [(d.code, d.change) for d in diffs] == [
        ("D.1-a", "changed"),
        ("D.1-1", "removed"),
        ("D.2-a", "unchanged"),
        ("D.2-1", "unchanged"),
        ("D.2-b", "unchanged"),
        ("D.1-b", "moved"),
        ("D.2-9", "added"),
    ]
    assert diffs[0] == ItemDiff(
        "D.1-a",
        "changed",
        PlanItemText("D.1-a", "D.1", D1A, "outcome"),
        PlanItemText("D.1-a", "D.1", REMOTE, "outcome"),
        (
            Op("equal", "Promote affordable broadband connectivity in "),
            Op("delete", "rural"),
            Op("insert", "remote"),
            Op("equal", " areas"),
        ),
    )
    assert diffs[1].ops == (Op("delete", D1_1),)
    assert (diffs[5].old.priority, diffs[5].new.priority, diffs[5].ops) == (
        "D.1",
        "D.2",
        (Op("equal", d1b),),
    )
    assert diffs[6].ops == (Op("insert", "Regional centres"),)


def test_compare_item_one_item(merged, conference):
    found = compare_item(merged.chair, conference, "D.1-1", 1, 2)

    assert (found.code, found.change, found.new) == ("D.1-1", "removed", None)


def test_compare_item_unknown_everywhere_is_not_found(merged, conference):
    with pytest.raises(NotFound) as missing:
        compare_item(merged.chair, conference, "D.9-z", 1, 2)

    assert missing.value.message == "Neither version 1 nor 2 has an item D.9-z."


def test_compare_versions_needs_both_versions_readable(merged, conference):
    with pytest.raises(NotFound) as missing:
        compare_versions(merged.kenyan, conference, 1, 2)

    assert missing.value.field == "version"


def test_compare_by_priority_groups_changes_under_their_priority(merged, conference):
    comparison = compare_by_priority(merged.chair, conference, 1, 2)

    assert [
        (p.code, p.title, [d.code for d in p.changes], [d.code for d in p.unchanged])
        for p in comparison.priorities
    ] == [
        ("D.1", "Priority 1", ["D.1-a", "D.1-1"], []),
        ("D.2", "Priority 2", ["D.1-b", "D.2-9"], ["D.2-a", "D.2-1", "D.2-b"]),
    ]
    assert comparison.counts == {"changed": 1, "removed": 1, "unchanged": 3, "moved": 1, "added": 1}


def test_redline_docx_holds_tracked_insertions_and_deletions(merged, conference):
    content, filename = redline_docx(merged.chair, conference, 1, 2)

    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        body = docx.read("word/document.xml").decode()
    assert filename == "conf-action-plan-v1-to-v2-redline.docx"
    assert re.findall(r'<w:del w:id="\d+" w:author="Version 2".*?<w:delText[^>]*>(.*?)<', body) == [
        "rural",
        D1_1,
    ]
    assert re.findall(r'<w:ins w:id="\d+" w:author="Version 2".*?<w:t[^>]*>(.*?)<', body) == [
        "remote",
        "Regional centres",
    ]
