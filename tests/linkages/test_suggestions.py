"""Suggesting, accepting and rejecting links of one item: what is kept, what is never
suggested again, who may do it, and the audit trail. A scripted suggester stands in for the
engine, whose own quality is tested with the engine."""

import pytest

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.linkages import domain
from accord.linkages.enums import SuggestionState
from accord.linkages.models import LinkSuggestion
from accord.linkages.queries import decided_suggestions, pending_by_item, pending_suggestions
from accord.linkages.rules import can_judge_suggestions, can_view_suggestions
from accord.plans import domain as plans
from accord.plans.enums import VersionState
from accord.plans.models import Linkage
from tests import factories
from tests.linkages.conftest import make_plan

pytestmark = pytest.mark.integration

SKILLS = (("sdg_goal", "4", 0.9), ("sdg_goal", "8", 0.55), ("wsis", "C4", 0.8))


def keys(rows):
    return [(row.type, row.target, row.score) for row in rows]


def test_suggest_links_stores_pending_suggestions_best_first(admin, item, scripted):
    found = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))

    assert keys(found) == [("sdg", "4", 0.9), ("wsis", "C4", 0.8), ("sdg", "8", 0.55)]
    assert found[0].evidence == ["phrase for 4"]
    assert (found[0].method, found[0].state) == ("lexical", SuggestionState.PENDING)
    assert keys(pending_suggestions(item)) == keys(found)


def test_suggest_links_is_audited(admin, item, scripted):
    domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))

    entry = AuditEntry.objects.get(action="linkages.suggested")
    assert (entry.actor, entry.target_repr) == (admin, str(item))
    assert entry.changes == {
        "pending": [[], ["sdg:4", "sdg:8", "wsis:C4"]],
        "method": [None, "lexical"],
    }


def test_suggest_links_leaves_out_links_the_item_has(admin, item, scripted):
    plans.add_linkage(user=admin, item=item, type="sdg", target="4")

    found = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))

    assert keys(found) == [("wsis", "C4", 0.8), ("sdg", "8", 0.55)]


def test_suggest_links_again_replaces_stale_pending_suggestions(admin, item, scripted):
    domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))

    found = domain.suggest_links(
        user=admin, item=item, suggester=scripted(("sdg_goal", "4", 0.7), ("wsis", "C3", 0.6))
    )

    assert keys(found) == [("sdg", "4", 0.7), ("wsis", "C3", 0.6)]
    assert LinkSuggestion.objects.count() == 2


def test_rejected_suggestion_is_not_suggested_again(admin, item, scripted):
    first = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))
    domain.reject_suggestion(user=admin, suggestion=first[0], reason="Not about education")

    found = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))

    assert keys(found) == [("wsis", "C4", 0.8), ("sdg", "8", 0.55)]
    assert [(r.target, r.state, r.reason) for r in decided_suggestions(item)] == [
        ("4", SuggestionState.REJECTED, "Not about education")
    ]


def test_rejected_suggestion_is_not_suggested_for_the_item_in_a_later_version(
    admin, plan, item, scripted
):
    first = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))
    domain.reject_suggestion(user=admin, suggestion=first[0])
    later = plans.create_plan_version(user=admin, plan=plan.plan, label="Next", based_on=plan)

    found = domain.suggest_links(
        user=admin, item=later.items.get(code="D.1-a"), suggester=scripted(*SKILLS)
    )

    assert keys(found) == [("wsis", "C4", 0.8), ("sdg", "8", 0.55)]


def test_accept_suggestion_makes_the_link(admin, item, scripted):
    suggestion = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))[0]

    linkage = domain.accept_suggestion(user=admin, suggestion=suggestion)

    assert (linkage.item, linkage.type, linkage.target) == (item, "sdg", "4")
    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.decided_by) == (SuggestionState.ACCEPTED, admin)
    assert suggestion.decided_at is not None
    assert list(
        AuditEntry.objects.filter(target_id=str(item.pk)).values_list("action", flat=True)[:2]
    ) == ["linkages.suggestion_accepted", "plan.linkage_added"]


def test_accepted_suggestion_is_not_suggested_again_after_its_link_is_removed(
    admin, item, scripted
):
    suggestion = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))[0]
    plans.remove_linkage(
        user=admin, linkage=domain.accept_suggestion(user=admin, suggestion=suggestion)
    )

    found = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))

    assert [row.target for row in found] == ["C4", "8"]


