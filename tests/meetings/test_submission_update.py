"""Changing a draft contribution to a meeting: its authors only, drafts only, atomic, audited,
and a replaced document's file is removed once the change is committed."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.meetings.domain import submissions as domain
from accord.meetings.models import Submission
from tests import factories

NAIROBI = ZoneInfo("Africa/Nairobi")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """Well before the default RPM's deadline."""
    monkeypatch.setattr(domain, "_now", lambda: dt.datetime(2026, 9, 1, tzinfo=NAIROBI))


@pytest.fixture
def draft(rpm, kenya, kenyan):
    return domain.create_submission(
        user=kenyan,
        meeting=rpm,
        delegation=kenya,
        title="Affordable connectivity",
        file=factories.contribution_file("first.txt"),
    )


def _changes():
    return [
        (e.action, e.changes)
        for e in AuditEntry.objects.filter(action="meeting.submission_changed").order_by("id")
    ]


def _state(pk):
    found = Submission.objects.get(pk=pk)
    cosponsors = sorted(d.organization.name for d in found.cosponsors.all())
    return (found.title, found.original_name, found.file.name, cosponsors)


def test_update_submission_changes_title_file_and_cosponsors_in_one_audit_entry(
    media, draft, kenyan, ghana, django_capture_on_commit_callbacks
):
    old_name = draft.file.name
    with django_capture_on_commit_callbacks(execute=True):
        domain.update_submission(
            user=kenyan,
            submission=draft,
            title="  Affordable connectivity for all ",
            file=SimpleUploadedFile("second.pdf", b"%PDF-1.7 second"),
            cosponsors=[ghana],
        )
    stored = Submission.objects.get(pk=draft.pk)
    assert (stored.title, stored.original_name, stored.size) == (
        "Affordable connectivity for all",
        "second.pdf",
        15,
    )
    assert stored.file.read() == b"%PDF-1.7 second"
    assert [d.organization.name for d in stored.cosponsors.all()] == ["Ghana"]
    assert (media / old_name).exists() is False
    assert _changes() == [
        (
            "meeting.submission_changed",
            {
                "title": ["Affordable connectivity", "Affordable connectivity for all"],
                "file": ["first.txt", "second.pdf"],
                "cosponsors": [[], ["Ghana"]],
            },
        )
    ]
    assert draft.title == "Affordable connectivity for all"


def test_update_submission_with_nothing_new_writes_no_audit_entry(draft, kenyan):
    domain.update_submission(user=kenyan, submission=draft, title="Affordable connectivity")
    assert _changes() == []


def test_a_cosponsor_is_an_author_and_may_change_the_draft(draft, kenyan, ghana, ghanaian):
    domain.update_submission(user=kenyan, submission=draft, cosponsors=[ghana])
    visible = Submission.objects.get(pk=draft.pk)
    domain.update_submission(user=ghanaian, submission=visible, title="Joint text")
    assert Submission.objects.get(pk=draft.pk).title == "Joint text"


def test_another_delegation_does_not_even_see_the_draft(draft, french):
    before = _state(draft.pk)
    with pytest.raises(NotFound):
        domain.update_submission(user=french, submission=draft, title="Hijacked")
    assert (_state(draft.pk), _changes()) == (before, [])


def test_the_secretariat_sees_a_draft_but_is_not_its_author(admin, draft):
    before = _state(draft.pk)
    with pytest.raises(NotAllowed):
        domain.update_submission(user=admin, submission=draft, title="Edited by staff")
    assert (_state(draft.pk), _changes()) == (before, [])


def test_a_submitted_contribution_is_not_changed(draft, kenyan):
    domain.submit_submission(user=kenyan, submission=draft)
    before = _state(draft.pk)
    with pytest.raises(DomainError, match="is submitted; only a draft is changed"):
        domain.update_submission(user=kenyan, submission=draft, title="Too late")
    assert (_state(draft.pk), _changes()) == (before, [])


def test_a_bad_replacement_file_changes_nothing_and_leaves_no_file(media, draft, kenyan):
    before = _state(draft.pk)
    files_before = sorted(p.name for p in media.rglob("*") if p.is_file())
    with pytest.raises(DomainError, match=r"x\.exe: a contribution must be a"):
        domain.update_submission(
            user=kenyan,
            submission=draft,
            title="New title",
            file=SimpleUploadedFile("x.exe", b"MZ"),
        )
    assert (_state(draft.pk), _changes()) == (before, [])
    assert sorted(p.name for p in media.rglob("*") if p.is_file()) == files_before


def test_an_empty_title_is_refused(draft, kenyan):
    with pytest.raises(DomainError, match="title"):
        domain.update_submission(user=kenyan, submission=draft, title="   ")


def test_a_cosponsor_from_another_conference_is_refused(admin, draft, kenyan):
    elsewhere = factories.make_conference(admin, slug="elsewhere")
    stranger = factories.make_delegation(admin, elsewhere, "BRA", name="Brazil")
    with pytest.raises(DomainError, match="is not at"):
        domain.update_submission(user=kenyan, submission=draft, cosponsors=[stranger])
    assert _changes() == []


def test_a_refused_write_in_the_transaction_removes_the_new_file(monkeypatch, media, draft, kenyan):
    before = sorted(p.name for p in media.rglob("*") if p.is_file())

    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(domain, "record", broken)
    with pytest.raises(RuntimeError):
        domain.update_submission(
            user=kenyan, submission=draft, file=factories.contribution_file("n.txt")
        )
    assert sorted(p.name for p in media.rglob("*") if p.is_file()) == before
    assert Submission.objects.get(pk=draft.pk).original_name == "first.txt"


SHORT_TXT = b"P.1 Affordable access: Expand access.\n\tP.1-a: Increased coverage\n"


def test_a_new_document_is_read_again(draft, kenyan):
    assert Submission.objects.get(pk=draft.pk).reading == factories.CONTRIBUTION_READING
    domain.update_submission(
        user=kenyan, submission=draft, file=SimpleUploadedFile("second.txt", SHORT_TXT)
    )
    expected = {
        "priorities": 1,
        "items": 1,
        "comments": 0,
        "positions": 0,
        "brackets": 0,
        "warnings": 0,
    }
    assert Submission.objects.get(pk=draft.pk).reading == expected
    assert draft.reading == expected
    domain.update_submission(
        user=kenyan, submission=draft, file=SimpleUploadedFile("third.pdf", b"%PDF-1.7")
    )
    assert (Submission.objects.get(pk=draft.pk).reading, draft.reading) == ({}, {})


def test_an_unreadable_replacement_changes_nothing_and_leaves_no_file(media, draft, kenyan):
    before = _state(draft.pk)
    files_before = sorted(p.name for p in media.rglob("*") if p.is_file())
    with pytest.raises(DomainError) as raised:
        domain.update_submission(
            user=kenyan,
            submission=draft,
            title="New title",
            file=SimpleUploadedFile("broken.docx", bytes(range(256))),
        )
    assert raised.value.message == (
        "broken.docx: a binary file; expected a Word (.docx) document or its plain-text export"
    )
    assert (_state(draft.pk), _changes()) == (before, [])
    assert Submission.objects.get(pk=draft.pk).reading == factories.CONTRIBUTION_READING
    assert sorted(p.name for p in media.rglob("*") if p.is_file()) == files_before
