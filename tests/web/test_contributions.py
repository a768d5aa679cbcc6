"""Contribution pages: the list, one contribution, writing one, the chair's merge board, and
the compare page with its Word redline."""

import io
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.negotiation import domain
from accord.negotiation.models import Amendment, Contribution
from accord.plans.models import PlanVersion
from accord.reference.models import RegionalOrganization
from tests.negotiation.contribution_data import (
    D1A,
    accept_all,
    contribute,
    delete,
    modify,
    negotiation,
)

pytestmark = pytest.mark.integration

REMOTE = D1A.replace("rural", "remote")


@pytest.fixture
def n(admin, conference, draft):
    return negotiation(admin, conference, draft)


def page(client, user, name, *args, query=""):
    client.force_login(user)
    return client.get(reverse(name, args=["conf", *args]) + query)


# --- List and detail --------------------------------------------------------------------------


def test_contributions_page_lists_what_the_user_may_see_and_marks_own_drafts(client, n):
    contribute(n.kenyan, n.version, n.kenya, delete("D.1-b"), submit=False, title="Kenya draft")
    contribute(n.brazilian, n.version, n.brazil, delete("D.2-b"), title="Brazil submitted")

    kenyan = page(client, n.kenyan, "contributions", 1)
    brazilian = page(client, n.brazilian, "contributions", 1)

    assert kenyan.status_code == 200
    titles = [c.title for c in kenyan.context["contributions"]]
    assert titles == ["Kenya draft", "Brazil submitted"]
    assert kenyan.text.count("Your delegation's draft") == 1
    assert [c.title for c in brazilian.context["contributions"]] == ["Brazil submitted"]
    assert "Kenya draft" not in brazilian.text


def test_contribution_page_of_another_delegations_draft_is_not_found(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, delete("D.1-b"), submit=False)

    assert page(client, n.brazilian, "contribution", draft.pk).status_code == 404
    assert page(client, n.chair, "contribution", draft.pk).status_code == 404
    assert page(client, n.kenyan, "contribution", draft.pk).status_code == 200


def test_contribution_page_cosponsor_sees_the_draft(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False, cosponsors=[n.brazil])

    response = page(client, n.brazilian, "contribution", draft.pk)

    assert response.status_code == 200
    assert response.context["form"] is not None  # co-sponsors write the draft too
    assert response.context["can_submit"] is False


def test_contribution_page_shows_a_modification_as_a_redline(client, n):
    contribution = contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE))

    response = page(client, n.french, "contribution", contribution.pk)

    assert (
        '<p class="redline">Promote affordable broadband connectivity in '
        "<del>rural</del><ins>remote</ins> areas</p>"
    ) in response.text


def test_contributions_page_of_a_version_the_user_cannot_read_is_not_found(client, admin, n):
    from accord.plans import domain as plans

    plans.create_plan_version(user=admin, plan=n.version.plan, based_on=n.version)

    assert page(client, n.kenyan, "contributions", 2).status_code == 404


# --- Writing ----------------------------------------------------------------------------------


def test_create_contribution_form_creates_a_draft_and_opens_it(client, n):
    client.force_login(n.kenyan)

    response = client.post(
        reverse("contributions", args=["conf", 1]),
        {"delegation": n.kenya.pk, "title": "Rural areas", "cosponsors": [n.brazil.pk]},
    )

    contribution = Contribution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("contribution", args=["conf", contribution.pk])
    assert (contribution.title, contribution.delegation, contribution.state) == (
        "Rural areas",
        n.kenya,
        "draft",
    )


def test_create_contribution_form_shows_the_rto_refusal_next_to_its_field(client, n):
    client.force_login(n.kenyan)
    cept = RegionalOrganization.objects.get(code="CEPT")

    response = client.post(
        reverse("contributions", args=["conf", 1]),
        {"delegation": n.kenya.pk, "title": "Europe", "on_behalf_of": cept.pk},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "on_behalf_of": ["Kenya is neither in the region of CEPT (Europe) nor CEPT itself."]
    }
    assert '<p class="field__error" id="id_on_behalf_of_error">' in response.text
    assert Contribution.objects.count() == 0


def test_create_contribution_form_offers_a_delegate_only_their_delegation(client, n):
    response = page(client, n.kenyan, "contributions", 1)

    choices = [label for value, label in response.context["form"].fields["delegation"].choices]
    assert choices == ["- Select an option -", "Kenya"]


