import io

import pytest
from openpyxl import Workbook, load_workbook

from accord.audit.domain import history_of
from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.engagement.domain import pipeline
from accord.engagement.domain.imports import RowError, import_invitees
from accord.engagement.models import Invitee
from accord.engagement.queries.exports import export_target_list
from tests import factories

GOOD_AND_BAD = (
    "name,email,organization,country,constituent group,membership category,gender,star,owner\n"
    "Ada Mensah,ada@example.org,Telco A,KEN,private_sector,sector_member,female,yes,\n"
    ",nobody@example.org,,,,,,,\n"
    "Bo Chen,not-an-email,,,,,,,\n"
    "Cy Diaz,cy@example.org,,Atlantis,,,,,\n"
    "Di Evans,ada@example.org,,,,,,,\n"
    "Ed Fox,ed@example.org,,,,,,maybe,ghost\n"
)


def _import(user, target_list, text, **kwargs):
    return import_invitees(
        user=user, target_list=target_list, data=text.encode(), filename="list.csv", **kwargs
    )


def test_import_with_bad_rows_reports_each_and_imports_nothing(admin, target_list):
    report = _import(admin, target_list, GOOD_AND_BAD)
    assert report.errors == [
        RowError(3, "name", "missing name"),
        RowError(4, "email", "bad e-mail 'not-an-email'"),
        RowError(5, "country", "unknown country 'Atlantis'"),
        RowError(6, "email", "duplicate e-mail: ada@example.org is also in row 2"),
        RowError(7, "star", "'maybe' is neither yes nor no"),
        RowError(7, "owner", "unknown user 'ghost'"),
    ]
    assert (report.rows, report.imported, report.bad_rows) == (6, 0, [3, 4, 5, 6, 7])
    assert Invitee.objects.count() == 0


def test_import_good_rows_only_when_asked(admin, target_list, owner):
    report = _import(admin, target_list, GOOD_AND_BAD, good_rows_only=True)
    assert report.imported == 1
    ada = Invitee.objects.get()
    assert (ada.name, ada.country.iso3, ada.region.code, ada.star, ada.gender, ada.owner) == (
        "Ada Mensah",
        "KEN",
        ada.country.region.code,
        True,
        "female",
        owner,
    )


def test_import_reports_duplicate_already_on_list(admin, target_list, invitee):
    report = _import(admin, target_list, "name,e-mail\nAda,ADA@example.org\n")
    assert report.errors == [
        RowError(2, "email", "duplicate e-mail: ada@example.org is already on the list")
    ]


def test_import_refuses_unknown_and_missing_columns(admin, target_list):
    report = _import(admin, target_list, "name,phone\nAda,123\n")
    assert report.errors == [
        RowError(
            1,
            "phone",
            "unknown column; expected one of: name, email, organization, country, "
            "constituent group, membership category, gender, star, owner",
        ),
        RowError(1, "email", "missing column"),
    ]
    assert report.imported == 0


def test_import_xlsx_and_export_round_trip(admin, target_list):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Email", "Country", "Star"])
    sheet.append(["Ada Mensah", "ada@example.org", "Kenya", "x"])
    sheet.append([None, None, None, None])
    sheet.append(["Bo Chen", "bo@example.org", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_invitees(
        user=admin, target_list=target_list, data=buffer.getvalue(), filename="list.xlsx"
    )
    assert (report.errors, report.imported) == ([], 2)
    exported = load_workbook(io.BytesIO(export_target_list(target_list, "xlsx", user=admin)))
    rows = list(exported.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("name", "email", "organization")
    assert [(r[0], r[3], r[7], r[9]) for r in rows[1:]] == [
        ("Ada Mensah", "KEN", "yes", "identified"),
        ("Bo Chen", None, "no", "identified"),
    ]
    csv_text = export_target_list(target_list, "csv", user=admin).decode("utf-8-sig")
    assert csv_text.splitlines()[1] == (
        "Ada Mensah,ada@example.org,,KEN,private_sector,,undisclosed,yes,listowner,identified"
    )


def test_import_refuses_unreadable_file(admin, target_list):
    with pytest.raises(DomainError, match=r"list.xlsx: not a readable .xlsx workbook"):
        import_invitees(user=admin, target_list=target_list, data=b"nope", filename="list.xlsx")
    with pytest.raises(DomainError, match=r"list.pdf: expected a .csv or .xlsx file"):
        import_invitees(user=admin, target_list=target_list, data=b"x", filename="list.pdf")


def test_import_refuses_stranger(admin, target_list):
    with pytest.raises(NotAllowed):
        _import(factories.make_user(admin, "stranger"), target_list, "name,email\n")


def test_exported_list_imports_back_into_another_list(admin, conference, target_list, owner):
    # Without leaving the export's "state" column out, the import refused the whole file.
    _import(admin, target_list, GOOD_AND_BAD, good_rows_only=True)
    pipeline.move_invitee(user=admin, invitee=Invitee.objects.get(), state="confirmed")
    copy = pipeline.create_target_list(user=admin, conference=conference, name="Copy")

    report = import_invitees(
        user=admin,
        target_list=copy,
        data=export_target_list(target_list, "csv", user=admin),
        filename="export.csv",
    )

    assert (report.errors, report.imported, report.ignored_columns) == ([], 1, ["state"])
    again = copy.invitees.get()
    assert (again.email, again.country.iso3, again.star, again.owner, again.state) == (
        "ada@example.org",
        "KEN",
        True,
        owner,
        "identified",
    )


def test_import_audits_each_invitee_as_adding_one_does(admin, target_list):
    # The import used to write one entry for the list only: an imported invitee had no history.
    _import(admin, target_list, "name,email\nAda,ada@example.org\nBo,bo@example.org\n")

    bo = Invitee.objects.get(email="bo@example.org")
    entry = history_of(bo).get()
    assert (entry.action, entry.actor, entry.changes) == (
        "engagement.invitee_added",
        admin,
        {
            "list": [None, "Private sector leaders"],
            "email": [None, "bo@example.org"],
            "file": [None, "list.csv"],
        },
    )
    summary = AuditEntry.objects.get(action="engagement.invitees_imported")
    assert summary.changes == {
        "file": [None, "list.csv"],
        "imported": [None, 2],
        "bad_rows": [None, 0],
    }


def test_import_dry_run_checks_and_writes_nothing(admin, target_list):
    entries = AuditEntry.objects.count()

    report = _import(admin, target_list, GOOD_AND_BAD, good_rows_only=True, dry_run=True)

    assert (report.importable, report.imported, report.bad_rows) == (1, 0, [3, 4, 5, 6, 7])
    assert (Invitee.objects.count(), AuditEntry.objects.count()) == (0, entries)


def test_import_with_a_bad_header_is_refused_even_for_good_rows_only(admin, target_list):
    report = _import(admin, target_list, "name,phone\nAda,123\n", good_rows_only=True)

    assert (report.refused, report.importable, report.imported) == (True, 0, 0)
    assert Invitee.objects.count() == 0


def test_import_report_as_dict(admin, target_list):
    report = _import(admin, target_list, "name,email,state\nAda,not-mail,invited\n")

    assert report.as_dict() == {
        "file": "list.csv",
        "rows": 1,
        "importable": 0,
        "imported": 0,
        "dry_run": False,
        "good_rows_only": False,
        "ignored_columns": ["state"],
        "errors": [{"row": 2, "column": "email", "reason": "bad e-mail 'not-mail'"}],
    }
