import pytest
from django.contrib.auth.models import AnonymousUser

from accord import rules
from accord.plans.enums import VersionState
from tests import factories

pytestmark = pytest.mark.integration

ALL = {"draft", "circulated", "published"}


@pytest.fixture
def cast(admin, conference):
    kenya = factories.make_delegation(admin, conference, "KEN")
    brazil = factories.make_delegation(admin, conference, "BRA")
    return {
        "secretariat": admin,
        "chair": factories.make_chair(admin, conference),
        "observer": factories.make_observer(admin, conference),
        "kenyan": factories.make_delegate(admin, kenya, "kenyan"),
        "brazilian": factories.make_delegate(admin, brazil, "brazilian"),
        "outsider": factories.make_user(admin, "outsider"),
        "anonymous": AnonymousUser(),
        "kenya": kenya,
        "brazil": brazil,
    }


@pytest.mark.parametrize(
    ("who", "states"),
    [
        ("secretariat", ALL),
        ("chair", ALL),
        ("observer", {"circulated", "published"}),
        ("kenyan", {"circulated", "published"}),
        ("outsider", {"published"}),
        ("anonymous", {"published"}),
    ],
)
def test_visible_version_states_by_role(cast, conference, who, states):
    assert rules.visible_version_states(cast[who], conference) == states


def test_private_conference_hides_even_published_versions_from_the_public(admin, cast):
    private = factories.make_conference(admin, slug="closed", is_public=False)

    assert rules.visible_version_states(cast["anonymous"], private) == set()
    assert rules.can_view_conference(cast["anonymous"], private) is False
    assert rules.can_view_conference(admin, private) is True


@pytest.mark.parametrize(
    ("who", "kenya", "brazil"),
    [
        ("secretariat", True, True),
        ("chair", True, True),
        ("kenyan", True, False),
        ("brazilian", False, True),
        ("observer", False, False),
        ("outsider", False, False),
        ("anonymous", False, False),
    ],
)
def test_can_act_for_delegation_only_for_own_unless_chair_or_secretariat(cast, who, kenya, brazil):
    assert rules.can_act_for_delegation(cast[who], cast["kenya"]) is kenya
    assert rules.can_act_for_delegation(cast[who], cast["brazil"]) is brazil


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("secretariat", True),
        ("chair", True),
        ("observer", False),
        ("kenyan", False),
        ("anonymous", False),
    ],
)
def test_can_edit_plan_by_role(cast, conference, who, allowed):
    assert rules.can_edit_plan(cast[who], conference) is allowed


def test_inactive_staff_user_has_no_standing(admin, conference):
    admin.is_active = False

    assert rules.standing(admin, conference) == rules.Standing()
    assert rules.visible_version_states(admin, conference) == {VersionState.PUBLISHED}
