import pytest
from django.contrib.auth.models import AnonymousUser

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.regional import domain, queries
from accord.regional.models import RegionalPriority
from tests import factories
from tests.regional.conftest import add


def test_cap_is_enforced_with_a_message_naming_the_cap_and_the_rto(admin, conference):
    for n in range(1, 6):
        add(admin, conference, "ATU", f"ATU-{n}", f"Priority {n}")
    with pytest.raises(DomainError) as raised:
        add(admin, conference, "ATU", "ATU-6", "One too many")
    assert raised.value.message == (
        "ATU already has 5 regional priorities; each RTO may bring at most 5 to CONF. "
        "Remove or merge one first."
    )
    assert raised.value.field == "rto"
    assert add(admin, conference, "CEPT", "CEPT-1", "Another RTO's first").code == "CEPT-1"


def test_the_secretariat_sets_another_cap(admin, conference):
    domain.set_cap(user=admin, conference=conference, cap=2)
    add(admin, conference, "APT", "APT-1", "One")
    add(admin, conference, "APT", "APT-2", "Two")
    with pytest.raises(DomainError, match="at most 2"):
        add(admin, conference, "APT", "APT-3", "Three")
    assert domain.cap_of(conference) == 2


def test_lowering_the_cap_below_what_an_rto_holds_is_refused(admin, conference):
    for n in range(1, 4):
        add(admin, conference, "RCC", f"RCC-{n}", f"P{n}")
    with pytest.raises(DomainError, match="RCC already have more than 2 priorities"):
        domain.set_cap(user=admin, conference=conference, cap=2)


def test_delegates_cannot_set_the_cap(conference, kenyan):
    with pytest.raises(NotAllowed, match="Only the secretariat sets"):
        domain.set_cap(user=kenyan, conference=conference, cap=3)


def test_an_ordinary_delegate_of_the_region_does_not_write_the_rtos_priorities(conference, kenyan):
    with pytest.raises(NotAllowed, match="delegations acting for ATU"):
        add(kenyan, conference, "ATU", "ATU-1", "Connectivity")


def test_a_delegation_mandated_by_the_secretariat_writes_for_the_rto(
    admin, conference, kenya, kenyan
):
    domain.mandate_delegation(user=admin, rto="ATU", delegation=kenya)
    made = add(kenyan, conference, "ATU", "ATU-1", "Connectivity")
    assert made.rto.code == "ATU"
    with pytest.raises(NotAllowed):
        add(kenyan, conference, "CEPT", "CEPT-1", "Not theirs")


def test_the_rtos_own_delegation_writes_its_priorities(admin, conference, atu_delegation):
    member = factories.make_delegate(admin, atu_delegation, "atuofficer")
    assert add(member, conference, "ATU", "ATU-1", "Skills").code == "ATU-1"


def test_priority_links_plan_items_and_is_audited(admin, conference, draft):
    items = list(draft.items.order_by("code")[:2])
    made = add(admin, conference, "CITEL", "CITEL-1", "Rural broadband", items=items)
    assert sorted(made.plan_items.values_list("code", flat=True)) == ["D.1-1", "D.1-a"]
    entry = AuditEntry.objects.get(action="regional.priority_added")
    assert entry.changes["plan_items"] == [None, ["D.1-1", "D.1-a"]]


def test_plan_items_of_another_conference_are_refused(admin, conference):
    other = factories.make_conference(admin, slug="other")
    item = factories.make_plan_version(admin, other).items.first()
    with pytest.raises(DomainError, match="belongs to another conference"):
        add(admin, conference, "ATU", "ATU-1", "X", items=[item])


def test_repeated_code_and_unknown_rto_are_refused(admin, conference):
    add(admin, conference, "ATU", "ATU-1", "X")
    with pytest.raises(DomainError, match="ATU already has a priority ATU-1"):
        add(admin, conference, "ATU", "ATU-1", "Y")
    with pytest.raises(DomainError, match="Unknown RTO 'XYZ'; expected one of"):
        add(admin, conference, "XYZ", "X-1", "Y")


def test_update_and_remove(admin, conference, draft):
    made = add(admin, conference, "ATU", "ATU-1", "Old")
    domain.update_priority(
        user=admin, priority=made, title="New", plan_items=[draft.items.get(code="D.2-a")]
    )
    made.refresh_from_db()
    assert (made.title, list(made.plan_items.values_list("code", flat=True))) == ("New", ["D.2-a"])
    domain.remove_priority(user=admin, priority=made)
    assert RegionalPriority.objects.count() == 0


