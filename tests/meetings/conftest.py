"""Helpers for meeting tests: meetings made through the domain, as the secretariat would."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accord.meetings import domain
from accord.meetings.enums import MeetingKind
from accord.meetings.models import Meeting


def make_meeting(admin: Any, conference: Any, code: str = "RPM-AFR", **fields: Any) -> Meeting:
    """An RPM for Africa in Nairobi, 2026-10-20 to 22, unless ``fields`` say otherwise."""
    values = {
        "kind": MeetingKind.RPM,
        "title": f"Meeting {code}",
        "region": "AFR",
        "starts_on": dt.date(2026, 10, 20),
        "ends_on": dt.date(2026, 10, 22),
        "timezone": "Africa/Nairobi",
        "city": "Nairobi",
        "country": "Kenya",
    } | fields
    return domain.create_meeting(user=admin, conference=conference, code=code, **values)


def make_ipm(admin: Any, conference: Any, code: str = "IPM-1", **fields: Any) -> Meeting:
    """An IPM right after the default RPM, at the same place."""
    values = {
        "kind": MeetingKind.IPM,
        "region": None,
        "starts_on": dt.date(2026, 10, 23),
        "ends_on": dt.date(2026, 10, 24),
    } | fields
    return make_meeting(admin, conference, code, **values)


@pytest.fixture
def rpm(admin, conference):
    return make_meeting(admin, conference)


@pytest.fixture
def ipm(admin, conference, rpm):
    return make_ipm(admin, conference, back_to_back_with=rpm)


@pytest.fixture
def chair(admin, conference):
    from tests import factories

    return factories.make_chair(admin, conference)


@pytest.fixture
def delegate(admin, conference):
    from tests import factories

    delegation = factories.make_delegation(admin, conference, "KEN", name="Kenya")
    return factories.make_delegate(admin, delegation, "delegate")
