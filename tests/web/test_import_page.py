import re
from html import unescape
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.plans.domain.uploads import stage_document
from accord.plans.models import DocumentUpload, PlanVersion
from tests import factories

pytestmark = pytest.mark.integration

SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/samples/regional-priorities-working-document.txt"
)
SAMPLE_NAME = "regional-priorities-working-document.txt"
SAMPLE_WARNINGS = [
    ("line 32", "comment author 'Gonzalez, Maria' read as 'Maria Gonzalez'"),
    ("line 59", "comment author 'Lee, Tom' read as 'Tom Lee'"),
    ("line 59, P.2-b", "identifier 'P.-2-b' read as 'P.2-b'"),
    ("line 62, P.2-2", "identifier 'P.2 -2' read as 'P.2-2'"),
    ("line 72", "comment author 'Gonzalez, Maria [2]' read as 'Maria Gonzalez'"),
    ("line 72, P.2-3", "unbalanced bracket: '[' at offset 0 is never closed"),
]
SAMPLE_ITEMS = [
    "P.1-a", "P.1-b", "P.1-c", "P.1-1", "P.1-2", "P.1-3", "P.1-d",
    "P.2-a", "P.2-b", "P.2-c", "P.2-1", "P.2-2", "P.2-3",
    "P.3-a", "P.3-b", "P.3-1", "P.3-2", "P.3-c", "P.3-3",
]  # fmt: skip
FORM = '<form class="form import-form" method="post" enctype="multipart/form-data" action="/c/conf/plan/import/" novalidate>'


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


def _sample():
    return SimpleUploadedFile(SAMPLE_NAME, SAMPLE.read_bytes(), content_type="text/plain")


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def _stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _cells(html, pattern):
    """Every match of ``pattern``: its group unescaped, or a tuple of its groups."""
    return [
        unescape(row) if isinstance(row, str) else tuple(unescape(part) for part in row)
        for row in re.findall(pattern, html, re.S)
    ]


def _upload(client, file, label=""):
    return client.post(reverse("plan_import", args=["conf"]), {"file": file, "label": label})


# The form on the conference page


def test_import_form_shown_to_chair(client, chair, draft):
    client.force_login(chair)

    response = client.get(reverse("conference", args=["conf"]))

    assert FORM in response.text
    assert '<h2 id="import-heading">Import a working document</h2>' in response.text
    assert (
        '<input type="file" name="file" accept=".docx,.txt,application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document,text/plain" required '
        'aria-describedby="id_file_helptext" id="id_file">'
    ) in response.text


def test_import_form_shown_to_secretariat(client, admin, conference):
    client.force_login(admin)

    response = client.get(reverse("conference", args=["conf"]))

    assert FORM in response.text


@pytest.mark.parametrize("who", ["delegate", "observer", "outsider", "anonymous"])
def test_import_form_hidden_from_non_editors(client, admin, conference, draft, delegate, who):
    accounts = {
        "delegate": lambda: delegate,
        "observer": lambda: factories.make_observer(admin, conference),
        "outsider": lambda: factories.make_user(admin, "outsider"),
    }
    if who != "anonymous":
        client.force_login(accounts[who]())

    response = client.get(reverse("conference", args=["conf"]))

    assert response.status_code == 200
    assert "import-form" not in response.text
    assert response.context["import_form"] is None


# Uploading and the report


def test_upload_sample_redirects_to_its_report(client, chair, draft):
    client.force_login(chair)

    response = _upload(client, _sample(), label="After the RPM")

    upload = DocumentUpload.objects.get()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/c/conf/plan/import/{upload.pk}/"
    assert (upload.state, upload.uploaded_by, upload.label) == ("staged", chair, "After the RPM")
    assert PlanVersion.objects.count() == 1


def test_report_lists_counts_warnings_and_items_exactly(client, chair, draft):
    client.force_login(chair)
    location = _upload(client, _sample()).headers["Location"]

    response = client.get(location)

    html = response.text
    assert response.status_code == 200
    assert response.context["report"].items == 19
    assert f'<dd class="upload-facts__file">{SAMPLE_NAME} <span class="unit">(' in html
    figures = _cells(
        html,
        r'<li class="figure[^"]*"><span class="figure__value">(\d+)</span> '
        r'<span class="figure__label">([^<]+)</span></li>',
    )
    assert figures == [
        ("3", "priorities"),
        ("19", "items"),
        ("14", "comments"),
        ("18", "positions"),
        ("0", "proposed changes"),
        ("6", "warnings"),
    ]
    warnings = _cells(html, r'<td class="report-warnings__where">(.*?)</td><td>(.*?)</td>')
    assert warnings == SAMPLE_WARNINGS
    items = _cells(html, r'<th scope="row" class="report-items__code">(.*?)</th>')
    assert items == SAMPLE_ITEMS
    captions = _cells(html, r'<caption><span class="report-items__code">(.*?)</span>')
    assert captions == ["P.1", "P.2", "P.3"]
    assert "Confirm import" in html and "Importing…" in html
    assert PlanVersion.objects.count() == 1


