"""An item's suggested links in the browser (who sees them, accept and reject with and
without htmx, asking the engine in both configurations of the embedding model) and
suggesting links for the whole plan with its progress page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.audit.models import AuditEntry
from accord.linkages import domain as suggesting
from accord.linkages.models import LinkSuggestion, SuggestionRun
from accord.plans import domain as plans
from accord.plans.enums import ItemKind
from accord.plans.models import Linkage, PlanItem
from accord.web.views.link_suggestions import Segment, highlight
from tests.web.conftest import publish

pytestmark = pytest.mark.integration

HTMX = {"HX-Request": "true"}
SKILLS = (
    "Strengthened national digital skills strategies, with training programmes for teachers "
    "and students in schools and universities"
)


@pytest.fixture(autouse=True)
def _fresh_suggesters():
    """The suggester cache is keyed by row ids, which repeat across rolled-back tests."""
    suggesting.forget_suggesters()
    yield
    suggesting.forget_suggesters()


def suggest(item, type_, target, score, evidence=("broadband connectivity",), reference=""):
    return LinkSuggestion.objects.create(
        item=item,
        type=type_,
        target=target,
        score=score,
        evidence=list(evidence),
        reference=reference,
        method="lexical",
    )


@pytest.fixture
def item(draft):
    return PlanItem.objects.get(version=draft, code="D.1-a")


@pytest.fixture
def pending(item):
    """Two pending suggestions of D.1-a, the better one second in creation order."""
    return [
        suggest(item, "wsis", "C2", 0.62, reference="Infrastructure for everyone."),
        suggest(item, "sdg", "9", 0.91, evidence=("Broadband", "connectivity")),
    ]


def item_url(code="D.1-a", number=1):
    return reverse("item", args=["conf", number, code])


def action(name, suggestion, code="D.1-a", number=1):
    return reverse(name, args=["conf", number, code, suggestion.pk])


# --- Who sees the panel -------------------------------------------------------------------


def test_suggestions_panel_chair_sees_pending_best_first_with_evidence(
    client, chair, item, pending
):
    client.force_login(chair)

    response = client.get(item_url())

    rows = response.context["suggestion_rows"]
    assert [(row.label, row.percent) for row in rows] == [("SDG 9", 91), ("WSIS C2", 62)]
    assert rows[0].name == "Industry, innovation and infrastructure"
    assert rows[1].name == "Information and communication infrastructure"
    html = response.text
    assert '<h2 id="suggestions-heading">Suggested links</h2>' in html
    assert "<mark>Broadband</mark>, <mark>connectivity</mark>" in html
    assert "about <mark>broadband connectivity</mark>" in html
    assert '<blockquote class="suggestion__reference"><p>Infrastructure for everyone.</p>' in html
    assert "Accept SDG 9" in html
    assert "Reject WSIS C2" in html
    assert "Suggest links again" in html


def test_suggestions_panel_hidden_from_delegate_and_public(client, admin, draft, delegate, pending):
    publish(admin, draft, state="circulated")
    client.force_login(delegate)
    as_delegate = client.get(item_url())
    client.logout()
    publish(admin, draft)
    as_public = client.get(item_url())

    for response in (as_delegate, as_public):
        assert response.status_code == 200
        assert "Suggested links" not in response.text
        assert "Accept SDG 9" not in response.text
        assert response.context["suggestions_shown"] is False


def test_suggestions_panel_on_a_circulated_version_has_no_buttons_for_the_chair(
    client, admin, draft, chair, pending
):
    publish(admin, draft, state="circulated")
    client.force_login(chair)

    response = client.get(item_url())

    assert response.context["suggestions_shown"] is True
    assert "Accept SDG 9" not in response.text
    assert "Suggest links" not in response.text


@pytest.mark.parametrize("name", ["suggestion_accept", "suggestion_reject"])
def test_suggestion_decision_delegate_gets_403(client, admin, draft, delegate, pending, name):
    publish(admin, draft, state="circulated")
    client.force_login(delegate)

    response = client.post(action(name, pending[1]), {"reason": "no"})

    assert response.status_code == 403
    assert LinkSuggestion.objects.get(pk=pending[1].pk).state == "pending"


def test_suggestion_suggest_delegate_and_public_get_403(client, admin, draft, delegate, item):
    publish(admin, draft, state="circulated")
    client.force_login(delegate)
    as_delegate = client.post(reverse("item_suggest", args=["conf", 1, "D.1-a"]))
    client.logout()
    publish(admin, draft)
    as_public = client.post(reverse("item_suggest", args=["conf", 1, "D.1-a"]))

    assert (as_delegate.status_code, as_public.status_code) == (403, 403)
    assert LinkSuggestion.objects.count() == 0


def test_suggestion_public_gets_404_for_a_draft(client, pending):
    response = client.post(action("suggestion_accept", pending[1]))

    assert response.status_code == 404


# --- Accept and reject -------------------------------------------------------------------


def test_suggestion_accept_without_htmx_links_and_returns_to_the_item(client, chair, item, pending):
    client.force_login(chair)

    response = client.post(action("suggestion_accept", pending[1]), follow=True)

    assert response.redirect_chain == [("/c/conf/plan/v1/items/D.1-a/#suggestions-heading", 302)]
    assert list(item.linkages.values_list("type", "target")) == [("sdg", "9")]
    assert LinkSuggestion.objects.get(pk=pending[1].pk).state == "accepted"
    assert "Linked to SDG 9." in response.text
    assert [row.label for row in response.context["suggestion_rows"]] == ["WSIS C2"]


def test_suggestion_accept_with_htmx_swaps_panel_and_links(client, chair, item, pending):
    client.force_login(chair)

    response = client.post(action("suggestion_accept", pending[1]), headers=HTMX)

    html = response.text
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="suggestions"')
    assert (
        '<section aria-labelledby="linkages-heading" id="item-linkages" hx-swap-oob="true">' in html
    )
    assert '<li class="tag">9</li>' in html
    assert "Accept SDG 9" not in html
    assert "Accept WSIS C2" in html
    assert "Linked to SDG 9." in html


def test_suggestion_reject_keeps_the_reason_and_is_audited(client, chair, item, pending):
    client.force_login(chair)

    response = client.post(
        action("suggestion_reject", pending[0]), {"reason": "Not about access"}, headers=HTMX
    )

    rejected = LinkSuggestion.objects.get(pk=pending[0].pk)
    assert response.status_code == 200
    assert (rejected.state, rejected.reason, rejected.decided_by) == (
        "rejected",
        "Not about access",
        chair,
    )
    assert "Rejected WSIS action line C2; it will not be suggested again." in response.text
    assert AuditEntry.objects.filter(action="linkages.suggestion_rejected").count() == 1
    assert item.linkages.count() == 0


def test_suggestion_reject_reason_too_long_is_shown(client, chair, pending):
    client.force_login(chair)

    response = client.post(
        action("suggestion_reject", pending[0]), {"reason": "x" * 2001}, headers=HTMX
    )

    assert "at most 2000 characters" in response.text
    assert LinkSuggestion.objects.get(pk=pending[0].pk).state == "pending"


def test_suggestion_accept_twice_is_refused_in_the_panel(client, chair, pending):
    client.force_login(chair)
    client.post(action("suggestion_accept", pending[1]), headers=HTMX)

    response = client.post(action("suggestion_accept", pending[1]), headers=HTMX)

    assert response.status_code == 200
    assert "was already accepted." in response.text
    assert Linkage.objects.count() == 1


def test_suggestion_accept_on_a_circulated_version_is_refused_with_a_message(
    client, admin, draft, chair, item, pending
):
    publish(admin, draft, state="circulated")
    client.force_login(chair)

    response = client.post(action("suggestion_accept", pending[1]), follow=True)

    assert "can no longer change" in response.text
    assert item.linkages.count() == 0


def test_suggestion_unknown_is_404(client, chair, item):
    client.force_login(chair)

    response = client.post(reverse("suggestion_accept", args=["conf", 1, "D.1-a", 999]))

    assert response.status_code == 404


def test_item_page_query_count_independent_of_suggestions(client, chair, draft):
    client.force_login(chair)
    one, many = PlanItem.objects.filter(version=draft, code__in=["D.1-a", "D.2-a"]).order_by("code")
    suggest(one, "sdg_target", "9.c", 0.9)
    for number, score in ((1, 0.9), (4, 0.8), (9, 0.7), (17, 0.6)):
        suggest(many, "sdg", str(number), score)
    suggest(many, "wsis", "C2", 0.5)
    suggest(many, "sdg_target", "9.c", 0.4)

    counts = []
    for code in ("D.1-a", "D.2-a"):
        client.get(item_url(code))  # warm the session and caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(item_url(code)).status_code == 200
        counts.append(len(captured))

    assert counts[0] == counts[1]


# --- Asking the engine --------------------------------------------------------------------


@pytest.fixture(params=["with_model", "without_model"])
def model(request, monkeypatch):
    """Both configurations: the embedding model installed (skipped when it is not), absent."""
    from accord.engines.overlap import semantic

    if request.param == "with_model":
        if not semantic.available():
            pytest.skip("the optional embedding model (wordllama) is not installed")
    else:
        monkeypatch.setattr(semantic, "available", lambda: False)
        monkeypatch.setattr(semantic, "load", lambda: None)
    suggesting.forget_suggesters()
    return request.param


def test_suggest_links_for_digital_skills_suggests_sdg_4(client, admin, chair, draft, model):
    priority = draft.priorities.get(code="D.1")
    plans.add_item(user=admin, priority=priority, kind=ItemKind.OUTCOME, code="D.1-c", text=SKILLS)
    client.force_login(chair)

    response = client.post(reverse("item_suggest", args=["conf", 1, "D.1-c"]), headers=HTMX)

    labels = [row.label for row in response.context["suggestion_rows"]]
    assert response.status_code == 200
    assert "SDG 4" in labels
    assert "links suggested." in response.text
    assert AuditEntry.objects.filter(action="linkages.suggested").count() == 1


# --- The whole plan -----------------------------------------------------------------------


def test_linkage_run_start_runs_and_shows_items_to_decide(
    client, admin, chair, draft, django_capture_on_commit_callbacks
):
    priority = draft.priorities.get(code="D.1")
    plans.add_item(user=admin, priority=priority, kind=ItemKind.OUTCOME, code="D.1-c", text=SKILLS)
    client.force_login(chair)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("linkage_run_start", args=["conf"]), {"v": "1"})
    run = SuggestionRun.objects.get()
    page = client.get(response["Location"])

    assert response["Location"] == f"/c/conf/plan/v1/linkages/runs/{run.pk}/"
    assert run.state == "done"
    assert page.status_code == 200
    assert "D.1-c" in [entry.code for entry in page.context["pending"]]
    assert 'href="/c/conf/plan/v1/items/D.1-c/#suggestions-heading"' in page.text


def test_linkage_run_progress_polls_until_done_then_refreshes(client, chair, draft):
    run = SuggestionRun.objects.create(version=draft, total=6, done=3, state="running")
    client.force_login(chair)
    url = reverse("linkage_run_progress", args=["conf", 1, run.pk])

    running = client.get(url, headers=HTMX)
    run.state, run.done = "done", 6
    run.save()
    finished = client.get(url, headers=HTMX)

    assert 'hx-trigger="every 1s"' in running.text
    assert "3 of 6 items" in running.text
    assert "HX-Refresh" not in running
    assert finished["HX-Refresh"] == "true"
    assert 'hx-trigger="every 1s"' not in finished.text


def test_linkage_run_page_query_count_independent_of_items_to_decide(client, chair, draft):
    run = SuggestionRun.objects.create(version=draft, total=6, done=6, state="done")
    items = list(PlanItem.objects.filter(version=draft).order_by("id"))
    client.force_login(chair)
    url = reverse("linkage_run", args=["conf", 1, run.pk])

    suggest(items[0], "sdg", "9", 0.9)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for item in items[1:]:
        suggest(item, "sdg", "9", 0.9)
        suggest(item, "wsis", "C2", 0.8)
    with CaptureQueriesContext(connection) as six:
        response = client.get(url)

    assert len(response.context["pending"]) == 6
    assert len(one) == len(six)


def test_linkage_run_page_while_running_shows_progress(client, chair, draft):
    run = SuggestionRun.objects.create(version=draft, total=6, done=3, state="running")
    client.force_login(chair)

    response = client.get(reverse("linkage_run", args=["conf", 1, run.pk]))

    assert '<progress max="100" value="50"' in response.text


def test_linkage_run_start_twice_is_refused_with_a_message(client, chair, draft):
    SuggestionRun.objects.create(version=draft, total=6, state="running")
    client.force_login(chair)

    response = client.post(reverse("linkage_run_start", args=["conf"]), {"v": "1"}, follow=True)

    assert response.redirect_chain == [("/c/conf/linkages/?v=1", 302)]
    assert "Links are already being suggested for version 1" in response.text


def test_linkage_run_delegate_gets_403(client, admin, draft, delegate):
    publish(admin, draft, state="circulated")
    run = SuggestionRun.objects.create(version=draft, total=6, state="done")
    client.force_login(delegate)

    started = client.post(reverse("linkage_run_start", args=["conf"]), {"v": "1"})
    page = client.get(reverse("linkage_run", args=["conf", 1, run.pk]))

    assert (started.status_code, page.status_code) == (403, 403)
    assert SuggestionRun.objects.count() == 1


# --- Highlighting -------------------------------------------------------------------------


def test_highlight_marks_phrases_ignoring_case_and_merges_overlaps():
    segments = highlight("Broadband for rural broadband users", ["broadband", "rural broad", ""])

    assert segments == [
        Segment("Broadband", True),
        Segment(" for ", False),
        Segment("rural broadband", True),
        Segment(" users", False),
    ]


def test_highlight_without_phrases_is_the_text():
    assert highlight("Plain text", []) == [Segment("Plain text", False)]
