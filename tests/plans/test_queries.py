import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.core.errors import NotFound
from accord.plans import domain
from accord.plans.queries import (
    current_version,
    item_detail,
    plan_outline,
    plan_tree,
    priority_items,
    search_items,
)
from tests import factories

pytestmark = pytest.mark.integration


def test_plan_tree_groups_items_under_priorities_with_counts(draft):
    tree = plan_tree(draft)

    assert [(view.priority.code, [i.code for i in view.items]) for view in tree] == [
        ("D.1", ["D.1-a", "D.1-1", "D.1-b"]),
        ("D.2", ["D.2-a", "D.2-1", "D.2-b"]),
    ]
    assert tree[0].counts.as_dict() == {"agreed": 1, "undisputed_change": 1, "disputed": 1}


def _queries_for_tree(version):
    with CaptureQueriesContext(connection) as context:
        tree = plan_tree(version)
        for view in tree:
            for item in view.items:
                _ = (item.linkage_list, item.outcome_code)
    return len(context.captured_queries)


def test_plan_tree_query_count_does_not_grow_with_the_plan(admin):
    small = factories.make_plan_version(admin, factories.make_conference(admin), 1, 1)
    large = factories.make_plan_version(admin, factories.make_conference(admin), 5, 8)
    for item in large.items.all()[:10]:
        domain.add_linkage(user=admin, item=item, type="sdg", target="9")

    assert _queries_for_tree(small) == _queries_for_tree(large)


def test_plan_outline_counts_without_loading_items(admin, draft):
    with CaptureQueriesContext(connection) as context:
        outline = plan_outline(draft)

    assert [(v.priority.code, v.counts.as_dict(), v.items) for v in outline] == [
        ("D.1", {"agreed": 1, "undisputed_change": 1, "disputed": 1}, []),
        ("D.2", {"agreed": 1, "undisputed_change": 1, "disputed": 1}, []),
    ]
    assert len(context.captured_queries) == 1


def test_priority_items_of_one_priority_with_linkages(admin, draft):
    domain.add_linkage(user=admin, item=draft.items.get(code="D.2-1"), type="wsis", target="C2")

    view = priority_items(draft, "D.2")

    assert [
        (i.code, i.outcome_code, [link.target for link in i.linkage_list]) for i in view.items
    ] == [
        ("D.2-a", None, []),
        ("D.2-1", "D.2-a", ["C2"]),
        ("D.2-b", None, []),
    ]


def test_current_version_is_the_newest_the_user_may_read(admin, conference, draft):
    domain.set_version_state(user=admin, version=draft, state="published")
    domain.create_plan_version(user=admin, plan=draft.plan, based_on=draft)

    assert current_version(admin, conference).number == 2
    assert current_version(AnonymousUser(), conference).number == 1


def test_current_version_without_visible_version_is_not_found(conference, draft):
    with pytest.raises(NotFound) as error:
        current_version(AnonymousUser(), conference)

    assert error.value.message == "CONF has no version of its Action Plan that you may read."


def test_item_detail_of_unknown_code_is_not_found(admin, conference, draft):
    with pytest.raises(NotFound) as error:
        item_detail(admin, conference, 1, "D.9-z")

    assert error.value.field == "code"


def test_search_items_needs_every_word(admin, draft):
    domain.update_item(
        user=admin,
        item=draft.items.get(code="D.2-b"),
        expected_revision=1,
        text="Satellite backhaul for islands",
    )

    assert [i.code for i in search_items(draft, "satellite ISLANDS")] == ["D.2-b"]
    assert [i.code for i in search_items(draft, "satellite mountains")] == []
    assert [i.code for i in search_items(draft, "D.1-")] == ["D.1-a", "D.1-1", "D.1-b"]
    assert search_items(draft, "   ") == []
