"""The invitation forms in the browser's terms: a new target list, one more invitee, the
deadline rules, open registration, and the self-refreshing page of an invitation batch."""

import pytest
from django.urls import reverse

from accord.audit.models import AuditEntry
from accord.core.runs import INTERRUPTED
from accord.engagement.domain import invitations, pipeline
from accord.engagement.enums import BatchState
from accord.engagement.models import (
    DeadlineRule,
    EngagementSettings,
    InvitationBatch,
    Invitee,
    TargetList,
)
from accord.reference.models import ConstituentGroup, Country
from tests import factories


@pytest.fixture
def delegate(admin, conference):
    return factories.make_delegate(admin, factories.make_delegation(admin, conference), "del1")


def _fill(admin, target_list, n):
    for i in range(n):
        pipeline.add_invitee(
            user=admin, target_list=target_list, name=f"Person {i}", email=f"p{i}@example.org"
        )


def _queued_batch(admin, target_list):
    """A batch queued but not sent (no on_commit callbacks run inside a test)."""
    return invitations.queue_invitations(
        user=admin,
        conference=target_list.conference,
        invitees=target_list.invitees.all(),
        base_url="http://testserver",
    )


# --- A new target list ------------------------------------------------------------------------


def test_create_list_secretariat_can(client, admin, conference, owner):
    client.force_login(admin)
    url = reverse("engagement_list_new", args=["conf"])
    assert client.get(url).status_code == 200
    group = ConstituentGroup.objects.get(code="private_sector")
    response = client.post(
        url, {"name": " CEOs ", "constituent_group": group.pk, "owner": "ListOwner"}
    )
    created = TargetList.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("engagement_list", args=["conf", created.pk])
    assert (created.name, created.constituent_group, created.owner) == ("CEOs", group, owner)
    assert AuditEntry.objects.filter(action="engagement.list_created").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, b"This field is required."),
        ({"name": "CEOs", "owner": "nobody"}, b"No account with the username &#x27;nobody&#x27;."),
        ({"name": "Private sector"}, b"A target list named &#x27;Private sector&#x27; exists."),
    ],
)
def test_create_list_bad_input_shows_errors_writes_nothing(
    client, admin, target_list, data, message
):
    client.force_login(admin)
    response = client.post(reverse("engagement_list_new", args=["conf"]), data)
    assert response.status_code == 400
    assert message in response.content
    assert b"field__error" in response.content
    assert list(TargetList.objects.values_list("name", flat=True)) == ["Private sector"]


def test_create_list_htmx_post_is_told_to_load_the_list(client, admin, conference):
    client.force_login(admin)
    response = client.post(
        reverse("engagement_list_new", args=["conf"]), {"name": "CEOs"}, HTTP_HX_REQUEST="true"
    )
    created = TargetList.objects.get()
    assert (response.status_code, response["HX-Redirect"]) == (
        200,
        reverse("engagement_list", args=["conf", created.pk]),
    )


def test_create_list_owner_cannot(client, owner, target_list):
    client.force_login(owner)
    url = reverse("engagement_list_new", args=["conf"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Mine"}).status_code == 403
    assert TargetList.objects.count() == 1


# --- One more invitee -------------------------------------------------------------------------


def test_add_invitee_with_every_field(client, admin, target_list):
    client.force_login(admin)
    helper = factories.make_user(admin, "helper")
    country = Country.objects.select_related("region").order_by("iso3").first()
    url = reverse("engagement_invitee_new", args=["conf", target_list.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Ada Mensah",
            "email": "Ada@Example.org",
            "organization_name": "Kora Telecom",
            "country": country.pk,
            "gender": "female",
            "star": "on",
            "owner": "helper",
            "notes": "Met at the RPM.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("engagement_list", args=["conf", target_list.pk])
    invitee = Invitee.objects.get()
    assert (
        invitee.email,
        invitee.organization_name,
        invitee.country,
        invitee.region,
        invitee.gender,
        invitee.star,
        invitee.owner,
        invitee.notes,
        invitee.state,
    ) == (
        "ada@example.org",
        "Kora Telecom",
        country,
        country.region,
        "female",
        True,
        helper,
        "Met at the RPM.",
        "identified",
    )


def test_add_invitee_and_another_returns_to_the_form(client, owner, target_list):
    client.force_login(owner)
    url = reverse("engagement_invitee_new", args=["conf", target_list.pk])
    response = client.post(
        url, {"name": "Bo", "email": "bo@example.org", "gender": "undisclosed", "another": "1"}
    )
    assert (response.status_code, response["Location"]) == (302, url)
    assert Invitee.objects.get().owner == owner  # the list's owner by default


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "Bo", "email": "not-an-address"}, b"Enter a valid email address."),
        ({"name": "Bo", "email": "p0@example.org"}, b"p0@example.org is already on the list"),
        ({"name": "", "email": "bo@example.org"}, b"This field is required."),
    ],
)
def test_add_invitee_bad_input_shows_errors_writes_nothing(
    client, admin, target_list, data, message
):
    _fill(admin, target_list, 1)
    client.force_login(admin)
    response = client.post(
        reverse("engagement_invitee_new", args=["conf", target_list.pk]),
        data | {"gender": "undisclosed"},
    )
    assert response.status_code == 400
    assert message in response.content
    assert list(Invitee.objects.values_list("email", flat=True)) == ["p0@example.org"]


