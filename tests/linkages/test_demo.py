"""The demo's working draft carries suggested links: some accepted (so the coverage view and
the map show them), the rest pending on the item pages."""

import pytest

from accord.linkages.enums import SuggestionState
from accord.linkages.models import LinkSuggestion
from accord.plans.models import Linkage

pytestmark = pytest.mark.integration


def test_demo_working_draft_has_accepted_and_pending_suggestions(demo):
    working = demo.conference.action_plan.versions.order_by("-number").first()
    suggestions = LinkSuggestion.objects.filter(item__version=working)
    accepted = suggestions.filter(state=SuggestionState.ACCEPTED)

    assert accepted.exists()
    assert suggestions.filter(state=SuggestionState.PENDING).exists()
    assert all(
        Linkage.objects.filter(item=s.item, type=s.type, target=s.target).exists() for s in accepted
    )
    assert set(accepted.values_list("decided_by__username", flat=True)) == {"chair"}


def test_demo_without_the_model_still_has_accepted_suggestions(without_model, demo):
    working = demo.conference.action_plan.versions.order_by("-number").first()
    accepted = LinkSuggestion.objects.filter(item__version=working, state=SuggestionState.ACCEPTED)

    assert accepted.exists()
    assert set(accepted.values_list("method", flat=True)) == {"lexical"}
