import pytest
from django.apps import apps
from django.contrib import admin as django_admin
from django.urls import reverse

from accord.audit.models import AuditEntry
from accord.conferences.models import Conference
from accord.plans.models import Linkage, PlanItem
from accord.reference.models import Country
from tests import factories
from tests.web.conftest import enrich_item

pytestmark = pytest.mark.integration


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def admin_entries():
    return list(AuditEntry.objects.filter(action__startswith="admin.").order_by("id"))


def test_admin_registers_every_model_of_accord_data_apps(db):
    models = [
        model
        for label in ("audit", "reference", "conferences", "plans")
        for model in apps.get_app_config(label).get_models()
    ]

    assert [m._meta.label for m in models if not django_admin.site.is_registered(m)] == []


def test_admin_changelists_open_for_secretariat(client, admin, draft):
    client.force_login(admin)

    statuses = {
        model._meta.label: client.get(admin_url(model)).status_code
        for model in django_admin.site._registry
        if model._meta.app_label in {"audit", "reference", "conferences", "plans"}
    }

    assert {label for label, status in statuses.items() if status != 200} == set()


def test_admin_staff_without_superuser_flag_may_use_accord_admin(client, admin, conference):
    staff = factories.make_user(admin, "clerk", is_staff=True)
    client.force_login(staff)

    response = client.get(admin_url(Conference))

    assert response.status_code == 200
    assert "CONF" in response.text


def test_admin_is_closed_to_chair(client, admin, conference):
    client.force_login(factories.make_chair(admin, conference))

    response = client.get(admin_url(Conference))

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")


def test_admin_change_of_conference_is_audited(client, admin, conference):
    client.force_login(admin)
    form = {
        "slug": "conf",
        "name": "Conference conf",
        "short_name": "CONF",
        "venue": "Geneva",
        "start_date": "2027-06-05",
        "end_date": "2027-06-16",
        "phase": "preparation",
        "is_public": "on",
    }

    response = client.post(admin_url(Conference, "change", conference.pk), form)

    assert response.status_code == 302
    [entry] = admin_entries()
    assert (entry.action, entry.actor, entry.conference, entry.target_id) == (
        "admin.conference.changed",
        admin,
        conference,
        str(conference.pk),
    )
    assert entry.changes == {"venue": ["Port Verde", "Geneva"]}


def test_admin_creation_is_audited(client, admin, draft):
    client.force_login(admin)
    item = PlanItem.objects.get(version=draft, code="D.1-a")

    response = client.post(
        admin_url(Linkage, "add"), {"item": item.pk, "type": "resolution", "target": "Res. 37"}
    )

    assert response.status_code == 302
    [entry] = admin_entries()
    assert entry.action == "admin.linkage.created"
    assert entry.conference == draft.plan.conference
    assert entry.changes == {
        "item": [None, "D.1-a"],
        "type": [None, "resolution"],
        "target": [None, "Res. 37"],
    }


def test_admin_deletion_is_audited(client, admin, draft):
    item = PlanItem.objects.get(version=draft, code="D.1-a")
    enrich_item(admin, item, kpis=0, linkages=1)
    linkage = Linkage.objects.get(item=item)
    client.force_login(admin)

    response = client.post(admin_url(Linkage, "delete", linkage.pk), {"post": "yes"})

    assert response.status_code == 302
    assert Linkage.objects.filter(pk=linkage.pk).exists() is False
    [entry] = admin_entries()
    assert (entry.action, entry.target_id, entry.conference) == (
        "admin.linkage.deleted",
        str(linkage.pk),
        draft.plan.conference,
    )
    assert entry.changes == {"deleted": ["D.1-a → SDG 1", None]}


def test_admin_bulk_deletion_audits_each_object(client, admin, draft):
    item = PlanItem.objects.get(version=draft, code="D.1-a")
    enrich_item(admin, item, kpis=0, linkages=2)
    client.force_login(admin)
    ids = list(Linkage.objects.values_list("pk", flat=True))

    client.post(
        admin_url(Linkage),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )

    assert [e.action for e in admin_entries()] == ["admin.linkage.deleted"] * 2
    assert Linkage.objects.count() == 0


def test_admin_item_change_bumps_revision_and_is_audited(client, admin, draft):
    item = PlanItem.objects.get(version=draft, code="D.1-a")
    client.force_login(admin)
    form = {
        "version": draft.pk,
        "priority": item.priority_id,
        "kind": item.kind,
        "code": item.code,
        "text": "Corrected text",
        "order": item.order,
        "status": item.status,
        "section": item.section,
        "outcome": "",
    }

    response = client.post(admin_url(PlanItem, "change", item.pk), form)

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.text, item.revision) == ("Corrected text", 2)
    [entry] = admin_entries()
    assert entry.changes == {
        "text": ["Text of item 0 under priority 1 about broadband connectivity", "Corrected text"]
    }


def test_admin_audit_trail_is_read_only(client, admin, conference):
    client.force_login(admin)
    entry = AuditEntry.objects.first()

    add = client.get(admin_url(AuditEntry, "add"))
    view = client.get(admin_url(AuditEntry, "change", entry.pk))
    delete = client.post(admin_url(AuditEntry, "delete", entry.pk), {"post": "yes"})

    assert add.status_code == 403
    assert view.status_code == 200
    assert 'name="_save"' not in view.text
    assert delete.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists() is True


def test_admin_reference_data_is_read_only(client, admin, db):
    client.force_login(admin)
    country = Country.objects.get(iso3="KEN")

    response = client.post(
        admin_url(Country, "change", country.pk), {"iso3": "KEN", "name": "X", "region": 1}
    )

    assert response.status_code == 403
    country.refresh_from_db()
    assert country.name == "Kenya"
