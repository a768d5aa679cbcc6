"""The streamlining pages: corpora and runs, a run's progress and its clusters."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.streamlining import domain
from accord.streamlining.models import AnalysisRun, Corpus, Dismissal
from accord.streamlining.queries import visible_clusters
from tests import factories
from tests.streamlining.conftest import TEXTS, make_plan, needs_engine, needs_reader, run_now

pytestmark = pytest.mark.integration


@pytest.fixture
def plan(admin, conference):
    return make_plan(admin, conference)


@pytest.fixture
def analyse(django_capture_on_commit_callbacks):
    return lambda *args, **options: run_now(django_capture_on_commit_callbacks, *args, **options)


def test_streamlining_page_renders_for_secretariat(client, admin, conference, plan):
    client.force_login(admin)

    response = client.get(reverse("streamlining", args=[conference.slug]))

    assert response.status_code == 200
    assert b"Run analysis" in response.content
    assert b'enctype="multipart/form-data"' in response.content


def test_streamlining_page_forbidden_to_delegate(client, conference, delegate):
    client.force_login(delegate)

    response = client.get(reverse("streamlining", args=[conference.slug]))

    assert response.status_code == 403


@needs_reader
def test_corpus_import_by_upload(client, admin, conference):
    client.force_login(admin)
    upload = SimpleUploadedFile("res.txt", b"1. First resolution text\n2. Second one\n")

    response = client.post(
        reverse("streamlining_import", args=[conference.slug]),
        {"file": upload, "kind": "resolutions", "name": "Res"},
    )

    assert response.status_code == 302
    assert [t.number for t in Corpus.objects.get().texts.all()] == ["1", "2"]


@needs_reader
def test_corpus_import_error_shown_next_to_field(client, admin, conference):
    client.force_login(admin)
    upload = SimpleUploadedFile("bad.docx", b"not a Word file")

    response = client.post(
        reverse("streamlining_import", args=[conference.slug]),
        {"file": upload, "kind": "resolutions", "name": "Res"},
    )

    assert response.status_code == 400
    assert b'id="id_file_error"' in response.content
    assert Corpus.objects.count() == 0


def test_run_start_redirects_to_run_page(client, admin, conference, plan):
    client.force_login(admin)

    response = client.post(
        reverse("streamlining_start", args=[conference.slug]),
        {"version": plan.pk, "method": "lexical"},
    )

    run = AnalysisRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("streamlining_run", args=[conference.slug, run.pk])


def test_run_page_while_queued_polls_progress(client, admin, conference, plan):
    client.force_login(admin)
    run = domain.start_analysis(user=admin, conference=conference, version=plan)  # not run yet

    response = client.get(reverse("streamlining_run", args=[conference.slug, run.pk]))

    assert response.status_code == 200
    assert b"<progress" in response.content
    assert b'hx-trigger="every 1s"' in response.content


@needs_engine
def test_progress_fragment_asks_refresh_when_done(client, admin, conference, plan, analyse):
    client.force_login(admin)
    run = analyse(admin, conference, plan)
    url = reverse("streamlining_progress", args=[conference.slug, run.pk])

    response = client.get(url, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    assert b'value="100"' in response.content


@needs_engine
def test_run_page_shows_cluster_highlighted(client, admin, conference, plan, analyse):
    client.force_login(admin)
    run = analyse(admin, conference, plan)

    response = client.get(reverse("streamlining_run", args=[conference.slug, run.pk]))

    assert response.status_code == 200
    assert b"<mark>" in response.content
    assert b"Propose merge" in response.content
    assert b"D.1-b" not in response.content


@needs_engine
def test_dismiss_requires_reason(client, admin, conference, plan, analyse):
    client.force_login(admin)
    run = analyse(admin, conference, plan)
    url = reverse("streamlining_dismiss", args=[conference.slug, run.pk])

    response = client.post(url, {"a": "D.1-a", "b": "D.2-a", "reason": ""})

    assert response.status_code == 400
    assert b'id="id_reason_error"' in response.content
    assert Dismissal.objects.count() == 0


@needs_engine
def test_dismiss_hides_pair_and_lists_it(client, admin, conference, plan, analyse):
    client.force_login(admin)
    run = analyse(admin, conference, plan)
    url = reverse("streamlining_dismiss", args=[conference.slug, run.pk])

    client.post(url, {"a": "D.1-a", "b": "D.2-a", "reason": "Different regions"})
    response = client.get(reverse("streamlining_run", args=[conference.slug, run.pk]))

    assert b"Propose merge" not in response.content
    assert b"Different regions" in response.content


@needs_engine
def test_restore_shows_a_dismissed_pair_again(client, admin, conference, plan, analyse):
    client.force_login(admin)
    run = analyse(admin, conference, plan)
    dismissal = domain.dismiss_pair(
        user=admin, conference=conference, a="D.1-a", b="D.2-a", reason="Different regions"
    )
    page = reverse("streamlining_run", args=[conference.slug, run.pk])
    restore = reverse("streamlining_restore", args=[conference.slug, run.pk, dismissal.pk])
    assert restore.encode() in client.get(page).content

    response = client.post(restore)

    assert (response.status_code, response["Location"]) == (302, page)
    assert b"Propose merge" in client.get(page).content
    assert Dismissal.objects.count() == 0


def test_restore_forbidden_to_delegate(client, admin, conference, plan, delegate):
    run = domain.start_analysis(user=admin, conference=conference, version=plan)
    dismissal = domain.dismiss_pair(
        user=admin, conference=conference, a="D.1-a", b="D.2-a", reason="Different regions"
    )
    client.force_login(delegate)

    response = client.post(
        reverse("streamlining_restore", args=[conference.slug, run.pk, dismissal.pk])
    )

    assert response.status_code == 403
    assert Dismissal.objects.count() == 1


@needs_engine
def test_propose_merge_redirects_to_contribution(client, admin, conference, plan, analyse):
    client.force_login(admin)
    delegation = factories.make_delegation(admin, conference, "KEN")
    run = analyse(admin, conference, plan)

    response = client.post(
        reverse("streamlining_merge", args=[conference.slug, run.pk]),
        {"cluster": 0, "delegation": delegation.pk},
    )

    contribution = delegation.contributions.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("contribution", args=[conference.slug, contribution.pk])


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@needs_engine
def test_run_page_queries_do_not_grow_with_clusters(client, admin, conference, analyse):
    client.force_login(admin)
    factories.make_delegation(admin, conference, "KEN")
    few = make_plan(admin, conference)
    many_texts = dict(TEXTS)
    words = [
        "spectrum",
        "satellite",
        "orbit",
        "tariff",
        "roaming",
        "postal",
        "archive",
        "school",
        "clinic",
        "farm",
    ]
    for n in range(3, 7):  # four more clusters of near-duplicates, each on its own subject
        base = " ".join(f"{word}{'abcd'[n - 3]}" for word in words)
        many_texts[f"D.{n}-a"] = base
        many_texts[f"D.{n}-b"] = base + " together"
    other = factories.make_conference(admin, slug="other")
    many = make_plan(admin, other, many_texts)
    one = analyse(admin, conference, few)
    several = analyse(admin, other, many)
    factories.make_delegation(admin, other, "KEN")

    assert (len(visible_clusters(one, {})), len(visible_clusters(several, {}))) == (1, 5)
    assert _queries(client, reverse("streamlining_run", args=[other.slug, several.pk])) == _queries(
        client, reverse("streamlining_run", args=[conference.slug, one.pk])
    )
