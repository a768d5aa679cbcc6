import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.meetings.domain import submissions as domain
from accord.meetings.enums import DocumentKind
from accord.meetings.models import Submission, SubmissionStatus
from accord.meetings.queries import submissions as queries
from accord.reference.models import RegionalOrganization
from tests import factories

NAIROBI = ZoneInfo("Africa/Nairobi")
# The default RPM starts 2026-10-20 in Nairobi; contributions are due 14 days before, so the
# deadline ends at midnight between 6 and 7 October, Nairobi time (21:00 UTC on the 6th).
DEADLINE_END = dt.datetime(2026, 10, 7, 0, 0, tzinfo=NAIROBI)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """Five days before the deadline unless a test moves the clock."""
    monkeypatch.setattr(domain, "_now", lambda: DEADLINE_END - dt.timedelta(days=5))


def _file(name="proposal.txt", content=factories.CONTRIBUTION_TXT):
    return SimpleUploadedFile(name, content)


def _draft(user, meeting, delegation, **fields):
    values = {"title": "Affordable connectivity", "file": _file()} | fields
    return domain.create_submission(user=user, meeting=meeting, delegation=delegation, **values)


def _at(monkeypatch, when):
    monkeypatch.setattr(domain, "_now", lambda: when)


def test_deadline_end_is_midnight_after_the_deadline_day_in_the_meeting_timezone(rpm):
    assert rpm.contribution_deadline == dt.date(2026, 10, 6)
    assert domain.deadline_end(rpm) == DEADLINE_END
    assert domain.deadline_end(rpm) == dt.datetime(2026, 10, 6, 21, 0, tzinfo=dt.UTC)


def test_is_late_one_second_before_and_at_the_end_of_the_day(rpm):
    assert domain.is_late(rpm, DEADLINE_END - dt.timedelta(seconds=1)) is False
    assert domain.is_late(rpm, DEADLINE_END) is True


def test_is_late_follows_the_meeting_clock_not_utc(admin, conference):
    from tests.meetings.conftest import make_meeting

    lima = make_meeting(admin, conference, "RPM-AMS", region="AMS", timezone="America/Lima")
    # 23:30 in Lima on the deadline day is already the next day in UTC: still on time.
    evening = dt.datetime(2026, 10, 6, 23, 30, tzinfo=ZoneInfo("America/Lima"))
    assert domain.is_late(lima, evening) is False
    assert domain.is_late(lima, evening + dt.timedelta(minutes=30)) is True


def test_submit_just_before_the_deadline_is_on_time(monkeypatch, rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya)
    _at(monkeypatch, DEADLINE_END - dt.timedelta(seconds=1))
    submitted = domain.submit_submission(user=kenyan, submission=draft)
    assert (submitted.status, submitted.late, submitted.symbol) == (
        SubmissionStatus.SUBMITTED,
        False,
        "RPM-AFR/1",
    )
    assert domain.lateness(submitted) is None


def test_submit_just_after_the_deadline_is_accepted_and_flagged_late(
    monkeypatch, rpm, kenya, kenyan
):
    draft = _draft(kenyan, rpm, kenya)
    _at(monkeypatch, DEADLINE_END + dt.timedelta(hours=2, minutes=5))
    submitted = domain.submit_submission(user=kenyan, submission=draft)
    assert (submitted.status, submitted.late) == (SubmissionStatus.SUBMITTED, True)
    assert domain.lateness(submitted) == dt.timedelta(hours=2, minutes=5)
    row = queries.submissions_of(kenyan, rpm).rows[0]
    assert (row.lateness, row.late_label) == (dt.timedelta(hours=2, minutes=5), "2 h 5 min")


def test_submit_files_the_document_among_the_meetings_documents(monkeypatch, rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya)
    _at(monkeypatch, DEADLINE_END - dt.timedelta(days=3))
    domain.submit_submission(user=kenyan, submission=draft)
    document = rpm.documents.get()
    assert (document.symbol, document.kind, document.title, document.original_name) == (
        "RPM-AFR/1",
        DocumentKind.CONTRIBUTION,
        "Affordable connectivity",
        "proposal.txt",
    )
    with document.file.open("rb") as handle:
        assert handle.read() == factories.CONTRIBUTION_TXT
    actions = list(
        AuditEntry.objects.filter(action__startswith="meeting.submission")
        .values_list("action", flat=True)
        .order_by("id")
    )
    assert actions == ["meeting.submission_created", "meeting.submission_submitted"]