def test_private_conference_priorities_are_hidden_from_the_public(admin):
    private = factories.make_conference(admin, slug="closed", is_public=False)
    add(admin, private, "ATU", "ATU-1", "X")
    with pytest.raises(NotFound):
        list(queries.priorities_of(AnonymousUser(), private))


def test_priorities_by_rto_lists_every_rto_with_places_left(admin, conference, kenya, kenyan):
    domain.mandate_delegation(user=admin, rto="ATU", delegation=kenya)
    add(admin, conference, "ATU", "ATU-1", "X")
    rows = queries.priorities_by_rto(kenyan, conference)
    assert [(r.rto.code, len(r.priorities), r.places_left, r.writable) for r in rows] == [
        ("APT", 0, 5, False),
        ("ASMG", 0, 5, False),
        ("ATU", 1, 4, True),
        ("CEPT", 0, 5, False),
        ("CITEL", 0, 5, False),
        ("RCC", 0, 5, False),
    ]


def test_priorities_list_takes_a_fixed_number_of_queries(
    django_assert_max_num_queries, admin, conference, draft
):
    items = list(draft.items.all())
    for n, rto in enumerate(["ATU", "APT", "CEPT", "RCC", "ASMG", "CITEL"] * 2):
        add(admin, conference, rto, f"{rto}-{n}", f"P{n}", items=items[n % 3 : n % 3 + 2])
    reader = factories.make_secretariat()
    # standing (2), cap, RTOs written by the user, priorities, plan items, RTO list.
    with django_assert_max_num_queries(8):
        rows = queries.priorities_by_rto(reader, conference)
        codes = [[i.code for p in r.priorities for i in p.plan_items.all()] for r in rows]
    assert sum(len(c) for c in codes) == 24


def test_update_links_the_newer_versions_item_of_the_same_identifier(admin, conference, draft):
    # Links were compared by identifier: moving one to the same identifier in a newer version
    # was taken for "no change" and not saved.
    from accord.plans import domain as plans

    old = draft.items.get(code="D.2-a")
    newer = plans.create_plan_version(user=admin, plan=draft.plan, label="Second", based_on=draft)
    new = newer.items.get(code="D.2-a")
    made = add(admin, conference, "ATU", "ATU-1", "Skills", items=[old])

    domain.update_priority(user=admin, priority=made, plan_items=[new])

    assert list(RegionalPriority.objects.get().plan_items.values_list("pk", flat=True)) == [new.pk]
    entry = AuditEntry.objects.get(action="regional.priority_changed")
    assert entry.changes == {"plan_items": [["D.2-a (v1)"], ["D.2-a (v2)"]]}


def test_a_refused_update_leaves_the_priority_as_it_was(admin, conference, draft):
    # The title used to be changed on the object before the items were checked.
    other = factories.make_conference(admin, slug="other")
    foreign = factories.make_plan_version(admin, other).items.get(code="D.1-a")
    made = add(admin, conference, "ATU", "ATU-1", "Skills", "Text")

    with pytest.raises(DomainError) as raised:
        domain.update_priority(user=admin, priority=made, title="New", plan_items=[foreign])

    assert (raised.value.message, raised.value.field) == (
        "Plan item D.1-a belongs to another conference.",
        "plan_items",
    )
    assert (made.title, RegionalPriority.objects.get().title) == ("Skills", "Skills")
    assert AuditEntry.objects.filter(action="regional.priority_changed").count() == 0


def test_linking_items_checks_their_conference_in_a_fixed_number_of_queries(
    admin, conference, draft
):
    # Each item's conference used to be read with queries of its own (items as a form's
    # choices give them: read on their own, without their version and plan).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accord.plans.models import PlanItem

    items = list(PlanItem.objects.filter(version=draft).order_by("id"))

    def queries_for(code, chosen):
        with CaptureQueriesContext(connection) as captured:
            add(admin, conference, "ATU", code, "Skills", items=chosen)
        return len(captured)

    queries_for("ATU-0", items[:1])  # warm the caches
    assert queries_for("ATU-1", items[:1]) == queries_for("ATU-2", items)


def test_setting_the_same_cap_again_writes_no_entry(admin, conference):
    domain.set_cap(user=admin, conference=conference, cap=3)
    domain.set_cap(user=admin, conference=conference, cap=3)

    entries = AuditEntry.objects.filter(action="regional.cap_set")
    assert [e.changes for e in entries] == [{"cap": [5, 3]}]
