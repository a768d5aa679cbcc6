import pytest

from accord.audit.domain import history_of
from accord.core.errors import DomainError, NotAllowed
from accord.plans import domain
from accord.plans.enums import ItemKind, ItemStatus, VersionState
from tests import factories

pytestmark = pytest.mark.integration


def test_add_item_appends_in_order_and_audits(admin, draft):
    priority = draft.priorities.get(code="D.1")

    item = domain.add_item(
        user=admin, priority=priority, kind=ItemKind.OUTCOME, code="D.1-z", text=" New outcome "
    )

    assert list(priority.items.values_list("code", flat=True)) == [
        "D.1-a",
        "D.1-1",
        "D.1-b",
        "D.1-z",
    ]
    assert item.text == "New outcome"
    assert history_of(item).get().changes["text"] == [None, "New outcome"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"code": "D.1-a"}, "code"),
        ({"code": "D.1 -q"}, "code"),
        ({"code": ""}, "code"),
        ({"text": "   "}, "text"),
        ({"kind": "objective"}, "kind"),
        ({"status": "green"}, "status"),
    ],
)
def test_add_item_with_bad_field_names_it(admin, draft, fields, field):
    priority = draft.priorities.get(code="D.1")
    values = {"kind": ItemKind.OUTCOME, "code": "D.1-q", "text": "Text"} | fields

    with pytest.raises(DomainError) as error:
        domain.add_item(user=admin, priority=priority, **values)

    assert error.value.field == field
    assert priority.items.count() == 3


def test_outcome_cannot_serve_an_outcome(admin, draft):
    priority = draft.priorities.get(code="D.1")

    with pytest.raises(DomainError) as error:
        domain.add_item(
            user=admin,
            priority=priority,
            kind=ItemKind.OUTCOME,
            code="D.1-q",
            text="x",
            outcome=priority.items.get(code="D.1-a"),
        )

    assert error.value.field == "outcome"


def test_update_item_with_current_revision_saves_and_bumps_revision(admin, draft):
    item = draft.items.get(code="D.1-a")

    updated = domain.update_item(
        user=admin, item=item, expected_revision=1, text="Better text", status=ItemStatus.DISPUTED
    )

    assert (updated.text, updated.status, updated.revision) == ("Better text", "disputed", 2)
    assert history_of(item).first().changes == {
        "text": ["Text of item 0 under priority 1 about broadband connectivity", "Better text"],
        "status": ["agreed", "disputed"],
        "status_source": ["derived", "chair"],
    }


def test_update_item_with_stale_revision_is_refused_and_shows_the_other_change(
    admin, conference, draft
):
    chair = factories.make_chair(admin, conference)
    seen_by_chair = draft.items.get(code="D.1-a")
    seen_by_admin = draft.items.get(code="D.1-a")
    domain.update_item(
        user=admin, item=seen_by_admin, expected_revision=seen_by_admin.revision, text="Admin's"
    )

    with pytest.raises(domain.StaleEdit) as error:
        domain.update_item(
            user=chair, item=seen_by_chair, expected_revision=seen_by_chair.revision, text="Chair's"
        )

    assert error.value.current.text == "Admin's"
    assert error.value.current.revision == 2
    assert draft.items.get(code="D.1-a").text == "Admin's"


def test_update_item_with_no_change_keeps_revision(admin, draft):
    item = draft.items.get(code="D.1-a")

    same = domain.update_item(user=admin, item=item, expected_revision=1, text=item.text)

    assert same.revision == 1
    assert history_of(item).filter(action="plan.item_updated").count() == 0


def test_delegate_cannot_edit_the_plan(admin, conference, draft):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "del")
    item = draft.items.get(code="D.1-a")

    with pytest.raises(NotAllowed):
        domain.update_item(user=delegate, item=item, expected_revision=1, text="Mine")

    assert draft.items.get(code="D.1-a").revision == 1


def test_circulated_version_is_frozen(admin, draft):
    domain.set_version_state(user=admin, version=draft, state=VersionState.CIRCULATED)

    with pytest.raises(DomainError) as error:
        domain.update_item(
            user=admin, item=draft.items.get(code="D.1-a"), expected_revision=1, text="Late"
        )

    assert error.value.field == "version"


def test_add_priority_with_duplicate_code_is_refused(admin, draft):
    with pytest.raises(DomainError) as error:
        domain.add_priority(user=admin, version=draft, code="D.1", title="Again")

    assert error.value.field == "code"