def test_report_shows_derived_status_and_counts_of_an_item(client, chair, draft):
    client.force_login(chair)
    location = _upload(client, _sample()).headers["Location"]

    response = client.get(location)

    row = re.search(
        r'<th scope="row" class="report-items__code">P.1-d</th>(.*?)</tr>', response.text, re.S
    ).group(1)
    cells = [re.sub(r"<[^>]+>", "", cell).split() for cell in re.findall(r"<td.*?</td>", row, re.S)]
    assert cells[:5] == [
        ["Outcome"],
        ["For", "further", "discussion"],
        ["Disputed", "derived"],
        ["1"],
        ["3"],
    ]


def test_confirm_imports_and_redirects_to_the_new_version(client, chair, draft):
    client.force_login(chair)
    _upload(client, _sample(), label="After the RPM")
    upload = DocumentUpload.objects.get()

    response = client.post(reverse("plan_import_confirm", args=["conf", upload.pk]))

    assert response.status_code == 302
    assert response.headers["Location"] == "/c/conf/plan/?version=2"
    version = PlanVersion.objects.get(number=2)
    assert (version.state, version.label, version.items.count()) == ("draft", "After the RPM", 19)
    upload.refresh_from_db()
    assert (upload.state, upload.imported_version) == ("imported", version)
    page = client.get(response.headers["Location"])
    assert page.context["version"] == version
    assert (
        '<div class="alert alert--success" role="alert"><p>'
        f"{SAMPLE_NAME} was imported as version 2 of the Action Plan, a draft.</p></div>"
    ) in page.text


def test_confirm_with_htmx_tells_the_browser_where_to_go(client, chair, draft):
    client.force_login(chair)
    _upload(client, _sample())
    upload = DocumentUpload.objects.get()

    response = client.post(
        reverse("plan_import_confirm", args=["conf", upload.pk]), headers={"HX-Request": "true"}
    )

    assert (response.status_code, response.headers["HX-Redirect"]) == (
        200,
        "/c/conf/plan/?version=2",
    )
    assert PlanVersion.objects.filter(number=2).exists()


def test_confirm_twice_shows_the_refusal_on_the_report(client, chair, draft):
    client.force_login(chair)
    _upload(client, _sample())
    upload = DocumentUpload.objects.get()
    url = reverse("plan_import_confirm", args=["conf", upload.pk])
    client.post(url)
    before = _row_counts()

    response = client.post(url, follow=True)

    assert response.redirect_chain == [(f"/c/conf/plan/import/{upload.pk}/", 302)]
    assert (
        f"{SAMPLE_NAME} has already been imported as version 2; "
        "upload it again to import another copy."
    ) in response.text
    assert "This document was imported as version 2." in response.text
    assert "Confirm import" not in response.text
    assert _row_counts() == before


def test_discard_deletes_the_file_and_goes_back_to_the_conference(
    client, chair, draft, settings, django_capture_on_commit_callbacks
):
    client.force_login(chair)
    _upload(client, _sample())
    upload = DocumentUpload.objects.get()
    stored = upload.file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plan_import_discard", args=["conf", upload.pk]))

    assert response.headers["Location"] == "/c/conf/"
    assert not default_storage.exists(stored)
    assert _stored_files(settings) == []
    upload.refresh_from_db()
    assert upload.state == "discarded"
    assert PlanVersion.objects.count() == 1
    page = client.get("/c/conf/")
    assert f"{SAMPLE_NAME} was discarded; nothing was imported." in page.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "empty.txt",
            b"",
            "empty.txt: the file is empty; "
            "expected a Word (.docx) document or its plain-text export",
        ),
        (
            "scan.docx",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "scan.docx: a PDF file; expected a Word (.docx) document or its plain-text export",
        ),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "photo.txt: a binary file; expected a Word (.docx) document or its plain-text export",
        ),
        (
            "minutes.txt",
            b"Minutes of the meeting\nNothing was decided.\n",
            "minutes.txt: no recognisable priorities or items; expected paragraphs such as "
            "'D.1 Title' and 'D.1-a: outcome text'",
        ),
        (
            "broken.docx",
            b"PK\x03\x04 not really a zip",
            "broken.docx: the Word document is damaged: the ZIP archive is truncated or "
            "corrupt; save it again from Word or LibreOffice",
        ),
    ],
)
def test_bad_upload_shows_the_message_by_the_field_and_changes_nothing(
    client, chair, draft, settings, name, content, message
):
    client.force_login(chair)
    before = _row_counts()

    response = _upload(client, SimpleUploadedFile(name, content))

    assert response.status_code == 200
    error = re.search(r'<p class="field__error" id="id_file_error">(.*?)</p>', response.text)
    assert unescape(error.group(1)) == message
    assert 'aria-invalid="true" aria-describedby="id_file_helptext id_file_error"' in response.text
    assert _row_counts() == before
    assert _stored_files(settings) == []