def test_symbols_skip_numbers_already_taken(monkeypatch, admin, rpm, kenya, kenyan):
    from accord.meetings.domain import attach_document

    attach_document(user=admin, meeting=rpm, symbol="RPM-AFR/1", title="Agenda", kind="agenda")
    attach_document(user=admin, meeting=rpm, symbol="RPM-AFR/2", title="Info", kind="information")
    rpm.documents.get(symbol="RPM-AFR/1").delete()
    submitted = domain.submit_submission(user=kenyan, submission=_draft(kenyan, rpm, kenya))
    assert submitted.symbol == "RPM-AFR/3"


def test_submitting_twice_is_refused(rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya)
    domain.submit_submission(user=kenyan, submission=draft)
    with pytest.raises(DomainError, match="already submitted"):
        domain.submit_submission(user=kenyan, submission=draft)


def test_submitting_without_a_document_is_refused(rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya, file=None)
    with pytest.raises(DomainError, match="Upload the document"):
        domain.submit_submission(user=kenyan, submission=draft)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ", "must be a .docx, .pdf, .txt file"),
        ("empty.txt", b"", "the file is empty"),
        ("huge.pdf", b"x" * (domain.MAX_BYTES + 1), "up to 10 MB"),
    ],
)
def test_bad_files_are_refused_with_the_file_name(rpm, kenya, kenyan, name, content, message):
    with pytest.raises(DomainError, match=message) as raised:
        _draft(kenyan, rpm, kenya, file=_file(name, content))
    assert raised.value.field == "file"
    assert raised.value.message.startswith(name)


def test_delegates_act_only_for_their_own_delegation(rpm, kenya, ghanaian):
    with pytest.raises(NotAllowed, match="your own delegation"):
        _draft(ghanaian, rpm, kenya)


def test_only_the_submitting_delegation_submits(rpm, kenya, ghana, kenyan, ghanaian):
    draft = _draft(kenyan, rpm, kenya, cosponsors=[ghana])
    with pytest.raises(NotAllowed, match="acts for the submitting delegation"):
        domain.submit_submission(user=ghanaian, submission=draft)


def test_a_draft_is_seen_by_its_authors_and_the_secretariat_only(
    admin, conference, rpm, kenya, ghana, kenyan, ghanaian, french
):
    draft = _draft(kenyan, rpm, kenya, cosponsors=[ghana])
    chair = factories.make_chair(admin, conference)
    seen = {
        name: [row.submission.pk for row in queries.submissions_of(user, rpm).rows]
        for name, user in [
            ("kenyan", kenyan),
            ("ghanaian", ghanaian),
            ("admin", admin),
            ("french", french),
            ("chair", chair),
            ("public", AnonymousUser()),
        ]
    }
    assert seen == {
        "kenyan": [draft.pk],
        "ghanaian": [draft.pk],
        "admin": [draft.pk],
        "french": [],
        "chair": [],
        "public": [],
    }
    with pytest.raises(NotFound):
        queries.find_submission(french, rpm, draft.pk)


def test_a_submitted_contribution_is_seen_by_participants_not_the_public(
    rpm, kenya, kenyan, french
):
    draft = _draft(kenyan, rpm, kenya)
    domain.submit_submission(user=kenyan, submission=draft)
    assert [r.submission.pk for r in queries.submissions_of(french, rpm).rows] == [draft.pk]
    assert queries.submissions_of(AnonymousUser(), rpm).rows == []


def test_public_conference_still_shows_the_public_no_contribution(admin, rpm, kenya, kenyan):
    from accord.conferences.models import Conference

    Conference.objects.filter(pk=rpm.conference_id).update(is_public=True)
    rpm.conference.refresh_from_db()
    domain.submit_submission(user=kenyan, submission=_draft(kenyan, rpm, kenya))
    assert queries.submissions_of(AnonymousUser(), rpm).rows == []


def test_late_contribution_must_be_admitted_before_it_is_accepted(
    monkeypatch, admin, rpm, kenya, kenyan
):
    draft = _draft(kenyan, rpm, kenya)
    _at(monkeypatch, DEADLINE_END + dt.timedelta(days=1))
    domain.submit_submission(user=kenyan, submission=draft)
    with pytest.raises(DomainError, match="admit it before accepting it"):
        domain.accept_submission(user=admin, submission=draft)
    domain.admit_late_submission(user=admin, submission=draft)
    domain.accept_submission(user=admin, submission=draft)
    draft.refresh_from_db()
    assert (draft.status, draft.late, draft.admitted) == (SubmissionStatus.ACCEPTED, True, True)


