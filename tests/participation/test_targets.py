from decimal import Decimal

import pytest

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.participation.domain import set_target, set_targets
from accord.participation.models import ParticipationTarget
from tests import factories

pytestmark = pytest.mark.integration


def _targets(conference):
    return sorted(
        ParticipationTarget.objects.filter(conference=conference).values_list(
            "dimension", "value", "share"
        )
    )


def test_set_targets_creates_and_audits(admin, conference):
    set_targets(
        user=admin,
        conference=conference,
        dimension="constituent_group",
        shares={"private_sector": "30", "academia": Decimal("7.5")},
    )

    assert _targets(conference) == [
        ("constituent_group", "academia", Decimal("7.5")),
        ("constituent_group", "private_sector", Decimal("30.0")),
    ]
    actions = AuditEntry.objects.filter(action="participation.target_set").count()
    assert actions == 2


def test_set_targets_blank_share_removes_target(admin, conference):
    set_target(user=admin, conference=conference, dimension="gender", value="female", share=40)

    set_targets(user=admin, conference=conference, dimension="gender", shares={"female": ""})

    assert _targets(conference) == []
    assert AuditEntry.objects.filter(action="participation.target_removed").count() == 1


def test_set_targets_sum_over_hundred_is_refused(admin, conference):
    set_target(user=admin, conference=conference, dimension="region", value="AFR", share=60)

    with pytest.raises(DomainError) as error:
        set_target(user=admin, conference=conference, dimension="region", value="EUR", share=50)

    assert error.value.message == (
        "The region targets add up to 110.0%; together they may not exceed 100%."
    )
    assert _targets(conference) == [("region", "AFR", Decimal("60.0"))]


def test_set_targets_other_dimensions_have_their_own_sum(admin, conference):
    set_target(user=admin, conference=conference, dimension="region", value="AFR", share=60)

    set_target(user=admin, conference=conference, dimension="gender", value="female", share=50)

    assert len(_targets(conference)) == 2


@pytest.mark.parametrize(
    ("share", "message"),
    [
        ("101", "The target for 'female' must be between 0 and 100 percent, not 101."),
        ("-1", "The target for 'female' must be between 0 and 100 percent, not -1."),
        ("abc", "The target for 'female' must be a number of percent, not 'abc'."),
        ("12.25", "The target for 'female' takes at most one decimal, not 12.25."),
    ],
)
def test_set_target_bad_share_is_refused(admin, conference, share, message):
    with pytest.raises(DomainError) as error:
        set_target(
            user=admin, conference=conference, dimension="gender", value="female", share=share
        )

    assert error.value.message == message


def test_set_target_unknown_code_is_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        set_target(user=admin, conference=conference, dimension="region", value="XYZ", share=5)

    assert error.value.field == "value"
    assert error.value.message.startswith("Unknown region 'XYZ'; expected one of AFR, AMS")


def test_set_target_unknown_dimension_is_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        set_target(user=admin, conference=conference, dimension="age", value="young", share=5)

    assert error.value.field == "dimension"


def test_set_target_by_chair_is_not_allowed(admin, conference):
    chair = factories.make_chair(admin, conference)

    with pytest.raises(NotAllowed):
        set_target(user=chair, conference=conference, dimension="gender", value="female", share=40)

    assert _targets(conference) == []
