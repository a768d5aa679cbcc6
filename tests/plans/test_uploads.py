from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.plans.domain.uploads import (
    confirm_upload,
    discard_upload,
    review_upload,
    stage_document,
)
from accord.plans.models import DocumentUpload, PlanItem, PlanVersion
from tests import factories

pytestmark = pytest.mark.integration

SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/samples/regional-priorities-working-document.txt"
)
SAMPLE_NAME = "regional-priorities-working-document.txt"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def sample_file():
    return SimpleUploadedFile(SAMPLE_NAME, SAMPLE.read_bytes(), content_type="text/plain")


@pytest.fixture
def delegate(admin, conference):
    return factories.make_delegate(admin, factories.make_delegation(admin, conference), "del")


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def _stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_stage_document_sample_reports_items_and_warnings_without_a_version(
    admin, conference, sample_file
):
    upload, report, document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file, label="After RPM"
    )

    assert (report.dry_run, report.version_number) == (True, None)
    assert (report.priorities, report.items, report.comments, report.positions) == (3, 19, 14, 18)
    assert len(report.warnings) == 6
    assert report.warnings[2].message == "identifier 'P.-2-b' read as 'P.2-b'"
    assert len(document.items()) == 19
    assert (upload.state, upload.original_name, upload.size, upload.label) == (
        "staged",
        SAMPLE_NAME,
        SAMPLE.stat().st_size,
        "After RPM",
    )
    assert upload.uploaded_by == admin
    assert default_storage.open(upload.file.name).read() == SAMPLE.read_bytes()
    assert PlanVersion.objects.count() == 0
    assert PlanItem.objects.count() == 0
    assert list(
        AuditEntry.objects.filter(target_type="plans.documentupload").values_list(
            "action", flat=True
        )
    ) == ["plan.document_staged"]


def test_stage_document_stores_under_a_random_name_in_the_uploads_folder(
    admin, conference, sample_file
):
    upload, _report, _document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file
    )

    folder, name = upload.file.name.rsplit("/", 1)
    assert folder.startswith("uploads/") and folder.count("/") == 2
    assert name.endswith(".txt") and len(name) == len("0" * 24 + ".txt")


def test_review_upload_repeats_the_dry_run(admin, conference, sample_file):
    upload, staged, _document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file
    )

    report, document = review_upload(user=admin, upload=upload)

    assert report == staged
    assert document.source == SAMPLE_NAME
    assert PlanVersion.objects.count() == 0


def test_confirm_upload_creates_a_draft_version_and_marks_the_upload(
    admin, conference, sample_file
):
    upload, _report, _document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file, label="After RPM"
    )

    report = confirm_upload(user=admin, upload=upload)

    version = PlanVersion.objects.get()
    assert (report.dry_run, report.version_number, report.items) == (False, 1, 19)
    assert (version.number, version.state, version.label, version.source) == (
        1,
        "draft",
        "After RPM",
        SAMPLE_NAME,
    )
    assert version.items.count() == 19
    upload.refresh_from_db()
    assert (upload.state, upload.imported_version) == ("imported", version)
    assert default_storage.exists(upload.file.name)
    entry = AuditEntry.objects.get(action="plan.document_imported")
    assert (entry.actor, entry.changes) == (
        admin,
        {"state": ["staged", "imported"], "version": [None, 1]},
    )


def test_confirm_upload_without_label_names_the_original_file(admin, conference, sample_file):
    upload, _report, _document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file
    )

    confirm_upload(user=admin, upload=upload)

    assert PlanVersion.objects.get().label == f"Imported from {SAMPLE_NAME}"


def test_confirm_upload_twice_is_refused(admin, conference, sample_file):
    upload, _report, _document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file
    )
    confirm_upload(user=admin, upload=upload)
    stale = DocumentUpload.objects.get(pk=upload.pk)
    stale.state = "staged"  # a second request still holding the page of the staged upload
    before = _row_counts()

    with pytest.raises(DomainError) as error:
        confirm_upload(user=admin, upload=stale)

    assert error.value.message == (
        f"{SAMPLE_NAME} has already been imported as version 1; "
        "upload it again to import another copy."
    )
    assert _row_counts() == before


