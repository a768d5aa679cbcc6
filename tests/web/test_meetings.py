"""The meeting pages: list and filters, a meeting's page, the secretariat's forms, calendar,
timeline and coordinators matrix; who may see and do what; queries per page."""

import datetime as dt
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.conferences import domain as people
from accord.meetings import domain
from accord.meetings.domain import AgendaEntry
from accord.meetings.enums import DocumentKind, MeetingKind, Topic
from accord.meetings.models import Meeting
from tests import factories
from tests.meetings.conftest import make_ipm, make_meeting

pytestmark = pytest.mark.integration

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def rpm(admin, conference):
    return make_meeting(admin, conference)


@pytest.fixture
def ipm(admin, conference, rpm):
    return make_ipm(admin, conference, back_to_back_with=rpm)


def url(name, *args):
    return reverse(name, args=args)


# --- List ---------------------------------------------------------------------------------------


def test_meetings_list_shows_meetings_to_public(client, conference, rpm, ipm):
    response = client.get(url("meetings", "conf"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "RPM-AFR" in html
    assert "IPM-1" in html
    assert "back to back with RPM-AFR" in html
    assert response.context["meetings"] == [rpm, ipm]
    assert "Schedule a meeting" not in html


def test_meetings_list_of_private_conference_hidden_from_public(client, admin, private_conference):
    make_meeting(admin, private_conference)

    response = client.get(url("meetings", "closed"))

    assert response.status_code == 404


def test_meetings_list_of_private_conference_forbidden_to_outsider(
    client, admin, private_conference, outsider
):
    make_meeting(admin, private_conference)
    client.force_login(outsider)

    assert client.get(url("meetings", "closed")).status_code == 403


def test_meetings_list_filters_by_kind_and_region(client, conference, rpm, ipm):
    by_kind = client.get(url("meetings", "conf"), {"kind": "ipm"})
    by_region = client.get(url("meetings", "conf"), {"region": "AFR"})
    interregional = client.get(url("meetings", "conf"), {"region": "none"})
    nothing = client.get(url("meetings", "conf"), {"region": "EUR"})

    assert by_kind.context["meetings"] == [ipm]
    assert by_region.context["meetings"] == [rpm]
    assert interregional.context["meetings"] == [ipm]
    assert nothing.context["meetings"] == []
    assert "No meeting matches these filters." in nothing.content.decode()


def test_meetings_list_unknown_filter_ignored(client, conference, rpm):
    response = client.get(url("meetings", "conf"), {"kind": "party"})

    assert response.status_code == 200
    assert response.context["meetings"] == [rpm]


def test_meetings_list_htmx_returns_table_only(client, conference, rpm):
    response = client.get(url("meetings", "conf"), {"kind": "rpm"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="meetings-table"')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_meetings_list_shows_schedule_button_to_secretariat(client, admin, conference):
    client.force_login(admin)

    assert "Schedule a meeting" in client.get(url("meetings", "conf")).content.decode()


def test_nav_links_to_meetings(client, conference):
    html = client.get(url("meetings", "conf")).content.decode()

    assert '<a href="/c/conf/meetings/" aria-current="page">Meetings</a>' in html


# --- A meeting's page ----------------------------------------------------------------------------


def test_meeting_page_agenda_links_to_published_plan(client, admin, conference, published, rpm):
    domain.set_agenda(
        user=admin, meeting=rpm, entries=[AgendaEntry("1", "Connectivity", ("D.1", "D.1-a"))]
    )

    response = client.get(url("meeting", "conf", rpm.pk))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{url("item", "conf", 1, "D.1-a")}"' in html
    assert f'href="{url("plan", "conf")}?version=1#priority-d1"' in html


def test_meeting_page_agenda_codes_without_link_when_plan_not_visible(
    client, admin, conference, draft, rpm
):
    domain.set_agenda(user=admin, meeting=rpm, entries=[AgendaEntry("1", "C", ("D.1-a",))])

    html = client.get(url("meeting", "conf", rpm.pk)).content.decode()

    assert '<span class="tag" title="Text of item 0 under priority 1' in html
    assert url("item", "conf", 1, "D.1-a") not in html


def test_meeting_page_shows_partner_both_ways(client, conference, rpm, ipm):
    rpm_html = client.get(url("meeting", "conf", rpm.pk)).content.decode()
    ipm_html = client.get(url("meeting", "conf", ipm.pk)).content.decode()

    assert f'href="{url("meeting", "conf", ipm.pk)}">IPM-1' in rpm_html
    assert f'href="{url("meeting", "conf", rpm.pk)}">RPM-AFR' in ipm_html


def test_meeting_page_of_other_conference_is_404(client, admin, conference, rpm):
    factories.make_conference(admin, slug="other")

    assert client.get(url("meeting", "other", rpm.pk)).status_code == 404


def test_meeting_page_hides_contributions_from_public(client, admin, conference, rpm, delegate):
    for symbol, kind in [("RPM-AFR/1", DocumentKind.REPORT), ("RPM-AFR/2", "contribution")]:
        domain.attach_document(user=admin, meeting=rpm, symbol=symbol, title=symbol, kind=kind)

    public = client.get(url("meeting", "conf", rpm.pk))
    client.force_login(delegate)
    participant = client.get(url("meeting", "conf", rpm.pk))

    assert [d.symbol for d in public.context["page"].documents] == ["RPM-AFR/1"]
    assert [d.symbol for d in participant.context["page"].documents] == ["RPM-AFR/1", "RPM-AFR/2"]


def test_meeting_page_ipm_representatives_for_participants_only(
    client, admin, conference, ipm, delegate
):
    domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=delegate.person)

    public = client.get(url("meeting", "conf", ipm.pk)).content.decode()
    client.force_login(delegate)
    participant = client.get(url("meeting", "conf", ipm.pk)).content.decode()

    assert "Mandated representatives" not in public
    assert "Mandated representatives" in participant
    assert "11 places are still open." in participant
    assert participant.count('<li class="meetings-gap">open place</li>') == 11


def test_meeting_document_download_as_attachment(
    client, admin, conference, rpm, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    document = domain.attach_document(
        user=admin,
        meeting=rpm,
        symbol="RPM-AFR/1",
        title="Report",
        kind=DocumentKind.REPORT,
        file=SimpleUploadedFile("Final report.txt", b"The report."),
    )

    response = client.get(url("meeting_document", "conf", rpm.pk, document.pk))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"The report."
    assert response["Content-Disposition"] == 'attachment; filename="Final report.txt"'


def test_meeting_contribution_download_hidden_from_public(
    client, admin, conference, rpm, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    document = domain.attach_document(
        user=admin,
        meeting=rpm,
        symbol="RPM-AFR/1",
        title="Proposal",
        kind=DocumentKind.CONTRIBUTION,
        file=SimpleUploadedFile("p.txt", b"P"),
    )

    assert client.get(url("meeting_document", "conf", rpm.pk, document.pk)).status_code == 404


# --- Forms ---------------------------------------------------------------------------------------

FORM = {
    "kind": "rpm",
    "code": "RPM-EUR",
    "title": "Regional preparatory meeting for Europe",
    "region": "EUR",
    "starts_on": "2027-03-09",
    "ends_on": "2027-03-11",
    "timezone": "Europe/Lisbon",
    "city": "Lisbon",
    "country": "Portugal",
    "contribution_days_before": "21",
    "representatives_per_region": "2",
}


def test_meeting_create_form_schedules_meeting(client, admin, conference):
    client.force_login(admin)

    response = client.post(url("meeting_create", "conf"), FORM)

    meeting = Meeting.objects.get(code="RPM-EUR")
    assert response.status_code == 302
    assert response["Location"] == url("meeting", "conf", meeting.pk)
    assert meeting.region.code == "EUR"
    assert meeting.contribution_deadline == dt.date(2027, 2, 16)


def test_meeting_create_form_shows_domain_refusal_on_field(client, admin, conference):
    client.force_login(admin)

    response = client.post(url("meeting_create", "conf"), FORM | {"region": ""})

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "region": ["A regional preparatory meeting needs its region."]
    }
    assert Meeting.objects.count() == 0


def test_meeting_create_form_end_before_start_shown(client, admin, conference):
    client.force_login(admin)

    response = client.post(url("meeting_create", "conf"), FORM | {"ends_on": "2027-03-01"})

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "ends_on": ["The last day (2027-03-01) is before the first (2027-03-09)."]
    }


@pytest.mark.parametrize("who", ["anonymous", "delegate", "chair"])
def test_meeting_create_forbidden_to_non_secretariat(client, admin, conference, who):
    if who == "delegate":
        client.force_login(
            factories.make_delegate(admin, factories.make_delegation(admin, conference), "d1")
        )
    elif who == "chair":
        client.force_login(factories.make_chair(admin, conference))

    response = client.post(url("meeting_create", "conf"), FORM)

    assert response.status_code == 403
    assert Meeting.objects.count() == 0


def test_meeting_edit_form_prefilled_and_saves(client, admin, conference, rpm):
    client.force_login(admin)

    page = client.get(url("meeting_edit", "conf", rpm.pk))
    data = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    data["title"] = "Africa RPM"
    response = client.post(url("meeting_edit", "conf", rpm.pk), data)

    assert page.status_code == 200
    assert response.status_code == 302
    rpm.refresh_from_db()
    assert rpm.title == "Africa RPM"
    assert rpm.region.code == "AFR"


def test_meeting_delete_removes_and_redirects(client, admin, conference, rpm):
    client.force_login(admin)

    response = client.post(url("meeting_delete", "conf", rpm.pk))

    assert response["Location"] == url("meetings", "conf")
    assert Meeting.objects.count() == 0


def test_meeting_agenda_form_by_meeting_chair(client, admin, conference, draft, chair):
    meeting = make_meeting(admin, conference, chair=chair.person)
    client.force_login(chair)

    response = client.post(
        url("meeting_agenda", "conf", meeting.pk),
        {"agenda": "1 | Opening\n2 | Connectivity | D.1, D.1-a"},
    )

    assert response.status_code == 302
    assert domain.agenda_as_text(meeting) == "1 | Opening\n2 | Connectivity | D.1, D.1-a"


def test_meeting_agenda_form_bad_line_reported(client, admin, conference, rpm):
    client.force_login(admin)

    response = client.post(url("meeting_agenda", "conf", rpm.pk), {"agenda": "no pipe here"})

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "agenda": [
            "Line 1: write 'number | title' or 'number | title | D.1, D.1-a', not 'no pipe here'."
        ]
    }


def test_meeting_agenda_form_forbidden_to_other_chair(client, admin, conference, rpm, chair):
    client.force_login(chair)

    assert client.get(url("meeting_agenda", "conf", rpm.pk)).status_code == 403


def test_document_attach_form(client, admin, conference, rpm, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(admin)

    response = client.post(
        url("meeting_document_attach", "conf", rpm.pk),
        {
            "symbol": "RPM-AFR/1",
            "title": "Report",
            "kind": "report",
            "file": SimpleUploadedFile("r.txt", b"R"),
        },
    )

    assert response.status_code == 302
    assert [d.original_name for d in rpm.documents.all()] == ["r.txt"]


def test_representative_form_cap_shown_on_field(client, admin, conference, ipm):
    client.force_login(admin)
    for name in ("A", "B"):
        person = people.create_person(user=admin, name=name)
        domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=person)
    third = people.create_person(user=admin, name="C")

    response = client.post(
        url("meeting_representative_add", "conf", ipm.pk), {"region": "AFR", "person": third.pk}
    )

    assert response.status_code == 400
    assert response.context["representative_form"].errors["region"] == [
        "Africa has already mandated 2 representatives to IPM-1, the most each region may "
        "send; withdraw one first or raise the number per region."
    ]


# --- Calendar ------------------------------------------------------------------------------------


def test_calendar_month_shows_meeting_and_deadline(client, conference, rpm):
    response = client.get(url("meetings_calendar", "conf"), {"month": "2026-10"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "October 2026" in html
    assert [s.key for s in response.context["month"].spans] == [
        f"deadline-{rpm.pk}",
        f"meeting-{rpm.pk}",
    ]
    assert 'data-date="2026-10-20"' in html
    assert 'href="/c/conf/meetings/calendar/?month=2026-09"' in html
    assert 'href="/c/conf/meetings/calendar/?month=2026-11"' in html


def test_calendar_year_boundary_navigation(client, conference):
    response = client.get(url("meetings_calendar", "conf"), {"month": "2026-12"})

    html = response.content.decode()
    assert "?month=2026-11" in html
    assert "?month=2027-01" in html


def test_calendar_bad_month_is_a_clear_400(client, conference):
    response = client.get(url("meetings_calendar", "conf"), {"month": "2026-13"})

    assert response.status_code == 400
    assert "&#x27;2026-13&#x27; is not a month" in response.content.decode()


def test_calendar_default_month_is_next_meeting(client, conference, rpm, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: dt.date(2026, 8, 1))

    response = client.get(url("meetings_calendar", "conf"))

    assert response.context["month"].first == dt.date(2026, 10, 1)


def test_calendar_htmx_returns_grid_only(client, conference, rpm):
    response = client.get(
        url("meetings_calendar", "conf"), {"month": "2026-10"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="meetings-calendar"')
    assert "<html" not in html


# --- Timeline ------------------------------------------------------------------------------------


def test_timeline_svg_is_well_formed_with_a_bar_per_meeting(client, admin, conference, rpm, ipm):
    make_meeting(admin, conference, "RPM-EUR", region="EUR", city="Lisbon", country="Portugal")

    response = client.get(url("meetings_timeline", "conf"))

    assert response.status_code == 200
    html = response.content.decode()
    svg_text = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    svg = ElementTree.fromstring(svg_text)
    bars = svg.findall(f".//{SVG}a")
    assert [b.get("data-key") for b in bars] == [
        f"meeting-{ipm.pk}",
        f"meeting-{rpm.pk}",
        "meeting-" + str(Meeting.objects.get(code="RPM-EUR").pk),
    ]
    assert [b.get("class") for b in bars] == [
        "meetings-bar meetings-bar--ipm",
        "meetings-bar meetings-bar--rpm",
        "meetings-bar meetings-bar--rpm",
    ]
    assert len(svg.findall(f".//{SVG}polygon")) == 3
    lanes = [g.get("data-lane") for g in svg.findall(f".//{SVG}g[@data-lane]")]
    assert lanes == ["interregional", "AFR", "AMS", "ARB", "ASP", "CIS", "EUR"]
    assert svg.find(f".//{SVG}g[@class='meetings-rule meetings-rule--opening']") is not None


def test_timeline_without_meetings_renders(client, conference):
    response = client.get(url("meetings_timeline", "conf"))

    assert response.status_code == 200
    assert "No meeting is scheduled yet." in response.content.decode()


def test_timeline_of_private_conference_hidden_from_public(client, admin, private_conference):
    assert client.get(url("meetings_timeline", "closed")).status_code == 404


# --- Coordinators --------------------------------------------------------------------------------


def test_coordinators_page_shows_gaps(client, admin, conference, published, delegate):
    domain.assign_coordinator(
        user=admin,
        conference=conference,
        region="AFR",
        topic=Topic.DECLARATION,
        person=delegate.person,
    )
    client.force_login(delegate)

    response = client.get(url("coordinators", "conf"))

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["matrix"].gaps == 35
    assert '<span class="figure__value" data-gaps>35</span>' in html
    assert html.count('class="meetings-cell meetings-cell--gap"') == 35
    assert "Delegate Delegate" in html or delegate.person.name in html


def test_coordinators_page_forbidden_to_public(client, conference):
    assert client.get(url("coordinators", "conf")).status_code == 403


def test_coordinator_add_form(client, admin, conference):
    person = people.create_person(user=admin, name="Amina")
    client.force_login(admin)

    response = client.post(
        url("coordinator_add", "conf"),
        {"region": "AFR", "topic": "questions", "person": person.pk},
    )

    assert response.status_code == 302
    assert conference.coordinators.get().person == person


def test_coordinator_add_form_priority_missing_shown(client, admin, conference, draft):
    person = people.create_person(user=admin, name="Amina")
    client.force_login(admin)

    response = client.post(
        url("coordinator_add", "conf"),
        {"region": "AFR", "topic": "priority", "person": person.pk},
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "priority": ["Choose the priority of the Action Plan."]
    }


# --- Query counts ---------------------------------------------------------------------------------


def count_queries(client, path, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200, path
    return len(captured)


@pytest.fixture
def one_and_many(admin):
    """``one``: an RPM and an IPM with one agenda item, document and representative;
    ``many``: 12 meetings (6 RPMs,
    6 IPMs back to back), each with 5 agenda items linked to the plan, 4 documents, 2
    representatives per region at the IPMs and coordinators."""
    one = factories.make_conference(admin, slug="one")
    many = factories.make_conference(admin, slug="many")
    factories.make_plan_version(admin, one)
    factories.make_plan_version(admin, many)
    m = make_ipm(admin, one, back_to_back_with=make_meeting(admin, one))
    domain.set_agenda(user=admin, meeting=m, entries=[AgendaEntry("1", "A", ("D.1",))])
    domain.attach_document(user=admin, meeting=m, symbol="S/1", title="S", kind="report")
    person = people.create_person(user=admin, name="Rep")
    domain.mandate_representative(user=admin, meeting=m, region="AFR", person=person)
    regions = ["AFR", "AMS", "ARB", "ASP", "CIS", "EUR"]
    for n, region in enumerate(regions):
        start = dt.date(2026, 9 + n // 3, 1 + 10 * (n % 3))
        rpm = make_meeting(
            admin, many, f"RPM-{region}", region=region, starts_on=start, ends_on=start
        )
        ipm = make_ipm(
            admin,
            many,
            f"IPM-{n}",
            starts_on=start + dt.timedelta(days=1),
            ends_on=start + dt.timedelta(days=2),
            back_to_back_with=rpm,
        )
        for meeting in (rpm, ipm):
            domain.set_agenda(
                user=admin,
                meeting=meeting,
                entries=[AgendaEntry(str(i), f"Item {i}", ("D.1", "D.2-1")) for i in range(5)],
            )
            for d in range(4):
                domain.attach_document(
                    user=admin,
                    meeting=meeting,
                    symbol=f"{meeting.code}/{d}",
                    title="Doc",
                    kind="contribution" if d % 2 else "report",
                )
        for r in regions:
            for k in range(2):
                person = people.create_person(user=admin, name=f"Rep {n} {r} {k}")
                domain.mandate_representative(user=admin, meeting=ipm, region=r, person=person)
        person = people.create_person(user=admin, name=f"Coordinator {region}")
        for topic in (Topic.RESOLUTIONS, Topic.QUESTIONS):
            domain.assign_coordinator(
                user=admin, conference=many, region=region, topic=topic, person=person
            )
    return one, many


@pytest.mark.parametrize("who", ["anonymous", "secretariat"])
@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("meetings", {}),
        ("meetings", {"kind": "rpm"}),
        ("meetings_calendar", {"month": "2026-09"}),
        ("meetings_timeline", {}),
        ("meetings_ical", {}),
    ],
)
def test_query_count_meeting_pages_independent_of_meetings(
    client, admin, one_and_many, who, page, params
):
    if who == "secretariat":
        client.force_login(admin)

    one = count_queries(client, url(page, "one"), **params)
    many = count_queries(client, url(page, "many"), **params)

    assert one == many


def test_query_count_meeting_page_independent_of_agenda_documents_and_mandates(
    client, admin, one_and_many
):
    client.force_login(admin)
    one = Meeting.objects.get(conference__slug="one", kind=MeetingKind.IPM)
    many = Meeting.objects.filter(conference__slug="many", kind=MeetingKind.IPM).first()

    small = count_queries(client, url("meeting", "one", one.pk))
    large = count_queries(client, url("meeting", "many", many.pk))

    assert small == large


def test_query_count_coordinators_independent_of_coordinators(client, admin, one_and_many):
    client.force_login(admin)

    assert count_queries(client, url("coordinators", "one")) == count_queries(
        client, url("coordinators", "many")
    )


def test_representative_withdraw_frees_place(client, admin, conference, ipm):
    person = people.create_person(user=admin, name="A")
    rep = domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=person)
    client.force_login(admin)

    response = client.post(url("meeting_representative_remove", "conf", ipm.pk, rep.pk))

    assert response.status_code == 302
    assert ipm.representatives.count() == 0


def test_representative_withdraw_of_other_meeting_is_404(client, admin, conference, rpm, ipm):
    person = people.create_person(user=admin, name="A")
    rep = domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=person)
    client.force_login(admin)

    response = client.post(url("meeting_representative_remove", "conf", rpm.pk, rep.pk))

    assert response.status_code == 404
    assert ipm.representatives.count() == 1


def test_coordinator_remove_forbidden_to_delegate(client, admin, conference, delegate):
    coordinator = domain.assign_coordinator(
        user=admin, conference=conference, region="AFR", topic="questions", person=delegate.person
    )
    client.force_login(delegate)

    response = client.post(url("coordinator_remove", "conf", coordinator.pk))

    assert response.status_code == 403
    assert conference.coordinators.count() == 1


def test_coordinator_remove_by_secretariat(client, admin, conference, delegate):
    coordinator = domain.assign_coordinator(
        user=admin, conference=conference, region="AFR", topic="questions", person=delegate.person
    )
    client.force_login(admin)

    response = client.post(url("coordinator_remove", "conf", coordinator.pk))

    assert response["Location"] == url("coordinators", "conf")
    assert conference.coordinators.count() == 0