def test_delegates_cannot_admit_or_accept(monkeypatch, rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya)
    _at(monkeypatch, DEADLINE_END + dt.timedelta(days=1))
    domain.submit_submission(user=kenyan, submission=draft)
    with pytest.raises(NotAllowed, match="Only the secretariat admits"):
        domain.admit_late_submission(user=kenyan, submission=draft)
    with pytest.raises(NotAllowed, match="Only the secretariat accepts"):
        domain.accept_submission(user=kenyan, submission=draft)


def test_admitting_an_on_time_contribution_is_refused(admin, rpm, kenya, kenyan):
    draft = _draft(kenyan, rpm, kenya)
    domain.submit_submission(user=kenyan, submission=draft)
    with pytest.raises(DomainError, match="was not late"):
        domain.admit_late_submission(user=admin, submission=draft)


def test_withdrawn_contribution_stays_on_record(rpm, kenya, kenyan, french):
    draft = _draft(kenyan, rpm, kenya)
    domain.submit_submission(user=kenyan, submission=draft)
    domain.withdraw_submission(user=kenyan, submission=draft)
    rows = queries.submissions_of(french, rpm).rows
    assert [(r.submission.symbol, r.submission.status) for r in rows] == [
        ("RPM-AFR/1", SubmissionStatus.WITHDRAWN)
    ]
    with pytest.raises(DomainError, match="cannot become accepted"):
        domain.accept_submission(user=factories.make_secretariat(), submission=draft)


def test_rto_contribution_comes_from_a_delegation_of_its_region(rpm, kenya, france, kenyan, french):
    atu = RegionalOrganization.objects.get(code="ATU")
    made = _draft(kenyan, rpm, kenya, on_behalf_of=atu)
    assert made.on_behalf_of == atu
    with pytest.raises(DomainError, match="neither in the region of ATU") as raised:
        _draft(french, rpm, france, on_behalf_of=atu)
    assert raised.value.field == "on_behalf_of"


def test_a_refused_draft_leaves_no_file(media, rpm, kenya, ghanaian):
    with pytest.raises(NotAllowed):
        _draft(ghanaian, rpm, kenya)
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_submission_list_takes_a_fixed_number_of_queries(
    django_assert_max_num_queries, admin, rpm, kenya, ghana, kenyan
):
    for n in range(6):
        submitted = _draft(kenyan, rpm, kenya, title=f"C{n}", cosponsors=[ghana])
        domain.submit_submission(user=kenyan, submission=submitted)
    admin = factories.make_secretariat()
    # Two to learn the user's standing, one for the list, two for co-sponsors and their names.
    with django_assert_max_num_queries(5):
        rows = queries.submissions_of(admin, rpm).rows
        names = [[c.organization.name for c in r.submission.cosponsors.all()] for r in rows]
    assert names == [["Ghana"]] * 6


def test_a_txt_working_document_is_read_and_its_counts_kept(rpm, kenya, kenyan):
    made = _draft(kenyan, rpm, kenya)
    stored = Submission.objects.get(pk=made.pk)
    assert stored.reading == factories.CONTRIBUTION_READING
    assert stored.reading == {
        "priorities": 2,
        "items": 7,
        "comments": 4,
        "positions": 5,
        "brackets": 2,
        "warnings": 1,
    }
    assert stored.reading_summary == "7 items, 4 comments, 5 positions, 1 warning"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            bytes(range(256)) * 4,
            "a binary file; expected a Word (.docx) document or its plain-text export",
        ),
        (
            b"PK\x03\x04" + bytes(range(256)) * 4,
            "the Word document is damaged: the ZIP archive is truncated or corrupt; "
            "save it again from Word or LibreOffice",
        ),
    ],
)
def test_a_broken_docx_is_refused_naming_the_file_and_nothing_is_written(
    media, rpm, kenya, kenyan, content, reason
):
    with pytest.raises(DomainError) as raised:
        _draft(kenyan, rpm, kenya, file=_file("Kenya proposal.docx", content))
    assert (raised.value.field, raised.value.message) == ("file", f"Kenya proposal.docx: {reason}")
    assert Submission.objects.count() == 0
    assert AuditEntry.objects.filter(action__startswith="meeting.submission").count() == 0
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_an_unreadable_txt_is_refused_with_the_engines_place(media, rpm, kenya, kenyan):
    with pytest.raises(DomainError) as raised:
        _draft(kenyan, rpm, kenya, file=_file("bad.txt", b"P.1 Title\nP.1-a: text \x81\n"))
    assert raised.value.message == (
        "bad.txt (line 2): neither UTF-8 nor Windows-1252 text (byte 0x81); "
        "save the export as UTF-8"
    )
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_a_document_that_is_not_a_working_document_is_stored_with_an_empty_reading(
    rpm, kenya, kenyan
):
    made = _draft(kenyan, rpm, kenya, file=_file("notes.txt", b"Just a few words."))

    stored = Submission.objects.get(pk=made.pk)
    assert (stored.original_name, stored.reading, stored.reading_summary) == ("notes.txt", {}, "")


