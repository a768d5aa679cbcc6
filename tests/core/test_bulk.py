import datetime as dt
import sqlite3
import zoneinfo

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from accord.audit.models import AuditEntry
from accord.core import bulk
from accord.core.bulk import insert_rows
from accord.negotiation.models import Position
from accord.plans.models import Comment, PlanItem, Priority

pytestmark = pytest.mark.integration


def _inserts(queries: CaptureQueriesContext, table: str) -> int:
    return sum(q["sql"].startswith(f'INSERT INTO "{table}"') for q in queries.captured_queries)


def test_insert_rows_returns_the_new_keys_in_the_order_of_the_rows(draft):
    codes = [f"Z.{n}" for n in range(60, 0, -1)]

    keys = insert_rows(
        Priority,
        ("version", "code", "title", "order"),
        [(draft.pk, code, f"Title {code}", n) for n, code in enumerate(codes)],
    )

    assert len(keys) == len(set(keys)) == 60
    assert [Priority.objects.get(pk=key).code for key in keys] == codes
    assert keys == sorted(keys)


def test_insert_rows_stores_json_and_datetimes_as_the_orm_does(admin, conference):
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    at = dt.datetime(2027, 3, 12, 9, 30, 15, 123456, tzinfo=paris)
    changes = {"text": [None, "Zürich – «keep» [a/b]"], "n": [1, 2.5], "ok": [False, True]}

    (key,) = insert_rows(
        AuditEntry,
        (
            "at",
            "actor_id",
            "actor_name",
            "action",
            "conference",
            "target_type",
            "target_id",
            "target_repr",
            "changes",
        ),
        [
            (
                at,
                admin.pk,
                "Admin",
                "test.bulk",
                conference.pk,
                "plans.planitem",
                "7",
                "P.1-a",
                changes,
            )
        ],
    )
    orm = AuditEntry.objects.create(
        at=at,
        actor=admin,
        actor_name="Admin",
        action="test.orm",
        conference=conference,
        target_type="plans.planitem",
        target_id="7",
        target_repr="P.1-a",
        changes=changes,
    )

    entry = AuditEntry.objects.get(pk=key)
    assert (entry.at, entry.actor, entry.conference, entry.changes) == (
        at,
        admin,
        conference,
        changes,
    )
    with connection.cursor() as cursor:  # stored exactly as the ORM stores them
        cursor.execute(
            "SELECT at, changes FROM audit_auditentry WHERE id IN (%s, %s) ORDER BY id",
            [key, orm.pk],
        )
        bulk_row, orm_row = cursor.fetchall()
    assert bulk_row == orm_row


def test_insert_rows_keeps_a_missing_datetime_and_an_empty_json_value(draft):
    priority = draft.priorities.first()

    keys = insert_rows(
        Comment,
        ("version", "priority", "author", "text", "written_at"),
        [
            (draft.pk, priority.pk, "A", "one", None),
            (draft.pk, priority.pk, "B", "two", dt.datetime(2027, 1, 2, 3, 4, tzinfo=dt.UTC)),
        ],
    )

    assert list(
        Comment.objects.filter(pk__in=keys)
        .order_by("pk")
        .values_list("author", "written_at", "parent", "anchor", "order")
    ) == [
        ("A", None, None, "", 0),
        ("B", dt.datetime(2027, 1, 2, 3, 4, tzinfo=dt.UTC), None, "", 0),
    ]


def test_insert_rows_gives_fields_not_named_what_a_new_instance_would_save(draft):
    priority = draft.priorities.first()
    before = dt.datetime.now(dt.UTC)

    (key,) = insert_rows(
        PlanItem,
        ("version", "priority", "kind", "code", "text"),
        [(draft.pk, priority.pk, "outcome", "Z.1-a", "Text")],
    )

    item = PlanItem.objects.get(pk=key)
    assert (item.order, item.status, item.derived_status, item.status_source) == (
        0,
        "agreed",
        "agreed",
        "derived",
    )
    assert (item.status_note, item.section, item.outcome, item.revision) == ("", "agreed", None, 1)
    assert before <= item.updated_at <= dt.datetime.now(dt.UTC)


