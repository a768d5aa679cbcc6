"""Helpers for regional priority tests."""

from __future__ import annotations

from typing import Any

import pytest

from accord.regional import domain


def add(admin: Any, conference: Any, rto: str, code: str, title: str, text: str = "", items=()):
    return domain.add_priority(
        user=admin,
        conference=conference,
        rto=rto,
        code=code,
        title=title,
        text=text,
        plan_items=list(items),
    )


@pytest.fixture
def atu_delegation(admin, conference):
    from accord.conferences import domain as people

    organization = people.create_organization(
        user=admin,
        name="African Telecommunications Union",
        short_name="ATU",
        category="observer",
    )
    return people.create_delegation(user=admin, conference=conference, organization=organization)