def test_upload_by_chair_into_a_conference_without_a_plan_explains_why(
    client, chair, conference, settings
):
    client.force_login(chair)
    before = _row_counts()

    response = _upload(client, _sample())

    assert response.status_code == 200
    assert (
        '<div class="alert alert--error" role="alert">\n'
        "      <p>Only the secretariat creates the Action Plan.</p>\n"
        "    </div>"
    ) in response.text
    assert _row_counts() == before
    assert _stored_files(settings) == []


def test_upload_without_a_file_asks_for_one(client, chair, draft):
    client.force_login(chair)
    before = _row_counts()

    response = client.post(reverse("plan_import", args=["conf"]), {"label": "x"})

    assert response.status_code == 200
    assert (
        '<p class="field__error" id="id_file_error">Choose the working document to upload.</p>'
    ) in response.text
    assert _row_counts() == before


def test_import_page_shows_the_form_and_staged_uploads(client, admin, chair, draft):
    stage_document(user=admin, conference=draft.plan.conference, uploaded_file=_sample())
    client.force_login(chair)

    response = client.get(reverse("plan_import", args=["conf"]))

    upload = DocumentUpload.objects.get()
    assert FORM in response.text
    assert f'<a href="/c/conf/plan/import/{upload.pk}/">{SAMPLE_NAME}</a>' in response.text


def test_import_page_reads_staged_uploads_in_one_query(client, admin, chair, draft):
    conference = draft.plan.conference
    stage_document(user=admin, conference=conference, uploaded_file=_sample())
    client.force_login(chair)
    client.get(reverse("plan_import", args=["conf"]))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("plan_import", args=["conf"]))
    for _ in range(3):
        stage_document(user=chair, conference=conference, uploaded_file=_sample())

    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("plan_import", args=["conf"]))

    assert len(response.context["staged"]) == 4
    assert len(many) == len(one)


# Who may do it


def test_delegate_upload_is_forbidden_and_changes_nothing(client, delegate, draft, settings):
    client.force_login(delegate)
    before = _row_counts()

    response = _upload(client, _sample())

    assert response.status_code == 403
    assert _row_counts() == before
    assert _stored_files(settings) == []


def test_delegate_cannot_open_confirm_or_discard_an_upload(client, admin, delegate, draft):
    upload, _report, _document = stage_document(
        user=admin, conference=draft.plan.conference, uploaded_file=_sample()
    )
    client.force_login(delegate)
    before = _row_counts()

    responses = [
        client.get(reverse("plan_import", args=["conf"])),
        client.get(reverse("plan_import_report", args=["conf", upload.pk])),
        client.post(reverse("plan_import_confirm", args=["conf", upload.pk])),
        client.post(reverse("plan_import_discard", args=["conf", upload.pk])),
    ]

    assert [r.status_code for r in responses] == [403, 403, 403, 403]
    assert _row_counts() == before
    upload.refresh_from_db()
    assert upload.state == "staged"


def test_anonymous_upload_is_forbidden(client, draft, settings):
    response = _upload(client, _sample())

    assert response.status_code == 403
    assert DocumentUpload.objects.count() == 0
    assert _stored_files(settings) == []


def test_private_conference_import_is_404_for_anonymous_and_403_for_outsider(
    client, admin, private_conference, outsider
):
    url = reverse("plan_import", args=["closed"])

    anonymous = client.get(url)
    client.force_login(outsider)
    signed_in = client.get(url)

    assert (anonymous.status_code, signed_in.status_code) == (404, 403)


def test_report_of_another_conference_upload_is_404(client, admin, draft):
    other = factories.make_conference(admin, slug="other")
    upload, _report, _document = stage_document(
        user=admin, conference=draft.plan.conference, uploaded_file=_sample()
    )
    client.force_login(admin)

    response = client.get(reverse("plan_import_report", args=[other.slug, upload.pk]))

    assert response.status_code == 404


def test_upload_without_csrf_token_is_refused(chair, draft, settings):
    client = Client(enforce_csrf_checks=True)
    client.force_login(chair)
    before = _row_counts()

    response = _upload(client, _sample())

    assert response.status_code == 403
    assert _row_counts() == before
    assert _stored_files(settings) == []


def test_confirm_without_csrf_token_is_refused(admin, chair, draft):
    upload, _report, _document = stage_document(
        user=admin, conference=draft.plan.conference, uploaded_file=_sample()
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(chair)

    response = client.post(reverse("plan_import_confirm", args=["conf", upload.pk]))

    assert response.status_code == 403
    assert PlanVersion.objects.count() == 1


def test_confirm_answers_get_with_405(client, admin, chair, draft):
    upload, _report, _document = stage_document(
        user=admin, conference=draft.plan.conference, uploaded_file=_sample()
    )
    client.force_login(chair)

    response = client.get(reverse("plan_import_confirm", args=["conf", upload.pk]))

    assert response.status_code == 405
