"""Fixtures for API tests: a conference whose plan has a published, a circulated and a draft
version, people in every role, and tokens for them."""

from __future__ import annotations

from typing import Any

import pytest

from accord.api.domain import create_api_token
from accord.plans import domain as plans
from accord.plans.enums import VersionState
from tests import factories


@pytest.fixture
def versions(admin, draft):
    """v1 published, v2 circulated, v3 draft: each a copy of the one before."""
    plans.set_version_state(user=admin, version=draft, state=VersionState.PUBLISHED)
    circulated = plans.create_plan_version(
        user=admin, plan=draft.plan, label="Circulated", based_on=draft
    )
    plans.set_version_state(user=admin, version=circulated, state=VersionState.CIRCULATED)
    working = plans.create_plan_version(
        user=admin, plan=draft.plan, label="Working draft", based_on=circulated
    )
    return draft, circulated, working


@pytest.fixture
def chair(admin, conference):
    return factories.make_chair(admin, conference)


@pytest.fixture
def observer(admin, conference):
    return factories.make_observer(admin, conference)


@pytest.fixture
def delegate(admin, conference):
    return factories.make_delegate(admin, factories.make_delegation(admin, conference), "delegate1")


def bearer(user: Any, name: str = "test") -> dict[str, str]:
    """Headers carrying a fresh token of ``user``."""
    _, key = create_api_token(user=user, name=name)
    return {"Authorization": f"Bearer {key}"}
