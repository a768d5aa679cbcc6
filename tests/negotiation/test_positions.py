import pytest

from accord.audit.domain import history_of
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.negotiation.domain import record_position
from accord.negotiation.models import Position
from accord.plans import domain as plans
from accord.plans.enums import VersionState
from tests import factories

pytestmark = pytest.mark.integration

TEXT = "Affordable devices through [reduced import duties/targeted subsidies] for all"


@pytest.fixture
def setting(admin, conference, draft):
    """A circulated version with one bracketed item, two delegations and their delegates."""
    item = draft.items.get(code="D.1-a")
    plans.update_item(user=admin, item=item, expected_revision=item.revision, text=TEXT)
    plans.set_version_state(user=admin, version=draft, state=VersionState.CIRCULATED)
    canada = factories.make_delegation(admin, conference, "CAN", name="Canada")
    mexico = factories.make_delegation(admin, conference, "MEX", name="Mexico")
    return {
        "item": draft.items.get(code="D.1-a"),
        "canada": canada,
        "mexico": mexico,
        "canadian": factories.make_delegate(admin, canada, "canadian"),
        "chair": factories.make_chair(admin, conference),
    }


def test_delegate_records_a_position_on_a_bracket_option_of_their_own_delegation(setting):
    s = setting

    position = record_position(
        user=s["canadian"],
        item=s["item"],
        delegation=s["canada"],
        stance="prefer_option",
        bracket=0,
        option=2,
    )

    assert (position.bracket, position.option, position.delegation_name, position.source) == (
        "[reduced import duties/targeted subsidies]",
        2,
        "Canada",
        "statement",
    )
    assert position.recorded_by == s["canadian"]


def test_delegate_cannot_record_a_position_for_another_delegation(setting):
    s = setting

    with pytest.raises(NotAllowed):
        record_position(user=s["canadian"], item=s["item"], delegation=s["mexico"], stance="keep")

    assert Position.objects.filter(item=s["item"]).count() == 0


def test_chair_records_for_any_delegation_and_the_audit_trail_names_the_chair(setting):
    s = setting

    position = record_position(
        user=s["chair"], item=s["item"], delegation=s["mexico"], stance="keep", detail="both"
    )

    entry = history_of(position).get()
    assert (entry.actor, entry.action, entry.changes["delegation"], entry.changes["stance"]) == (
        s["chair"],
        "negotiation.position_recorded",
        [None, "Mexico"],
        [None, "keep"],
    )


def test_position_on_a_missing_bracket_or_option_is_refused_with_the_field(setting):
    s = setting
    with pytest.raises(DomainError) as no_bracket:
        record_position(
            user=s["chair"], item=s["item"], delegation=s["mexico"], stance="keep", bracket=3
        )
    with pytest.raises(DomainError) as no_option:
        record_position(
            user=s["chair"],
            item=s["item"],
            delegation=s["mexico"],
            stance="prefer_option",
            bracket=0,
            option=3,
        )

    assert (no_bracket.value.field, no_option.value.field) == ("bracket", "option")


def test_delegate_cannot_record_on_a_draft_they_cannot_see(admin, conference, draft):
    delegation = factories.make_delegation(admin, conference, "CAN", name="Canada")
    delegate = factories.make_delegate(admin, delegation, "canadian")

    with pytest.raises(NotFound):
        record_position(
            user=delegate, item=draft.items.first(), delegation=delegation, stance="keep"
        )


def test_each_position_refreshes_the_derived_status_from_the_latest_stances(
    admin, conference, draft
):
    item = draft.items.get(code="D.2-a")  # plain text, status by the rule
    canada = factories.make_delegation(admin, conference, "CAN", name="Canada")
    mexico = factories.make_delegation(admin, conference, "MEX", name="Mexico")
    seen = []

    for delegation, stance in [(canada, "remove"), (mexico, "keep"), (mexico, "remove")]:
        record_position(user=admin, item=item, delegation=delegation, stance=stance)
        item.refresh_from_db()
        seen.append((item.derived_status, item.status))

    assert seen == [
        ("undisputed_change", "undisputed_change"),
        ("disputed", "disputed"),
        ("undisputed_change", "undisputed_change"),
    ]


def test_a_position_on_the_whole_item_lapses_when_its_text_changes(admin, conference, draft):
    item = draft.items.get(code="D.2-a")
    canada = factories.make_delegation(admin, conference, "CAN", name="Canada")
    mexico = factories.make_delegation(admin, conference, "MEX", name="Mexico")
    record_position(user=admin, item=item, delegation=canada, stance="remove")
    record_position(user=admin, item=item, delegation=mexico, stance="keep")

    plans.update_item(user=admin, item=item, expected_revision=item.revision, text="New words")

    item.refresh_from_db()
    # Both stances concerned the old text; a first version has no earlier text to differ from.
    assert item.status == "agreed"
