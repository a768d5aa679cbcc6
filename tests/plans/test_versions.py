import datetime as dt

import pytest

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.plans import domain
from accord.plans.domain.results import PeriodInput
from accord.plans.enums import VersionState
from accord.plans.models import KPIPeriod, Linkage, PlanItem
from tests import factories

pytestmark = pytest.mark.integration


def _tree(version):
    return [
        (i.priority.code, i.code, i.kind, i.status, i.text, i.outcome.code if i.outcome else None)
        for i in PlanItem.objects.filter(version=version)
        .select_related("priority", "outcome")
        .order_by("id")
    ]


def test_new_version_copies_the_whole_tree(admin, draft):
    item = draft.items.get(code="D.1-a")
    domain.add_linkage(user=admin, item=item, type="sdg", target="9")
    domain.add_kpi(
        user=admin,
        item=item,
        indicator="Households covered",
        unit="percent",
        periods=[PeriodInput(start=dt.date(2027, 1, 1), end=dt.date(2027, 12, 31), target=80)],
    )

    copy = domain.create_plan_version(user=admin, plan=draft.plan, label="v2", based_on=draft)

    assert copy.number == 2
    assert _tree(copy) == _tree(draft)
    assert list(
        Linkage.objects.filter(item__version=copy).values_list("item__code", "type", "target")
    ) == [("D.1-a", "sdg", "9")]
    assert list(
        KPIPeriod.objects.filter(kpi__item__version=copy).values_list("kpi__indicator", "target")
    ) == [("Households covered", 80)]
    assert copy.items.get(code="D.1-1").outcome == copy.items.get(code="D.1-a")


def test_editing_the_copy_leaves_the_original_alone(admin, draft):
    copy = domain.create_plan_version(user=admin, plan=draft.plan, based_on=draft)
    item = copy.items.get(code="D.1-a")

    domain.update_item(user=admin, item=item, expected_revision=1, text="Changed text")

    assert (
        draft.items.get(code="D.1-a").text
        == "Text of item 0 under priority 1 about broadband connectivity"
    )


def test_version_numbers_follow_each_other(admin, draft):
    numbers = [domain.create_plan_version(user=admin, plan=draft.plan).number for _ in range(3)]

    assert numbers == [2, 3, 4]


def test_delegate_cannot_create_a_version(admin, conference, draft):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "del")

    with pytest.raises(NotAllowed):
        domain.create_plan_version(user=delegate, plan=draft.plan)

    assert draft.plan.versions.count() == 1


def test_published_version_cannot_go_back_to_draft(admin, draft):
    domain.set_version_state(user=admin, version=draft, state=VersionState.PUBLISHED)

    with pytest.raises(DomainError) as error:
        domain.set_version_state(user=admin, version=draft, state=VersionState.DRAFT)

    assert error.value.field == "state"
    assert AuditEntry.objects.filter(action="plan.version_state_changed").get().changes == {
        "state": ["draft", "published"]
    }


def test_chair_cannot_publish(admin, conference, draft):
    chair = factories.make_chair(admin, conference)

    with pytest.raises(NotAllowed):
        domain.set_version_state(user=chair, version=draft, state=VersionState.PUBLISHED)


def test_second_action_plan_for_a_conference_is_refused(admin, conference, draft):
    with pytest.raises(DomainError):
        domain.create_action_plan(user=admin, conference=conference, title="Another")