# --- Deadline rules and open registration ------------------------------------------------------


def _deadlines(invited=(12, 0), confirmed=(6, 0), registered=(1, 0)):
    return {
        "invited_months": invited[0],
        "invited_days": invited[1],
        "confirmed_months": confirmed[0],
        "confirmed_days": confirmed[1],
        "registered_months": registered[0],
        "registered_days": registered[1],
    }


def test_settings_page_shows_the_resulting_dates(client, admin, conference):
    client.force_login(admin)
    response = client.get(reverse("engagement_settings", args=["conf"]))
    assert response.status_code == 200
    # The conference opens 5 June 2027.
    assert [d.due.isoformat() for d in response.context["schedule"]] == [
        "2026-06-05",
        "2026-12-05",
        "2027-05-05",
    ]
    assert b"5 Jun 2026" in response.content


def test_deadlines_form_saves_changed_steps_only(client, admin, conference):
    client.force_login(admin)
    url = reverse("engagement_settings", args=["conf"])
    response = client.post(url, _deadlines(invited=(10, 5)))
    assert (response.status_code, response["Location"]) == (302, url)
    assert list(DeadlineRule.objects.values_list("step", "months_before", "days_before")) == [
        ("invited", 10, 5)
    ]
    page = client.get(url)
    assert b"31 Jul 2026" in page.content  # 10 months then 5 days before 5 June 2027
    assert AuditEntry.objects.filter(action="engagement.deadline_set").count() == 1


@pytest.mark.parametrize(
    "data",
    [
        _deadlines(invited=(61, 0)),
        _deadlines(registered=(1, 400)),
        _deadlines() | {"confirmed_days": "soon"},
    ],
)
def test_deadlines_form_bad_input_shows_errors_writes_nothing(client, admin, conference, data):
    client.force_login(admin)
    response = client.post(reverse("engagement_settings", args=["conf"]), data)
    assert response.status_code == 400
    assert b"field__error" in response.content
    assert DeadlineRule.objects.count() == 0


