from pathlib import Path

import pytest
from django.apps import apps
from django.db import IntegrityError

from accord.audit.models import AuditEntry
from accord.conferences.models import Delegation
from accord.core.errors import DomainError, NotAllowed
from accord.engines.documents import json_io
from accord.engines.documents.model import Section
from accord.engines.documents.reader import read_document
from accord.negotiation.models import Position
from accord.plans.domain import imports
from accord.plans.domain.imports import import_working_document, split_title
from accord.plans.interfaces.working_document import version_as_document
from accord.plans.models import Comment, PlanItem
from tests import factories

pytestmark = pytest.mark.integration

SAMPLE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/samples/regional-priorities-working-document.txt"
)


@pytest.fixture
def sample():
    return read_document(SAMPLE)


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_import_sample_creates_a_draft_version_with_everything(admin, conference, sample):
    report = import_working_document(user=admin, conference=conference, document=sample)

    version = conference.action_plan.versions.get(number=report.version_number)
    assert (report.priorities, report.items, report.comments, report.positions) == (3, 19, 14, 18)
    assert (version.state, version.source, version.label) == (
        "draft",
        "regional-priorities-working-document.txt",
        "Imported from regional-priorities-working-document.txt",
    )
    assert list(version.priorities.values_list("code", "title")) == [
        ("P.1", "Affordable access"),
        ("P.2", "Digital skills"),
        ("P.3", "Rural connectivity financing"),
    ]
    assert Comment.objects.filter(version=version, item__isnull=True).count() == 3


def test_import_derives_status_from_section_brackets_and_comments(admin, conference, sample):
    import_working_document(user=admin, conference=conference, document=sample)

    statuses = dict(PlanItem.objects.values_list("code", "status"))
    assert statuses["P.1-a"] == "agreed"
    assert statuses["P.1-b"] == "undisputed_change"
    assert statuses["P.1-d"] == "disputed"
    assert statuses["P.3-3"] == "disputed"
    assert PlanItem.objects.get(code="P.3-3").section == Section.FURTHER_DISCUSSION


def test_import_links_positions_to_registered_delegations_and_keeps_the_others_by_name(
    admin, conference, sample
):
    canada = factories.make_delegation(admin, conference, "CAN", name="Government of Canada")

    import_working_document(user=admin, conference=conference, document=sample)

    by_name = {}
    for position in Position.objects.all():
        by_name.setdefault(position.delegation_name, set()).add(position.delegation_id)
    assert by_name["Canada"] == {canada.pk}
    assert by_name["Globex Telecom"] == {None}
    removal = Position.objects.get(delegation_name="Canada", item__code="P.1-d")
    assert (removal.stance, removal.quoted, removal.comment.author) == (
        "remove",
        "reduced import duties",
        "Maria Gonzalez",
    )


def test_import_dry_run_writes_nothing(admin, conference, sample):
    before = _row_counts()

    report = import_working_document(
        user=admin, conference=conference, document=sample, dry_run=True
    )

    assert (report.dry_run, report.version_number, report.items) == (True, None, 19)
    assert _row_counts() == before


def test_import_with_duplicate_identifier_writes_nothing(admin, conference, sample):
    sample.objectives[1].items.append(sample.objectives[0].items[0])
    before = _row_counts()

    with pytest.raises(DomainError) as error:
        import_working_document(user=admin, conference=conference, document=sample)

    assert error.value.message == (
        "item P.1-a appears twice (line 28 and line 28); renumber one before importing"
    )
    assert _row_counts() == before


@pytest.mark.django_db(transaction=True)
def test_import_failing_on_a_foreign_key_at_commit_leaves_the_database_unchanged(
    admin, conference, sample, monkeypatch
):
    # A delegation that is not in the database: the positions naming Canada point to no row,
    # which the database finds when the import commits (its foreign keys are deferred).
    ghost = Delegation(pk=10**9)
    monkeypatch.setattr(imports, "_delegation_index", lambda conference: {"canada": ghost})
    before = _row_counts()

    with pytest.raises(IntegrityError):
        import_working_document(user=admin, conference=conference, document=sample)

    assert _row_counts() == before


def test_import_by_delegate_is_refused(admin, conference, sample):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "del")
    before = _row_counts()

    with pytest.raises(NotAllowed):
        import_working_document(user=delegate, conference=conference, document=sample)

    assert _row_counts() == before


def test_import_is_audited_per_item_and_as_a_whole(admin, conference, sample):
    report = import_working_document(user=admin, conference=conference, document=sample)

    entry = AuditEntry.objects.get(action="plan.imported")
    assert entry.actor == admin
    assert entry.changes["items"] == [None, report.items]
    assert AuditEntry.objects.filter(action="plan.item_imported").count() == 19


def test_imported_version_reads_back_as_the_same_document(admin, conference, sample):
    report = import_working_document(user=admin, conference=conference, document=sample)
    version = conference.action_plan.versions.get(number=report.version_number)

    exported = json_io.summary(version_as_document(version))
    original = json_io.summary(sample)

    def shape(summary):
        return [
            (
                o["id"],
                o["title"],
                o["comments"],
                o["positions"],
                [
                    (
                        i["id"],
                        i["kind"],
                        i["text"],
                        i["section"],
                        i["brackets"],
                        i["comments"],
                        i["positions"],
                    )
                    for i in o["items"]
                ],
            )
            for o in summary["objectives"]
        ]

    assert exported["title"] == original["title"]
    assert shape(exported) == shape(original)


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("Affordable access: Expand access", ("Affordable access", "Expand access")),
        ("Digital transformation", ("Digital transformation", "")),
        ("Note: " + "x" * 5, ("Note", "xxxxx")),
        ("A" * 90 + ": rest", ("A" * 90 + ": rest", "")),
    ],
)
def test_split_title(heading, parts):
    assert split_title(heading) == parts


def test_new_version_copies_comments_replies_changes_and_positions(admin, conference, sample):
    from accord.engines.documents.model import ChangeKind, TrackedChange
    from accord.engines.documents.model import Comment as DocComment
    from accord.plans import domain

    item = sample.objectives[0].items[1]
    item.comments[0].replies.append(DocComment(author="Tom Lee", text="Agreed with Mexico"))
    item.changes.append(TrackedChange(ChangeKind.DELETION, "design", 36, 42, "Tom Lee"))
    report = import_working_document(user=admin, conference=conference, document=sample)
    imported = conference.action_plan.versions.get(number=report.version_number)

    copy = domain.create_plan_version(user=admin, plan=imported.plan, based_on=imported)

    assert (
        json_io.summary(version_as_document(copy))["objectives"]
        == json_io.summary(version_as_document(imported))["objectives"]
    )
    reply = Comment.objects.get(version=copy, text="Agreed with Mexico")
    assert (reply.parent.version, reply.parent.item.code) == (copy, "P.1-b")
    assert Position.objects.filter(version=copy).count() == 18
    assert copy.items.get(code="P.1-b").proposed_changes.get().text == "design"
