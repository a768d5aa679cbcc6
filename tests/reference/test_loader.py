import pytest

from accord.audit.models import AuditEntry
from accord.reference.domain import load_reference_data
from accord.reference.models import SDG, Country, Region, RegionalOrganization, WSISActionLine

pytestmark = pytest.mark.integration


def test_reference_data_is_loaded_after_migrate(db):
    assert (
        Region.objects.count(),
        Country.objects.count(),
        SDG.objects.count(),
        WSISActionLine.objects.count(),
    ) == (
        6,
        193,
        17,
        11,
    )
    assert Country.objects.get(iso3="EGY").region.code == "ARB"
    assert RegionalOrganization.objects.get(code="CITEL").region.code == "AMS"


def test_loading_again_changes_nothing(db):
    entries = AuditEntry.objects.count()

    changed = load_reference_data()

    assert set(changed.values()) == {0}
    assert AuditEntry.objects.count() == entries


def test_loading_restores_an_edited_row_and_audits_it(db):
    Country.objects.filter(iso3="KEN").update(name="Kenia")

    changed = load_reference_data()

    assert changed["member states"] == 1
    assert Country.objects.get(iso3="KEN").name == "Kenya"
    assert AuditEntry.objects.get(action="reference.updated").changes == {
        "name": ["Kenia", "Kenya"]
    }