def test_deadlines_preview_fragment_shows_dates_without_saving(client, admin, conference):
    client.force_login(admin)
    response = client.get(
        reverse("engagement_settings", args=["conf"]),
        _deadlines(invited=(10, 5)),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.content.startswith(b'<ul class="engagement-deadlines" id="deadline-dates"')
    assert b"31 Jul 2026" in response.content
    assert "HX-Request" in response["Vary"].split(", ")
    assert DeadlineRule.objects.count() == 0


def test_deadlines_preview_with_bad_values_keeps_the_saved_dates(client, admin, conference):
    client.force_login(admin)
    response = client.get(
        reverse("engagement_settings", args=["conf"]),
        _deadlines(invited=(99, 0)),
        HTTP_HX_REQUEST="true",
    )
    assert b"5 Jun 2026" in response.content
    assert b"out of range" in response.content


def test_open_registration_switches_on_and_off(client, admin, conference):
    client.force_login(admin)
    url = reverse("engagement_open_registration", args=["conf"])
    response = client.post(url, {"open": "on"})
    assert response.status_code == 302
    assert EngagementSettings.objects.get().open_registration is True
    assert client.get(reverse("engagement_register", args=["conf"])).status_code == 200
    client.post(url, {})
    assert EngagementSettings.objects.get().open_registration is False
    assert client.get(reverse("engagement_register", args=["conf"])).status_code == 404
    assert AuditEntry.objects.filter(action="engagement.open_registration").count() == 2


def test_open_registration_needs_post(client, admin, conference):
    client.force_login(admin)
    response = client.get(reverse("engagement_open_registration", args=["conf"]))
    assert response.status_code == 405


# --- Who may use the forms --------------------------------------------------------------------


def test_forms_refuse_a_delegate(client, admin, delegate, target_list):
    _fill(admin, target_list, 1)
    batch = _queued_batch(admin, target_list)
    client.force_login(delegate)
    posts = {
        reverse("engagement_list_new", args=["conf"]): {"name": "X"},
        reverse("engagement_invitee_new", args=["conf", target_list.pk]): {
            "name": "X",
            "email": "x@example.org",
            "gender": "undisclosed",
        },
        reverse("engagement_settings", args=["conf"]): _deadlines(invited=(3, 0)),
        reverse("engagement_open_registration", args=["conf"]): {"open": "on"},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 403, url
    for url in (
        *list(posts)[:3],
        reverse("engagement_batch", args=["conf", batch.pk]),
        reverse("engagement_batch_progress", args=["conf", batch.pk]),
    ):
        assert client.get(url).status_code == 403, url
    assert (TargetList.objects.count(), Invitee.objects.count()) == (1, 1)
    assert (DeadlineRule.objects.count(), EngagementSettings.objects.count()) == (0, 0)


def test_list_owner_adds_invitees_but_not_settings(client, owner, target_list):
    client.force_login(owner)
    assert (
        client.get(reverse("engagement_invitee_new", args=["conf", target_list.pk])).status_code
        == 200
    )
    assert client.get(reverse("engagement_settings", args=["conf"])).status_code == 403
    assert (
        client.post(reverse("engagement_open_registration", args=["conf"]), {"open": "on"})
    ).status_code == 403


def test_another_owner_cannot_add_to_the_list(client, admin, conference, target_list):
    other = factories.make_user(admin, "otherowner")
    pipeline.create_target_list(user=admin, conference=conference, name="Academia", owner=other)
    client.force_login(other)
    response = client.post(
        reverse("engagement_invitee_new", args=["conf", target_list.pk]),
        {"name": "X", "email": "x@example.org", "gender": "undisclosed"},
    )
    assert response.status_code == 403
    assert Invitee.objects.count() == 0


# --- The invitation batch's progress page ------------------------------------------------------


def test_send_redirects_to_the_batch_page(
    client, admin, target_list, django_capture_on_commit_callbacks, mailoutbox
):
    _fill(admin, target_list, 2)
    ids = list(target_list.invitees.values_list("pk", flat=True))
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("engagement_send", args=["conf", target_list.pk]),
            {"invitee": ids, "confirm": "1"},
        )
    batch = InvitationBatch.objects.get()
    assert response["Location"] == reverse("engagement_batch", args=["conf", batch.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    progress = page.context["progress"]
    assert (progress.sent, progress.failed, progress.total, progress.finished) == (2, 0, 2, True)
    assert b"2 sent, 0 failed, of 2" in page.content
    assert b"hx-get" not in page.content  # finished: no more polling
    assert len(mailoutbox) == 2


def test_progress_fragment_polls_while_queued(client, admin, target_list):
    _fill(admin, target_list, 3)
    batch = _queued_batch(admin, target_list)
    client.force_login(admin)
    url = reverse("engagement_batch_progress", args=["conf", batch.pk])
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'hx-get="{url}"'.encode() in response.content
    assert b'hx-trigger="every 1s"' in response.content
    assert b"0 sent, 0 failed, of 3" in response.content
    assert "HX-Refresh" not in response
    assert "HX-Request" in response["Vary"].split(", ")
    page = client.get(reverse("engagement_batch", args=["conf", batch.pk]))
    assert f'hx-get="{url}"'.encode() in page.content


def test_progress_fragment_reloads_the_page_when_done(client, admin, target_list):
    _fill(admin, target_list, 1)
    batch = _queued_batch(admin, target_list)
    invitations.run_batch(batch_id=batch.pk)
    client.force_login(admin)
    url = reverse("engagement_batch_progress", args=["conf", batch.pk])
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"
    assert b"1 sent, 0 failed, of 1" in response.content
    assert "HX-Refresh" not in client.get(url)  # a plain load is not told to refresh


def test_batch_page_lists_interrupted_sends(client, admin, target_list):
    _fill(admin, target_list, 2)
    batch = _queued_batch(admin, target_list)
    InvitationBatch.objects.filter(pk=batch.pk).update(state=BatchState.RUNNING)
    invitations.recover_interrupted_batches()
    client.force_login(admin)
    response = client.get(reverse("engagement_batch", args=["conf", batch.pk]))
    assert b"0 sent, 2 failed, of 2" in response.content
    assert [s.error for s in response.context["progress"].failures] == [INTERRUPTED] * 2


def test_batch_page_of_someone_else_is_not_found(client, admin, conference, target_list, owner):
    _fill(admin, target_list, 1)
    batch = _queued_batch(admin, target_list)
    client.force_login(owner)  # sees the list, but did not queue this batch
    assert client.get(reverse("engagement_batch", args=["conf", batch.pk])).status_code == 404
    mine = invitations.queue_invitations(
        user=owner,
        conference=conference,
        invitees=target_list.invitees.all(),
        base_url="http://testserver",
    )
    assert client.get(reverse("engagement_batch", args=["conf", mine.pk])).status_code == 200


@pytest.mark.parametrize("n", [2, 12])
def test_batch_page_query_count_does_not_grow(
    client, admin, target_list, n, django_assert_max_num_queries
):
    _fill(admin, target_list, n)
    batch = _queued_batch(admin, target_list)
    InvitationBatch.objects.filter(pk=batch.pk).update(state=BatchState.RUNNING)
    invitations.recover_interrupted_batches()
    client.force_login(admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("engagement_batch", args=["conf", batch.pk]))
    assert len(response.context["progress"].failures) == n