def test_insert_rows_gives_every_row_the_same_default_time(draft):
    keys = insert_rows(
        Position,
        ("version", "delegation_name", "stance", "source"),
        [(draft.pk, name, "keep", "comment") for name in ("Kenya", "Ghana", "France")],
    )

    stated = set(Position.objects.filter(pk__in=keys).values_list("stated_at", flat=True))
    assert len(stated) == 1


def test_insert_rows_batches_to_the_backends_parameter_limit(draft, monkeypatch):
    # A property on SQLite, a cached property on PostgreSQL (None there: no limit); and on
    # PostgreSQL a parameter a value only when arrays cannot be used.
    monkeypatch.delitem(connection.features.__dict__, "max_query_params", raising=False)
    monkeypatch.setattr(type(connection.features), "max_query_params", 50)
    monkeypatch.setattr(bulk, "_array_types", lambda columns, connection: None)
    codes = [f"Z.{n}" for n in range(1, 24)]

    with CaptureQueriesContext(connection) as queries:
        keys = insert_rows(
            Priority,
            ("version", "code", "title"),
            [(draft.pk, code, code) for code in codes],
        )

    # 6 columns (3 named, 3 taking their defaults): 50 // 6 = 8 rows a statement.
    assert _inserts(queries, "plans_priority") == 3
    assert [Priority.objects.get(pk=key).code for key in keys] == codes


def test_insert_rows_takes_at_most_batch_size_rows_a_statement(draft):
    with CaptureQueriesContext(connection) as queries:
        keys = insert_rows(
            Priority,
            ("version", "code", "title"),
            [(draft.pk, f"Z.{n}", "t") for n in range(10)],
            batch_size=4,
        )

    assert _inserts(queries, "plans_priority") == 3
    assert len(keys) == 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's arrays")
def test_insert_rows_sends_postgresql_an_array_a_column(draft):
    rows = [(draft.pk, f"Z.{n}", f"Title {n}") for n in range(300)]

    with CaptureQueriesContext(connection) as queries:
        keys = insert_rows(Priority, ("version", "code", "title"), rows)

    (insert,) = [q["sql"] for q in queries.captured_queries if "plans_priority" in q["sql"]]
    assert "UNNEST(" in insert
    assert [Priority.objects.get(pk=key).title for key in keys] == [row[2] for row in rows]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own limit on variables")
def test_insert_rows_stays_under_sqlites_own_variable_limit(draft):
    raw = connection.connection
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 100)
    try:
        keys = insert_rows(
            Priority,
            ("version", "code", "title"),
            [(draft.pk, f"Z.{n}", "t") for n in range(500)],  # 3,500 values
        )
    finally:
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)

    assert Priority.objects.filter(pk__in=keys).count() == 500


def test_insert_rows_writes_all_rows_or_none(draft):
    before = Priority.objects.count()
    rows = [(draft.pk, f"Z.{n}", "t") for n in range(6)] + [(draft.pk, "Z.0", "again")]

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Priority, ("version", "code", "title"), rows, batch_size=3)

    assert Priority.objects.count() == before


def test_insert_rows_without_rows_runs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_rows(Priority, ("version", "code"), []) == []


@pytest.mark.parametrize(
    ("fields", "row", "message"),
    [
        (("version", "code", "code"), (1, "a", "b"), "a field is named twice"),
        (("version", "version_id"), (1, 1), "a field is named twice"),
        (("id", "code"), (1, "a"), "plans.Priority.id is not a column insert_rows fills"),
        (("version", "items"), (1, 2), "plans.Priority.items is not a column insert_rows fills"),
        (("version", "code"), (1,), "a row has 1 values for 2 fields: (1,)"),
    ],
)
def test_insert_rows_refuses_what_it_cannot_insert(db, fields, row, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        insert_rows(Priority, fields, [row])
