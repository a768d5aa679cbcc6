"""Fixtures for the web pages: people in each role and plans in each state."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from accord.plans import domain as plans
from accord.plans.domain.results import PeriodInput
from accord.plans.enums import LinkageType, VersionState
from tests import factories


def publish(admin, version, state=VersionState.PUBLISHED):
    return plans.set_version_state(user=admin, version=version, state=state)


def enrich_item(admin, item, *, kpis=1, periods=1, linkages=1):
    """Give an item of a draft version KPIs with periods and SDG linkages."""
    for k in range(kpis):
        plans.add_kpi(
            user=admin,
            item=item,
            indicator=f"Indicator {k + 1} of {item.code}",
            unit="percent",
            periods=[
                PeriodInput(
                    start=dt.date(2026 + p, 1, 1),
                    end=dt.date(2026 + p, 12, 31),
                    baseline=Decimal("68.0000"),
                    target=Decimal("74.5000"),
                    actual=None if p else Decimal("71"),
                )
                for p in range(periods)
            ],
        )
    for number in range(1, linkages + 1):
        plans.add_linkage(user=admin, item=item, type=LinkageType.SDG, target=str(number))


@pytest.fixture
def published(admin, draft):
    """The ``draft`` fixture's version, published (everyone may read it)."""
    return publish(admin, draft)


@pytest.fixture
def private_conference(admin):
    return factories.make_conference(admin, slug="closed", is_public=False)


@pytest.fixture
def chair(admin, conference):
    return factories.make_chair(admin, conference)


@pytest.fixture
def delegate(admin, conference):
    delegation = factories.make_delegation(admin, conference, "KEN")
    return factories.make_delegate(admin, delegation, "delegate")


@pytest.fixture
def outsider(admin):
    """A signed-in account that takes part in no conference."""
    return factories.make_user(admin, "outsider")