def test_accept_suggestion_linked_by_hand_meanwhile_keeps_that_link(admin, item, scripted):
    suggestion = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))[0]
    by_hand = plans.add_linkage(user=admin, item=item, type="sdg", target="4", note="by hand")

    linkage = domain.accept_suggestion(user=admin, suggestion=suggestion)

    assert (linkage.pk, Linkage.objects.filter(item=item).count()) == (by_hand.pk, 1)


def test_accept_suggestion_twice_refused(admin, item, scripted):
    suggestion = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))[0]
    domain.accept_suggestion(user=admin, suggestion=suggestion)

    with pytest.raises(DomainError) as raised:
        domain.accept_suggestion(user=admin, suggestion=suggestion)

    assert raised.value.message == "The suggested link to SDG 4 was already accepted."


def test_reject_suggestion_is_audited_with_the_reason(admin, item, scripted):
    suggestion = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))[1]

    rejected = domain.reject_suggestion(user=admin, suggestion=suggestion, reason="  Too broad ")

    assert (rejected.state, rejected.reason) == (SuggestionState.REJECTED, "Too broad")
    assert AuditEntry.objects.get(action="linkages.suggestion_rejected").changes == {
        "suggestion": [None, "wsis:C4"],
        "reason": [None, "Too broad"],
    }


def test_chair_may_suggest_and_accept(admin, conference, item, chair, scripted):
    suggestion = domain.suggest_links(user=chair, item=item, suggester=scripted(*SKILLS))[0]

    domain.accept_suggestion(user=chair, suggestion=suggestion)

    assert Linkage.objects.filter(item=item, type="sdg", target="4").exists()


def test_delegate_cannot_suggest_accept_or_reject(admin, item, delegate, scripted):
    suggestion = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))[0]

    with pytest.raises(NotAllowed):
        domain.suggest_links(user=delegate, item=item, suggester=scripted(*SKILLS))
    with pytest.raises(NotAllowed):
        domain.accept_suggestion(user=delegate, suggestion=suggestion)
    with pytest.raises(NotAllowed):
        domain.reject_suggestion(user=delegate, suggestion=suggestion)
    suggestion.refresh_from_db()
    assert (suggestion.state, Linkage.objects.count()) == (SuggestionState.PENDING, 0)


def test_suggestions_on_a_circulated_version_refused(admin, plan, item, scripted):
    suggestion = domain.suggest_links(user=admin, item=item, suggester=scripted(*SKILLS))[0]
    plans.set_version_state(user=admin, version=plan, state=VersionState.CIRCULATED)
    item.refresh_from_db()
    suggestion.item = item

    with pytest.raises(DomainError) as raised:
        domain.accept_suggestion(user=admin, suggestion=suggestion)

    assert raised.value.field == "version"


def test_who_sees_and_judges_suggestions(admin, conference, plan, chair, delegate):
    observer = factories.make_observer(admin, conference)
    from django.contrib.auth.models import AnonymousUser

    seen = {
        name: (can_view_suggestions(user, plan), can_judge_suggestions(user, plan))
        for name, user in [
            ("secretariat", admin),
            ("chair", chair),
            ("delegate", delegate),
            ("observer", observer),
            ("public", AnonymousUser()),
        ]
    }

    assert seen == {
        "secretariat": (True, True),
        "chair": (True, True),
        "delegate": (False, False),
        "observer": (False, False),
        "public": (False, False),
    }


def test_pending_by_item_reads_any_number_of_items_in_one_query(
    admin, conference, scripted, django_assert_num_queries
):
    small = make_plan(admin, conference, {"D.1-a": "One"})
    large = make_plan(admin, factories.make_conference(admin), {f"D.1-{c}": c for c in "abcdef"})
    for version in (small, large):
        for each in version.items.all():
            domain.suggest_links(user=admin, item=each, suggester=scripted(*SKILLS))

    with django_assert_num_queries(1):
        one = pending_by_item(small)
    with django_assert_num_queries(1):
        many = pending_by_item(large)

    assert ([len(rows) for rows in one.values()], [len(rows) for rows in many.values()]) == (
        [3],
        [3] * 6,
    )