def test_amendment_form_starts_a_modification_from_the_items_text(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)

    response = page(client, n.kenyan, "contribution", draft.pk, query="?item=D.1-a")

    form = response.context["form"]
    assert (form["kind"].value(), form["item"].value(), form["text"].value()) == (
        "modify",
        "D.1-a",
        D1A,
    )
    assert f">\n{D1A}</textarea>" in response.text


def test_amendment_form_adds_an_amendment(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)
    client.force_login(n.kenyan)

    response = client.post(
        reverse("contribution", args=["conf", draft.pk]),
        {"kind": "modify", "item": "D.1-a", "text": REMOTE},
    )

    assert response.status_code == 302
    assert list(draft.amendments.values_list("kind", "item_code", "text")) == [
        ("modify", "D.1-a", REMOTE)
    ]


def test_amendment_form_shows_the_domain_refusal_next_to_its_field(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)
    client.force_login(n.kenyan)

    response = client.post(
        reverse("contribution", args=["conf", draft.pk]), {"kind": "modify", "text": "x"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"item": ["Say which item to modify."]}


def test_amendment_form_post_by_another_delegation_is_not_found(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)
    client.force_login(n.brazilian)

    response = client.post(
        reverse("contribution", args=["conf", draft.pk]), {"kind": "delete", "item": "D.1-a"}
    )

    assert response.status_code == 404
    assert Amendment.objects.count() == 0


def test_submit_button_submits_the_draft(client, n):
    draft = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"), submit=False)
    client.force_login(n.kenyan)

    response = client.post(reverse("contribution_submit", args=["conf", draft.pk]))

    draft.refresh_from_db()
    assert (response.status_code, draft.state) == (302, "submitted")


# --- The merge board --------------------------------------------------------------------------


def test_merge_page_is_forbidden_to_delegates(client, n):
    assert page(client, n.kenyan, "merge", 1).status_code == 403


def test_merge_page_groups_competing_amendments(client, n):
    first = contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE))
    second = contribute(
        n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("rural areas", "cities"))
    )
    alone = contribute(n.french, n.version, n.france, delete("D.2-b"))
    ids = [c.amendments.get().pk for c in (first, second, alone)]

    response = page(client, n.chair, "merge", 1)

    groups = response.context["board"].groups
    assert [[e.amendment.pk for e in g.entries] for g in groups] == [ids[:2], ids[2:]]
    assert response.text.count('class="board__group board__group--competing"') == 1
    assert f'Competes with <a href="#amendment-{ids[1]}">#{ids[1]}</a>' in response.text


def test_decide_with_htmx_answers_the_board_entry(client, n):
    amendment = contribute(n.kenyan, n.version, n.kenya, delete("D.2-b")).amendments.get()
    client.force_login(n.chair)

    response = client.post(
        reverse("amendment_decide", args=["conf", amendment.pk]),
        {"decision": "accepted", "note": "Fine"},
        headers={"HX-Request": "true"},
    )

    amendment.refresh_from_db()
    assert (amendment.decision, amendment.decision_note) == ("accepted", "Fine")
    assert response.text.lstrip().startswith(
        f'<article class="board-entry board-entry--accepted" id="amendment-{amendment.pk}">'
    )


def test_decide_without_htmx_returns_to_the_board(client, n):
    amendment = contribute(n.kenyan, n.version, n.kenya, delete("D.2-b")).amendments.get()
    client.force_login(n.chair)

    response = client.post(
        reverse("amendment_decide", args=["conf", amendment.pk]), {"decision": "rejected"}
    )

    assert (response.status_code, response["Location"]) == (302, reverse("merge", args=["conf", 1]))


def test_decide_by_a_delegate_is_forbidden(client, n):
    amendment = contribute(n.kenyan, n.version, n.kenya, delete("D.2-b")).amendments.get()
    client.force_login(n.kenyan)

    response = client.post(
        reverse("amendment_decide", args=["conf", amendment.pk]), {"decision": "accepted"}
    )

    amendment.refresh_from_db()
    assert (response.status_code, amendment.decision) == (403, "pending")


def test_merge_button_creates_the_version_and_opens_the_redline(client, n):
    accept_all(n.chair, contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE)))
    client.force_login(n.chair)

    response = client.post(reverse("merge", args=["conf", 1]), {"label": "Merged"})

    assert PlanVersion.objects.get(number=2).label == "Merged"
    assert response["Location"] == reverse("plan_compare", args=["conf"]) + "?from=1&to=2"


