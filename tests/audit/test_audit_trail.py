import pytest

from accord.audit.domain import history_of, record
from accord.audit.models import AppendOnlyError, AuditEntry

pytestmark = pytest.mark.integration


def test_audit_entry_cannot_be_changed(admin, conference):
    entry = AuditEntry.objects.filter(action="conference.created").get()
    entry.action = "tampered"

    with pytest.raises(AppendOnlyError):
        entry.save()

    assert AuditEntry.objects.filter(action="tampered").count() == 0


def test_audit_entries_cannot_be_deleted_one_by_one_or_in_bulk(admin, conference):
    entry = AuditEntry.objects.filter(action="conference.created").get()

    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.update(action="x")

    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_record_names_the_actor_and_history_of_finds_it(admin, conference):
    record(actor=admin, action="test.touched", target=conference, changes={"venue": ["a", "b"]})

    entries = list(history_of(conference).values_list("action", "actor_name"))

    assert entries == [
        ("test.touched", "Sec admin (admin)"),
        ("conference.created", "Sec admin (admin)"),
    ]


def test_record_without_actor_is_the_system(conference):
    entry = record(actor=None, action="test.system", target=conference)

    assert (entry.actor, entry.actor_name) == (None, "system")