def test_a_pdf_is_stored_unread_with_an_empty_reading(rpm, kenya, kenyan):
    made = _draft(kenyan, rpm, kenya, file=_file("proposal.pdf", b"%PDF-1.7 anything"))
    stored = Submission.objects.get(pk=made.pk)
    assert (stored.original_name, stored.reading, stored.reading_summary) == (
        "proposal.pdf",
        {},
        "",
    )
    assert stored.file.read() == b"%PDF-1.7 anything"


def test_a_delegate_who_left_the_delegation_no_longer_sees_or_edits_its_draft(
    admin, rpm, kenya, ghana, kenyan
):
    # The creator of a draft stayed its author (seeing and changing it) after moving to
    # another delegation: acting for a delegation they no longer belong to.
    from accord.conferences import domain as people
    from accord.conferences.models import DelegationMembership, Person
    from accord.rules import forget_standing

    draft = _draft(kenyan, rpm, kenya)
    person = Person.objects.get(user=kenyan)
    DelegationMembership.objects.filter(delegation=kenya, person=person).delete()
    people.add_delegation_member(user=admin, delegation=ghana, person=person)
    forget_standing(kenyan)

    assert queries.submissions_of(kenyan, rpm).rows == []
    with pytest.raises(NotFound):
        domain.update_submission(user=kenyan, submission=draft, title="Taken along")
    assert Submission.objects.get(pk=draft.pk).title == "Affordable connectivity"


def test_a_chair_who_drafted_for_a_delegation_sees_and_edits_the_draft(
    admin, conference, rpm, kenya, kenyan
):
    chair = factories.make_chair(admin, conference)
    draft = _draft(chair, rpm, kenya)

    domain.update_submission(user=chair, submission=draft, title="Drafted by the chair")

    assert [r.submission.title for r in queries.submissions_of(chair, rpm).rows] == [
        "Drafted by the chair"
    ]
    assert [r.submission.pk for r in queries.submissions_of(kenyan, rpm).rows] == [draft.pk]


def test_accepting_reads_the_admission_from_the_saved_row(monkeypatch, admin, rpm, kenya, kenyan):
    # The late-but-not-admitted check read the object it was given: one read before the
    # admission was refused although the contribution had been admitted.
    draft = _draft(kenyan, rpm, kenya)
    _at(monkeypatch, DEADLINE_END + dt.timedelta(days=1))
    domain.submit_submission(user=kenyan, submission=draft)
    read_before = Submission.objects.get(pk=draft.pk)
    domain.admit_late_submission(user=admin, submission=draft)

    accepted = domain.accept_submission(user=admin, submission=read_before)

    assert (accepted.status, accepted.admitted) == (SubmissionStatus.ACCEPTED, True)


def test_submitting_reads_the_document_from_the_saved_row(rpm, kenya, kenyan):
    # "Upload the document" was decided on the object given, not on the row as saved.
    draft = _draft(kenyan, rpm, kenya, file=None)
    read_before = Submission.objects.get(pk=draft.pk)
    domain.update_submission(user=kenyan, submission=draft, file=_file())

    submitted = domain.submit_submission(user=kenyan, submission=read_before)

    assert (submitted.status, submitted.symbol) == (SubmissionStatus.SUBMITTED, "RPM-AFR/1")
