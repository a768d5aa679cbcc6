import pytest

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.participation.domain import import_past_participation
from accord.participation.interfaces.past_csv import RowError
from accord.participation.models import PastParticipation
from tests import factories
from tests.participation.conftest import PAST_CSV

pytestmark = pytest.mark.integration


def _rows(conference):
    return sorted(
        PastParticipation.objects.filter(conference=conference).values_list(
            "label", "dimension", "value", "registered", "attended"
        )
    )


def test_import_past_good_file_writes_every_row(admin, conference):
    result = import_past_participation(
        user=admin, conference=conference, label="WTDC-22", data=PAST_CSV.encode()
    )

    assert (result.ok, result.imported, result.replaced) == (True, 4, 0)
    assert _rows(conference) == [
        ("WTDC-22", "constituent_group", "government", 79, 60),
        ("WTDC-22", "constituent_group", "private_sector", 21, 15),
        ("WTDC-22", "gender", "female", 30, 20),
        ("WTDC-22", "gender", "male", 70, 55),
    ]
    assert AuditEntry.objects.filter(action="participation.past_imported").count() == 1


def test_import_past_codes_any_case_and_column_order(admin, conference):
    data = "REGISTERED,attended,VALUE,dimension\n12,10,afr,region\n3,1,Unknown,region\n"

    result = import_past_participation(user=admin, conference=conference, label="X", data=data)

    assert result.errors == []
    assert _rows(conference) == [("X", "region", "AFR", 12, 10), ("X", "region", "unknown", 3, 1)]


def test_import_past_same_label_replaces(admin, conference):
    import_past_participation(user=admin, conference=conference, label="WTDC-22", data=PAST_CSV)

    result = import_past_participation(
        user=admin,
        conference=conference,
        label="WTDC-22",
        data="dimension,value,registered,attended\nregion,EUR,5,4\n",
    )

    assert (result.imported, result.replaced) == (1, 4)
    assert _rows(conference) == [("WTDC-22", "region", "EUR", 5, 4)]


def test_import_past_bad_rows_reported_and_nothing_written(admin, conference):
    data = (
        "dimension,value,registered,attended\n"
        "constituent_group,private_sector,21,15\n"
        "constituent_group,bankers,3,2\n"
        "colour,blue,1,1\n"
        "gender,female,ten,2\n"
        "gender,male,5,9\n"
        "region,AFR,-3,\n"
        "constituent_group,private_sector,1,1\n"
    )

    result = import_past_participation(user=admin, conference=conference, label="W", data=data)

    assert result.ok is False
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "value"),
        (4, "dimension"),
        (5, "registered"),
        (6, "attended"),
        (7, "attended"),
        (7, "registered"),
        (8, "value"),
    ]
    assert result.errors[2] == RowError(5, "registered", "'ten' is not a whole number")
    assert result.errors[3] == RowError(6, "attended", "9 is more than the 5 registered")
    assert result.errors[6] == RowError(
        8, "value", "'private_sector' repeats row 2 of constituent_group"
    )
    assert result.errors[0].reason.startswith("unknown constituent_group code 'bankers'")
    assert _rows(conference) == []
    assert AuditEntry.objects.filter(action="participation.past_imported").count() == 0


def test_import_past_missing_header_column_is_reported(admin, conference):
    result = import_past_participation(
        user=admin, conference=conference, label="W", data="dimension,value,registered\nx,y,1\n"
    )

    assert result.errors == [
        RowError(
            1,
            "attended",
            "the header lacks this column; expected dimension,value,registered,attended",
        )
    ]


def test_import_past_empty_file_is_reported(admin, conference):
    result = import_past_participation(user=admin, conference=conference, label="W", data=b"")

    assert [(e.row, e.column) for e in result.errors] == [(1, "header")]


def test_import_past_needs_a_label(admin, conference):
    with pytest.raises(DomainError) as error:
        import_past_participation(user=admin, conference=conference, label="  ", data=PAST_CSV)

    assert error.value.field == "label"


def test_import_past_by_delegate_is_not_allowed(admin, conference):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "d1")

    with pytest.raises(NotAllowed):
        import_past_participation(user=delegate, conference=conference, label="W", data=PAST_CSV)

    assert _rows(conference) == []
