import datetime as dt
from decimal import Decimal

import pytest

from accord.audit.domain import history_of
from accord.core.errors import DomainError, NotAllowed
from accord.plans import domain
from accord.plans.domain.results import PeriodInput
from accord.plans.enums import LinkageType
from accord.reference.models import SDG, SDGTarget
from tests import factories

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("type_", "given", "stored"),
    [
        (LinkageType.SDG, "SDG 9", "9"),
        (LinkageType.SDG, "17", "17"),
        (LinkageType.SDG_TARGET, "9.C", "9.c"),
        (LinkageType.SDG_TARGET, "4.4", "4.4"),
        (LinkageType.WSIS, "c2", "C2"),
        (LinkageType.RESOLUTION, " Res.  37 ", "Res. 37"),
    ],
)
def test_add_linkage_stores_the_canonical_target(admin, draft, type_, given, stored):
    item = draft.items.get(code="D.1-a")

    linkage = domain.add_linkage(user=admin, item=item, type=type_, target=given)

    assert linkage.target == stored
    assert history_of(item).first().changes == {"linkage": [None, f"{type_}:{stored}"]}


@pytest.mark.parametrize(
    ("type_", "target"),
    [
        (LinkageType.SDG, "18"),
        (LinkageType.SDG, "nine"),
        (LinkageType.SDG_TARGET, "18.1"),
        (LinkageType.SDG_TARGET, "9"),
        (LinkageType.WSIS, "C12"),
        ("sdgs", "9"),
        (LinkageType.QUESTION, "  "),
    ],
)
def test_add_linkage_with_unknown_target_is_refused(admin, draft, type_, target):
    item = draft.items.get(code="D.1-a")

    with pytest.raises(DomainError):
        domain.add_linkage(user=admin, item=item, type=type_, target=target)

    assert item.linkages.count() == 0


def test_sdg_target_must_exist_once_targets_are_imported(admin, draft):
    SDGTarget.objects.create(goal=SDG.objects.get(number=9), code="9.c", description="Access")
    item = draft.items.get(code="D.1-a")

    with pytest.raises(DomainError) as error:
        domain.add_linkage(user=admin, item=item, type=LinkageType.SDG_TARGET, target="9.z")

    assert error.value.message == "SDG target 9.z does not exist."
    assert (
        domain.add_linkage(user=admin, item=item, type=LinkageType.SDG_TARGET, target="9.c").target
        == "9.c"
    )


def test_same_linkage_twice_is_refused(admin, draft):
    item = draft.items.get(code="D.1-a")
    domain.add_linkage(user=admin, item=item, type=LinkageType.SDG, target="9")

    with pytest.raises(DomainError):
        domain.add_linkage(user=admin, item=item, type=LinkageType.SDG, target="SDG 9")


def test_remove_linkage_is_audited(admin, draft):
    item = draft.items.get(code="D.1-a")
    linkage = domain.add_linkage(user=admin, item=item, type=LinkageType.WSIS, target="C2")

    domain.remove_linkage(user=admin, linkage=linkage)

    assert item.linkages.count() == 0
    assert history_of(item).first().changes == {"linkage": ["wsis:C2", None]}


def test_add_kpi_with_period_ending_before_start_names_the_period(admin, draft):
    item = draft.items.get(code="D.1-a")
    periods = [
        PeriodInput(start=dt.date(2027, 1, 1), end=dt.date(2027, 12, 31)),
        PeriodInput(start=dt.date(2028, 1, 1), end=dt.date(2027, 12, 31)),
    ]

    with pytest.raises(DomainError) as error:
        domain.add_kpi(
            user=admin, item=item, indicator="People trained", unit="people", periods=periods
        )

    assert error.value.field == "periods[1].end"
    assert item.kpis.count() == 0


def test_record_kpi_actual_on_published_plan_by_chair(admin, conference, draft):
    chair = factories.make_chair(admin, conference)
    item = draft.items.get(code="D.1-a")
    kpi = domain.add_kpi(
        user=admin,
        item=item,
        indicator="People trained",
        unit="people",
        periods=[
            PeriodInput(
                start=dt.date(2027, 1, 1),
                end=dt.date(2027, 12, 31),
                baseline=Decimal(0),
                target=Decimal(500),
            )
        ],
    )
    domain.set_version_state(user=admin, version=draft, state="published")
    period = kpi.periods.get()

    domain.record_kpi_actual(user=chair, period=period, actual=Decimal("420.5"))

    period.refresh_from_db()
    assert period.actual == Decimal("420.5")
    assert history_of(item).first().changes == {"actual 2027-01-01–2027-12-31": [None, "420.5"]}


def test_delegate_cannot_record_kpi_actuals(admin, conference, draft):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "del")
    kpi = domain.add_kpi(
        user=admin,
        item=draft.items.get(code="D.1-a"),
        indicator="X",
        unit="u",
        periods=[PeriodInput(start=dt.date(2027, 1, 1), end=dt.date(2027, 12, 31))],
    )

    with pytest.raises(NotAllowed):
        domain.record_kpi_actual(user=delegate, period=kpi.periods.get(), actual=Decimal(1))