def test_discard_upload_removes_the_file_and_keeps_the_row(
    admin, conference, sample_file, settings, django_capture_on_commit_callbacks
):
    upload, _report, _document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file
    )
    stored = upload.file.name

    with django_capture_on_commit_callbacks(execute=True):
        discard_upload(user=admin, upload=upload)

    assert not default_storage.exists(stored)
    assert _stored_files(settings) == []
    upload.refresh_from_db()
    assert (upload.state, upload.file.name) == ("discarded", "")
    assert AuditEntry.objects.filter(action="plan.document_discarded").count() == 1


def test_confirm_upload_after_discard_is_refused(
    admin, conference, sample_file, django_capture_on_commit_callbacks
):
    upload, _report, _document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file
    )
    with django_capture_on_commit_callbacks(execute=True):
        discard_upload(user=admin, upload=upload)

    with pytest.raises(DomainError) as error:
        confirm_upload(user=admin, upload=upload)

    assert error.value.message == f"{SAMPLE_NAME} was discarded; upload it again to import it."
    assert PlanVersion.objects.count() == 0


def test_stage_document_by_delegate_is_refused(delegate, conference, sample_file, settings):
    before = _row_counts()

    with pytest.raises(NotAllowed):
        stage_document(user=delegate, conference=conference, uploaded_file=sample_file)

    assert _row_counts() == before
    assert _stored_files(settings) == []


def test_confirm_and_discard_by_delegate_are_refused(
    admin, delegate, conference, sample_file, django_capture_on_commit_callbacks
):
    upload, _report, _document = stage_document(
        user=admin, conference=conference, uploaded_file=sample_file
    )
    before = _row_counts()

    for act in (confirm_upload, discard_upload, review_upload):
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(NotAllowed):
            act(user=delegate, upload=upload)

    assert _row_counts() == before
    assert default_storage.exists(upload.file.name)
    upload.refresh_from_db()
    assert upload.state == "staged"


def test_stage_document_by_chair_is_allowed(admin, conference, sample_file):
    factories.make_plan_version(admin, conference)
    chair = factories.make_chair(admin, conference)

    upload, report, _document = stage_document(
        user=chair, conference=conference, uploaded_file=sample_file
    )

    assert (upload.uploaded_by, report.items) == (chair, 19)


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
            "photo.docx",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "photo.docx: a binary file; expected a Word (.docx) document or its plain-text export",
        ),
        (
            "minutes.txt",
            b"Minutes of the meeting\nNothing was decided.\n",
            "minutes.txt: no recognisable priorities or items; expected paragraphs such as "
            "'D.1 Title' and 'D.1-a: outcome text'",
        ),
    ],
)
def test_stage_document_bad_file_is_refused_and_leaves_nothing(
    admin, conference, settings, name, content, message
):
    before = _row_counts()

    with pytest.raises(DomainError) as error:
        stage_document(
            user=admin, conference=conference, uploaded_file=SimpleUploadedFile(name, content)
        )

    assert (error.value.message, error.value.field) == (message, "file")
    assert _row_counts() == before
    assert DocumentUpload.objects.count() == 0
    assert _stored_files(settings) == []


def test_stage_document_duplicate_identifiers_are_refused_naming_the_file(
    admin, conference, settings
):
    text = b"P.1 Access\nP.1-a: First outcome\nP.1-a: Second outcome with the same id\n"

    with pytest.raises(DomainError) as error:
        stage_document(
            user=admin, conference=conference, uploaded_file=SimpleUploadedFile("dup.txt", text)
        )

    assert error.value.message.startswith("dup.txt: item P.1-a appears twice (")
    assert DocumentUpload.objects.count() == 0
    assert _stored_files(settings) == []


def test_stage_document_over_the_size_limit_is_refused_before_storing(admin, conference, settings):
    big = SimpleUploadedFile("huge.docx", b"PK\x03\x04")
    big.size = 150 * 2**20

    with pytest.raises(DomainError) as error:
        stage_document(user=admin, conference=conference, uploaded_file=big)

    assert error.value.message == (
        "huge.docx: the file is 150.0 MB, more than the 100 MB a working document may have"
    )
    assert _stored_files(settings) == []


def test_stage_document_keeps_only_the_base_name_of_the_file(admin, conference):
    text = SAMPLE.read_bytes()

    upload, _report, _document = stage_document(
        user=admin,
        conference=conference,
        uploaded_file=SimpleUploadedFile("C:\\Users\\me\\plan.txt", text),
    )

    assert upload.original_name == "plan.txt"
