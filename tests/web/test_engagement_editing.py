"""Editing and deleting target lists and invitees in the browser's terms, who sees which
invitees, and the list page's query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.audit.models import AuditEntry
from accord.engagement.domain import pipeline
from accord.engagement.models import Invitee, TargetList
from accord.reference.models import ConstituentGroup, Country
from tests import factories


@pytest.fixture
def keeper(admin):
    """The owner of one invitee on a list they do not own."""
    return factories.make_user(admin, "keeper")


@pytest.fixture
def ada(admin, target_list):
    return pipeline.add_invitee(
        user=admin, target_list=target_list, name="Ada Mensah", email="ada@example.org"
    )


@pytest.fixture
def kept(admin, target_list, keeper):
    return pipeline.add_invitee(
        user=admin, target_list=target_list, name="Cy Dube", email="cy@example.org", owner=keeper
    )


def _url(name, *args):
    return reverse(name, args=["conf", *args])


# --- Editing a list ----------------------------------------------------------------------------


def test_list_edit_page_is_filled_in_and_saves(client, admin, target_list, owner):
    client.force_login(admin)
    url = _url("engagement_list_edit", target_list.pk)

    page = client.get(url)
    saved = client.post(
        url, {"name": "CEOs", "constituent_group": ConstituentGroup.objects.get(code="academia").pk}
    )

    assert page.status_code == 200
    assert page.context["form"].initial == {
        "name": "Private sector",
        "constituent_group": None,
        "owner": "listowner",
    }
    assert b"Delete the list\xe2\x80\xa6" in page.content
    assert (saved.status_code, saved["Location"]) == (302, _url("engagement_list", target_list.pk))
    target_list.refresh_from_db()
    assert (target_list.name, target_list.constituent_group.code, target_list.owner) == (
        "CEOs",
        "academia",
        None,
    )
    assert AuditEntry.objects.get(action="engagement.list_changed").changes["owner"] == [
        "listowner",
        None,
    ]


def test_list_edit_shows_the_domain_refusal_on_the_field(client, admin, conference, target_list):
    pipeline.create_target_list(user=admin, conference=conference, name="Academia")
    client.force_login(admin)

    response = client.post(_url("engagement_list_edit", target_list.pk), {"name": "Academia"})

    assert response.status_code == 400
    assert response.context["form"].errors == {"name": ["A target list named 'Academia' exists."]}
    assert TargetList.objects.get(pk=target_list.pk).name == "Private sector"


def test_list_edit_htmx_post_is_told_where_to_go(client, admin, target_list):
    client.force_login(admin)

    response = client.post(
        _url("engagement_list_edit", target_list.pk), {"name": "CEOs"}, HTTP_HX_REQUEST="true"
    )

    assert (response.status_code, response["HX-Redirect"]) == (
        200,
        _url("engagement_list", target_list.pk),
    )


@pytest.mark.parametrize("who", ["owner", "delegate"])
def test_list_edit_and_delete_refused_to_owner_and_delegate(
    client, admin, conference, target_list, owner, who
):
    user = (
        owner
        if who == "owner"
        else factories.make_delegate(admin, factories.make_delegation(admin, conference), "del1")
    )
    client.force_login(user)

    for name in ("engagement_list_edit", "engagement_list_delete"):
        assert client.get(_url(name, target_list.pk)).status_code == 403
        assert client.post(_url(name, target_list.pk), {"name": "Mine"}).status_code == 403
    assert TargetList.objects.get().name == "Private sector"
    if who == "owner":  # the list's page offers the owner no edit link
        page = client.get(_url("engagement_list", target_list.pk))
        assert _url("engagement_list_edit", target_list.pk).encode() not in page.content


# --- Deleting a list ---------------------------------------------------------------------------


def test_list_delete_asks_then_deletes(client, admin, target_list, ada):
    client.force_login(admin)
    url = _url("engagement_list_delete", target_list.pk)

    asked = client.get(url)
    done = client.post(url)

    assert asked.status_code == 200
    assert "Its 1 invitee, never invited, goes with it." in asked.content.decode()
    assert (done.status_code, done["Location"]) == (302, _url("engagement_lists"))
    assert (TargetList.objects.count(), Invitee.objects.count()) == (0, 0)


def test_list_delete_refused_while_someone_was_invited(client, admin, target_list, ada):
    pipeline.move_invitee(user=admin, invitee=ada, state="invited")
    client.force_login(admin)
    url = _url("engagement_list_delete", target_list.pk)

    asked = client.get(url)
    refused = client.post(url)

    refusal = "The list &#x27;Private sector&#x27; cannot be deleted: Ada Mensah has been invited"
    assert asked.status_code == 200
    assert refusal in asked.content.decode()
    assert b"button--danger" not in asked.content
    assert refused.status_code == 400
    assert refusal in refused.content.decode()
    assert TargetList.objects.count() == 1
    edit = client.get(_url("engagement_list_edit", target_list.pk))
    assert refusal in edit.content.decode()


# --- Editing an invitee ------------------------------------------------------------------------


def test_invitee_edit_page_leaves_a_derived_region_empty(client, admin, ada):
    pipeline.move_invitee(user=admin, invitee=ada, state="invited")
    from accord.engagement.domain import editing

    editing.update_invitee(user=admin, invitee=ada, country=Country.objects.get(iso3="KEN"))
    client.force_login(admin)

    page = client.get(_url("engagement_invitee_edit", ada.pk))

    assert page.status_code == 200
    initial = page.context["form"].initial
    assert (initial["country"], initial["region"], initial["owner"]) == (
        Country.objects.get(iso3="KEN").pk,
        None,
        "listowner",
    )
    assert "A new e-mail address voids the personal link" in page.content.decode()
    assert "mark them declined instead" in page.content.decode()


def test_invitee_edit_by_list_owner_saves_and_returns_to_the_list(client, owner, target_list, ada):
    client.force_login(owner)

    response = client.post(
        _url("engagement_invitee_edit", ada.pk),
        {"name": "Ada K. Mensah", "email": "ada@example.org", "gender": "female", "star": "on"},
    )

    assert (response.status_code, response["Location"]) == (
        302,
        _url("engagement_list", target_list.pk),
    )
    ada.refresh_from_db()
    assert (ada.name, ada.gender, ada.star, ada.owner) == ("Ada K. Mensah", "female", True, owner)


def test_invitee_edit_refusal_shows_on_the_field(client, admin, target_list, ada, kept):
    client.force_login(admin)

    response = client.post(
        _url("engagement_invitee_edit", ada.pk),
        {"name": "Ada", "email": "CY@example.org", "gender": "undisclosed"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "email": ["cy@example.org is already on the list 'Private sector'."]
    }


def test_invitee_owner_edits_own_invitee_but_not_others_nor_removes(
    client, keeper, target_list, ada, kept
):
    client.force_login(keeper)

    assert client.get(_url("engagement_invitee_edit", kept.pk)).status_code == 200
    assert client.get(_url("engagement_invitee_edit", ada.pk)).status_code == 403
    assert client.post(_url("engagement_invitee_remove", kept.pk)).status_code == 403
    page = client.get(_url("engagement_invitee_edit", kept.pk))
    assert _url("engagement_invitee_remove", kept.pk).encode() not in page.content


@pytest.mark.parametrize("who", ["delegate", "stranger"])
def test_invitee_pages_refused_to_delegate_and_stranger(client, admin, conference, ada, who):
    user = (
        factories.make_delegate(admin, factories.make_delegation(admin, conference), "del1")
        if who == "delegate"
        else factories.make_user(admin, "stranger")
    )
    client.force_login(user)

    for name in ("engagement_invitee_edit", "engagement_invitee_remove"):
        assert client.get(_url(name, ada.pk)).status_code == 403
        assert client.post(_url(name, ada.pk), {"name": "X"}).status_code == 403
    assert Invitee.objects.get().name == "Ada Mensah"


def test_invitee_of_another_conference_is_not_found(client, admin, ada):
    factories.make_conference(admin, slug="other")
    client.force_login(admin)

    response = client.get(reverse("engagement_invitee_edit", args=["other", ada.pk]))

    assert response.status_code == 404


# --- Removing an invitee -----------------------------------------------------------------------


def test_invitee_remove_asks_then_removes(client, owner, target_list, ada):
    client.force_login(owner)
    url = _url("engagement_invitee_remove", ada.pk)

    asked = client.get(url)
    done = client.post(url)

    assert asked.status_code == 200
    assert "Remove Ada Mensah from “Private sector”?" in asked.content.decode()
    assert (done.status_code, done["Location"]) == (302, _url("engagement_list", target_list.pk))
    assert Invitee.objects.count() == 0


def test_invitee_remove_refused_once_invited(client, admin, ada):
    pipeline.move_invitee(user=admin, invitee=ada, state="invited")
    client.force_login(admin)

    response = client.post(_url("engagement_invitee_remove", ada.pk))

    assert response.status_code == 400
    assert (
        "Ada Mensah is invited, not just identified; mark them declined instead"
        in response.content.decode()
    )
    assert Invitee.objects.count() == 1


# --- Who sees which invitees -------------------------------------------------------------------


def test_invitee_owner_sees_only_own_invitees_on_page_export_and_counts(
    client, keeper, target_list, ada, kept
):
    # An invitee's owner used to see every name and address on the list, and export them.
    client.force_login(keeper)

    page = client.get(_url("engagement_list", target_list.pk))
    export = client.get(_url("engagement_list_export", target_list.pk, "csv"))
    lists = client.get(_url("engagement_lists"))

    assert [row.invitee.email for row in page.context["rows"]] == ["cy@example.org"]
    assert [line.split(",")[1] for line in export.content.decode("utf-8-sig").splitlines()] == [
        "email",
        "cy@example.org",
    ]
    assert lists.context["overview"].lists[0].total == 1


def test_list_owner_sees_every_invitee_with_edit_links(client, owner, target_list, ada, kept):
    client.force_login(owner)

    page = client.get(_url("engagement_list", target_list.pk))

    assert [(r.invitee.email, r.can_edit) for r in page.context["rows"]] == [
        ("ada@example.org", True),
        ("cy@example.org", True),
    ]
    assert _url("engagement_invitee_edit", ada.pk).encode() in page.content


def _list_page_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_page_query_count_is_the_same_for_one_invitee_and_many(
    client, admin, conference, target_list, keeper
):
    other = pipeline.create_target_list(user=admin, conference=conference, name="Many")
    pipeline.add_invitee(user=admin, target_list=target_list, name="P", email="p@example.org")
    for i in range(15):
        pipeline.add_invitee(
            user=admin,
            target_list=other,
            name=f"Person {i}",
            email=f"p{i}@example.org",
            owner=keeper if i % 2 else None,
            country=Country.objects.get(iso3="KEN") if i % 3 else None,
            star=i % 2 == 0,
        )
    client.force_login(admin)
    client.get(_url("engagement_list", target_list.pk))  # warm the caches

    one = _list_page_queries(client, _url("engagement_list", target_list.pk))
    many = _list_page_queries(client, _url("engagement_list", other.pk))

    assert one == many


def test_invitee_owner_cannot_read_others_through_the_send_confirmation(
    client, keeper, target_list, ada, kept
):
    # The confirmation page listed whichever invitees of the list were posted, names and
    # addresses included, to anyone who owned one invitee on it.
    client.force_login(keeper)

    response = client.post(_url("engagement_send", target_list.pk), {"invitee": [ada.pk, kept.pk]})

    assert response.status_code == 200
    assert [i.email for i in response.context["chosen"]] == ["cy@example.org"]
    assert b"ada@example.org" not in response.content


def test_import_page_is_refused_to_an_invitee_owner(client, keeper, target_list, kept):
    # It used to show the form (the import itself was refused on sending it).
    client.force_login(keeper)

    assert client.get(_url("engagement_list_import", target_list.pk)).status_code == 403
