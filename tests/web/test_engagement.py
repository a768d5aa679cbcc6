"""Invitation and registration pages: who sees them, what they show, and their query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.engagement.domain import pipeline
from accord.engagement.domain import registration as registration_domain
from accord.engagement.domain.tokens import make_token
from accord.engagement.models import Invitee, Registration
from accord.reference.models import ConstituentGroup
from tests import factories

PDF = b"%PDF-1.4\n%credentials\n"


def _fill(admin, target_list, n):
    for i in range(n):
        pipeline.add_invitee(
            user=admin,
            target_list=target_list,
            name=f"Person {i}",
            email=f"p{i}@example.org",
            star=i % 2 == 0,
        )


def _login(client, user):
    client.force_login(user)
    return client


def test_lists_page_shows_counts_and_overdue(client, admin, target_list):
    # The conference opens 5 June 2027; invitations were due 5 June 2026, before today.
    _fill(admin, target_list, 3)
    response = _login(client, admin).get(reverse("engagement_lists", args=["conf"]))
    assert response.status_code == 200
    summary = response.context["overview"].lists[0]
    assert (summary.total, summary.counts["identified"], summary.overdue) == (3, 3, 3)
    assert b"engagement-funnel__bar" in response.content
    assert b'class="engagement-overdue"' in response.content


@pytest.mark.parametrize("who", ["delegate", "observer", "stranger", "anonymous"])
def test_invitation_pages_hidden_from_others(client, admin, conference, target_list, who):
    if who == "delegate":
        client.force_login(
            factories.make_delegate(admin, factories.make_delegation(admin, conference), "del1")
        )
    elif who == "observer":
        client.force_login(factories.make_observer(admin, conference))
    elif who == "stranger":
        client.force_login(factories.make_user(admin, "stranger"))
    for url in (
        reverse("engagement_lists", args=["conf"]),
        reverse("engagement_list", args=["conf", target_list.pk]),
        reverse("engagement_queue", args=["conf"]),
    ):
        response = client.get(url)
        assert response.status_code == (302 if who == "anonymous" else 403), url


def test_list_owner_sees_own_list_not_queue(client, owner, target_list):
    _login(client, owner)
    assert client.get(reverse("engagement_list", args=["conf", target_list.pk])).status_code == 200
    assert client.get(reverse("engagement_queue", args=["conf"])).status_code == 403


def test_list_page_filters(client, admin, target_list):
    _fill(admin, target_list, 4)
    url = reverse("engagement_list", args=["conf", target_list.pk])
    response = _login(client, admin).get(url, {"star": "yes"})
    assert [r.invitee.name for r in response.context["rows"]] == ["Person 0", "Person 2"]
    response = client.get(url, {"state": "invited"})
    assert response.context["rows"] == []


@pytest.mark.parametrize("n", [2, 12])
def test_list_views_query_count_does_not_grow(
    client, admin, target_list, n, django_assert_max_num_queries
):
    _fill(admin, target_list, n)
    _login(client, admin)
    with django_assert_max_num_queries(14):
        assert (
            client.get(reverse("engagement_list", args=["conf", target_list.pk])).status_code == 200
        )
    with django_assert_max_num_queries(14):
        assert client.get(reverse("engagement_lists", args=["conf"])).status_code == 200
    for i in range(n):
        registration_domain.register(
            conference=target_list.conference,
            invitee=Invitee.objects.get(email=f"p{i}@example.org"),
            form=registration_domain.RegistrationForm(name=f"P {i}", email=f"p{i}@example.org"),
        )
    with django_assert_max_num_queries(12):
        assert client.get(reverse("engagement_queue", args=["conf"])).status_code == 200


def test_import_page_reports_bad_rows_and_imports_nothing(client, owner, target_list):
    upload = SimpleUploadedFile("list.csv", b"name,email\nAda,ada@example.org\nBo,bad\n")
    response = _login(client, owner).post(
        reverse("engagement_list_import", args=["conf", target_list.pk]), {"file": upload}
    )
    assert response.status_code == 400
    assert b"bad e-mail &#x27;bad&#x27;" in response.content
    assert Invitee.objects.count() == 0
    upload = SimpleUploadedFile("list.csv", b"name,email\nAda,ada@example.org\nBo,bad\n")
    response = client.post(
        reverse("engagement_list_import", args=["conf", target_list.pk]),
        {"file": upload, "good_rows_only": "on"},
    )
    assert response.status_code == 200
    assert list(Invitee.objects.values_list("email", flat=True)) == ["ada@example.org"]


def test_export_csv(client, admin, target_list):
    _fill(admin, target_list, 1)
    response = _login(client, admin).get(
        reverse("engagement_list_export", args=["conf", target_list.pk, "csv"])
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response.content.decode("utf-8-sig").splitlines()[1].startswith("Person 0,p0@example.org")
    )


def test_register_with_credentials_then_secretariat_approves_and_downloads(
    client, admin, target_list, django_capture_on_commit_callbacks
):
    invitee = pipeline.add_invitee(
        user=admin, target_list=target_list, name="Ada Mensah", email="ada@example.org"
    )
    url = reverse("engagement_register_invited", args=["conf", make_token(invitee)])
    government = ConstituentGroup.objects.get(code="government")
    response = client.post(
        url,
        {
            "name": "Ada Mensah",
            "email": "ada@example.org",
            "constituent_group": government.pk,
            "gender": "undisclosed",
        },
    )
    assert response.status_code == 400
    assert b"attach their credentials letter" in response.content
    response = client.post(
        url,
        {
            "name": "Ada Mensah",
            "email": "ada@example.org",
            "constituent_group": government.pk,
            "gender": "undisclosed",
            "credentials": SimpleUploadedFile("letter.pdf", PDF),
        },
    )
    assert response.status_code == 200
    registered = Registration.objects.get()
    download = reverse("engagement_credentials", args=["conf", registered.pk])
    assert client.get(download).status_code == 302  # not signed in
    _login(client, admin)
    response = client.get(download)
    assert b"".join(response.streaming_content) == PDF
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("engagement_decide", args=["conf", registered.pk, "approve"])
        )
    assert response.status_code == 302
    registered.refresh_from_db()
    invitee.refresh_from_db()
    assert (registered.state, invitee.state) == ("approved", "registered")


def test_bad_link_says_so(client, target_list):
    response = client.get(reverse("engagement_register_invited", args=["conf", "nonsense"]))
    assert response.status_code == 410
    assert b"This registration link is not valid." in response.content


def test_open_registration_off_by_default(client, conference):
    assert client.get(reverse("engagement_register", args=["conf"])).status_code == 404


def test_send_invitations_confirm_then_queue(
    client, admin, target_list, django_capture_on_commit_callbacks, mailoutbox
):
    _fill(admin, target_list, 2)
    ids = list(target_list.invitees.values_list("pk", flat=True))
    url = reverse("engagement_send", args=["conf", target_list.pk])
    _login(client, admin)
    response = client.post(url, {"invitee": ids})
    assert b"Send invitations with personal registration links to 2 people" in response.content
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"invitee": ids, "confirm": "1"})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["p0@example.org", "p1@example.org"]
    assert set(target_list.invitees.values_list("state", flat=True)) == {"invited"}