def test_merge_button_shows_a_conflict_and_creates_nothing(client, n):
    accept_all(n.chair, contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE)))
    accept_all(
        n.chair,
        contribute(n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("rural", "all"))),
    )
    client.force_login(n.chair)

    response = client.post(reverse("merge", args=["conf", 1]))

    assert response.status_code == 200
    assert response.context["problem"].startswith("Cannot merge: they change the same words")
    assert PlanVersion.objects.count() == 1


def test_merge_post_by_a_delegate_is_forbidden(client, n):
    accept_all(n.chair, contribute(n.kenyan, n.version, n.kenya, delete("D.2-b")))
    client.force_login(n.kenyan)

    response = client.post(reverse("merge", args=["conf", 1]))

    assert (response.status_code, PlanVersion.objects.count()) == (403, 1)


# --- Compare ----------------------------------------------------------------------------------


@pytest.fixture
def merged(n):
    contribution = contribute(
        n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE), delete("D.1-1")
    )
    accept_all(n.chair, contribution)
    n.merged = domain.merge_contributions(user=n.chair, version=n.version)
    return n


def test_compare_page_shows_the_redline_per_priority(client, merged):
    response = page(client, merged.chair, "plan_compare", query="?from=1&to=2")

    assert response.status_code == 200
    assert (
        '<p class="redline">Promote affordable broadband connectivity in '
        "<del>rural</del><ins>remote</ins> areas</p>"
    ) in response.text
    assert (
        '<p class="redline"><del>Training on spectrum management for regulators</del></p>'
        in response.text
    )
    assert '<article class="diff diff--removed" data-code="D.1-1" id="item-d1-1">' in response.text
    assert "3 unchanged items" in response.text
    assert response.context["docx_url"] == (
        reverse("plan_compare_docx", args=["conf"]) + "?from=1&to=2"
    )


def test_compare_page_defaults_to_the_newest_version_against_its_base(client, merged):
    response = page(client, merged.chair, "plan_compare")

    comparison = response.context["comparison"]
    assert (comparison.old.number, comparison.new.number) == (1, 2)


def test_compare_page_with_a_version_the_user_cannot_read_is_not_found(client, merged):
    assert page(client, merged.kenyan, "plan_compare", query="?from=1&to=2").status_code == 404
    assert page(client, merged.chair, "plan_compare", query="?from=x&to=2").status_code == 404


def test_compare_docx_download_has_tracked_changes(client, merged):
    response = page(client, merged.chair, "plan_compare_docx", query="?from=1&to=2")

    body = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="conf-action-plan-v1-to-v2-redline.docx"'
    )
    assert ("<w:ins " in body, "<w:del " in body) == (True, True)


# --- Query counts ------------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_query_count_contributions_page_independent_of_how_many(client, n):
    url = reverse("contributions", args=["conf", 1])
    contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE), cosponsors=[n.brazil])
    client.force_login(n.french)
    one = count_queries(client, url)
    for code in ("D.1-1", "D.1-b", "D.2-a", "D.2-b"):
        contribute(n.brazilian, n.version, n.brazil, delete(code), cosponsors=[n.kenya, n.france])
    contribute(n.french, n.version, n.france, delete("D.2-1"), submit=False)

    many = count_queries(client, url)

    assert one == many


def test_query_count_merge_page_independent_of_how_many(client, n):
    url = reverse("merge", args=["conf", 1])
    contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", REMOTE))
    client.force_login(n.chair)
    one = count_queries(client, url)
    for code in ("D.1-1", "D.1-b", "D.2-a", "D.2-b"):
        contribute(n.brazilian, n.version, n.brazil, delete(code), modify("D.1-a", D1A + "."))

    many = count_queries(client, url)

    assert one == many


def test_admin_lists_contributions_and_amendments_for_the_secretariat(client, admin, n):
    contribution = contribute(n.kenyan, n.version, n.kenya, delete("D.1-b"))
    client.force_login(admin)

    pages = [
        reverse("admin:negotiation_contribution_changelist"),
        reverse("admin:negotiation_contribution_change", args=[contribution.pk]),
        reverse("admin:negotiation_amendment_changelist"),
    ]

    assert [client.get(url).status_code for url in pages] == [200, 200, 200]
