"""A meeting's agenda (linked to the plan) and its documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.meetings import domain
from accord.meetings.domain import AgendaEntry
from accord.meetings.enums import DocumentKind
from accord.meetings.models import AgendaItem, MeetingDocument
from accord.negotiation import domain as negotiation
from tests import factories
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.integration

AGENDA = [
    AgendaEntry("1", "Opening"),
    AgendaEntry("2", "Affordable connectivity", ("D.1", "D.1-a")),
    AgendaEntry("3", "Digital transformation", ("D.2-1",)),
]


def test_set_agenda_links_priorities_and_items(admin, conference, draft, rpm):
    items = domain.set_agenda(user=admin, meeting=rpm, entries=AGENDA)

    assert [(i.number, i.title, i.order) for i in items] == [
        ("1", "Opening", 0),
        ("2", "Affordable connectivity", 1),
        ("3", "Digital transformation", 2),
    ]
    second = AgendaItem.objects.get(meeting=rpm, number="2")
    assert [p.code for p in second.priorities.all()] == ["D.1"]
    assert [i.code for i in second.plan_items.all()] == ["D.1-a"]
    third = AgendaItem.objects.get(meeting=rpm, number="3")
    assert [i.code for i in third.plan_items.all()] == ["D.2-1"]


def test_set_agenda_replaces_whole_agenda_and_audits(admin, conference, draft, rpm):
    domain.set_agenda(user=admin, meeting=rpm, entries=AGENDA)

    domain.set_agenda(user=admin, meeting=rpm, entries=[AgendaEntry("1", "Only item")])

    assert list(rpm.agenda_items.values_list("number", "title")) == [("1", "Only item")]
    entry = AuditEntry.objects.filter(action="meeting.agenda_set").order_by("-id").first()
    assert entry.changes["agenda"] == [
        ["1 Opening", "2 Affordable connectivity", "3 Digital transformation"],
        ["1 Only item"],
    ]


def test_set_agenda_unknown_code_names_item_and_writes_nothing(admin, conference, draft, rpm):
    domain.set_agenda(user=admin, meeting=rpm, entries=[AgendaEntry("1", "Kept")])

    with pytest.raises(DomainError) as error:
        domain.set_agenda(
            user=admin,
            meeting=rpm,
            entries=[AgendaEntry("1", "A"), AgendaEntry("2", "B", ("D.9-z",))],
        )

    assert error.value.message == (
        "Agenda item 2: version 1 of the Action Plan has no priority or item 'D.9-z'."
    )
    assert list(rpm.agenda_items.values_list("title", flat=True)) == ["Kept"]


def test_set_agenda_links_without_plan_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        domain.set_agenda(user=admin, meeting=rpm, entries=[AgendaEntry("1", "A", ("D.1",))])

    assert error.value.message == "CONF has no Action Plan yet to link agenda items to."


def test_set_agenda_duplicate_number_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        domain.set_agenda(
            user=admin, meeting=rpm, entries=[AgendaEntry("1", "A"), AgendaEntry("1", "B")]
        )

    assert error.value.message == "Agenda item number 1 is used twice."


def test_set_agenda_by_meeting_chair_allowed(admin, conference, chair):
    meeting = make_meeting(admin, conference, chair=chair.person)

    domain.set_agenda(user=chair, meeting=meeting, entries=[AgendaEntry("1", "Opening")])

    assert meeting.agenda_items.count() == 1


def test_set_agenda_by_chair_of_another_meeting_refused(admin, conference, chair, rpm):
    with pytest.raises(NotAllowed):
        domain.set_agenda(user=chair, meeting=rpm, entries=[AgendaEntry("1", "Opening")])


def test_set_agenda_by_delegate_refused(admin, conference, rpm, delegate):
    with pytest.raises(NotAllowed):
        domain.set_agenda(user=delegate, meeting=rpm, entries=[AgendaEntry("1", "Opening")])


def test_parse_agenda_reads_lines_and_links():
    entries = domain.parse_agenda("1 | Opening\n\n2 | Connectivity | D.1, D.1-a ; D.2\n")

    assert entries == [
        AgendaEntry("1", "Opening", ()),
        AgendaEntry("2", "Connectivity", ("D.1", " D.1-a ", " D.2")),
    ]


def test_parse_agenda_bad_line_names_it():
    with pytest.raises(DomainError) as error:
        domain.parse_agenda("1 | Opening\nJust a title")

    assert error.value.message == (
        "Line 2: write 'number | title' or 'number | title | D.1, D.1-a', not 'Just a title'."
    )


def test_agenda_as_text_round_trips(admin, conference, draft, rpm):
    domain.set_agenda(user=admin, meeting=rpm, entries=AGENDA)

    text = domain.agenda_as_text(rpm)

    assert (
        text
        == "1 | Opening\n2 | Affordable connectivity | D.1, D.1-a\n3 | Digital transformation | D.2-1"
    )
    domain.set_agenda(user=admin, meeting=rpm, entries=domain.parse_agenda(text))
    assert domain.agenda_as_text(rpm) == text


# --- Documents ---------------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_attach_document_stores_file_under_random_name(admin, conference, rpm, media):
    document = domain.attach_document(
        user=admin,
        meeting=rpm,
        symbol="RPM-AFR/1",
        title="Draft agenda",
        kind=DocumentKind.AGENDA,
        file=SimpleUploadedFile("../../etc/Agenda draft.docx", b"PK\x03\x04 not really"),
    )

    assert document.original_name == "Agenda draft.docx"
    assert document.size == 15
    assert document.file.name.startswith("meetings/")
    assert document.file.name.endswith(".docx")
    assert "Agenda" not in document.file.name
    assert (media / document.file.name).read_bytes() == b"PK\x03\x04 not really"
    assert AuditEntry.objects.filter(action="meeting.document_attached").count() == 1


def test_attach_document_without_file(admin, conference, rpm, media):
    document = domain.attach_document(
        user=admin, meeting=rpm, symbol="RPM-AFR/1", title="Note", kind=DocumentKind.INFORMATION
    )

    assert not document.file
    assert document.original_name == ""


def test_attach_document_duplicate_symbol_refused_and_file_not_kept(admin, conference, rpm, media):
    domain.attach_document(
        user=admin, meeting=rpm, symbol="RPM-AFR/1", title="A", kind=DocumentKind.REPORT
    )

    with pytest.raises(DomainError) as error:
        domain.attach_document(
            user=admin,
            meeting=rpm,
            symbol="RPM-AFR/1",
            title="B",
            kind=DocumentKind.REPORT,
            file=SimpleUploadedFile("b.txt", b"B"),
        )

    assert error.value.field == "symbol"
    assert list(media.rglob("*.txt")) == []


def test_attach_document_too_large_refused(admin, conference, rpm, media, monkeypatch):
    monkeypatch.setattr("accord.meetings.domain.documents.MAX_BYTES", 10)

    with pytest.raises(DomainError) as error:
        domain.attach_document(
            user=admin,
            meeting=rpm,
            symbol="RPM-AFR/1",
            title="Big",
            kind=DocumentKind.REPORT,
            file=SimpleUploadedFile("big.pdf", b"x" * 11),
        )

    assert error.value.field == "file"
    assert error.value.message.startswith("big.pdf: the file is")


def test_attach_document_unknown_kind_refused(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        domain.attach_document(user=admin, meeting=rpm, symbol="S/1", title="T", kind="memo")

    assert error.value.field == "kind"


def test_attach_document_links_contribution_of_same_conference(admin, conference, draft, rpm):
    delegation = factories.make_delegation(admin, conference, "KEN")
    contribution = negotiation.create_contribution(
        user=admin, version=draft, delegation=delegation, title="Kenya's proposals"
    )

    document = domain.attach_document(
        user=admin,
        meeting=rpm,
        symbol="RPM-AFR/2",
        title="Proposals of Kenya",
        kind=DocumentKind.CONTRIBUTION,
        contribution=contribution,
    )

    assert document.contribution == contribution


def test_attach_document_contribution_of_other_conference_refused(admin, conference, rpm):
    other = factories.make_conference(admin, slug="other")
    version = factories.make_plan_version(admin, other)
    contribution = negotiation.create_contribution(
        user=admin,
        version=version,
        delegation=factories.make_delegation(admin, other, "KEN"),
        title="Elsewhere",
    )

    with pytest.raises(DomainError) as error:
        domain.attach_document(
            user=admin,
            meeting=rpm,
            symbol="RPM-AFR/2",
            title="X",
            kind=DocumentKind.CONTRIBUTION,
            contribution=contribution,
        )

    assert error.value.field == "contribution"


def test_attach_document_refused_to_chair(admin, conference, rpm, chair):
    with pytest.raises(NotAllowed):
        domain.attach_document(
            user=chair, meeting=rpm, symbol="S/1", title="T", kind=DocumentKind.REPORT
        )


def test_remove_document_deletes_file_after_commit(
    admin, conference, rpm, media, django_capture_on_commit_callbacks
):
    document = domain.attach_document(
        user=admin,
        meeting=rpm,
        symbol="RPM-AFR/1",
        title="R",
        kind=DocumentKind.REPORT,
        file=SimpleUploadedFile("r.txt", b"R"),
    )
    stored = media / document.file.name

    with django_capture_on_commit_callbacks(execute=True):
        domain.remove_document(user=admin, document=document)

    assert not stored.exists()
    assert MeetingDocument.objects.count() == 0


def test_next_symbol_counts_documents(admin, conference, rpm):
    assert domain.next_symbol(rpm) == "RPM-AFR/1"
    domain.attach_document(user=admin, meeting=rpm, symbol="RPM-AFR/1", title="A", kind="report")

    assert domain.next_symbol(rpm) == "RPM-AFR/2"
