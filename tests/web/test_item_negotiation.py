"""The item page's negotiation forms: positions, settling brackets, status, editing text."""

import pytest
from django.urls import reverse

from accord.negotiation.models import Position
from accord.plans import domain as plans
from accord.plans.enums import VersionState
from accord.plans.models import PlanItem
from tests import factories

pytestmark = pytest.mark.integration

TEXT = "Affordable devices through [reduced import duties/targeted subsidies] for all"


def url(name, item):
    return reverse(name, args=[item.version.plan.conference.slug, item.version.number, item.code])


@pytest.fixture
def bracketed(admin, draft):
    item = draft.items.get(code="D.1-a")
    return plans.update_item(user=admin, item=item, expected_revision=item.revision, text=TEXT)


@pytest.fixture
def two_delegations(admin, conference):
    canada = factories.make_delegation(admin, conference, "CAN", name="Canada")
    mexico = factories.make_delegation(admin, conference, "MEX", name="Mexico")
    return canada, mexico, factories.make_delegate(admin, canada, "canadian")


def test_item_page_marks_brackets_and_lists_their_options(client, chair, bracketed):
    client.force_login(chair)

    page = client.get(url("item", bracketed)).content.decode()

    assert '<mark class="bracket bracket--depth-0" data-bracket="0">' in page
    assert "<li>reduced import duties</li>" in page
    assert "<li>targeted subsidies</li>" in page


def test_delegate_is_offered_only_their_own_delegation(
    client, admin, draft, bracketed, two_delegations
):
    canada, _mexico, canadian = two_delegations
    plans.set_version_state(user=admin, version=draft, state=VersionState.CIRCULATED)
    client.force_login(canadian)

    response = client.get(url("item", bracketed))

    form = response.context["position_form"]
    assert form.fields["delegation"].choices == [(canada.pk, "Canada")]


def test_delegate_posting_for_another_delegation_is_refused_and_nothing_recorded(
    client, admin, draft, bracketed, two_delegations
):
    _canada, mexico, canadian = two_delegations
    plans.set_version_state(user=admin, version=draft, state=VersionState.CIRCULATED)
    client.force_login(canadian)

    response = client.post(
        url("item_position", bracketed),
        {"delegation": mexico.pk, "stance": "keep", "source": "statement", "bracket": ""},
    )

    assert response.status_code == 400
    assert "delegation" in response.context["position_form"].errors
    assert Position.objects.count() == 0


def test_chair_records_a_bracket_position_for_any_delegation(
    client, chair, bracketed, two_delegations
):
    _canada, mexico, _ = two_delegations
    client.force_login(chair)

    response = client.post(
        url("item_position", bracketed),
        {
            "delegation": mexico.pk,
            "stance": "prefer_option",
            "bracket": "0",
            "option": "2",
            "source": "statement",
        },
    )

    assert response.status_code == 302
    position = Position.objects.get()
    assert (position.delegation, position.bracket, position.option, position.recorded_by) == (
        mexico,
        "[reduced import duties/targeted subsidies]",
        2,
        chair,
    )
    page = client.get(url("item", bracketed)).content.decode()
    assert (
        '<strong>Mexico</strong> <span class="stance stance--change">Prefers an option 2</span>'
        in page
    )


def test_chair_settles_a_bracket_by_keeping_an_option(client, chair, bracketed):
    client.force_login(chair)

    response = client.post(
        url("item_resolve", bracketed),
        {"bracket": "0", "choice": "option:2", "expected_revision": bracketed.revision},
    )

    assert response.status_code == 302
    item = PlanItem.objects.get(pk=bracketed.pk)
    assert (item.text, item.status) == (
        "Affordable devices through targeted subsidies for all",
        "agreed",
    )


def test_settling_on_an_outdated_revision_is_refused(client, chair, bracketed):
    client.force_login(chair)

    response = client.post(
        url("item_resolve", bracketed),
        {"bracket": "0", "choice": "keep", "expected_revision": bracketed.revision - 1},
    )

    assert response.status_code == 409
    assert PlanItem.objects.get(pk=bracketed.pk).text == TEXT


def test_second_editor_is_refused_and_shown_the_first_editors_change(
    client, admin, chair, bracketed
):
    client.force_login(chair)
    started = {"expected_revision": bracketed.revision, "started_from": TEXT}
    plans.update_item(  # someone else saves first
        user=admin,
        item=bracketed,
        expected_revision=bracketed.revision,
        text=TEXT.replace("for all", "for everyone"),
    )

    response = client.post(url("item_edit", bracketed), started | {"text": "My own text"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "<del>all</del><ins>everyone</ins>" in page
    assert response.context["text_form"].initial["text"] == "My own text"
    assert response.context["text_form"].initial["expected_revision"] == bracketed.revision + 1
    assert PlanItem.objects.get(pk=bracketed.pk).text.endswith("for everyone")


def test_chair_overrides_the_status_and_the_page_says_so(client, chair, bracketed):
    client.force_login(chair)

    client.post(url("item_status", bracketed), {"status": "agreed", "note": "Agreed in plenary"})

    item = PlanItem.objects.get(pk=bracketed.pk)
    assert (item.status, item.derived_status, item.status_source) == ("agreed", "disputed", "chair")
    page = client.get(url("item", bracketed)).content.decode()
    assert "Set by the chair: Agreed in plenary" in page

    client.post(url("item_status", bracketed), {"status": "", "note": ""})

    item.refresh_from_db()
    assert (item.status, item.status_source) == ("disputed", "derived")


def test_delegate_cannot_set_the_status(client, admin, draft, bracketed, two_delegations):
    *_, canadian = two_delegations
    plans.set_version_state(user=admin, version=draft, state=VersionState.CIRCULATED)
    client.force_login(canadian)

    response = client.post(url("item_status", bracketed), {"status": "agreed", "note": ""})

    assert response.status_code == 403
    assert PlanItem.objects.get(pk=bracketed.pk).status == "disputed"
